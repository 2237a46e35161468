import {
  type CodeTable,
  DOSSIER_STATUSES,
  type DossierStatus,
  formatIgateDate,
  isDossierCode,
  parseIgateDate,
  safeEqual,
} from "@vnegov/domain";
import type { RequestOptions } from "../../core/http-client.js";
import { type ListOptions, type Page, PagedList } from "../../core/paginate.js";
import type { Transport } from "../../core/transport.js";
import { type FieldError, ServerError } from "../../errors.js";
import { check, invalidString } from "../../resources/shared.js";
import type { DossierLookupOptions, PortalDossier, PortalDossiers } from "../portal-api.js";
import { wireError } from "../wire-error.js";
import { currentStep, toPortalDossier } from "./map-dossier.js";
import type { IgateSlice, IgateSort, IgateWireDossier } from "./wire-types.js";

const SEARCH = "/pa/dossier/search";
const DAY_MS = 86_400_000;
/** iGate's own page size when none is asked for. */
const DEFAULT_SIZE = 20;

/** Filters of {@link IgateDossiers.search}; all optional, combined with AND. */
export interface IgateDossierFilter {
  /** The dossier code (mã hồ sơ). */
  code?: string;
  /** The applicant's identity number (CCCD/CMND). */
  identityNumber?: string;
  /** The applicant's name, as iGate matches it. */
  applicantName?: string;
  /** One status or any of several. */
  status?: DossierStatus | DossierStatus[];
  /** Received (tiếp nhận) at or after: an instant, or a `YYYY-MM-DD` day from its start in Vietnam. */
  acceptedFrom?: Date | string;
  /** Received at or before: an instant, or a `YYYY-MM-DD` day up to its end in Vietnam. */
  acceptedTo?: Date | string;
  /** e.g. `appointmentDate,asc` (soonest appointment first). */
  sort?: IgateSort;
}

/** Dossiers on iGate: look-ups by code (proven with the applicant's identity number) and search. */
export class IgateDossiers implements PortalDossiers {
  /** On iGate a citizen proves a look-up with the applicant's identity number (CCCD). */
  readonly lookupSecret = "applicantIdNumber" as const;

  constructor(
    private readonly transport: Transport,
    private readonly statuses: CodeTable<DossierStatus>,
    private readonly now: () => number,
  ) {}

  /**
   * Looks a dossier up by code. With `secret` (the applicant's identity number) a wrong number
   * gives the same `NotFoundError` as an unknown code. Without it there is no check: only for
   * officers' tools, since the integration client sees every dossier of the province.
   */
  async get(code: string, options: DossierLookupOptions = {}): Promise<PortalDossier> {
    check([
      invalidString("dossierCode", code, isDossierCode, "must look like 000.00.12.H12-240525-0001"),
      options.secret !== undefined && invalidString("secret", options.secret),
      options.include !== undefined &&
        options.include !== "recentHistory" && {
          field: "include",
          code: "invalid",
          message: 'must be "recentHistory"',
        },
    ]);
    // Searched by code alone: the identity number is compared here, so it never travels in a
    // URL (and so never lands in the gateway's access logs).
    const slice = await this.fetchSlice(
      { code: code.trim(), page: 0, size: DEFAULT_SIZE },
      options,
    );
    const wire = slice.content?.find((d) => d?.code === code.trim());
    const secret = options.secret?.trim();
    // Compared in constant time, so response timing tells nothing about a near miss; an empty
    // identity number on record matches nothing.
    const idNumber = wire?.applicant?.data?.identityNumber ?? "";
    if (!wire || (secret !== undefined && (idNumber === "" || !safeEqual(idNumber, secret)))) {
      throw wireError("igate", {
        kind: "not_found",
        wireCode: "not_found",
        message: "No dossier with this code and identity number.",
        request: { method: "GET", path: SEARCH },
        status: 200,
      });
    }
    const dossier = this.map(wire);
    return options.include === "recentHistory"
      ? { ...dossier, recentHistory: currentStep(dossier, wire.statusCurrentTask) }
      : dossier;
  }

  /**
   * Searches dossiers. `await` gives the first page; `for await` walks every page (iGate's
   * page numbers, `limit` as the page size, default 20). `cursor` is an item offset.
   *
   * @example
   * ```ts
   * for await (const d of igate.portal.dossiers.search({ status: ["dang_xu_ly", "yeu_cau_bo_sung"], sort: "appointmentDate,asc" })) …
   * ```
   */
  search(filter: IgateDossierFilter & ListOptions & RequestOptions = {}): PagedList<PortalDossier> {
    const query = this.filterQuery(filter);
    if (filter.cursor !== undefined)
      check([
        !/^\d+$/.test(filter.cursor) && {
          field: "cursor",
          code: "invalid",
          message: "must be an item offset",
        },
      ]);
    return new PagedList<PortalDossier>(
      (cursor, limit) => this.page(query, Number(cursor ?? 0), limit ?? DEFAULT_SIZE, filter),
      filter,
    );
  }

  /**
   * `size` items from `offset`. iGate pages by number, so the page holding `offset` is fetched
   * and the items before it dropped; an offset off the page grid (a resumed cursor, a shrunk
   * last page under `maxItems`) takes one more page to fill up. On the grid: one request.
   */
  private async page(
    query: Record<string, string | undefined>,
    offset: number,
    size: number,
    options: RequestOptions,
  ): Promise<Page<PortalDossier>> {
    const data: PortalDossier[] = [];
    let position = offset;
    let page = Math.floor(offset / size);
    for (;;) {
      const slice = await this.fetchSlice({ ...query, page, size }, options);
      const content = slice.content ?? [];
      const start = (slice.number ?? page) * (slice.size ?? size);
      const skip = position - start;
      if (skip < 0 || skip > content.length) throw pagingMismatch(slice, position);
      const wanted = content.slice(skip, skip + size - data.length);
      data.push(...wanted.map((d) => this.map(d)));
      position += wanted.length;
      const done = slice.last === true || content.length < (slice.size ?? size);
      if (done && position === start + content.length) return { data, nextCursor: null };
      if (data.length >= size || done) return { data, nextCursor: String(position) };
      page++;
    }
  }

  private async fetchSlice(
    query: Record<string, string | number | undefined>,
    options: RequestOptions,
  ): Promise<IgateSlice> {
    const slice = await this.transport.request<IgateSlice>({
      method: "GET",
      path: SEARCH,
      route: SEARCH,
      query: { ...query, spec: "slice" },
      headers: options.headers,
      signal: options.signal,
      maxRetries: options.maxRetries,
    });
    if (slice.content !== undefined && !Array.isArray(slice.content))
      throw new ServerError("iGate sent a search answer without a content list.", {
        status: 200,
        code: "igate:malformed_response",
        request: { method: "GET", path: SEARCH },
      });
    return slice;
  }

  private map(wire: IgateWireDossier): PortalDossier {
    return toPortalDossier(wire, this.statuses, this.now());
  }

  /** The filter as iGate's query parameters; bad values are a `ValidationError` before any call. */
  private filterQuery(filter: IgateDossierFilter): Record<string, string | undefined> {
    const statuses = filter.status === undefined ? [] : [filter.status].flat();
    const errors: (FieldError | null | false)[] = [
      filter.code !== undefined && invalidString("code", filter.code),
      filter.identityNumber !== undefined && invalidString("identityNumber", filter.identityNumber),
      filter.applicantName !== undefined && invalidString("applicantName", filter.applicantName),
      ...statuses.map(
        (s, i) =>
          !DOSSIER_STATUSES.includes(s) && {
            field: `status[${i}]`,
            code: "invalid",
            message: "is not a dossier status",
          },
      ),
      filter.sort !== undefined &&
        !/^\w+,(asc|desc)$/.test(filter.sort) && {
          field: "sort",
          code: "invalid",
          message: "must look like appointmentDate,asc",
        },
    ];
    const from = instantOf(filter.acceptedFrom, false);
    const to = instantOf(filter.acceptedTo, true);
    if (from === null)
      errors.push({
        field: "acceptedFrom",
        code: "invalid",
        message: "must be a date or an ISO 8601 instant",
      });
    if (to === null)
      errors.push({
        field: "acceptedTo",
        code: "invalid",
        message: "must be a date or an ISO 8601 instant",
      });
    check(errors);
    return {
      code: filter.code?.trim(),
      "identity-number": filter.identityNumber?.trim(),
      "applicant-name": filter.applicantName?.trim(),
      "dossier-status":
        statuses.length > 0 ? statuses.map((s) => this.statuses.encode(s)).join(",") : undefined,
      "accepted-from": from == null ? undefined : formatIgateDate(from),
      "accepted-to": to == null ? undefined : formatIgateDate(to),
      sort: filter.sort,
    };
  }
}

/** The gateway answered a page other than the one asked for (it resized it). */
function pagingMismatch(slice: IgateSlice, offset: number): ServerError {
  return new ServerError(
    `iGate answered page ${slice.number} of ${slice.size} for offset ${offset}.`,
    {
      status: 200,
      code: "igate:paging_mismatch",
      request: { method: "GET", path: SEARCH },
    },
  );
}

/** Epoch ms of a filter date (a bare day spans all of it in Vietnam); null when unreadable. */
function instantOf(value: Date | string | undefined, endOfDay: boolean): number | null | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  const ms = parseIgateDate(value);
  if (ms === null) return null;
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? ms + DAY_MS - 1 : ms;
}
