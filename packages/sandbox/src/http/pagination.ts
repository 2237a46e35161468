import { badRequest } from "./problem.js";

/** A page as the contract returns it. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Cursor = base64url of the last row's sort key; opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === "string" || typeof k === "number")
    ) {
      return key;
    }
  } catch {
    // fall through to the problem below
  }
  throw badRequest("invalid_cursor", "The cursor is not one this server issued.", [
    { field: "query.cursor", code: "invalid", message: "Use a nextCursor from a previous page." },
  ]);
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells that another page
 * exists, and the cursor points after the last row returned.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => (string | number)[],
  map: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
