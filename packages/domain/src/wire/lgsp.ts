import { toVnIso, vnDateString } from "../time.js";
import { type CodeTable, codeTable, type Decoded } from "./code-table.js";

export type * from "./lgsp-records.js";

/**
 * The LGSP document-exchange wire ("trục liên thông văn bản", LGSP Lạng Sơn REST), shared by the
 * SDK adapter and the sandbox emulator so both read one table. Source:
 * `shared/reference/vn-egov.md` §2.3–2.4.
 */

/**
 * Where an exchanged document stands for one receiver, as LGSP lists it. The nine edXML status
 * codes (QCVN 102 status packet) plus two transport states: `initial` (delivered to the unit's
 * queue, not reported on yet) and `fail` (the VXP keyword for "could not be processed").
 */
export type LgspEdocStatus =
  | "initial"
  | "received"
  | "rejected"
  | "accepted"
  | "assigned"
  | "processing"
  | "done"
  | "recall_requested"
  | "recall_accepted"
  | "recall_refused"
  | "fail";

/** Every {@link LgspEdocStatus}, in lifecycle order. */
export const LGSP_EDOC_STATUSES: readonly LgspEdocStatus[] = Object.freeze([
  "initial",
  "received",
  "rejected",
  "accepted",
  "assigned",
  "processing",
  "done",
  "recall_requested",
  "recall_accepted",
  "recall_refused",
  "fail",
]);

/**
 * Status ⇄ edXML `StatusCode` (the code form of `updateStatus`). `initial` and `fail` have no
 * edXML code; the transport writes them as words. Decoding also reads the keyword forms (VXP's
 * `inbox|acceptance|rejection|processing|done|fail`, the C# sample's file names `assignment`,
 * `finish`, `cancellation`, `change-acceptance`, `change-rejection`) and LGSP Quảng Nam's
 * upper-case `INITIAL|PROCESSING|DONE|FAIL`, because which form LGSP Lạng Sơn answers with is
 * [UNCONFIRMED].
 */
export const LGSP_STATUS: CodeTable<LgspEdocStatus> = codeTable(
  "lgsp.status",
  {
    initial: "initial",
    received: "01",
    rejected: "02",
    accepted: "03",
    assigned: "04",
    processing: "05",
    done: "06",
    recall_requested: "13",
    recall_accepted: "15",
    recall_refused: "16",
    fail: "fail",
  },
  {
    inbox: "received",
    rejection: "rejected",
    acceptance: "accepted",
    assignment: "assigned",
    processing: "processing",
    done: "done",
    finish: "done",
    cancellation: "recall_requested",
    "change-acceptance": "recall_accepted",
    "change-rejection": "recall_refused",
    INITIAL: "initial",
    PROCESSING: "processing",
    DONE: "done",
    FAIL: "fail",
  },
);

/**
 * Status ⇄ transport keyword (the keyword form of `updateStatus`: the LGSP Postman sample
 * sends `"done"`). Keywords after VXP and the C# sample's status file names.
 */
export const LGSP_STATUS_KEYWORD: CodeTable<LgspEdocStatus> = codeTable("lgsp.statusKeyword", {
  initial: "initial",
  received: "inbox",
  rejected: "rejection",
  accepted: "acceptance",
  assigned: "assignment",
  processing: "processing",
  done: "done",
  recall_requested: "cancellation",
  recall_accepted: "change-acceptance",
  recall_refused: "change-rejection",
  fail: "fail",
});

/**
 * A status as LGSP lists or takes it, in either form: an edXML code (`"06"`) or a keyword
 * (`"done"`, `"DONE"`). A code neither table knows is an `unknown` of `lgsp.status`, with the
 * raw value.
 */
export function decodeLgspStatus(raw: string | number | null | undefined): Decoded<LgspEdocStatus> {
  const byCode = LGSP_STATUS.decode(raw);
  if (byCode.value !== "unknown") return byCode;
  const byKeyword = LGSP_STATUS_KEYWORD.decode(raw);
  return byKeyword.value !== "unknown" ? byKeyword : byCode;
}

/** People's names of each status (`statusDesc`), Vietnamese first. */
export const LGSP_STATUS_LABELS: Readonly<Record<LgspEdocStatus, { vi: string; en: string }>> =
  Object.freeze({
    initial: { vi: "Chờ nhận", en: "waiting" },
    received: { vi: "Đã đến", en: "received" },
    rejected: { vi: "Từ chối tiếp nhận", en: "rejected" },
    accepted: { vi: "Đã tiếp nhận", en: "accepted" },
    assigned: { vi: "Phân công xử lý", en: "assigned" },
    processing: { vi: "Đang xử lý", en: "processing" },
    done: { vi: "Hoàn thành", en: "completed" },
    recall_requested: { vi: "Yêu cầu lấy lại", en: "recall requested" },
    recall_accepted: { vi: "Đồng ý lấy lại", en: "recall accepted" },
    recall_refused: { vi: "Từ chối lấy lại", en: "recall refused" },
    fail: { vi: "Lỗi xử lý", en: "failed" },
  });

/** An LGSP `errorCode` from "HuongDanKetNoiLienThongVB_v2.2" §4 (string on the wire). */
export type LgspErrorCode = "0" | "10" | "15" | "18" | "19" | "20" | "21" | "22" | "23";

/** LGSP's documented error codes with their meaning; `0` is success. */
export const LGSP_ERROR_CODES: Readonly<Record<LgspErrorCode, { vi: string; en: string }>> =
  Object.freeze({
    "0": { vi: "Thành công", en: "success" },
    "10": { vi: "File không hợp lệ", en: "invalid file" },
    "15": { vi: "Sai SystemId hoặc SecretKey", en: "wrong SystemId or SecretKey" },
    "18": { vi: "Đơn vị nhận không tồn tại", en: "receiving unit does not exist" },
    "19": { vi: "Đơn vị gửi chưa đăng ký", en: "sending unit not registered" },
    "20": { vi: "Lỗi hệ thống LGSP", en: "LGSP system error" },
    "21": { vi: "Lỗi xử lý file", en: "file processing error" },
    "22": {
      vi: "edXML không đúng chuẩn theo QĐ 28/2018/QĐ-TTg",
      en: "edXML does not comply with QĐ 28/2018",
    },
    "23": { vi: "Đơn vị nhận đã bị khóa", en: "receiving unit is locked" },
  });

/**
 * A calendar day as LGSP's query parameters write it, `YYYY/MM/DD`, in Asia/Ho_Chi_Minh.
 * Accepts an instant or a `YYYY-MM-DD` date (kept as that day).
 *
 * @throws RangeError for an invalid instant or a malformed date string.
 */
export function formatLgspDate(date: Date | number | string): string {
  if (typeof date === "string") {
    const wire = date.replaceAll("-", "/");
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && parseLgspDate(wire)) return wire;
    const ms = Date.parse(date);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(date) || Number.isNaN(ms))
      throw new RangeError(`formatLgspDate: expected YYYY-MM-DD or an ISO 8601 instant: ${date}`);
    return vnDateString(ms).replaceAll("-", "/");
  }
  return vnDateString(date).replaceAll("-", "/");
}

/** `YYYY/MM/DD` → `YYYY-MM-DD`, or null when it is not a real calendar day. */
export function parseLgspDate(text: string): string | null {
  const match = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * An instant as LGSP lists times (`createdTime`, `updatedTime`): `yyyy/MM/dd HH:mm:ss` in
 * Asia/Ho_Chi_Minh, as edXML writes timestamps [UNCONFIRMED for LGSP's lists].
 */
export function formatLgspTimestamp(date: Date | number): string {
  return toVnIso(date).slice(0, 19).replace("T", " ").replaceAll("-", "/");
}

/**
 * `yyyy/MM/dd HH:mm:ss` (VN time; a bare `yyyy/MM/dd` is midnight) → RFC 3339 with `+07:00`,
 * or null when unreadable. ISO 8601 input with an offset is also read, in case a deployment
 * answers that way.
 */
export function parseLgspTimestamp(text: string): string | null {
  const trimmed = text.trim();
  const match = /^(\d{4})\/(\d{2})\/(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  if (match) {
    const day = parseLgspDate(`${match[1]}/${match[2]}/${match[3]}`);
    const [hh, mm, ss] = [match[4] ?? "00", match[5] ?? "00", match[6] ?? "00"];
    if (!day || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
    return `${day}T${hh}:${mm}:${ss}+07:00`;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed))
    return null;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : toVnIso(ms);
}
