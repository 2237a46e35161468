import type { LgspAgencyRecord } from "@vnegov/domain";
import type { ListOptions, Page } from "../../core/paginate.js";
import { PagedList } from "../../core/paginate.js";
import type { LgspHttp } from "./http.js";
import type { LgspAgency, LgspRequestOptions } from "./types.js";

type Json = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const obj = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};

const DEFAULT_SIZE = 20;

/** The units LGSP connects (`GET /v1/getAgenciesList`): data, never a hard-coded list. */
export class LgspAgencies {
  constructor(private readonly http: LgspHttp) {}

  /**
   * LGSP's agency list across its pages: `await` it for the first page, `for await` for all.
   * Pages are numbered from 1 [UNCONFIRMED]; the cursor is `"<page>.<size>"`, so every page of
   * one listing has the same size even when `maxItems` stops it early.
   */
  list(options: ListOptions & LgspRequestOptions = {}): PagedList<LgspAgency> {
    const { signal, maxRetries, ...paging } = options;
    return new PagedList(
      (cursor, limit) => this.page(cursor, limit, { signal, maxRetries }),
      paging,
    );
  }

  private async page(
    cursor: string | undefined,
    limit: number | undefined,
    options: LgspRequestOptions,
  ): Promise<Page<LgspAgency>> {
    const [pageText, sizeText] = (cursor ?? "").split(".");
    const page = Number(pageText) || 1;
    const size = Number(sizeText) || limit || DEFAULT_SIZE;
    const body = await this.http.get<Json>("/v1/getAgenciesList", { page, size }, options);
    const data = obj(body.data);
    const content = Array.isArray(data.content) ? data.content : [];
    const current = typeof data.currentPage === "number" ? data.currentPage : page;
    const totalPages = typeof data.totalPages === "number" ? data.totalPages : 0;
    return {
      data: content.map((item) => agency(obj(item))),
      // An empty page ends the listing even if totalPages says otherwise.
      nextCursor: current < totalPages && content.length > 0 ? `${current + 1}.${size}` : null,
    };
  }
}

/** A wire record's fields, each still to be checked. */
type Unchecked<T> = { [K in keyof T]?: unknown };

function agency(item: Unchecked<LgspAgencyRecord>): LgspAgency {
  const type = str(item.type);
  return {
    id: str(item.id) ?? String(item.id ?? ""),
    code: str(item.code) ?? "",
    oldCode: str(item.oldCode),
    name: str(item.name) ?? "",
    centerCode: str(item.centerCode),
    parentId: str(item.parentId),
    level: typeof item.level === "number" ? item.level : null,
    type,
    internal: item.typeInternal === true || type === "INTERNAL",
  };
}
