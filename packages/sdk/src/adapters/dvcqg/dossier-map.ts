import {
  DOSSIER_STATUS_CODES,
  type DossierStatus,
  DVCQG_APPLICANT_TYPE,
  DVCQG_CHANNEL,
  DVCQG_STATUS,
  type DvcqgHoSo,
  type DvcqgTienDo,
  isUnknownCode,
  parseCompactDate,
  parseDossierCode,
  toVnIso,
} from "@vnegov/domain";
import type { Dossier, DossierHistoryEntry } from "../../types.js";
import { maskedApplicant, statusFields, vnIsoOrNull } from "../dossier-fields.js";
import type { PortalDossier } from "../portal-api.js";

/** How many progress steps `include: "recentHistory"` keeps, as the canonical API. */
const RECENT_HISTORY = 5;

const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
const text = (value: unknown) =>
  typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
const ms = (value: unknown) => parseCompactDate(value)?.getTime() ?? null;

/** Enough of a file's type to open it; the wire only gives its name. */
function contentTypeOf(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const types: Record<string, string> = {
    pdf: "application/pdf",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    png: "image/png",
    doc: "application/msword",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    xml: "application/xml",
  };
  return (ext && types[ext]) || "application/octet-stream";
}

/** `TaiLieuNop` as attachments. Size and digest are not on the wire: 0 and "". */
function attachments(hoSo: DvcqgHoSo): Dossier["attachments"] {
  return list(hoSo.TaiLieuNop)
    .filter((file) => !["1", "true"].includes(text(file?.IsDeleted).toLowerCase()))
    .map((file) => ({
      id: text(file.TepDinhKemId),
      fieldKey: text(file.MaThanhPhanHoSo) || null,
      fileName: text(file.TenTepDinhKem),
      contentType: contentTypeOf(text(file.TenTepDinhKem)),
      size: 0,
      sha256: "",
    }));
}

function fee(hoSo: DvcqgHoSo): number {
  return list(hoSo.DanhSachLePhi).reduce((sum, line) => {
    const digits = text(line?.Gia).replace(/\D/g, "");
    return sum + (digits === "" ? 0 : Number(digits));
  }, 0);
}

/**
 * The progress list as history entries, oldest first. A step whose status no table knows
 * is left out (a history entry's status cannot be unknown); it still counts as the
 * previous status of the next one.
 */
export function historyOf(steps: DvcqgTienDo[], code: string): DossierHistoryEntry[] {
  const out: DossierHistoryEntry[] = [];
  let previous: DossierStatus | null = null;
  for (const [i, step] of steps.entries()) {
    const decoded = DVCQG_STATUS.decode(text(step?.TrangThai));
    const at = ms(step?.ThoiDiemXuLy);
    if (isUnknownCode(decoded) || at === null) {
      previous = null;
      continue;
    }
    out.push({
      // The wire has no step ids; position is stable because steps are only appended.
      id: `dvcqg:${code}:${i + 1}`,
      status: decoded.value,
      statusCode: DOSSIER_STATUS_CODES[decoded.value],
      previousStatus: previous,
      at: toVnIso(at),
      actor: { kind: "officer", name: text(step.NguoiXuLy) || null },
      note: text(step.NoiDungXuLy) || null,
    });
    previous = decoded.value;
  }
  return out;
}

function pendingAction(
  status: DossierStatus | "unknown",
  hoSo: DvcqgHoSo,
  steps: DvcqgTienDo[],
  amount: number,
): Dossier["pendingAction"] {
  const lastStep = steps.at(-1);
  const stepAt = ms(lastStep?.ThoiDiemXuLy);
  if (status === "yeu_cau_bo_sung") {
    const round = list(hoSo.DanhSachHoSoBoSung).at(-1);
    const requestedAt = ms(round?.NgayBoSung) ?? stepAt;
    if (requestedAt === null) return null;
    return {
      kind: "supplement",
      note: text(round?.NoiDungBoSung) || text(lastStep?.NoiDungXuLy),
      requestedAt: toVnIso(requestedAt),
    };
  }
  if (status === "nghia_vu_tai_chinh" && stepAt !== null) {
    return {
      kind: "payment",
      note: text(lastStep?.NoiDungXuLy),
      requestedAt: toVnIso(stepAt),
      amount: { amount, currency: "VND" },
    };
  }
  return null;
}

/**
 * A `TraCuuHoSo` record as a {@link PortalDossier}: codes through the tables (unknown ones
 * kept raw in `wireCodes`), dates from `yyyyMMddHHmmss`, identifiers masked as the canonical
 * API masks them, timeliness derived from the appointment date.
 */
export function dossierOf(hoSo: DvcqgHoSo, nowMs: number, withHistory: boolean): PortalDossier {
  const code = text(hoSo.MaHoSo);
  const status = DVCQG_STATUS.decode(text(hoSo.TrangThaiHoSo));
  const channel = DVCQG_CHANNEL.decode(text(hoSo.KenhThucHien));
  const type = DVCQG_APPLICANT_TYPE.decode(text(hoSo.LoaiDoiTuong));
  const steps = list(hoSo.QuaTrinhXuLy);
  const parsedCode = parseDossierCode(code);
  const submitted =
    ms(hoSo.NgayNopHoSo) ??
    // Without a submission date, the code's own day (00:00 in Vietnam) is the best known.
    (parsedCode ? Date.parse(`${parsedCode.date}T00:00:00+07:00`) : nowMs);
  const appointment = ms(hoSo.NgayHenTra);
  const completed = ms(hoSo.NgayKetThucXuLy) ?? ms(hoSo.NgayTra);
  const known = isUnknownCode(status) ? undefined : status.value;
  const amount = fee(hoSo);
  // No "updated" field on the wire: the latest instant it mentions.
  const instants = [
    submitted,
    ms(hoSo.NgayTiepNhan),
    completed,
    ms(hoSo.NgayTra),
    ms(hoSo.NgayTuChoi),
    ...steps.map((s) => ms(s?.ThoiDiemXuLy)),
  ].filter((t): t is number => t !== null);
  const dossier: PortalDossier = {
    code,
    procedureCode: text(hoSo.MaTTHC),
    procedureName: text(hoSo.TenTTHC),
    agencyCode: parsedCode?.agencyCode ?? "",
    agencyName: text(hoSo.DonViXuLy),
    ...statusFields(known ?? null, appointment, completed, nowMs),
    channel: isUnknownCode(channel) ? "unknown" : channel.value,
    applicant: maskedApplicant(
      // Applicant types have no "unknown"; "other" is the honest reading, the raw code is in wireCodes.
      isUnknownCode(type) ? "to_chuc_khac" : type.value,
      text(hoSo.ChuHoSo),
      text(hoSo.SoGiayToChuHoSo),
      text(hoSo.SoDienThoai),
    ),
    formData: {},
    attachments: attachments(hoSo),
    fee: { amount, currency: "VND" },
    submittedAt: toVnIso(submitted),
    receivedAt: vnIsoOrNull(ms(hoSo.NgayTiepNhan)),
    appointmentAt: vnIsoOrNull(appointment),
    completedAt: vnIsoOrNull(completed),
    updatedAt: toVnIso(Math.max(...instants)),
    pendingAction: pendingAction(known ?? "unknown", hoSo, steps, amount),
    wireCodes: {
      status: text(hoSo.TrangThaiHoSo),
      channel: text(hoSo.KenhThucHien),
      applicantType: text(hoSo.LoaiDoiTuong),
    },
  };
  if (withHistory) dossier.recentHistory = historyOf(steps, code).slice(-RECENT_HISTORY);
  return dossier;
}
