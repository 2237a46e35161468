import { DOSSIER_STATUSES, type DossierStatus } from "../dossier-status.js";
import { VN_OFFSET_MS } from "../time.js";
import { type CodeTable, codeTable } from "./code-table.js";

/**
 * VNPT iGate ("digo") wire codes, shared by `@vnegov/sdk/igate` and the sandbox's iGate
 * emulator so both read one table. iGate publishes no specification: its numeric
 * `dossier-status` ids, `applyMethod` ids and date format are **[UNCONFIRMED]** (see
 * `shared/reference/vn-egov.md` §1.5 and §1.9). The defaults below are the emulator's and the
 * adapter's assumption; a deployment whose ids differ passes its own table
 * ({@link igateDossierStatusTable}).
 */

/**
 * Our dossier statuses → iGate `dossierStatus.id` (assumed). They deliberately do not equal
 * DVCQG's `TrangThaiHoSo` 1–10, so code that confuses the two wires fails loudly in tests.
 */
export const IGATE_DOSSIER_STATUS_IDS: Readonly<Record<DossierStatus, number>> = {
  moi_dang_ky: 0, // Chờ tiếp nhận: submitted online, not yet received
  da_tiep_nhan: 1, // Đã tiếp nhận
  dang_xu_ly: 2, // Đang xử lý
  yeu_cau_bo_sung: 3, // Chờ bổ sung
  nghia_vu_tai_chinh: 4, // Chờ thực hiện nghĩa vụ tài chính
  da_xu_ly_xong: 5, // Có kết quả
  khong_tiep_nhan: 6, // Không tiếp nhận (từ chối)
  da_rut: 7, // Đã rút hồ sơ
  dung_xu_ly: 8, // Dừng xử lý
  da_tra_ket_qua: 9, // Đã trả kết quả
};

/** The Vietnamese names iGate shows for its statuses (`dossierStatus.name[]`), as assumed. */
export const IGATE_DOSSIER_STATUS_NAMES: Readonly<Record<DossierStatus, string>> = {
  moi_dang_ky: "Chờ tiếp nhận",
  da_tiep_nhan: "Đã tiếp nhận",
  dang_xu_ly: "Đang xử lý",
  yeu_cau_bo_sung: "Chờ bổ sung",
  nghia_vu_tai_chinh: "Chờ thực hiện nghĩa vụ tài chính",
  da_xu_ly_xong: "Có kết quả",
  khong_tiep_nhan: "Không tiếp nhận",
  da_rut: "Đã rút hồ sơ",
  dung_xu_ly: "Dừng xử lý",
  da_tra_ket_qua: "Đã trả kết quả",
};

/** A deployment's own status ids, for the statuses whose ids differ from the defaults. */
export type IgateStatusOverrides = Readonly<Partial<Record<DossierStatus, number>>>;

/**
 * The iGate status table (`igate.dossierStatus`): the defaults with `overrides` applied.
 * Throws a `RangeError` when an override is not a non-negative integer or two statuses end up
 * sharing one id, so a bad configuration fails at start-up, not on the first dossier.
 */
export function igateDossierStatusTable(
  overrides: IgateStatusOverrides = {},
): CodeTable<DossierStatus> {
  const entries = {} as Record<DossierStatus, string>;
  for (const status of DOSSIER_STATUSES) {
    const id = overrides[status] ?? IGATE_DOSSIER_STATUS_IDS[status];
    if (!Number.isSafeInteger(id) || id < 0)
      throw new RangeError(`igate status id of ${status} must be a non-negative integer`);
    entries[status] = String(id);
  }
  for (const status of Object.keys(overrides))
    if (!DOSSIER_STATUSES.includes(status as DossierStatus))
      throw new RangeError(`igate status override names no dossier status: ${status}`);
  try {
    return codeTable("igate.dossierStatus", entries);
  } catch (error) {
    throw new RangeError((error as Error).message);
  }
}

/** The default iGate status table. */
export const igateDossierStatus: CodeTable<DossierStatus> = igateDossierStatusTable();

/** How a dossier was submitted (kênh thực hiện). */
export type IgateChannel = "truc_tiep" | "truc_tuyen" | "buu_chinh";

/**
 * `applyMethod.id` (assumed): 0 at the counter, 1 online, 2 by public post. Unlike DVCQG's
 * `KenhThucHien` 1/2/3, on purpose (see {@link IGATE_DOSSIER_STATUS_IDS}).
 */
export const igateApplyMethod: CodeTable<IgateChannel> = codeTable("igate.applyMethod", {
  truc_tiep: "0",
  truc_tuyen: "1",
  buu_chinh: "2",
});

/** `applyMethod.name` as iGate shows it. */
export const IGATE_APPLY_METHOD_NAMES: Readonly<Record<IgateChannel, string>> = {
  truc_tiep: "Trực tiếp",
  truc_tuyen: "Trực tuyến",
  buu_chinh: "Qua bưu chính công ích",
};

/** Who applies (loại đối tượng). */
export type IgateApplicantType = "cong_dan" | "doanh_nghiep" | "co_quan_nha_nuoc" | "to_chuc_khac";

/**
 * `applicant.data.applicantTypeId` (assumed field, modelled on DVCQG's `LoaiDoiTuong` 1–4,
 * which iGate syncs to the national portal).
 */
export const igateApplicantType: CodeTable<IgateApplicantType> = codeTable("igate.applicantType", {
  cong_dan: "1",
  doanh_nghiep: "2",
  co_quan_nha_nuoc: "3",
  to_chuc_khac: "4",
});

/** iGate's `languageId` of Vietnamese in `translate[]`/`name[]` lists (assumed). */
export const IGATE_LANGUAGE_VI = 228;
/** iGate's `languageId` of English (assumed). */
export const IGATE_LANGUAGE_EN = 46;

/**
 * An instant as iGate's API writes it (assumed): ISO 8601 local time in Asia/Ho_Chi_Minh with
 * milliseconds and offset, the shape a Spring/Jackson service configured for Vietnam emits.
 *
 * @example
 * formatIgateDate(Date.parse("2024-05-24T03:15:00Z")); // "2024-05-24T10:15:00.000+07:00"
 */
export function formatIgateDate(ms: number): string {
  return `${new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 23)}+07:00`;
}

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Epoch milliseconds of an iGate date, or `null` for an absent or unreadable one. Reads any ISO
 * 8601 instant with a zone (`Z`, `+07:00`, and Jackson's older `+0700`), so a deployment that
 * writes UTC still reads right; a bare date is taken as midnight in Vietnam.
 */
export function parseIgateDate(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const ms = Date.parse(`${value}T00:00:00+07:00`);
    return Number.isNaN(ms) ? null : ms;
  }
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [, date, time, zone] = match as unknown as [string, string, string, string];
  // Date.parse wants at most milliseconds and a colon in the offset.
  const [clock, fraction = ""] = time.split(".");
  const millis = fraction ? `.${fraction.slice(0, 3).padEnd(3, "0")}` : "";
  const offset = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = Date.parse(`${date}T${clock}${millis}${offset}`);
  return Number.isNaN(ms) ? null : ms;
}
