import {
  type CodeTable,
  type DossierStatus,
  IGATE_DOSSIER_STATUS_IDS,
  igateDossierStatusTable,
} from "@vnegov/domain";
import type { World } from "../world.js";
import {
  type IgateDossier,
  type IgateStatusOverride,
  igateDossier,
  objectId,
} from "./dossier-view.js";
import { SpringError } from "./errors.js";
import { type IgateEmulatorInit, type IgateEmulatorOptions, igateOptions } from "./options.js";
import { allCodes, loadDossier, parseSearch, runSearch } from "./search.js";
import { type IgateStats, IgateTokens, type KeycloakTokenAnswer } from "./tokens.js";

/** A Spring Data `Slice` (`spec=slice`) or `Page` (with totals) of dossiers. */
export interface IgateSearchPage {
  content: IgateDossier[];
  number: number;
  size: number;
  numberOfElements: number;
  first: boolean;
  last: boolean;
  empty: boolean;
  totalElements?: number;
  totalPages?: number;
}

/**
 * The VNPT iGate one-stop system over the sandbox's world: a Keycloak realm issuing
 * client-credentials tokens and the API gateway's dossier search, reading the same dossiers
 * table as the canonical Portal API.
 */
export class IgateEmulator {
  readonly options: IgateEmulatorOptions;
  /** Our statuses ⇄ this deployment's ids. */
  readonly statuses: CodeTable<DossierStatus>;
  readonly tokens: IgateTokens;
  /** Raw statuses forced onto dossiers by tests, by dossier code. */
  private readonly overrides = new Map<string, IgateStatusOverride>();

  constructor(
    readonly world: World,
    init: IgateEmulatorInit = {},
  ) {
    this.options = igateOptions(init);
    this.statuses = igateDossierStatusTable(this.options.statusIds);
    this.tokens = new IgateTokens(this.options);
  }

  /** The client id and secret the realm accepts, and the realm. */
  get credentials() {
    return { ...this.options.credentials, realm: this.options.realm };
  }

  /** Round-trip counters: token requests, tokens issued, refused and served API calls. */
  get stats(): Readonly<IgateStats> {
    return { ...this.tokens.stats };
  }

  /** The token endpoint's grant (see {@link IgateTokens.grant}). */
  grant(
    form: URLSearchParams,
    authorization: string | undefined,
    issuer: string,
  ): KeycloakTokenAnswer {
    return this.tokens.grant(form, authorization, issuer);
  }

  /** Makes every token issued so far expire now; returns how many there were. */
  expireTokens(): number {
    return this.tokens.expireAll();
  }

  /**
   * Reports `dossierStatus.id` (and name) of one dossier as a raw iGate status, e.g. one of the
   * ids our table does not know; `undefined` puts the dossier back on the table.
   */
  overrideStatus(code: string, status: IgateStatusOverride | undefined): void {
    if (!loadDossier(this.world, code)) throw new RangeError(`No dossier ${code}.`);
    if (status === undefined) {
      this.overrides.delete(code);
      return;
    }
    if (!Number.isSafeInteger(status.id)) throw new RangeError("The status id must be an integer.");
    this.overrides.set(code, status);
  }

  /** `GET /pa/dossier/search`. */
  search(query: URLSearchParams): IgateSearchPage {
    const search = parseSearch(query, this.options.maxPageSize, (ids) => this.matching(ids));
    const name = query.get("applicant-name")?.trim() || undefined;
    const { rows, hasNext, total } = runSearch(this.world, search, name);
    const content = rows.map((row) => this.view(row));
    return {
      content,
      number: search.page,
      size: search.size,
      numberOfElements: content.length,
      first: search.page === 0,
      last: !hasNext,
      empty: content.length === 0,
      ...(total === undefined
        ? {}
        : { totalElements: total, totalPages: Math.ceil(total / search.size) }),
    };
  }

  /** `GET /pa/dossier/{id}/--online`: one dossier by its id. */
  dossierById(id: string): IgateDossier {
    const code = /^[0-9a-f]{24}$/.test(id)
      ? allCodes(this.world).find((c) => objectId("dossier", c) === id)
      : undefined;
    const row = code === undefined ? undefined : loadDossier(this.world, code);
    if (!row) throw new SpringError(404, `Dossier not found with id: ${id}`);
    return this.view(row);
  }

  async close(): Promise<void> {}

  private view(row: Parameters<typeof igateDossier>[0]): IgateDossier {
    return igateDossier(row, this.statuses, this.overrides.get(row.code));
  }

  /** Statuses whose ids were asked for, and dossiers whose forced raw status was. */
  private matching(ids: number[]) {
    const wanted = new Set(ids);
    const statuses = (Object.keys(IGATE_DOSSIER_STATUS_IDS) as DossierStatus[]).filter((s) =>
      wanted.has(Number(this.statuses.encode(s))),
    );
    const codes = [...this.overrides].filter(([, o]) => wanted.has(o.id)).map(([code]) => code);
    // A dossier with a forced status no longer matches its table status.
    const hidden = [...this.overrides.keys()].filter((code) => !codes.includes(code));
    return { statuses, codes, hidden };
  }
}
