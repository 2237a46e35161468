import { VN_OFFSET_MS } from "../time.js";

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
  const ms = typeof date === "number" ? date : date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(ms) || Number.isNaN(new Date(ms).getTime()))
    throw new RangeError("formatCompactDate: expected a valid Date or epoch milliseconds");
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
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 30 February over to March; a round trip exposes that.
  if (
    year < 1900 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return undefined;
  return new Date(utc - VN_OFFSET_MS);
}
