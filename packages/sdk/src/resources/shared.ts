import type { CallSpec, HttpClient, RequestOptions } from "../core/http-client.js";
import { type ListOptions, type Page, PagedList } from "../core/paginate.js";
import { type FieldError, ValidationError } from "../errors.js";

/** Throws a {@link ValidationError} naming every bad argument, before any request is made. */
export function check(errors: (FieldError | null | false | undefined)[]): void {
  const found = errors.filter((e): e is FieldError => Boolean(e));
  if (found.length > 0) {
    throw new ValidationError(
      `Invalid arguments: ${found.map((e) => `${e.field} ${e.message}`).join("; ")}.`,
      {
        fieldErrors: found,
      },
    );
  }
}

/** A field error when `value` is not a non-empty string (optionally matching `test`). */
export function invalidString(
  field: string,
  value: unknown,
  test?: (value: string) => boolean,
  message = "has the wrong format",
): FieldError | null {
  if (typeof value !== "string" || value.trim() === "")
    return { field, code: "required", message: "is required" };
  if (test && !test(value)) return { field, code: "invalid", message };
  return null;
}

/** A list call as a {@link PagedList}. */
export function pagedList<T>(
  http: HttpClient,
  spec: Omit<CallSpec, "method">,
  options: ListOptions & RequestOptions = {},
): PagedList<T> {
  return new PagedList<T>(
    (cursor, limit) =>
      http.call<Page<T>>(
        { ...spec, method: "GET", query: { ...spec.query, cursor, limit } },
        options,
      ),
    options,
  );
}
