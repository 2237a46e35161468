import { createHash, randomUUID } from "node:crypto";
import {
  formatLgspTimestamp,
  LGSP_STATUS_LABELS,
  type LgspEdocStatus,
  type LgspErrorCode,
  parseLgspDate,
  safeEqual,
} from "@vnegov/domain";
import type { Logger } from "pino";
import { vnWallTime } from "../domain/time.js";
import type { World } from "../world.js";
import { agencyName, agencyPage, type LgspAgencyView } from "./agencies.js";
import { EnvelopeError, type EnvelopeSummary, readEnvelope } from "./envelope.js";
import { LgspFailure, LgspGatewayError } from "./errors.js";
import { recordIncoming } from "./incoming-documents.js";
import {
  type LgspEmulatorInit,
  type LgspEmulatorOptions,
  type LgspSystem,
  lgspOptions,
} from "./options.js";
import { decodeStatus, statusOf } from "./statuses.js";
import { type EdocRow, LgspStore } from "./store.js";
import { LgspTokens } from "./tokens.js";
import {
  type LgspEdocView,
  type LgspReceivedItem,
  type LgspStoredEdoc,
  receivedItem,
  storedEdocView,
} from "./views.js";

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

  /**
   * What a client of the agency's system logs in and signs calls with, e.g.
   * `new Lgsp({ baseURL: \`${sandbox.url}/lgsp\`, ...sandbox.lgsp.credentialsOf(code) })`.
   * @throws Error when no system is registered for `agencyCode`.
   */
  credentialsOf(agencyCode: string): Omit<LgspSystem, "agencyCode"> {
    const system = this.systemOf(agencyCode);
    if (!system) throw new Error(`No LGSP system is registered for ${agencyCode}.`);
    const { agencyCode: _, ...credentials } = system;
    return credentials;
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
          ? recordIncoming(this.world, envelope, log)
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
    return storedEdocView(row, this.store.receipts(row.doc_id));
  }
}
