import { encodeBase64 } from "./base64.js";
import { isIsoDate, vnDateOf } from "./dates.js";
import { formatEdxmlDocumentId } from "./document-id.js";
import {
  type ApiDocumentType,
  documentTypeFromEdxml,
  EDXML_DOCUMENT_TYPES,
} from "./document-types.js";
import { EdxmlError } from "./errors.js";
import { guarded } from "./guard.js";
import type { EdxmlAttachment, EdxmlMessage, EdxmlOrganization } from "./types.js";

/** Mức độ khẩn in the Document API. */
export type ApiUrgency = "thuong" | "khan" | "thuong_khan" | "hoa_toc";

/** Độ mật in the Document API. */
export type ApiConfidentiality = "thuong" | "mat" | "toi_mat" | "tuyet_mat";

/** Signing-authority prefix (`TM.`, `KT.`, …) in the Document API. */
export type ApiSignerAuthority = "TM" | "KT" | "TL" | "TUQ" | "Q";

/** The Document API's `Signer`. */
export interface ApiSigner {
  /** Full name. */
  fullName: string;
  /** Position, e.g. `Chủ tịch`. */
  position: string;
  /** Thẩm quyền ký prefix, or `null` when the signer signs in their own right. */
  authority?: ApiSignerAuthority | null;
}

/**
 * The fields of the Document API's `Document` this module reads. Structural, so a `Document`
 * from the API client can be passed as is; the attachments' bytes come separately (the API
 * lists only metadata).
 */
export interface ApiDocument {
  /** Document id (`doc_…`); not sent. */
  id?: string;
  /** Số/ký hiệu, e.g. `16/CT-TTg`; split at the first `/` into `CodeNumber`/`CodeNotation`. */
  numberNotation: string;
  /** Loại văn bản. */
  type: ApiDocumentType;
  /** Issuing body's name. */
  issuerName: string;
  /** Issuing body's agency code. */
  issuerAgencyCode?: string | null;
  /** Trích yếu. */
  subject: string;
  /** Summary, sent as `Content`. */
  summary?: string | null;
  /** Signer. */
  signer: ApiSigner;
  /** Issue date `YYYY-MM-DD`. */
  issuedAt: string;
  /** Deadline, RFC 3339; sent as its Vietnam calendar date. */
  dueAt?: string | null;
  /** Mức độ khẩn; `thuong` when absent. */
  urgency?: ApiUrgency;
  /** Độ mật; only `thuong` may be sent (see {@link documentToEdxml}). */
  confidentiality?: ApiConfidentiality;
}

/** A file to attach: its bytes and how to label them. */
export interface EdxmlFileInput {
  /** File name. */
  fileName: string;
  /** MIME type. */
  contentType: string;
  /** Bytes. */
  data: Uint8Array;
  /** Optional `Description`. */
  description?: string;
}

/** Envelope details a Document does not carry. */
export interface DocumentToEdxmlOptions {
  /** Sending agency (`From`); its `organId` starts the `DocumentId`. */
  from: EdxmlOrganization;
  /** Receiving agencies (`To`), at least one. */
  to: EdxmlOrganization[];
  /** Files to send, in order; `contentId`s `cid:1`, `cid:2`… are assigned. */
  attachments?: EdxmlFileInput[];
  /** `PromulgationInfo/Place`, e.g. `Hà Nội`; empty when not given. */
  place?: string;
  /** `ToPlaces/Place*`: the "Nơi nhận" lines. */
  toPlaces?: string[];
  /** `SteeringType` [UNCONFIRMED codes: 0 none, 1 directive, 2 report]. */
  steeringType?: number;
}

/** The Document API's `DocumentInput` for an incoming document. */
export interface ApiDocumentInput {
  /** Always `incoming`: the document came from another agency. */
  direction: "incoming";
  /** `{CodeNumber}/{CodeNotation}`. */
  numberNotation: string;
  /** Type, see {@link documentTypeFromEdxml}. */
  type: ApiDocumentType;
  /** `From/OrganName`, else `From/OrganId`. */
  issuerName: string;
  /** `From/OrganId`, when it has the agency-code shape the API accepts. */
  issuerAgencyCode?: string;
  /** `Subject`. */
  subject: string;
  /** `Content`, when present. */
  summary?: string;
  /** From `SignerInfo`; `authority` parsed from the start of `Competence`. */
  signer: { fullName: string; position: string; authority: ApiSignerAuthority | null };
  /** `PromulgationDate`. */
  issuedAt: string;
  /** `DueDate` as the end of that day in Vietnam, `…T23:59:59+07:00`. */
  dueAt?: string;
  /** From `Priority`. */
  urgency: ApiUrgency;
  /**
   * Always `thuong`: edXML has no confidentiality field of its own [UNCONFIRMED how
   * `Priority` would encode it], and classified documents are not exchanged this way.
   */
  confidentiality: "thuong";
  /** Attached files, base64. */
  attachments: { fileName: string; contentType: string; contentBase64: string }[];
}

/** `OtherInfo/Priority` for each urgency. */
export const URGENCY_TO_PRIORITY: Readonly<Record<ApiUrgency, number>> = Object.freeze({
  thuong: 0,
  khan: 1,
  thuong_khan: 2,
  hoa_toc: 3,
});

/**
 * Urgency for each `Priority`. 4, "hỏa tốc hẹn giờ" (flash with a set time), has no API value
 * and reads as `hoa_toc`; the time itself is not in the envelope.
 */
export const PRIORITY_TO_URGENCY: Readonly<Record<number, ApiUrgency>> = Object.freeze({
  0: "thuong",
  1: "khan",
  2: "thuong_khan",
  3: "hoa_toc",
  4: "hoa_toc",
});

const AUTHORITIES: readonly ApiSignerAuthority[] = ["TUQ", "TM", "KT", "TL", "Q"];
/** The API's AgencyCode pattern; gateway-local ids that break it are not sent as the code. */
const AGENCY_CODE = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;

const invalid = (path: string, why: string): EdxmlError =>
  new EdxmlError("invalid_field", `${path} ${why}`, { path });

/** Reads `KT.`, `TL. BỘ TRƯỞNG`, `TUQ. GIÁM ĐỐC`… as the authority prefix. */
function authorityOf(competence: string | undefined): ApiSignerAuthority | null {
  const head = /^\s*([A-Za-z]+)\./.exec(competence ?? "")?.[1]?.toUpperCase();
  return AUTHORITIES.find((a) => a === head) ?? null;
}

/**
 * Builds the edXML message for an outgoing Document API document.
 *
 * - `Code` comes from `numberNotation` split at its first `/` (`30/2020/NĐ-CP` →
 *   `30` / `2020/NĐ-CP`), so it round-trips exactly;
 * - `DocumentType` from {@link EDXML_DOCUMENT_TYPES} with `TypeDetail` 0 as in the sample;
 * - `Competence` is the authority prefix alone (`KT.`): the API does not say for whom;
 * - `DueDate` is `dueAt`'s calendar date in Vietnam; `Priority` from {@link URGENCY_TO_PRIORITY};
 * - `DocumentId` is `{from.organId},{issuedAt},{numberNotation}`.
 *
 * @throws {EdxmlError} `invalid_field` for a confidential document (độ mật other than
 * `thuong`: classified documents must not travel over the open exchange axis, and edXML has
 * no agreed way to mark them), a `numberNotation` without `/`, or bad dates.
 *
 * @example
 * const xml = buildEdxml(documentToEdxml(doc, { from: sender, to: [receiver], attachments }));
 */
export function documentToEdxml(doc: ApiDocument, options: DocumentToEdxmlOptions): EdxmlMessage {
  return guarded("invalid_field", "Could not convert the document", () => toEdxml(doc, options));
}

function toEdxml(doc: ApiDocument, options: DocumentToEdxmlOptions): EdxmlMessage {
  if (doc.confidentiality !== undefined && doc.confidentiality !== "thuong") {
    throw invalid(
      "confidentiality",
      `is "${doc.confidentiality}"; classified documents are not sent as edXML`,
    );
  }
  const slash = doc.numberNotation.indexOf("/");
  if (slash <= 0 || slash === doc.numberNotation.length - 1) {
    throw invalid("numberNotation", `must be {number}/{notation}, got "${doc.numberNotation}"`);
  }
  const codeNumber = doc.numberNotation.slice(0, slash);
  const codeNotation = doc.numberNotation.slice(slash + 1);
  const type = EDXML_DOCUMENT_TYPES[doc.type];
  if (type === undefined) throw invalid("type", `"${doc.type}" is not a Decree 30 document type`);
  if (!isIsoDate(doc.issuedAt)) throw invalid("issuedAt", "must be a calendar date YYYY-MM-DD");
  let dueDate: string | undefined;
  if (doc.dueAt !== undefined && doc.dueAt !== null) {
    dueDate = vnDateOf(doc.dueAt) ?? undefined;
    if (dueDate === undefined)
      throw invalid("dueAt", "must be an RFC 3339 date-time with an offset");
  }
  const priority = URGENCY_TO_PRIORITY[doc.urgency ?? "thuong"];
  if (priority === undefined) throw invalid("urgency", `"${doc.urgency}" is not an urgency`);
  const authority = doc.signer.authority ?? null;

  const attachments: EdxmlAttachment[] = (options.attachments ?? []).map((file, i) => ({
    contentId: `cid:${i + 1}`,
    contentType: file.contentType,
    ...(file.description === undefined ? {} : { description: file.description }),
    fileName: file.fileName,
    data: file.data,
  }));

  return {
    header: {
      from: options.from,
      to: options.to,
      code: { codeNumber, codeNotation },
      promulgationInfo: { place: options.place ?? "", date: doc.issuedAt },
      documentType: { type: type.code, typeDetail: 0, typeName: type.name },
      subject: doc.subject,
      ...(doc.summary === undefined || doc.summary === null ? {} : { content: doc.summary }),
      signerInfo: {
        ...(authority === null ? {} : { competence: `${authority}.` }),
        position: doc.signer.position,
        fullName: doc.signer.fullName,
      },
      ...(dueDate === undefined ? {} : { dueDate }),
      ...(options.toPlaces === undefined ? {} : { toPlaces: options.toPlaces }),
      otherInfo: { priority },
      ...(options.steeringType === undefined ? {} : { steeringType: options.steeringType }),
      documentId: formatEdxmlDocumentId({
        organId: options.from.organId,
        date: doc.issuedAt,
        codeNumber,
        codeNotation,
      }),
    },
    attachments,
  };
}

/**
 * Turns a received edXML message into the Document API's input for an incoming document.
 * Mapping: see {@link ApiDocumentInput}; the type comes from {@link documentTypeFromEdxml}.
 *
 * @throws {EdxmlError} `invalid_field` (path `header.documentType`) when the type matches no
 * Decree 30 type by name, notation or code, or when `Priority` is out of range.
 *
 * @example
 * await client.documents.create(edxmlToDocumentInput(parseEdxml(xml)));
 */
export function edxmlToDocumentInput(message: EdxmlMessage): ApiDocumentInput {
  return guarded("invalid_field", "Could not convert the message", () => toDocumentInput(message));
}

function toDocumentInput(message: EdxmlMessage): ApiDocumentInput {
  const h = message.header;
  const type = documentTypeFromEdxml(h.documentType, h.code.codeNotation);
  if (type === null) {
    throw invalid(
      "header.documentType",
      `"${h.documentType.typeName}" (${h.documentType.type}) is not a Decree 30 document type`,
    );
  }
  const urgency = PRIORITY_TO_URGENCY[h.otherInfo.priority];
  if (urgency === undefined) throw invalid("header.otherInfo.priority", "must be 0–4");
  const organId = h.from.organId;
  const issuerAgencyCode = AGENCY_CODE.test(organId) && organId.length <= 40 ? organId : undefined;
  const issuerName = h.from.organName?.trim() ? h.from.organName : organId;

  return {
    direction: "incoming",
    numberNotation: `${h.code.codeNumber}/${h.code.codeNotation}`,
    type,
    issuerName,
    ...(issuerAgencyCode === undefined ? {} : { issuerAgencyCode }),
    subject: h.subject,
    ...(h.content === undefined ? {} : { summary: h.content }),
    signer: {
      fullName: h.signerInfo.fullName,
      position: h.signerInfo.position,
      authority: authorityOf(h.signerInfo.competence),
    },
    issuedAt: h.promulgationInfo.date,
    ...(h.dueDate === undefined ? {} : { dueAt: `${h.dueDate}T23:59:59+07:00` }),
    urgency,
    confidentiality: "thuong",
    attachments: message.attachments.map((a) => ({
      fileName: a.fileName,
      contentType: a.contentType,
      contentBase64: encodeBase64(a.data),
    })),
  };
}
