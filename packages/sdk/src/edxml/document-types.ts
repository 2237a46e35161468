import { type DocumentType, documentTypeFromAbbreviation, foldDiacritics } from "@vnegov/domain";

/**
 * Decree 30/2020/NĐ-CP document types (the Document API's `type` enum) and how they appear in
 * edXML `DocumentType`.
 *
 * [UNCONFIRMED] The QCVN 102 numeric `Type` list was not available. The only sample has
 * `1` = Công văn; the other codes here are this SDK's own (2–28 in the order of Điều 7 of the
 * decree) and receivers should rely on `TypeName`, which is why reading matches the name
 * first, then the type abbreviation in the notation (`CT` in `16/CT-TTg`), then the code.
 */

/** A Decree 30 document type as the Document API names it. */
export type ApiDocumentType = DocumentType;

/** How one document type is written in edXML. */
export interface EdxmlDocumentTypeEntry {
  /** `DocumentType/Type` [UNCONFIRMED except 1 = Công văn]. */
  readonly code: number;
  /** `DocumentType/TypeName`, the Vietnamese name. */
  readonly name: string;
}

/** Every Document API type with its edXML code and name. */
export const EDXML_DOCUMENT_TYPES: Readonly<Record<ApiDocumentType, EdxmlDocumentTypeEntry>> =
  Object.freeze({
    cong_van: { code: 1, name: "Công văn" },
    nghi_quyet: { code: 2, name: "Nghị quyết" },
    quyet_dinh: { code: 3, name: "Quyết định" },
    chi_thi: { code: 4, name: "Chỉ thị" },
    quy_che: { code: 5, name: "Quy chế" },
    quy_dinh: { code: 6, name: "Quy định" },
    thong_cao: { code: 7, name: "Thông cáo" },
    thong_bao: { code: 8, name: "Thông báo" },
    huong_dan: { code: 9, name: "Hướng dẫn" },
    chuong_trinh: { code: 10, name: "Chương trình" },
    ke_hoach: { code: 11, name: "Kế hoạch" },
    phuong_an: { code: 12, name: "Phương án" },
    de_an: { code: 13, name: "Đề án" },
    du_an: { code: 14, name: "Dự án" },
    bao_cao: { code: 15, name: "Báo cáo" },
    bien_ban: { code: 16, name: "Biên bản" },
    to_trinh: { code: 17, name: "Tờ trình" },
    hop_dong: { code: 18, name: "Hợp đồng" },
    cong_dien: { code: 19, name: "Công điện" },
    ban_ghi_nho: { code: 20, name: "Bản ghi nhớ" },
    ban_thoa_thuan: { code: 21, name: "Bản thỏa thuận" },
    giay_uy_quyen: { code: 22, name: "Giấy ủy quyền" },
    giay_moi: { code: 23, name: "Giấy mời" },
    giay_gioi_thieu: { code: 24, name: "Giấy giới thiệu" },
    giay_nghi_phep: { code: 25, name: "Giấy nghỉ phép" },
    phieu_gui: { code: 26, name: "Phiếu gửi" },
    phieu_chuyen: { code: 27, name: "Phiếu chuyển" },
    phieu_bao: { code: 28, name: "Phiếu báo" },
  });

const ENTRIES = Object.entries(EDXML_DOCUMENT_TYPES) as [ApiDocumentType, EdxmlDocumentTypeEntry][];

/** A folded type name: no diacritics (`Thoả`/`Thỏa` compare equal), remarks like "(cá biệt)" dropped. */
const foldName = (name: string) => foldDiacritics(name.replace(/\([^)]*\)/g, " "));

const BY_NAME = new Map(ENTRIES.map(([type, entry]) => [foldName(entry.name), type]));
const BY_CODE = new Map(ENTRIES.map(([type, entry]) => [entry.code, type]));

/**
 * The Document API type of an edXML `DocumentType`, or `null` when nothing matches. Tries the
 * name, then the abbreviation that starts the notation's last `/` segment (`NQ` in
 * `2020/NQ-HĐND`), then the numeric code.
 *
 * @example
 * documentTypeFromEdxml({ type: 99, typeName: "CHỈ THỊ" }, "CT-TTg"); // "chi_thi"
 * documentTypeFromEdxml({ type: 1, typeName: "" }, "UBND-VX"); // "cong_van"
 */
export function documentTypeFromEdxml(
  documentType: { type: number | string; typeName: string },
  codeNotation?: string,
): ApiDocumentType | null {
  const byName = BY_NAME.get(foldName(documentType.typeName));
  if (byName !== undefined) return byName;
  if (codeNotation !== undefined) {
    const head = (codeNotation.split("/").pop() ?? "").split("-")[0] ?? "";
    const byAbbreviation = documentTypeFromAbbreviation(head);
    if (byAbbreviation !== null) return byAbbreviation;
  }
  const code =
    typeof documentType.type === "number" ? documentType.type : Number(documentType.type);
  return BY_CODE.get(code) ?? null;
}
