import type { RequestOptions } from "../core/http-client.js";
import type { ListOptions, PagedList } from "../core/paginate.js";
import type {
  Channel,
  Dossier,
  DossierHistoryEntry,
  DossierStatus,
  Procedure,
  ProcedureSummary,
} from "../types.js";

/**
 * What proves a citizen may see a dossier: the canonical API's verification secret (mã tra
 * cứu), or, on wires that have none (DVCQG, iGate), the applicant's identity number (CCCD).
 */
export type LookupSecret = "verificationSecret" | "applicantIdNumber";

/**
 * A dossier as any backend reports it: the contract's {@link Dossier}, except that a status or
 * channel the backend's tables do not know is `"unknown"` (its raw code in `wireCodes`), never
 * a crash. The canonical client's dossiers are always fully known.
 */
export interface PortalDossier extends Omit<Dossier, "status" | "statusCode" | "channel"> {
  status: DossierStatus | "unknown";
  /** `TrangThaiHoSo` 1–10; `null` when the status is unknown. */
  statusCode: number | null;
  channel: Channel | "unknown";
  /** The wire's own codes for the mapped fields (adapters only), e.g. `{ status: "waiting" }`. */
  wireCodes?: Readonly<Record<string, string>>;
  /** Only with `include: "recentHistory"`: the latest entries, oldest first (at most 5). */
  recentHistory?: DossierHistoryEntry[];
}

/** Options of a dossier look-up. */
export interface DossierLookupOptions extends RequestOptions {
  /** The proof named by {@link PortalDossiers.lookupSecret}; officers' clients may omit it. */
  secret?: string;
  include?: "recentHistory";
}

/** Dossier look-ups every backend offers (the canonical client offers far more). */
export interface PortalDossiers {
  /** What `secret` means on this backend. */
  readonly lookupSecret: LookupSecret;
  /**
   * Looks a dossier up by code. A wrong secret and an unknown code both give a
   * `NotFoundError`, so codes cannot be probed.
   */
  get(code: string, options?: DossierLookupOptions): Promise<PortalDossier>;
}

/** Procedure search and detail, where a backend offers them. */
export interface PortalProcedures {
  /** Searches by code, name or field; `q` ignores diacritics. */
  search(
    filter?: { q?: string; agencyCode?: string } & ListOptions & RequestOptions,
  ): PagedList<ProcedureSummary>;
  get(code: string, options?: RequestOptions): Promise<Procedure>;
}

/**
 * The public-service portal as the bot needs it, whichever system serves it: the canonical
 * client's `portal`, or an adapter's (`@vnegov/sdk/dvcqg`, `@vnegov/sdk/igate`).
 */
export interface PortalApi {
  readonly dossiers: PortalDossiers;
  /** Absent on backends without a procedure catalogue (iGate). */
  readonly procedures?: PortalProcedures;
}
