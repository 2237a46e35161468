import { DVCQG_SERVICES, type DvcqgThuTuc, matchesFolded } from "@vnegov/domain";
import type { RequestOptions } from "../../core/http-client.js";
import { type ListOptions, type Page, PagedList } from "../../core/paginate.js";
import { check, invalidString } from "../../resources/shared.js";
import type { Procedure, ProcedureSummary } from "../../types.js";
import type { PortalProcedures } from "../portal-api.js";
import { wireError } from "../wire-error.js";
import { procedureOf, summaryOf } from "./procedure-map.js";
import type { DvcqgSession } from "./session.js";

/** A `result` as a list: services answer an array, some adapters a bare object. */
export function resultList<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result.filter((x) => typeof x === "object" && x !== null);
  return typeof result === "object" && result !== null ? [result as T] : [];
}

/** The national procedure catalogue, through `LayThuTuc` and `LayDanhSachTTHC` (share endpoint). */
export class DvcqgProcedures implements PortalProcedures {
  constructor(private readonly session: DvcqgSession) {}

  /**
   * Searches the catalogue. `LayDanhSachTTHC` is a dictionary without filters or paging, so
   * it is fetched once per search and filtered here: `q` matches code, name, field and agency,
   * ignoring diacritics ("ho tich" finds "Hộ tịch"); `agencyCode` the implementing agency.
   */
  search(
    filter: { q?: string; agencyCode?: string } & ListOptions & RequestOptions = {},
  ): PagedList<ProcedureSummary> {
    const { q, agencyCode, limit, maxItems, cursor, ...options } = filter;
    let all: Promise<ProcedureSummary[]> | undefined;
    const matching = () => {
      all ??= this.session
        .call<unknown>(
          { endpoint: "share", service: DVCQG_SERVICES.procedures, read: true },
          options,
        )
        .then((result) =>
          resultList<DvcqgThuTuc>(result)
            .map((t) => summaryOf(t))
            .filter(
              (p) =>
                (!q || matchesFolded(`${p.code} ${p.name} ${p.field} ${p.agencyName}`, q)) &&
                (!agencyCode || p.agencyCode === agencyCode),
            ),
        );
      return all;
    };
    // Cursors are offsets into the filtered list.
    const fetchPage = async (after: string | undefined, size: number | undefined) => {
      const items = await matching();
      const start = after === undefined ? 0 : Number.parseInt(after, 10) || 0;
      const end = start + (size ?? 20);
      return {
        data: items.slice(start, end),
        nextCursor: end < items.length ? String(end) : null,
      } satisfies Page<ProcedureSummary>;
    };
    return new PagedList(fetchPage, { limit, maxItems, cursor });
  }

  /** One procedure (`LayThuTuc`); an unknown code is a `NotFoundError`. */
  async get(code: string, options: RequestOptions = {}): Promise<Procedure> {
    check([invalidString("procedureCode", code)]);
    const wanted = code.trim();
    const result = await this.session.call<unknown>(
      {
        endpoint: "share",
        service: DVCQG_SERVICES.procedure,
        params: { maTTHC: wanted },
        read: true,
      },
      options,
    );
    const found = resultList<DvcqgThuTuc>(result)[0];
    if (!found) {
      throw wireError("dvcqg", {
        kind: "not_found",
        wireCode: "result_empty",
        message: `No procedure ${wanted} in the national catalogue.`,
        request: { method: "POST", path: this.session.route("share", DVCQG_SERVICES.procedure) },
        status: 200,
      });
    }
    return procedureOf(found, wanted);
  }
}
