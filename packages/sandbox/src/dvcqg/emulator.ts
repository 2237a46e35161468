import { safeEqual } from "@vnegov/domain";
import type { World } from "../world.js";
import {
  DvcqgFault,
  invalidData,
  loginFailed,
  sessionInvalid,
  unknownAgency,
  unknownService,
} from "./errors.js";
import {
  type DvcqgCredentials,
  type DvcqgEmulatorInit,
  type DvcqgEmulatorOptions,
  dvcqgOptions,
} from "./options.js";
import { ensureDvcqgTables } from "./schema.js";
import { type DvcqgEndpoint, SERVICES } from "./services.js";
import { DvcqgSessions } from "./sessions.js";

/** One call the emulator answered, for tests that count what a client sent. */
export interface DvcqgCall {
  endpoint: DvcqgEndpoint;
  service: string;
  /** Items in `data` (write services). */
  items?: number;
  /** The answer's `error_code`. */
  errorCode: string;
}

/**
 * The National Public Service Portal's integration API (as a provincial adapter reaches it)
 * over the sandbox's world: dossiers it creates or moves are the canonical API's dossiers,
 * and the canonical API's dossiers are what it looks up.
 */
export class DvcqgEmulator {
  readonly options: DvcqgEmulatorOptions;
  private readonly sessions: DvcqgSessions;
  private readonly wireStatuses = new Map<string, string>();
  private readonly secrets = new Map<string, string>();
  private readonly log: DvcqgCall[] = [];

  constructor(
    readonly world: World,
    readonly init: DvcqgEmulatorInit = {},
  ) {
    this.options = dvcqgOptions(init);
    this.sessions = new DvcqgSessions(() => this.options.sessionTtlSeconds);
    ensureDvcqgTables(world.db);
  }

  /** The account `/dvcqg/auth` accepts. */
  get credentials(): DvcqgCredentials {
    return { ...this.options.credentials };
  }

  /** `POST /dvcqg/auth`: a session for the right credentials. */
  login(username: unknown, password: unknown): string {
    const { credentials } = this.options;
    // Both compared, whatever the first gives, so timing tells nothing.
    const ok = [
      safeEqual(credentials.username, username),
      safeEqual(credentials.password, password),
    ].every(Boolean);
    if (!ok) throw loginFailed();
    return this.sessions.open();
  }

  /**
   * One `POST /dvcqg/integration` or `/dvcqg/share` body: `{ session, madonvi, service,
   * ...params }`. Returns the `result`, or throws the {@link DvcqgFault} to answer.
   */
  call(endpoint: DvcqgEndpoint, body: unknown, origin: string): unknown {
    const params = (body ?? {}) as Record<string, unknown>;
    const service = typeof params.service === "string" ? params.service : "";
    const entry: DvcqgCall = { endpoint, service, errorCode: "00" };
    try {
      if (typeof body !== "object" || body === null || Array.isArray(body))
        throw invalidData("nội dung yêu cầu phải là một đối tượng JSON");
      if (!this.sessions.isLive(params.session)) throw sessionInvalid();
      const madonvi = typeof params.madonvi === "string" ? params.madonvi.trim() : "";
      if (!madonvi || !this.world.db.prepare("SELECT 1 FROM agencies WHERE code = ?").get(madonvi))
        throw unknownAgency(madonvi);
      // Own keys only: "constructor" must not find Object.prototype's.
      const handler = Object.hasOwn(SERVICES, service)
        ? SERVICES[service as keyof typeof SERVICES]
        : undefined;
      if (!handler?.endpoints.includes(endpoint)) throw unknownService(service);
      const items = handler.items?.(params);
      if (items !== undefined) entry.items = items;
      return handler.run(
        {
          world: this.world,
          options: this.options,
          madonvi,
          origin,
          wireStatus: (code) => this.wireStatuses.get(code),
          created: (secrets) => {
            for (const [code, secret] of secrets) this.secrets.set(code, secret);
          },
        },
        params,
      );
    } catch (error) {
      entry.errorCode = error instanceof DvcqgFault ? error.errorCode : "-99";
      throw error;
    } finally {
      this.log.push(entry);
    }
  }

  /** Ends every session now; the next call with an old one gets the "log in again" error. */
  expireSessions(): number {
    return this.sessions.expireAll();
  }

  /**
   * Makes `TraCuuHoSo` answer `TrangThaiHoSo` as `raw` for one dossier (e.g. DVCQG's
   * `interoperating`, which no table knows), or as the world's status again with `null`.
   */
  setWireStatus(code: string, raw: string | null): void {
    if (raw === null) this.wireStatuses.delete(code);
    else this.wireStatuses.set(code, raw);
  }

  /** The verification secret (mã tra cứu) of a dossier `DongBoHoSoMC` created. */
  verificationSecret(code: string): string | undefined {
    return this.secrets.get(code);
  }

  /** Calls answered so far, oldest first. */
  calls(): readonly DvcqgCall[] {
    return [...this.log];
  }

  clearCalls(): void {
    this.log.length = 0;
  }

  async close(): Promise<void> {
    this.sessions.expireAll();
  }
}
