/**
 * Vietnam's time zone. The country has kept UTC+7 without daylight saving since 1975, so
 * the helpers below use a fixed offset where exact arithmetic matters and `Intl` where
 * text is produced.
 */
export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** UTC+7 in milliseconds; exact for every date the SDK deals with (no DST since 1975). */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

const MONTHS_EN = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

// One formatter, created once: DateTimeFormat construction is costly. en-US with latn digits
// and h23 gives stable numeric parts; the final text is assembled by hand so it does not
// change with the ICU version (e.g. en-GB "Sept", or "at" between date and time).
const PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: VN_TIME_ZONE,
  numberingSystem: "latn",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * Epoch milliseconds of a `Date` or a number, for the formatters of this package.
 *
 * @throws RangeError naming `what` when `date` is not a valid instant.
 */
export function instantOf(date: Date | number, what: string): number {
  const ms = typeof date === "number" ? date : date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(ms) || Number.isNaN(new Date(ms).getTime())) {
    throw new RangeError(`${what}: expected a valid Date or epoch milliseconds`);
  }
  return ms;
}

/**
 * Formats an instant as RFC 3339 in Asia/Ho_Chi_Minh. Milliseconds are kept only when non-zero.
 *
 * @throws RangeError when `date` is not a valid instant.
 * @example
 * toVnIso(new Date("2024-05-25T01:30:00Z")); // "2024-05-25T08:30:00+07:00"
 */
export function toVnIso(date: Date | number): string {
  const ms = instantOf(date, "toVnIso");
  // toISOString of the shifted instant prints the local wall time (with a misleading "Z").
  const local = new Date(ms + VN_OFFSET_MS).toISOString();
  const withoutZone = local.endsWith(".000Z") ? local.slice(0, 19) : local.slice(0, 23);
  return `${withoutZone}+07:00`;
}

/**
 * The calendar date `YYYY-MM-DD` of an instant in Asia/Ho_Chi_Minh.
 *
 * @throws RangeError when `date` is not a valid instant.
 * @example
 * vnDateString(new Date("2024-05-24T18:00:00Z")); // "2024-05-25" (01:00 local)
 */
export function vnDateString(date: Date | number): string {
  const ms = instantOf(date, "vnDateString");
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Options of {@link formatVnDate}. */
export interface FormatVnDateOptions {
  /** Append the local time `HH:mm` (24-hour). Default false. */
  withTime?: boolean;
  /** `vi` (default): `25/05/2024 08:30`; `en`: `25 May 2024, 08:30`. */
  locale?: "vi" | "en";
}

/**
 * Formats an instant for people, in Asia/Ho_Chi_Minh whatever the host's time zone.
 *
 * @throws RangeError when `date` is not a valid instant.
 * @example
 * const at = new Date("2024-05-25T08:30:00+07:00");
 * formatVnDate(at); // "25/05/2024"
 * formatVnDate(at, { withTime: true }); // "25/05/2024 08:30"
 * formatVnDate(at, { locale: "en", withTime: true }); // "25 May 2024, 08:30"
 */
export function formatVnDate(date: Date | number, options: FormatVnDateOptions = {}): string {
  const ms = instantOf(date, "formatVnDate");
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of PARTS.formatToParts(ms)) part[p.type] = p.value;
  const day = Number(part.day);
  const month = Number(part.month);
  const time = `${part.hour}:${part.minute}`;
  if (options.locale === "en") {
    const text = `${day} ${MONTHS_EN[month - 1] ?? ""} ${part.year}`;
    return options.withTime ? `${text}, ${time}` : text;
  }
  const text = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${part.year}`;
  return options.withTime ? `${text} ${time}` : text;
}
