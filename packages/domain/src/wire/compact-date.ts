import { dateTimeParts } from "../date-parts.js";
import { instantOf, VN_OFFSET_MS } from "../time.js";

/**
 * The DVCQG wire's date-time: `yyyyMMddHHmmss`, wall time in Asia/Ho_Chi_Minh, no zone, no
 * separators (OpenCPS `convertDate2String`; `shared/reference/vn-egov.md` §1.8).
 */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * Formats an instant as `yyyyMMddHHmmss` in Vietnam time; milliseconds are dropped (the wire
 * has none).
 *
 * @throws RangeError when `date` is not a valid instant.
 * @example
 * formatCompactDate(new Date("2024-05-25T01:30:05Z")); // "20240525083005"
 */
export function formatCompactDate(date: Date | number): string {
  const ms = instantOf(date, "formatCompactDate");
  // The shifted instant's ISO text is the local wall time.
  const iso = new Date(ms + VN_OFFSET_MS).toISOString();
  return iso.slice(0, 19).replace(/[-T:]/g, "");
}

/**
 * Reads a `yyyyMMddHHmmss` Vietnam-time value. Anything else (wrong length, letters, 30
 * February, hour 24, a number) gives `undefined`, never an exception: wire data is untrusted.
 *
 * @example
 * parseCompactDate("20240525083005")?.toISOString(); // "2024-05-25T01:30:05.000Z"
 * parseCompactDate("20240230000000"); // undefined
 */
export function parseCompactDate(text: unknown): Date | undefined {
  if (typeof text !== "string") return undefined;
  const match = COMPACT.exec(text.trim());
  if (!match) return undefined;
  const parts = dateTimeParts(match.slice(1));
  // Years before 1900 are refused: Date.UTC would read 0–99 as 1900–1999.
  if (!parts || parts[0] < 1900) return undefined;
  const [year, month, day, hour, minute, second] = parts;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(utc - VN_OFFSET_MS);
}
