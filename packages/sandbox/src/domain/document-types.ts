/** Type abbreviations of Decree 30/2020/NĐ-CP (Phụ lục III); công văn has none. */
export const TYPE_ABBREVIATIONS: Record<string, string | null> = {
  nghi_quyet: "NQ",
  quyet_dinh: "QĐ",
  chi_thi: "CT",
  quy_che: "QC",
  quy_dinh: "QyĐ",
  thong_cao: "TC",
  thong_bao: "TB",
  huong_dan: "HD",
  chuong_trinh: "CTr",
  ke_hoach: "KH",
  phuong_an: "PA",
  de_an: "ĐA",
  du_an: "DA",
  bao_cao: "BC",
  bien_ban: "BB",
  to_trinh: "TTr",
  hop_dong: "HĐ",
  cong_van: null,
  cong_dien: "CĐ",
  ban_ghi_nho: "BGN",
  ban_thoa_thuan: "BTT",
  giay_uy_quyen: "GUQ",
  giay_moi: "GM",
  giay_gioi_thieu: "GGT",
  giay_nghi_phep: "GNP",
  phieu_gui: "PG",
  phieu_chuyen: "PC",
  phieu_bao: "PB",
};

/**
 * Whether a notation carries its type's abbreviation first (`CT-TTg` for a chỉ thị, after an
 * optional `2020/` year part); a công văn's notation must not start with any type abbreviation.
 */
export function notationMatchesType(notation: string, type: string): boolean {
  const first = notation.replace(/^\d{4}\//, "").split("-")[0] ?? "";
  const expected = TYPE_ABBREVIATIONS[type];
  if (expected === undefined) return false;
  if (expected === null) return !Object.values(TYPE_ABBREVIATIONS).includes(first);
  return first.normalize("NFC") === expected.normalize("NFC");
}
