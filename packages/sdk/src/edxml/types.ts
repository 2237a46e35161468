/**
 * The edXML (QCVN 102:2016/BTTTT) model: an electronic document envelope exchanged between
 * agencies over VXP/LGSP, and the status packet that answers it.
 *
 * Model conventions, applied by the builder and parser alike:
 * - dates are `YYYY-MM-DD` here and `yyyy/MM/dd` on the wire;
 * - timestamps are RFC 3339 here (the parser gives `…+07:00`) and
 *   `yyyy/MM/dd HH:mm:ss` in Asia/Ho_Chi_Minh time on the wire;
 * - text is kept as sent (no trimming, no Unicode normalisation), except that line breaks are
 *   `\n`, as every XML reader makes them;
 * - wire integers are numbers here; optional parts absent on the wire are absent here.
 *
 * Sources: the VNPT VXP SDK sample `edoc_new.edxml` and `EdXMLBuild.java`, summarised in
 * `shared/reference/vn-egov.md` §2.2–2.3. The official QCVN 102 text was not available; fields
 * marked [UNCONFIRMED] follow those samples.
 */

/** An organisation (`From`, `To`, status `From`): an agency identified by its mã định danh. */
export interface EdxmlOrganization {
  /** `OrganId`: the agency code, e.g. `000.00.00.G22`. Required and non-blank. */
  organId: string;
  /** `OrganizationInCharge`: the supervising body's name. */
  organInCharge?: string;
  /** `OrganName`. */
  organName?: string;
  /** `OrganAdd`: postal address. */
  organAdd?: string;
  /** `Email`. */
  email?: string;
  /** `Telephone`. */
  telephone?: string;
  /** `Fax`. */
  fax?: string;
  /** `Website`. */
  website?: string;
}

/** `Code`: the document's số (number) and ký hiệu (notation), e.g. `7816` / `VPCP-TTĐT`. */
export interface EdxmlCode {
  /** `CodeNumber`, kept as text so leading zeros (`05`) survive. Non-blank. */
  codeNumber: string;
  /** `CodeNotation`, e.g. `CT-TTg`. Non-blank. */
  codeNotation: string;
}

/** `PromulgationInfo`: where and when the document was issued. */
export interface EdxmlPromulgationInfo {
  /** `Place`, e.g. `Hà Nội`. May be empty. */
  place: string;
  /** `PromulgationDate`, `YYYY-MM-DD`. */
  date: string;
}

/**
 * `DocumentType`. The numeric code list is [UNCONFIRMED]: the only sample is `1` = Công văn.
 * Wire values that are canonical non-negative integers become numbers; anything else stays a
 * string, so a sender's own codes survive a round trip.
 */
export interface EdxmlDocumentType {
  /** `Type`. */
  type: number | string;
  /** `TypeDetail` [UNCONFIRMED meaning; the sample sends `0`]. */
  typeDetail?: number | string;
  /** `TypeName`, e.g. `Công văn`, `Chỉ thị`. */
  typeName: string;
}

/** `SignerInfo`: who signed. */
export interface EdxmlSignerInfo {
  /** `Competence`: the signing authority line, e.g. `TL. BỘ TRƯỞNG`, `KT. CHỦ TỊCH`. */
  competence?: string;
  /** `Position`, e.g. `Chủ tịch`. */
  position: string;
  /** `FullName`. */
  fullName: string;
}

/**
 * `OtherInfo`. How `Priority` would also carry confidentiality (the EDRMS field is
 * "mức độ khẩn, độ mật") is [UNCONFIRMED]; only urgency is encoded.
 */
export interface EdxmlOtherInfo {
  /** `Priority`: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ. */
  priority: number;
  /** `SphereOfPromulgation`: phạm vi lưu hành. */
  sphereOfPromulgation?: string;
  /** `TyperNotation`: the typist's initials. */
  typerNotation?: string;
  /** `PromulgationAmount`: number of copies issued. */
  promulgationAmount?: number;
  /** `PageAmount`: number of pages. */
  pageAmount?: number;
  /** `Direction` [UNCONFIRMED meaning; the sample sends `false`]. */
  direction?: boolean;
  /** `Appendixes/Appendix*`: titles of appendices. */
  appendixes?: string[];
}

/**
 * `ResponseFor`: the document a message replies to (or revokes), and the document a status
 * packet reports on. `Code` is one string `{Number}/{Notation}` per the sample status packets
 * [UNCONFIRMED for the message header, where no sample carries it].
 */
export interface EdxmlResponseFor {
  /** `OrganId` of the original sender. */
  organId: string;
  /** `Code`: `{Number}/{Notation}` of the original document. */
  code: string;
  /**
   * `PromulgationDate` of the original, `YYYY-MM-DD`. Some senders add a time of day on the
   * wire; the parser drops it.
   */
  promulgationDate: string;
  /** `DocumentId` of the original. */
  documentId: string;
}

/** `StaffInfo`: the clerk handling the document. */
export interface EdxmlStaffInfo {
  /** `Department`. */
  department?: string;
  /** `Staff`: full name. */
  staff?: string;
  /** `Email`. */
  email?: string;
  /** `Mobile`. */
  mobile?: string;
}

/** `TraceHeader`: one hop of the document's route. */
export interface EdxmlTraceHeader {
  /** `OrganId` of the agency the document passed through. */
  organId: string;
  /** `Timestamp`, RFC 3339. */
  timestamp: string;
}

/** `ReceiverList/Receiver` of an update (`BussinessDocType` 2). */
export interface EdxmlReceiver {
  /** `OrganId`. */
  organId: string;
  /** `ReceiverType` [UNCONFIRMED meaning; samples use 0 and 1]. */
  receiverType: number;
}

/** `ReplacementInfoList/ReplacementInfo` of a replacement (`BussinessDocType` 3). */
export interface EdxmlReplacementInfo {
  /** `DocumentId` of the replaced document. */
  documentId: string;
  /** `OrganIdList/OrganId*`: who received the replaced document. */
  organIds: string[];
}

/**
 * `Bussiness` (sic: the standard's spelling is kept on the wire; the model spells it right):
 * what kind of exchange this is — a new document, a revocation, an update or a replacement.
 */
export interface EdxmlBusiness {
  /** `DocumentId` the business action concerns. */
  documentId?: string;
  /** `BussinessDocType`: 0 new, 1 revocation, 2 update, 3 replacement. */
  businessDocType: number;
  /** `BussinessDocReason`, e.g. `Văn bản điện tử mới`. */
  businessDocReason?: string;
  /** `Paper`: 1 when a paper copy is also sent. */
  paper?: number;
  /** `StaffInfo`. */
  staffInfo?: EdxmlStaffInfo;
  /** `BussinessDocumentInfo` of an update. */
  businessDocumentInfo?: {
    /** `DocumentInfo`: 1 when the document's information changed. */
    documentInfo?: number;
    /** `DocumentReceiver`: 1 when the receivers changed. */
    documentReceiver?: number;
    /** `ReceiverList/Receiver*`. */
    receiverList?: EdxmlReceiver[];
  };
  /** `ReplacementInfoList/ReplacementInfo*`. */
  replacementInfoList?: EdxmlReplacementInfo[];
}

/** `TraceHeaderList`: routing history and the business action. */
export interface EdxmlTraceHeaderList {
  /** `TraceHeader*`. */
  traceHeaders: EdxmlTraceHeader[];
  /** `Bussiness`. */
  business?: EdxmlBusiness;
}

/** `MessageHeader` plus the optional `TraceHeaderList` next to it. */
export interface EdxmlHeader {
  /** `From`: the sending agency. */
  from: EdxmlOrganization;
  /** `To*`: the receiving agencies; at least one. */
  to: EdxmlOrganization[];
  /** `Code`. */
  code: EdxmlCode;
  /** `PromulgationInfo`. */
  promulgationInfo: EdxmlPromulgationInfo;
  /** `DocumentType`. */
  documentType: EdxmlDocumentType;
  /** `Subject`: trích yếu. */
  subject: string;
  /** `Content`: the text or summary. */
  content?: string;
  /** `SignerInfo`. */
  signerInfo: EdxmlSignerInfo;
  /** `DueDate`, `YYYY-MM-DD`: hạn xử lý. */
  dueDate?: string;
  /** `ToPlaces/Place*`: the "Nơi nhận" lines printed on the document. */
  toPlaces?: string[];
  /** `OtherInfo`. */
  otherInfo: EdxmlOtherInfo;
  /** `SteeringType`: 0 not a directive, 1 directive, 2 report on a directive [UNCONFIRMED]. */
  steeringType?: number;
  /**
   * `DocumentId`: `{sender OrganId},{yyyy/MM/dd},{Number}/{Notation}`
   * (see `formatEdxmlDocumentId`). Kept verbatim; the parser only requires it non-blank, as
   * real senders get the format wrong.
   */
  documentId: string;
  /** `ResponseFor*`: documents this one answers or revokes. */
  responseFor?: EdxmlResponseFor[];
  /** `TraceHeaderList`. */
  traceHeaderList?: EdxmlTraceHeaderList;
}

/** One attached file, base64 in the envelope's `AttachmentEncoded`, listed in the manifest. */
export interface EdxmlAttachment {
  /** `ContentId`, e.g. `cid:1`; unique in the message. */
  contentId: string;
  /** `ContentType`, a MIME type. */
  contentType: string;
  /** `Description`. */
  description?: string;
  /** `AttachmentName`: the file name. */
  fileName: string;
  /** The file's bytes (`ContentTransferEncoded`, base64 on the wire). */
  data: Uint8Array;
}

/** A whole edXML document message (edoc). */
export interface EdxmlMessage {
  /** Header fields. */
  header: EdxmlHeader;
  /** Attached files, in envelope order. */
  attachments: EdxmlAttachment[];
}

/**
 * edXML status codes with their meaning (labels from the VPCP trục simulator and the
 * EdXMLParser samples). A receiving agency sends them back to report progress.
 */
export const EDXML_STATUS = Object.freeze({
  "01": { vi: "Đã đến", en: "received" },
  "02": { vi: "Từ chối tiếp nhận", en: "rejected" },
  "03": { vi: "Đã tiếp nhận", en: "accepted" },
  "04": { vi: "Phân công xử lý", en: "assigned" },
  "05": { vi: "Đang xử lý", en: "processing" },
  "06": { vi: "Hoàn thành", en: "completed" },
  "13": { vi: "Yêu cầu lấy lại", en: "recalled" },
  "15": { vi: "Đồng ý lấy lại", en: "recall accepted" },
  "16": { vi: "Từ chối lấy lại", en: "recall refused" },
} as const);

/** A status code of {@link EDXML_STATUS}, always two digits. */
export type EdxmlStatusCode = keyof typeof EDXML_STATUS;

/**
 * The status codes in numeric order. Iterating {@link EDXML_STATUS} itself gives `13`, `15`,
 * `16` first, because JavaScript orders integer-like keys before the others (`01` is not one).
 */
export const EDXML_STATUS_CODES: readonly EdxmlStatusCode[] = Object.freeze([
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "13",
  "15",
  "16",
]);

/** A status packet: a receiver reports on a document it got. */
export interface EdxmlStatus {
  /** `From`: the reporting agency. */
  from: EdxmlOrganization;
  /** `ResponseFor`: the document reported on. */
  responseFor: EdxmlResponseFor;
  /** `StatusCode`. */
  statusCode: EdxmlStatusCode;
  /** `Description`: a free-text message. */
  description?: string;
  /** `Timestamp`, RFC 3339. */
  timestamp: string;
  /** `StaffInfo`. */
  staffInfo?: EdxmlStaffInfo;
}
