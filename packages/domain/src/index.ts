/**
 * Domain helpers for Vietnamese e-government data: dossier, agency and procedure codes,
 * document numbers (Decree 30/2020), citizen identifiers and phones, Vietnamese text search,
 * Asia/Ho_Chi_Minh time and working-time deadlines, constant-time secret comparison. Pure
 * functions, no I/O.
 */
export { isAgencyCode, isProcedureCode } from "./agency-code.js";
export { type DateTimeParts, dateTimeParts, isValidDateTime } from "./date-parts.js";
export {
  type DocumentNumber,
  type DocumentNumberParts,
  type FormatDocumentNumberOptions,
  formatDocumentNumber,
  parseDocumentNumber,
} from "./document-number.js";
export {
  DOCUMENT_TYPE_ABBREVIATIONS,
  type DocumentType,
  documentTypeFromAbbreviation,
} from "./document-types.js";
export {
  type DossierCode,
  type DossierCodeParts,
  formatDossierCode,
  isDossierCode,
  parseDossierCode,
} from "./dossier-code.js";
export {
  DOSSIER_STATUS_CODES,
  DOSSIER_STATUSES,
  type DossierStatus,
  isAbandoned,
  isFinished,
  type Timeliness,
  timelinessOf,
} from "./dossier-status.js";
export {
  checkFieldFile,
  checkFieldValue,
  type FieldCheck,
  type FieldProblem,
  type FormFieldRules,
  type FormValue,
  parseDateInput,
} from "./form-field.js";
export { DEFAULT_HOLIDAYS } from "./holidays.js";
export {
  isValidCccd,
  maskIdNumber,
  maskPhone,
  normalizePhone,
  toInternationalPhone,
} from "./identity.js";
export { safeEqual } from "./safe-equal.js";
export { splitText } from "./split-text.js";
export { foldDiacritics, matchesFolded } from "./text.js";
export {
  type FormatVnDateOptions,
  formatVnDate,
  toVnIso,
  VN_TIME_ZONE,
  vnDateString,
} from "./time.js";
export {
  type CodeTable,
  codeTable,
  type Decoded,
  isUnknownCode,
  type UnknownCode,
} from "./wire/code-table.js";
export { formatCompactDate, parseCompactDate } from "./wire/compact-date.js";
export {
  DVCQG_APPLICANT_TYPE,
  DVCQG_CHANNEL,
  DVCQG_ERROR_CODES,
  DVCQG_ONLINE_LEVEL,
  DVCQG_PROGRESS_BATCH,
  DVCQG_RESULT_DELIVERY,
  DVCQG_SERVICES,
  DVCQG_STATUS,
  type DvcqgAuthAnswer,
  type DvcqgEnvelope,
  type DvcqgGiayToKetQua,
  type DvcqgGiayToKhac,
  type DvcqgHoSo,
  type DvcqgHoSoBoSung,
  type DvcqgLePhi,
  type DvcqgService,
  type DvcqgTaiLieuNop,
  type DvcqgThuTuc,
  type DvcqgTienDo,
  isDvcqgSuccess,
} from "./wire/dvcqg.js";
export {
  formatIgateDate,
  IGATE_APPLY_METHOD_NAMES,
  IGATE_DOSSIER_STATUS_IDS,
  IGATE_DOSSIER_STATUS_NAMES,
  IGATE_LANGUAGE_EN,
  IGATE_LANGUAGE_VI,
  type IgateApplicantType,
  type IgateChannel,
  type IgateStatusOverrides,
  igateApplicantType,
  igateApplyMethod,
  igateDossierStatus,
  igateDossierStatusTable,
  parseIgateDate,
} from "./wire/igate.js";
export {
  decodeLgspStatus,
  formatLgspDate,
  formatLgspTimestamp,
  LGSP_EDOC_STATUSES,
  LGSP_ERROR_CODES,
  LGSP_STATUS,
  LGSP_STATUS_KEYWORD,
  LGSP_STATUS_LABELS,
  type LgspAgencyRecord,
  type LgspEdocStatus,
  type LgspErrorCode,
  parseLgspDate,
  parseLgspTimestamp,
} from "./wire/lgsp.js";
export {
  addWorkingHours,
  addWorkingMinutes,
  appointmentDate,
  isWorkingDay,
  WORKING_MINUTES_PER_DAY,
  type WorkingTimeOptions,
  workingHoursBetween,
  workingMinutesBetween,
} from "./working-time.js";
export { findInvalidXmlChar } from "./xml-chars.js";
