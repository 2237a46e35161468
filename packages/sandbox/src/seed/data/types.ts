/**
 * Shapes of the hand-written sample world. Everything here is fictional: the province
 * "Tỉnh Lam Giang" (area code 99, agency suffix H99) does not exist.
 */
export interface LocalizedText {
  vi: string;
  en: string;
}

export interface SeedAgency {
  /** Mã định danh, 13 chars like `000.00.12.H99`. */
  code: string;
  name: string;
  /** Abbreviation used in document notations (`STP`, `UBND`, `SNV`). */
  shortName: string;
  level: "trung_uong" | "tinh" | "xa";
  parentCode: string | null;
}

export interface SeedArea {
  /** 2 digits province, 3 district, 5 commune. */
  code: string;
  name: string;
  level: "tinh" | "huyen" | "xa";
  parentCode: string | null;
}

export type FormFieldType =
  | "text"
  | "textarea"
  | "number"
  | "date"
  | "select"
  | "cccd"
  | "phone"
  | "email"
  | "file";

export interface SeedFormField {
  /** camelCase identifier, `^[a-z][A-Za-z0-9]*$`. */
  key: string;
  label: LocalizedText;
  hint?: LocalizedText;
  type: FormFieldType;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  options?: { value: string; label: LocalizedText }[];
  /** Media types for `file` fields. */
  accept?: string[];
  maxSizeBytes?: number;
}

export interface SeedProcedure {
  /** `d.dddddd`, unique. */
  code: string;
  name: string;
  agencyCode: string;
  /** Lĩnh vực, e.g. "Hộ tịch". */
  field: string;
  onlineLevel: "toan_trinh" | "mot_phan" | "thong_tin";
  /** Working days; may be fractional (0.5 = 4 working hours). */
  processingDays: number;
  /** Whole đồng. */
  feeAmount: number;
  requiredPapers: { name: string; originals: number; copies: number }[];
  formFields: SeedFormField[];
  resultDescription: string;
  legalBasis: string[];
}

export type DocumentType =
  | "nghi_quyet"
  | "quyet_dinh"
  | "chi_thi"
  | "thong_bao"
  | "huong_dan"
  | "ke_hoach"
  | "bao_cao"
  | "to_trinh"
  | "cong_van"
  | "cong_dien"
  | "giay_moi";

export interface SeedDocument {
  /** Stable key other seed files refer to (task templates). */
  key: string;
  direction: "incoming" | "outgoing";
  /** Số/ký hiệu, e.g. `16/CT-TTg`, `123/UBND-VX`. Unique per issuer per year. */
  numberNotation: string;
  type: DocumentType;
  issuerName: string;
  issuerAgencyCode: string | null;
  /** Trích yếu. */
  subject: string;
  summary: string;
  signer: {
    fullName: string;
    position: string;
    authority: "TM" | "KT" | "TL" | "TUQ" | "Q" | null;
  };
  /** `YYYY-MM-DD`. */
  issuedAt: string;
  urgency: "thuong" | "khan" | "thuong_khan" | "hoa_toc";
  confidentiality: "thuong" | "mat" | "toi_mat" | "tuyet_mat";
  /** Present for directives (chi_thi, cong_dien, thong_bao published to audiences). */
  directive?: {
    audiences: { kind: "area" | "agency" | "public"; code?: string }[];
    /** RFC 3339 with +07:00. */
    effectiveFrom: string;
    effectiveTo: string | null;
  };
}

export interface SeedStaff {
  /** Stable key, e.g. `staff-snv-01`. */
  key: string;
  fullName: string;
  position: string;
  agencyCode: string;
  email: string;
}

export interface SeedTaskTemplate {
  title: string;
  description: string;
  /** A SeedDocument key, or null. */
  sourceDocumentKey: string | null;
}
