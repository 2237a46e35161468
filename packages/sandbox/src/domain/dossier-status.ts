/** Dossier statuses with their National Public Service Portal `TrangThaiHoSo` codes. */
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

export type DossierStatus = keyof typeof DOSSIER_STATUS_CODES;
export const DOSSIER_STATUSES = Object.keys(DOSSIER_STATUS_CODES) as DossierStatus[];

/** Moves an officer may make (the citizen's own moves are withdraw and supplement). */
const OFFICER_MOVES: Record<DossierStatus, readonly DossierStatus[]> = {
  moi_dang_ky: ["da_tiep_nhan", "khong_tiep_nhan"],
  da_tiep_nhan: ["dang_xu_ly", "yeu_cau_bo_sung"],
  khong_tiep_nhan: [],
  dang_xu_ly: ["yeu_cau_bo_sung", "nghia_vu_tai_chinh", "dung_xu_ly", "da_xu_ly_xong"],
  yeu_cau_bo_sung: ["dang_xu_ly", "dung_xu_ly"],
  nghia_vu_tai_chinh: ["dang_xu_ly", "da_xu_ly_xong"],
  da_rut: [],
  dung_xu_ly: ["dang_xu_ly"],
  da_xu_ly_xong: ["da_tra_ket_qua"],
  da_tra_ket_qua: [],
};

const WITHDRAWABLE: ReadonlySet<DossierStatus> = new Set([
  "moi_dang_ky",
  "da_tiep_nhan",
  "dang_xu_ly",
  "yeu_cau_bo_sung",
  "nghia_vu_tai_chinh",
  "dung_xu_ly",
]);

export function canOfficerMove(from: DossierStatus, to: DossierStatus): boolean {
  return OFFICER_MOVES[from].includes(to);
}

export function officerMovesFrom(from: DossierStatus): readonly DossierStatus[] {
  return OFFICER_MOVES[from];
}

export function canWithdraw(status: DossierStatus): boolean {
  return WITHDRAWABLE.has(status);
}

/** Statuses that end processing with an outcome the timeliness is judged on. */
export function isFinished(status: DossierStatus): boolean {
  return status === "da_xu_ly_xong" || status === "da_tra_ket_qua";
}

/** Statuses with no timeliness: the dossier never ran to a result. */
export function isAbandoned(status: DossierStatus): boolean {
  return status === "khong_tiep_nhan" || status === "da_rut";
}
