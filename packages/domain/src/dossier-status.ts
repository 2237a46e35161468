import { vnDateString } from "./time.js";

/**
 * Dossier statuses with their National Public Service Portal `TrangThaiHoSo` codes (1–10).
 * Every wire maps onto these; `shared/reference/vn-egov.md` §1.5 has the source.
 */
export const DOSSIER_STATUS_CODES = {
  moi_dang_ky: 1,
  da_tiep_nhan: 2,
  khong_tiep_nhan: 3,
  dang_xu_ly: 4,
  yeu_cau_bo_sung: 5,
  nghia_vu_tai_chinh: 6,
  da_rut: 7,
  dung_xu_ly: 8,
  da_xu_ly_xong: 9,
  da_tra_ket_qua: 10,
} as const;

/** A dossier's status (trạng thái hồ sơ). */
export type DossierStatus = keyof typeof DOSSIER_STATUS_CODES;

/** Every status, in code order. */
export const DOSSIER_STATUSES = Object.keys(DOSSIER_STATUS_CODES) as DossierStatus[];

/** Statuses that end processing with an outcome the timeliness is judged on. */
export function isFinished(status: DossierStatus): boolean {
  return status === "da_xu_ly_xong" || status === "da_tra_ket_qua";
}

/** Statuses with no timeliness: the dossier never ran to a result. */
export function isAbandoned(status: DossierStatus): boolean {
  return status === "khong_tiep_nhan" || status === "da_rut";
}

/** Before, on, or past the appointment day (ngày hẹn trả). */
export type Timeliness = "truoc_han" | "dung_han" | "qua_han";

/**
 * Derives timeliness from the appointment date; never stored. A finished dossier is judged
 * by its completion day against the appointment day; an open one by today.
 */
export function timelinessOf(
  status: DossierStatus,
  appointmentMs: number | null,
  completedMs: number | null,
  nowMs: number,
): Timeliness | null {
  if (appointmentMs === null || isAbandoned(status)) return null;
  const finished = isFinished(status) && completedMs !== null;
  const reference = finished ? completedMs : nowMs;
  if (reference > appointmentMs) return "qua_han";
  return vnDateString(reference) === vnDateString(appointmentMs) ? "dung_han" : "truoc_han";
}
