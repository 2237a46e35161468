/**
 * The National Public Service Portal (DVCQG) integration wire: its code tables, services and
 * error codes, shared by the SDK adapter (`@vnegov/sdk/dvcqg`) and the sandbox's emulator so
 * there is one table. Source: `shared/reference/vn-egov.md` §1.5, §1.6, §1.8.
 */
import { DOSSIER_STATUS_CODES, type DossierStatus } from "../dossier-status.js";
import { type CodeTable, codeTable } from "./code-table.js";

export type * from "./dvcqg-records.js";

type Channel = "truc_tiep" | "truc_tuyen" | "buu_chinh";
type ApplicantType = "cong_dan" | "doanh_nghiep" | "co_quan_nha_nuoc" | "to_chuc_khac";
type OnlineLevel = "toan_trinh" | "mot_phan" | "thong_tin";

/**
 * `TrangThaiHoSo` "1"–"10". DVCQG's own English keys (what it sends back, per Thanh Hóa's
 * `FormatTrangThaiHoSoDVCQG`) are decoded too. `interoperating` and `posting`, which that
 * code maps to 0 "meaning unknown", stay unknown.
 */
export const DVCQG_STATUS: CodeTable<DossierStatus> = codeTable(
  "dvcqg.TrangThaiHoSo",
  Object.fromEntries(
    Object.entries(DOSSIER_STATUS_CODES).map(([status, code]) => [status, String(code)]),
  ) as Record<DossierStatus, string>,
  {
    receiving: "moi_dang_ky",
    new: "da_tiep_nhan",
    denied: "khong_tiep_nhan",
    processing: "dang_xu_ly",
    waiting: "yeu_cau_bo_sung",
    paying: "nghia_vu_tai_chinh",
    cancelled: "da_rut",
    unresolved: "dung_xu_ly",
    releasing: "da_xu_ly_xong",
    done: "da_tra_ket_qua",
  },
);

/** `KenhThucHien`: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
export const DVCQG_CHANNEL: CodeTable<Channel> = codeTable("dvcqg.KenhThucHien", {
  truc_tiep: "1",
  truc_tuyen: "2",
  buu_chinh: "3",
});

/** `LoaiDoiTuong`: 1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức khác. */
export const DVCQG_APPLICANT_TYPE: CodeTable<ApplicantType> = codeTable("dvcqg.LoaiDoiTuong", {
  cong_dan: "1",
  doanh_nghiep: "2",
  co_quan_nha_nuoc: "3",
  to_chuc_khac: "4",
});

/** `MucDo`: the old level numbers reused, "2" information, "3" partly, "4" fully online. */
export const DVCQG_ONLINE_LEVEL: CodeTable<OnlineLevel> = codeTable("dvcqg.MucDo", {
  thong_tin: "2",
  mot_phan: "3",
  toan_trinh: "4",
});

/** `HinhThuc` (how the result is handed over): 0 at the counter, 1 by post [semantics UNCONFIRMED]. */
export const DVCQG_RESULT_DELIVERY: CodeTable<"tai_quay" | "buu_chinh"> = codeTable(
  "dvcqg.HinhThuc",
  { tai_quay: "0", buu_chinh: "1" },
);

/** The services of the integration (`service` in every body) and share endpoints. */
export const DVCQG_SERVICES = {
  procedure: "LayThuTuc",
  procedures: "LayDanhSachTTHC",
  lookup: "TraCuuHoSo",
  sync: "DongBoHoSoMC",
  progress: "CapNhatTienDoHoSoMC",
} as const;

/** A DVCQG service name. */
export type DvcqgService = (typeof DVCQG_SERVICES)[keyof typeof DVCQG_SERVICES];

/**
 * Error codes the sandbox's emulator answers with (inside HTTP 200). The real codes are not
 * published [UNCONFIRMED], except "3"/"-3" with a message containing "đã tồn tại" (Thanh
 * Hóa), so readers also go by the message.
 */
export const DVCQG_ERROR_CODES = {
  sessionInvalid: "-1",
  loginFailed: "-2",
  exists: "-3",
  notFound: "-4",
  invalidData: "-5",
  unknownAgency: "-6",
  unknownService: "-7",
  serverError: "-99",
} as const;

/** Progress items per `CapNhatTienDoHoSoMC` call: Thanh Hóa sends chunks of 10 [IMPL]. */
export const DVCQG_PROGRESS_BATCH = 10;

/** Whether an `error_code` means success: `"00"` (OpenCPS), `"0"` (Thanh Hóa) or `0`. */
export function isDvcqgSuccess(code: unknown): boolean {
  if (typeof code === "number") return code === 0;
  return typeof code === "string" && /^0{1,2}$/.test(code.trim());
}
