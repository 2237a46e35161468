import type { DossierStatus } from "@vnegov/domain";

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
