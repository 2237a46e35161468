import type { Decoded, LgspAgencyRecord, LgspEdocStatus } from "@vnegov/domain";
import type { Hooks } from "../../core/hooks.js";
import type { LimiterOptions, RateLimiter } from "../../core/limiter.js";
import type { RetryOptions } from "../../core/retry.js";
import type { EdxmlMessage, EdxmlStatusCode } from "../../edxml/types.js";

/** Options of {@link Lgsp}: where LGSP is, the account, and the system's identity. */
export interface LgspOptions {
  /** LGSP's base URL, without `/v1` (e.g. `https://apiltvb.langson.gov.vn`, or `${sandbox.url}/lgsp`). */
  baseURL: string;
  /** Login account (`POST /v1/auth/login`). */
  username: string;
  password: string;
  /** `applicationCode` of the account's application. */
  applicationCode: string;
  /** `X-SystemId`: the unit's registered system. */
  systemId: string;
  /** `X-SecretKey` of that system. */
  secretKey: string;
  /**
   * How `updateStatus` writes a status: edXML codes (`"06"`, default) or transport keywords
   * (`"done"`). Which one LGSP accepts is [UNCONFIRMED]; the emulator takes both.
   */
  statusForm?: "code" | "keyword";
  /** Token lifetime assumed when a token does not carry a JWT `exp`. Default 30 min. */
  tokenTtlMs?: number;
  /** Per-attempt timeout. Default 30 s. */
  timeout?: number;
  retry?: RetryOptions;
  /** Concurrency/rate limits, or your own {@link RateLimiter}. */
  limiter?: LimiterOptions | RateLimiter;
  /** Appended to the SDK's user-agent. */
  userAgent?: string;
  hooks?: Hooks;
}

/** Per-call options. */
export interface LgspRequestOptions {
  signal?: AbortSignal;
  /** Overrides `retry.maxRetries` for this call. */
  maxRetries?: number;
}

/** What `edocs.send` takes: a message to build, or an envelope already written. */
export type LgspSendInput = EdxmlMessage | { edxml: string | Uint8Array; fileName?: string };

/** `sendEdoc`'s answer. */
export interface LgspSendResult {
  /** LGSP's id of the exchange (not the edXML `DocumentId`). */
  docId: string;
  /** Where LGSP filed the envelope, when it says. */
  filePath: string | null;
}

/** One line of the received list: an edoc for this unit, or a status report on one it sent. */
export interface LgspReceivedItem {
  docId: string;
  /** `edoc`: a document delivered to this unit; `status`: a receiver's report on one this unit sent. */
  kind: "edoc" | "status" | "unknown";
  /** As LGSP wrote them: `eDoc`/`edoc`, `status`/`status`. */
  serviceType: string;
  messageType: string;
  /** Sender's agency code. */
  from: string;
  /** Receiver's agency code. */
  to: string;
  /** The status decoded from either form (`"06"` or `"done"`); `unknown` keeps the raw code. */
  status: Decoded<LgspEdocStatus>;
  statusDesc: string;
  /** RFC 3339 (+07:00), or null when LGSP's time was unreadable (see `createdTime`). */
  createdAt: string | null;
  updatedAt: string | null;
  /** The times as LGSP wrote them. */
  createdTime: string;
  updatedTime: string;
}

/** An attachment as LGSP lists it beside the envelope. */
export interface LgspAttachment {
  fileName: string;
  data: Uint8Array;
}

/** `getEdoc` without parsing the envelope. */
export interface LgspRawEdoc {
  docId: string;
  /** Sender's agency code. */
  from: string;
  fromName: string | null;
  /** `{CodeNumber}/{CodeNotation}`. */
  edocCode: string | null;
  /** Trích yếu. */
  edocAbstract: string | null;
  /** The envelope exactly as the sender uploaded it. */
  edxml: string;
  attachments: LgspAttachment[];
}

/** A received edoc with its envelope parsed. */
export interface LgspEdoc extends LgspRawEdoc {
  message: EdxmlMessage;
}

/** A unit of LGSP's agency list: the wire's record, its level and type read leniently. */
export interface LgspAgency
  extends Pick<LgspAgencyRecord, "id" | "code" | "oldCode" | "name" | "centerCode" | "parentId"> {
  level: number | null;
  /** `NATIONAL` or `INTERNAL` (LGSP's words; others kept as sent). */
  type: string | null;
  /** True for the province's own units. */
  internal: boolean;
}

/** The status codes `updateStatus` takes: edXML's (see `EDXML_STATUS`). */
export type LgspStatusInput = EdxmlStatusCode;

/** A date range of `received`: instants, or `YYYY-MM-DD` days (VN time), both ends included. */
export interface LgspDateRange {
  from: Date | string;
  to: Date | string;
}
