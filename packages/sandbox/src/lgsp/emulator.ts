import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import {
  decodeLgspStatus,
  formatLgspTimestamp,
  LGSP_STATUS,
  LGSP_STATUS_LABELS,
  type LgspEdocStatus,
  type LgspErrorCode,
  parseDocumentNumber,
  parseLgspDate,
} from "@vnegov/domain";
import type { Logger } from "pino";
import { vnWallTime } from "../domain/time.js";
import { checkDocument, insertDocument } from "../services/documents.js";
import type { World } from "../world.js";
import { agencyName, agencyPage, type LgspAgencyView } from "./agencies.js";
import { EnvelopeError, type EnvelopeSummary, readEnvelope } from "./envelope.js";
import { LgspFailure, LgspGatewayError } from "./errors.js";
import {
  type LgspEmulatorInit,
  type LgspEmulatorOptions,
  type LgspSystem,
  lgspOptions,
} from "./options.js";
import { type EdocRow, type InboxRow, LgspStore } from "./store.js";
import { LgspTokens } from "./tokens.js";

/** A line of `syncReceivedEdocList`, as LGSP writes it. */
export interface LgspReceivedItem {
  serviceType: "eDoc" | "status";
  createdTime: string;
  updatedTime: string;
  messageType: "edoc" | "status";
  docId: string;
  from: string;
  to: string;
  /** The status exactly as the receiver reported it (`"06"` or `"done"`), or `initial`. */
  status: string;
  statusDesc: string;
}

/** `getEdoc`'s `data`. */
export interface LgspEdocView {
  docId: string;
  from: string;
  fromName: string | null;
  edocCode: string;
  edocAbstract: string;
  /** The envelope exactly as the sender uploaded it. */
  edxml: string;
  attachments: { fileName: string; fileContent: string }[];
}

/** An edoc as the control routes show it, with where it went and what receivers reported. */
export interface LgspStoredEdoc {
  docId: string;
  from: string;
  systemId: string | null;
  documentId: string;
  edocCode: string;
  subject: string;
  fileName: string | null;
  size: number;
  sha256: string;
  /** The world's `documents` id of its incoming copy, when one was recorded. */
  worldDocumentId: string | null;
  createdAt: string;
  receipts: { to: string; status: string; statusDesc: string; updatedTime: string }[];
  /** Status reports sent back to the sender, oldest first. */
  reports: { from: string; status: string; at: string }[];
}

/**
 * An injected failure: the next `times` authenticated calls answer `errorCode` — one of LGSP's
 * documented codes, or any other digits to test a client's handling of undocumented codes.
 */
export interface LgspFault {
  errorCode: Exclude<LgspErrorCode, "0"> | (string & {});
  times?: number;
}

const DAY_MS = 86_400_000;

/**
 * The LGSP "trục liên thông văn bản" emulator (LGSP Lạng Sơn REST shape) over the sandbox's
 * world: registered systems of the world's agencies send edXML envelopes to each other; the
 * exchange lives in SQLite, so it survives restarts with a file database.
 */
export class LgspEmulator {
  readonly options: LgspEmulatorOptions;
  private readonly store: LgspStore;
  private readonly tokens: LgspTokens;
  private fault: Required<LgspFault> | undefined;

  constructor(
    readonly world: World,
    readonly init: LgspEmulatorInit = {},
  ) {
    this.options = lgspOptions(init);
    this.store = new LgspStore(world.db);
    this.tokens = new LgspTokens(this.options.tokenTtlSeconds);
  }

  /** The registered systems with their credentials (fictional). */
  get systems(): readonly LgspSystem[] {
    return this.options.systems;
  }

  /** The system registered for an agency, e.g. to configure a client in a test. */
  systemOf(agencyCode: string): LgspSystem | undefined {
    return this.options.systems.find((s) => s.agencyCode === agencyCode);
  }

  /** `POST /v1/auth/login`: a token for a system's account. */
  login(body: Record<string, unknown>): {
    token: string;
    expiresAt: number;
    system: LgspSystem;
  } {
    const system = this.options.systems.find(
      (s) =>
        s.username === body.username &&
        safeEqual(s.password, body.password) &&
        s.applicationCode === body.applicationCode,
    );
    if (!system)
      throw new LgspGatewayError(401, "Tên đăng nhập, mật khẩu hoặc mã ứng dụng không đúng");
    const { token, claims } = this.tokens.issue(system.username, system.systemId);
    return { token, expiresAt: claims.exp * 1000, system };
  }

  /**
   * The system making a call: a live bearer token (else 401), then `X-SystemId`/`X-SecretKey`
   * of the token's system (else `15`). An injected fault is answered after that.
   */
  authenticate(headers: {
    authorization?: string;
    systemId?: string;
    secretKey?: string;
  }): LgspSystem {
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
    const claims = bearer ? this.tokens.verify(bearer) : undefined;
    if (!claims)
      throw new LgspGatewayError(401, "Unauthorized: token không hợp lệ hoặc đã hết hạn");
    const system = this.options.systems.find((s) => s.systemId === headers.systemId);
    if (
      !system ||
      system.systemId !== claims.systemId ||
      !safeEqual(system.secretKey, headers.secretKey)
    )
      throw new LgspFailure("15");
    if (this.fault) {
      const { errorCode } = this.fault;
      if (--this.fault.times <= 0) this.fault = undefined;
      throw new LgspFailure(errorCode, "Lỗi được giả lập (sandbox fault)");
    }
    return system;
  }

  /** `POST /v1/sendEdoc`: validates, stores the bytes untouched, queues to each `To`. */
  sendEdoc(
    system: LgspSystem,
    file: { bytes: Uint8Array; name: string | null } | undefined,
    messageType: unknown,
    log?: Logger,
  ): { docId: string; filePath: string } {
    if (messageType !== undefined && messageType !== "edoc")
      throw new LgspGatewayError(
        400,
        `messageType ${String(messageType)} is not supported; send edoc.`,
      );
    if (!file) throw new LgspFailure("10", "edocFile is missing.");
    let envelope: EnvelopeSummary;
    try {
      envelope = readEnvelope(file.bytes);
    } catch (error) {
      if (error instanceof EnvelopeError) throw new LgspFailure(error.errorCode, error.message);
      throw error;
    }
    if (envelope.from.organId !== system.agencyCode)
      throw new LgspFailure(
        "19",
        `From/OrganId ${envelope.from.organId} is not the unit of system ${system.systemId} (${system.agencyCode}).`,
      );
    for (const to of envelope.to) {
      if (agencyName(this.world.db, to) === undefined)
        throw new LgspFailure("18", `Receiving unit ${to} does not exist.`);
      if (this.store.isLocked(to)) throw new LgspFailure("23", `Receiving unit ${to} is locked.`);
    }
    const docId = randomUUID();
    const now = this.world.now();
    const bytes = Buffer.from(file.bytes);
    this.store.insertEdoc(
      {
        doc_id: docId,
        from_code: envelope.from.organId,
        from_name:
          envelope.from.organName ?? agencyName(this.world.db, envelope.from.organId) ?? null,
        system_id: system.systemId,
        document_id: envelope.documentId,
        edoc_code: `${envelope.codeNumber}/${envelope.codeNotation}`,
        subject: envelope.subject,
        file_name: file.name,
        edxml: bytes,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        world_document_id: this.options.recordIncomingDocuments
          ? this.recordIncoming(envelope, log)
          : null,
        created_at: now,
      },
      envelope.to,
      statusOf("initial"),
    );
    const day = formatLgspTimestamp(now).slice(0, 10);
    return { docId, filePath: `/data/lgsp/edoc/${day}/${docId}.edxml` };
  }

  /** `GET /v1/syncReceivedEdocList`: what the system's unit received in a range of days. */
  received(system: LgspSystem, fromDate: unknown, toDate: unknown): LgspReceivedItem[] {
    const from = typeof fromDate === "string" ? parseLgspDate(fromDate) : null;
    const to = typeof toDate === "string" ? parseLgspDate(toDate) : null;
    if (!from || !to)
      throw new LgspGatewayError(400, "fromDate and toDate are required, written YYYY/MM/DD.");
    return this.store
      .inbox(system.agencyCode, vnWallTime(from), vnWallTime(to) + DAY_MS)
      .map(receivedItem);
  }

  /** `GET /v1/getEdoc`: an edoc delivered to the system's unit, its envelope byte for byte. */
  getEdoc(system: LgspSystem, docId: unknown): LgspEdocView {
    const row = typeof docId === "string" ? this.store.edoc(docId) : undefined;
    if (!row || !this.store.receipt(row.doc_id, system.agencyCode))
      throw new LgspGatewayError(
        404,
        `Không tìm thấy văn bản ${String(docId ?? "")} gửi đến đơn vị.`,
      );
    const edxml = row.edxml.toString("utf8");
    let attachments: LgspEdocView["attachments"] = [];
    try {
      attachments = readEnvelope(row.edxml).attachments.map((a) => ({
        fileName: a.fileName,
        fileContent: a.base64,
      }));
    } catch {
      // Only control-injected envelopes get here unreadable; they have no usable attachments.
    }
    return {
      docId: row.doc_id,
      from: row.from_code,
      fromName: row.from_name,
      edocCode: row.edoc_code,
      edocAbstract: row.subject,
      edxml,
      attachments,
    };
  }

  /**
   * `POST /v1/updateStatus`: a receiver reports on an edoc. Takes an edXML status code
   * (`"01"`–`"16"`) or a transport keyword (`done`, `processing`, `fail`…) — which one real LGSP
   * accepts is [UNCONFIRMED] — records it as sent and reports it back to the sender.
   */
  updateStatus(
    system: LgspSystem,
    docId: unknown,
    status: unknown,
  ): { docId: string; status: LgspEdocStatus } {
    const value = decodeStatus(status);
    if (!value || value === "initial")
      throw new LgspGatewayError(400, `Trạng thái ${String(status)} không hợp lệ.`);
    const edoc = typeof docId === "string" ? this.store.edoc(docId) : undefined;
    const receipt = edoc ? this.store.receipt(edoc.doc_id, system.agencyCode) : undefined;
    if (!edoc || !receipt)
      throw new LgspGatewayError(
        404,
        `Không tìm thấy văn bản ${String(docId ?? "")} gửi đến đơn vị.`,
      );
    const now = this.world.now();
    const reported = { code: String(status).trim(), desc: LGSP_STATUS_LABELS[value].vi };
    this.world.db.transaction(() => {
      this.store.setReceiptStatus(receipt.id, reported, now);
      this.store.addInbox(edoc.doc_id, "status", system.agencyCode, edoc.from_code, reported, now);
    })();
    return { docId: edoc.doc_id, status: value };
  }

  /** `GET /v1/getAgenciesList`: the world's agencies, `page` from 1. */
  agencies(pageText: unknown, sizeText: unknown) {
    const page = pageText === undefined ? 1 : Number(pageText);
    const size = sizeText === undefined ? 20 : Number(sizeText);
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1)
      throw new LgspGatewayError(400, "page and size must be positive integers.");
    const pageSize = Math.min(size, this.options.maxPageSize);
    const { total, content } = agencyPage(this.world.db, page, pageSize);
    return {
      currentPage: page,
      totalPages: Math.ceil(total / pageSize),
      pageSize,
      numberOfRecords: content.length,
      totalRecords: total,
      content: content satisfies LgspAgencyView[],
    };
  }

  // ----- controls (tests play LGSP's operator here) -----

  /** Locks a receiving unit: sends to it fail with `23` until unlocked. */
  lockUnit(agencyCode: string): void {
    this.store.lock(agencyCode, this.world.now());
  }

  unlockUnit(agencyCode: string): void {
    this.store.unlock(agencyCode);
  }

  /** Revokes every login token, as if they had expired: the next call answers 401. */
  expireTokens(): void {
    this.tokens.expireAll();
  }

  /** The next `times` (default 1) authenticated calls answer `errorCode` (e.g. `20`). */
  failNext(fault: LgspFault): void {
    this.fault = { errorCode: fault.errorCode, times: fault.times ?? 1 };
  }

  /** Every stored edoc, oldest first. */
  storedEdocs(): LgspStoredEdoc[] {
    return this.store.edocs().map((row) => this.storedView(row));
  }

  /** One stored edoc with its envelope text, or undefined. */
  storedEdoc(docId: string): (LgspStoredEdoc & { edxml: string }) | undefined {
    const row = this.store.edoc(docId);
    return row ? { ...this.storedView(row), edxml: row.edxml.toString("utf8") } : undefined;
  }

  /**
   * Delivers an envelope WITHOUT any check, as a lenient or buggy LGSP would, so receivers'
   * handling of broken envelopes can be tested.
   */
  deliver(input: { edxml: string | Uint8Array; from: string; to: string[] }): { docId: string } {
    const docId = randomUUID();
    const bytes = Buffer.from(input.edxml);
    this.store.insertEdoc(
      {
        doc_id: docId,
        from_code: input.from,
        from_name: agencyName(this.world.db, input.from) ?? null,
        system_id: null,
        document_id: "",
        edoc_code: "",
        subject: "",
        file_name: null,
        edxml: bytes,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        world_document_id: null,
        created_at: this.world.now(),
      },
      input.to,
      statusOf("initial"),
    );
    return { docId };
  }

  async close(): Promise<void> {}

  private storedView(row: EdocRow): LgspStoredEdoc {
    const lines = this.store.receipts(row.doc_id);
    return {
      docId: row.doc_id,
      from: row.from_code,
      systemId: row.system_id,
      documentId: row.document_id,
      edocCode: row.edoc_code,
      subject: row.subject,
      fileName: row.file_name,
      size: row.edxml.length,
      sha256: row.sha256,
      worldDocumentId: row.world_document_id,
      createdAt: formatLgspTimestamp(row.created_at),
      receipts: lines
        .filter((l) => l.service_type === "edoc")
        .map((l) => ({
          to: l.to_code,
          status: l.status,
          statusDesc: l.status_desc,
          updatedTime: formatLgspTimestamp(l.updated_at),
        })),
      reports: lines
        .filter((l) => l.service_type === "status")
        .map((l) => ({
          from: l.from_code,
          status: l.status,
          at: formatLgspTimestamp(l.created_at),
        })),
    };
  }

  /**
   * Files the edoc as an incoming document of the world (Document API), when it reads as one:
   * a Decree 30 number/notation, a promulgation date and a signer. Best effort: a duplicate
   * number or an unusual envelope is simply not recorded.
   */
  private recordIncoming(envelope: EnvelopeSummary, log?: Logger): string | null {
    const numberNotation = `${envelope.codeNumber}/${envelope.codeNotation}`;
    const type = parseDocumentNumber(numberNotation)?.type;
    const issuedAt = envelope.promulgationDate ? parseLgspDate(envelope.promulgationDate) : null;
    if (!type || !issuedAt || !envelope.signer || envelope.subject.trim() === "") return null;
    const input = {
      numberNotation,
      type,
      issuerName:
        envelope.from.organName ??
        agencyName(this.world.db, envelope.from.organId) ??
        envelope.from.organId,
      issuerAgencyCode: envelope.from.organId,
      subject: envelope.subject,
      signer: {
        fullName: envelope.signer.fullName,
        position: envelope.signer.position,
        authority: envelope.signer.competence,
      },
      issuedAt,
      attachments: envelope.attachments.map((a) => ({
        fileName: a.fileName,
        contentType: a.contentType || "application/octet-stream",
        contentBase64: a.base64,
      })),
    };
    try {
      if (checkDocument(this.world, input).length > 0) return null;
      return insertDocument(this.world, input, { direction: "incoming" }).id;
    } catch (error) {
      log?.debug({ err: error }, "lgsp: edoc not recorded as a world document");
      return null;
    }
  }
}

function statusOf(value: LgspEdocStatus): { code: string; desc: string } {
  return { code: LGSP_STATUS.encode(value), desc: LGSP_STATUS_LABELS[value].vi };
}

/** A status in either form (edXML code or keyword); undefined when it is neither. */
function decodeStatus(status: unknown): LgspEdocStatus | undefined {
  if (typeof status !== "string" && typeof status !== "number") return undefined;
  const decoded = decodeLgspStatus(status);
  return decoded.value === "unknown" ? undefined : decoded.value;
}

function receivedItem(row: InboxRow): LgspReceivedItem {
  const edoc = row.service_type === "edoc";
  return {
    serviceType: edoc ? "eDoc" : "status",
    createdTime: formatLgspTimestamp(row.created_at),
    updatedTime: formatLgspTimestamp(row.updated_at),
    messageType: edoc ? "edoc" : "status",
    docId: row.doc_id,
    from: row.from_code,
    to: row.to_code,
    status: row.status,
    statusDesc: row.status_desc,
  };
}

/** Constant-time comparison of a configured secret with what a caller sent. */
function safeEqual(expected: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(given).digest();
  return timingSafeEqual(a, b);
}
