import { isDossierCode, isProcedureCode } from "@vnegov/domain";
import type { LookupSecret } from "../adapters/portal-api.js";
import type { HttpClient, RequestOptions } from "../core/http-client.js";
import type { ListOptions, PagedList } from "../core/paginate.js";
import type {
  Agency,
  Dossier,
  DossierHistoryEntry,
  DossierReceipt,
  DossierStatus,
  DossierSubmission,
  DossierSupplement,
  DossierTransition,
  Procedure,
  ProcedureSummary,
} from "../types.js";
import { check, invalidString, pagedList } from "./shared.js";

/** The verification secret (mã tra cứu) issued with a dossier; officers may omit it. */
export interface SecretOption {
  secret?: string;
}

/** A dossier looked up with `include: "recentHistory"`. */
export type DossierWithRecentHistory = Dossier & { recentHistory: DossierHistoryEntry[] };

const codeError = (code: unknown) =>
  invalidString("dossierCode", code, isDossierCode, "must look like 000.00.12.H12-240525-0001");

/** Agencies (cơ quan) and their codes. */
export class AgenciesResource {
  constructor(private readonly http: HttpClient) {}

  list(options: ListOptions & RequestOptions = {}): PagedList<Agency> {
    return pagedList(this.http, { route: "/portal/v1/agencies" }, options);
  }
}

/** Administrative procedures (thủ tục hành chính). */
export class ProceduresResource {
  constructor(private readonly http: HttpClient) {}

  /** Searches by code, name or field; `q` ignores diacritics ("ho tich" finds "hộ tịch"). */
  search(
    filter: {
      q?: string;
      agencyCode?: string;
      onlineLevel?: Procedure["onlineLevel"];
    } & ListOptions &
      RequestOptions = {},
  ): PagedList<ProcedureSummary> {
    const { q, agencyCode, onlineLevel, ...options } = filter;
    return pagedList(
      this.http,
      { route: "/portal/v1/procedures", query: { q, agencyCode, onlineLevel } },
      options,
    );
  }

  /** One procedure with its form schema. */
  async get(code: string, options: RequestOptions = {}): Promise<Procedure> {
    check([invalidString("procedureCode", code, isProcedureCode, "must look like 1.004227")]);
    return this.http.call(
      { method: "GET", route: "/portal/v1/procedures/{code}", params: { code } },
      options,
    );
  }
}

/** Citizens' dossiers (hồ sơ). */
export class DossiersResource {
  /** Look-ups are proven with the verification secret (mã tra cứu) issued on submission. */
  readonly lookupSecret: LookupSecret = "verificationSecret";

  constructor(private readonly http: HttpClient) {}

  /**
   * Submits a dossier. Retries are safe: an `Idempotency-Key` is generated when you give none,
   * so a repeat after a network error creates no second dossier. Keep the returned
   * `verificationSecret`: look-ups need it.
   */
  async submit(
    submission: DossierSubmission,
    options: RequestOptions = {},
  ): Promise<DossierReceipt> {
    check([
      invalidString(
        "procedureCode",
        submission?.procedureCode,
        isProcedureCode,
        "must look like 1.004227",
      ),
      (typeof submission?.formData !== "object" || submission.formData === null) && {
        field: "formData",
        code: "required",
        message: "is required",
      },
    ]);
    return this.http.call(
      { method: "POST", route: "/portal/v1/dossiers", body: submission, idempotent: true },
      options,
    );
  }

  /**
   * Looks a dossier up by code (tra cứu hồ sơ) with its verification secret. With
   * `include: "recentHistory"` the answer also carries the latest history entries (up to 5,
   * oldest first), saving a call to {@link DossiersResource.history}.
   */
  async get(
    code: string,
    options: SecretOption & RequestOptions & { include: "recentHistory" },
  ): Promise<DossierWithRecentHistory>;
  async get(code: string, options?: SecretOption & RequestOptions): Promise<Dossier>;
  async get(
    code: string,
    options: SecretOption & RequestOptions & { include?: "recentHistory" } = {},
  ): Promise<Dossier> {
    check([
      codeError(code),
      options.include === undefined || options.include === "recentHistory"
        ? undefined
        : { field: "include", code: "invalid", message: 'must be "recentHistory"' },
    ]);
    return this.http.call(
      {
        method: "GET",
        route: "/portal/v1/dossiers/{code}",
        params: { code },
        query: { include: options.include },
        headers: secretHeader(options),
      },
      options,
    );
  }

  /** This client's dossiers (every dossier for officers), newest first. */
  list(
    filter: {
      status?: DossierStatus;
      procedureCode?: string;
      agencyCode?: string;
      applicantIdNumber?: string;
      updatedSince?: Date | string;
    } & ListOptions &
      RequestOptions = {},
  ): PagedList<Dossier> {
    const { status, procedureCode, agencyCode, applicantIdNumber, updatedSince, ...options } =
      filter;
    const since = updatedSince instanceof Date ? updatedSince.toISOString() : updatedSince;
    return pagedList(
      this.http,
      {
        route: "/portal/v1/dossiers",
        query: { status, procedureCode, agencyCode, applicantIdNumber, updatedSince: since },
      },
      options,
    );
  }

  /** Status history, oldest first. */
  history(
    code: string,
    options: SecretOption & ListOptions & RequestOptions = {},
  ): PagedList<DossierHistoryEntry> {
    check([codeError(code)]);
    return pagedList(
      this.http,
      {
        route: "/portal/v1/dossiers/{code}/history",
        params: { code },
        headers: secretHeader(options),
      },
      options,
    );
  }

  /** Supplements a dossier waiting in `yeu_cau_bo_sung` (bổ sung hồ sơ). */
  async supplement(
    code: string,
    supplement: DossierSupplement,
    options: SecretOption & RequestOptions = {},
  ): Promise<Dossier> {
    check([codeError(code), invalidString("note", supplement?.note)]);
    return this.http.call(
      {
        method: "POST",
        route: "/portal/v1/dossiers/{code}/supplement",
        params: { code },
        headers: secretHeader(options),
        body: supplement,
        idempotent: true,
      },
      options,
    );
  }

  /** Withdraws a dossier (rút hồ sơ). Not retried on failure: check its status first. */
  async withdraw(
    code: string,
    reason: string,
    options: SecretOption & RequestOptions = {},
  ): Promise<Dossier> {
    check([codeError(code), invalidString("reason", reason)]);
    return this.http.call(
      {
        method: "POST",
        route: "/portal/v1/dossiers/{code}/withdraw",
        params: { code },
        headers: secretHeader(options),
        body: { reason },
      },
      options,
    );
  }

  /** An officer's move to another status (needs `portal:officer`). */
  async transition(
    code: string,
    transition: DossierTransition,
    options: RequestOptions = {},
  ): Promise<Dossier> {
    check([codeError(code), invalidString("status", transition?.status)]);
    return this.http.call(
      {
        method: "POST",
        route: "/portal/v1/dossiers/{code}/transitions",
        params: { code },
        body: transition,
      },
      options,
    );
  }
}

function secretHeader(options: SecretOption): Record<string, string | undefined> {
  return { "x-verification-secret": options.secret?.trim() };
}
