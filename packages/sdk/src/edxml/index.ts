/**
 * edXML (QCVN 102:2016/BTTTT): build and read the envelopes agencies exchange electronic
 * documents in, and the status packets that answer them, and convert to and from the
 * Document API. Pure functions, no I/O.
 */
export { buildEdxml, buildEdxmlStatus } from "./build.js";
export {
  type ApiConfidentiality,
  type ApiDocument,
  type ApiDocumentInput,
  type ApiSigner,
  type ApiSignerAuthority,
  type ApiUrgency,
  type DocumentToEdxmlOptions,
  documentToEdxml,
  type EdxmlFileInput,
  edxmlToDocumentInput,
  PRIORITY_TO_URGENCY,
  URGENCY_TO_PRIORITY,
} from "./document.js";
export {
  type EdxmlDocumentIdParts,
  formatEdxmlDocumentId,
  parseEdxmlDocumentId,
} from "./document-id.js";
export {
  type ApiDocumentType,
  documentTypeFromEdxml,
  EDXML_DOCUMENT_TYPES,
  type EdxmlDocumentTypeEntry,
} from "./document-types.js";
export { EdxmlError, type EdxmlErrorCode } from "./errors.js";
export { EDXML_NAMESPACE } from "./namespace.js";
export { parseEdxml, parseEdxmlStatus } from "./parse.js";
export {
  EDXML_STATUS,
  EDXML_STATUS_CODES,
  type EdxmlAttachment,
  type EdxmlBusiness,
  type EdxmlCode,
  type EdxmlDocumentType,
  type EdxmlHeader,
  type EdxmlMessage,
  type EdxmlOrganization,
  type EdxmlOtherInfo,
  type EdxmlPromulgationInfo,
  type EdxmlReceiver,
  type EdxmlReplacementInfo,
  type EdxmlResponseFor,
  type EdxmlSignerInfo,
  type EdxmlStaffInfo,
  type EdxmlStatus,
  type EdxmlStatusCode,
  type EdxmlTraceHeader,
  type EdxmlTraceHeaderList,
} from "./types.js";
