/**
 * Administrative document types of Decree 30/2020/NĐ-CP (Điều 7) with their abbreviations
 * (Phụ lục III). Công văn has none: its notation is `{issuer}-{drafting unit}`. The same table
 * as the server, whose `DocumentType` enum uses these keys.
 */
export const DOCUMENT_TYPE_ABBREVIATIONS = Object.freeze({
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
} as const);

/** An administrative document type (loại văn bản) of Decree 30/2020, e.g. `chi_thi`. */
export type DocumentType = keyof typeof DOCUMENT_TYPE_ABBREVIATIONS;

const upper = (s: string): string => s.normalize("NFC").toUpperCase();
const ascii = (s: string): string => upper(s).replace(/Đ/g, "D");

const BY_ABBREVIATION = new Map<string, DocumentType>();
const BY_ASCII = new Map<string, DocumentType | null>();
for (const [type, abbreviation] of Object.entries(DOCUMENT_TYPE_ABBREVIATIONS) as Array<
  [DocumentType, string | null]
>) {
  if (abbreviation === null) continue;
  // Upper-cased keys are still unique (QYĐ, CTR, TTR), so case can be ignored safely.
  BY_ABBREVIATION.set(upper(abbreviation), type);
  const key = ascii(abbreviation);
  // null marks a key two types share.
  BY_ASCII.set(key, BY_ASCII.has(key) ? null : type);
}

/**
 * The document type an abbreviation stands for, or null when it is none of Decree 30's.
 * Case is ignored (`QyĐ`, `QYĐ`). `D` typed for `Đ` is accepted only where that is
 * unambiguous: `QD` → quyết định, `CD` → công điện, `QYD` → quy định; but `DA` stays dự án and
 * `HD` hướng dẫn, never đề án or hợp đồng.
 *
 * @example
 * documentTypeFromAbbreviation("CT"); // "chi_thi"
 * documentTypeFromAbbreviation("NĐ"); // null (nghị định is a legal normative type)
 */
export function documentTypeFromAbbreviation(abbreviation: string): DocumentType | null {
  if (typeof abbreviation !== "string") return null;
  const exact = BY_ABBREVIATION.get(upper(abbreviation));
  if (exact) return exact;
  const key = ascii(abbreviation);
  // An ASCII key that is itself some abbreviation (DA, HD) was answered above; never guess.
  return BY_ABBREVIATION.has(key) ? null : (BY_ASCII.get(key) ?? null);
}
