import { ValidationError } from "../errors.js";

/** One page as the API returns it. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Paging options every list method accepts. */
export interface ListOptions {
  /** Page size, 1–100 (the server's default is 20). */
  limit?: number;
  /** Stop iterating after this many items in total. */
  maxItems?: number;
  /** Start after this cursor (a previous page's `nextCursor`). */
  cursor?: string;
}

/**
 * A list result: `await` it for the first page, or `for await` it for every item across
 * pages (fetched lazily, one page at a time).
 *
 * @example
 * ```ts
 * const first = await client.portal.dossiers.list({ status: "dang_xu_ly" });
 * for await (const dossier of client.portal.dossiers.list({ limit: 100 })) { … }
 * ```
 */
export class PagedList<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  private first: Promise<Page<T>> | undefined;

  constructor(
    private readonly fetchPage: (
      cursor: string | undefined,
      limit: number | undefined,
    ) => Promise<Page<T>>,
    private readonly options: ListOptions = {},
  ) {
    const { limit, maxItems } = options;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100)) {
      throw new ValidationError("limit must be an integer from 1 to 100.", {
        fieldErrors: [
          { field: "limit", code: "out_of_range", message: "must be an integer from 1 to 100" },
        ],
      });
    }
    if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 0)) {
      throw new ValidationError("maxItems must be a non-negative integer.", {
        fieldErrors: [
          { field: "maxItems", code: "out_of_range", message: "must be a non-negative integer" },
        ],
      });
    }
  }

  // biome-ignore lint/suspicious/noThenProperty: being awaitable is the point of this class
  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.first ??= this.fetchPage(this.options.cursor, this.options.limit);
    return this.first.then(onFulfilled, onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const max = this.options.maxItems ?? Number.POSITIVE_INFINITY;
    if (max === 0) return;
    let count = 0;
    let cursor = this.options.cursor;
    do {
      // Ask for no more than is still wanted.
      const limit = Math.min(this.options.limit ?? 100, max - count);
      const page = await this.fetchPage(cursor, Math.max(1, Math.min(100, limit)));
      for (const item of page.data) {
        yield item;
        if (++count >= max) return;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** Every item (up to `maxItems`) in one array. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
