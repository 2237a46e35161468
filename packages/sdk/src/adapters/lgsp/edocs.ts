import {
  decodeLgspStatus,
  formatLgspDate,
  LGSP_STATUS,
  LGSP_STATUS_KEYWORD,
  parseLgspTimestamp,
} from "@vnegov/domain";
import { decodeBase64 } from "../../edxml/base64.js";
import { buildEdxml } from "../../edxml/build.js";
import { EdxmlError } from "../../edxml/errors.js";
import { parseEdxml } from "../../edxml/parse.js";
import { EDXML_STATUS, type EdxmlMessage } from "../../edxml/types.js";
import { ConnectionError, ValidationError } from "../../errors.js";
import type { LgspHttp } from "./http.js";
import type {
  LgspDateRange,
  LgspEdoc,
  LgspRawEdoc,
  LgspReceivedItem,
  LgspRequestOptions,
  LgspSendInput,
  LgspSendResult,
  LgspStatusInput,
} from "./types.js";

type Json = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const obj = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};

/** Electronic documents (edoc) exchanged through LGSP. */
export class LgspEdocs {
  constructor(
    private readonly http: LgspHttp,
    private readonly statusForm: "code" | "keyword",
  ) {}

  /**
   * Sends an edXML envelope (`POST /v1/sendEdoc`, multipart `edocFile` + `messageType=edoc`).
   * A message is built with `buildEdxml` (an invalid one throws `EdxmlError` before any
   * request); `{ edxml }` is sent byte for byte. LGSP routes it to every `To` of the envelope.
   * Never retried on its own: LGSP does not recognise a repeated send.
   *
   * @throws ValidationError `lgsp:10`/`lgsp:22` (not a compliant envelope), NotFoundError
   *   `lgsp:18` (unknown receiver), PermissionError `lgsp:19` (`From` is not this system's
   *   unit), ConflictError `lgsp:23` (receiver locked), AuthenticationError `lgsp:15`.
   */
  async send(input: LgspSendInput, options?: LgspRequestOptions): Promise<LgspSendResult> {
    const { bytes, fileName } = toUpload(input);
    const form = new FormData();
    form.append("edocFile", new Blob([bytes], { type: "application/xml" }), fileName);
    form.append("messageType", "edoc");
    const body = await this.http.post<Json>("/v1/sendEdoc", form, false, options);
    const data = obj(body.data);
    const docId = str(data.docId);
    if (!docId) throw malformed("POST", "/v1/sendEdoc", "no docId");
    return { docId, filePath: str(data.filePath) };
  }

  /**
   * What this unit received in a range of days (`GET /v1/syncReceivedEdocList`): edocs sent to
   * it, and status reports on edocs it sent. Days are taken in Vietnam time and sent
   * `YYYY/MM/DD`.
   */
  async received(range: LgspDateRange, options?: LgspRequestOptions): Promise<LgspReceivedItem[]> {
    let fromDate: string;
    let toDate: string;
    try {
      fromDate = formatLgspDate(range.from);
      toDate = formatLgspDate(range.to);
    } catch (error) {
      throw new ValidationError(`received: ${(error as Error).message}`, {
        fieldErrors: [
          {
            field: "from/to",
            code: "invalid_date",
            message: "must be a Date, YYYY-MM-DD or an ISO instant",
          },
        ],
      });
    }
    const body = await this.http.get<Json>(
      "/v1/syncReceivedEdocList",
      { messageType: "edoc", fromDate, toDate },
      options,
    );
    return (Array.isArray(body.data) ? body.data : []).map((item) => receivedItem(obj(item)));
  }

  /**
   * An edoc delivered to this unit (`GET /v1/getEdoc`), its envelope parsed.
   *
   * @throws EdxmlError when the envelope is not valid edXML (use `getRaw` to look at it anyway).
   * @throws NotFoundError `lgsp:404` when no such edoc was delivered to this unit.
   */
  async get(docId: string, options?: LgspRequestOptions): Promise<LgspEdoc> {
    const raw = await this.getRaw(docId, options);
    return { ...raw, message: parseEdxml(raw.edxml) };
  }

  /** An edoc delivered to this unit, without parsing the envelope. */
  async getRaw(docId: string, options?: LgspRequestOptions): Promise<LgspRawEdoc> {
    requireId(docId);
    const body = await this.http.get<Json>("/v1/getEdoc", { docId }, options);
    const data = obj(body.data);
    const edxml = str(data.edxml);
    if (edxml === null) throw malformed("GET", "/v1/getEdoc", "no edxml");
    const attachments = (Array.isArray(data.attachments) ? data.attachments : []).map((a, i) => {
      const item = obj(a);
      const bytes = decodeBase64(str(item.fileContent) ?? "");
      if (!bytes)
        throw new EdxmlError("invalid_field", `attachment ${i} is not valid base64`, {
          path: `attachments[${i}].fileContent`,
        });
      return { fileName: str(item.fileName) ?? "", data: bytes };
    });
    return {
      docId: str(data.docId) ?? docId,
      from: str(data.from) ?? "",
      fromName: str(data.fromName),
      edocCode: str(data.edocCode),
      edocAbstract: str(data.edocAbstract),
      edxml,
      attachments,
    };
  }

  /**
   * Reports this unit's progress on an edoc it received (`POST /v1/updateStatus`), with an
   * edXML status code (`"03"` accepted … `"06"` done). Written as the code or as its keyword
   * per the client's `statusForm`. The sender sees it in its `received` list as a `status` line.
   * Safe to repeat, so retried on transient failures.
   */
  async updateStatus(
    docId: string,
    status: LgspStatusInput,
    options?: LgspRequestOptions,
  ): Promise<void> {
    requireId(docId);
    if (!Object.hasOwn(EDXML_STATUS, status)) {
      throw new ValidationError(`${String(status)} is not an edXML status code.`, {
        fieldErrors: [
          {
            field: "status",
            code: "invalid",
            message: `must be one of ${Object.keys(EDXML_STATUS).join(", ")}`,
          },
        ],
      });
    }
    const decoded = LGSP_STATUS.decode(status);
    const wire =
      this.statusForm === "keyword" && decoded.value !== "unknown"
        ? LGSP_STATUS_KEYWORD.encode(decoded.value)
        : status;
    await this.http.post("/v1/updateStatus", { docId, status: wire }, true, options);
  }
}

function toUpload(input: LgspSendInput): { bytes: Uint8Array; fileName: string } {
  if (input && typeof input === "object" && "edxml" in input) {
    const { edxml } = input;
    if (typeof edxml !== "string" && !(edxml instanceof Uint8Array))
      throw new ValidationError("edxml must be a string or bytes.", {
        fieldErrors: [
          { field: "edxml", code: "invalid", message: "must be a string or a Uint8Array" },
        ],
      });
    const bytes = typeof edxml === "string" ? new TextEncoder().encode(edxml) : edxml;
    return { bytes, fileName: input.fileName ?? "edoc.edxml" };
  }
  const message = input as EdxmlMessage;
  const xml = buildEdxml(message);
  return { bytes: new TextEncoder().encode(xml), fileName: fileNameOf(message.header.documentId) };
}

/** A file name from the DocumentId: path and reserved characters replaced. */
function fileNameOf(documentId: string): string {
  const safe = documentId.replace(/[\\/:*?"<>|,\s]+/g, "_").slice(0, 100);
  return `${safe || "edoc"}.edxml`;
}

function receivedItem(item: Json): LgspReceivedItem {
  const serviceType = str(item.serviceType) ?? "";
  const messageType = str(item.messageType) ?? "";
  const kindOf = (s: string) => s.toLowerCase();
  const kind =
    kindOf(messageType) === "status" || kindOf(serviceType) === "status"
      ? "status"
      : kindOf(messageType) === "edoc" || kindOf(serviceType) === "edoc"
        ? "edoc"
        : "unknown";
  const createdTime = str(item.createdTime) ?? "";
  const updatedTime = str(item.updatedTime) ?? "";
  const rawStatus = item.status;
  return {
    docId: str(item.docId) ?? "",
    kind,
    serviceType,
    messageType,
    from: str(item.from) ?? "",
    to: str(item.to) ?? "",
    status: decodeLgspStatus(typeof rawStatus === "number" ? rawStatus : str(rawStatus)),
    statusDesc: str(item.statusDesc) ?? "",
    createdAt: parseLgspTimestamp(createdTime),
    updatedAt: parseLgspTimestamp(updatedTime),
    createdTime,
    updatedTime,
  };
}

function requireId(docId: string): void {
  if (typeof docId !== "string" || docId.trim() === "")
    throw new ValidationError("docId is required.", {
      fieldErrors: [{ field: "docId", code: "required", message: "is required" }],
    });
}

function malformed(method: string, path: string, why: string): ConnectionError {
  // A success missing what every success carries: no usable answer, as the core reports it.
  return new ConnectionError(`LGSP sent a malformed response (${why}).`, { method, path });
}
