/**
 * Checks of a wall-clock date-time read from a wire in parts (year, month, day, hour, minute,
 * second), before it is turned into an instant: `Date.UTC` would silently roll 30 February
 * over to March and hour 24 over to the next day.
 */

/** Year, month (1–12), day, hour, minute, second. */
export type DateTimeParts = [
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
];

/**
 * Whether the integers name a real moment of the Gregorian calendar: years 1–9999, no
 * 30 February, hours 0–23, minutes and seconds 0–59. The time defaults to midnight.
 *
 * @example
 * isValidDateTime(2024, 2, 29, 23, 59, 59); // true
 * isValidDateTime(2023, 2, 29); // false
 */
export function isValidDateTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days && hour <= 23 && minute <= 59 && second <= 59;
}

/**
 * Six digit strings (a date-time pattern's capture groups: year, month, day, hour, minute,
 * second) as numbers, or `null` when they do not name a real moment ({@link isValidDateTime}).
 *
 * @example
 * dateTimeParts(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec("20240525083005")!.slice(1));
 * // [2024, 5, 25, 8, 30, 5]
 */
export function dateTimeParts(groups: readonly (string | undefined)[]): DateTimeParts | null {
  const parts = groups.slice(0, 6).map(Number) as DateTimeParts;
  return parts.length === 6 && isValidDateTime(...parts) ? parts : null;
}
