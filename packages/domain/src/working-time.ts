import { addDays, isCalendarDate, vnWallTime, weekdayOf } from "./calendar-date.js";
import { DEFAULT_HOLIDAYS } from "./holidays.js";
import { VN_OFFSET_MS, vnDateString } from "./time.js";

/**
 * Working-time arithmetic for appointment dates (ngày hẹn trả): 8 working hours a day,
 * 07:00–11:30 and 13:30–17:00 local time, weekends and holidays skipped. The algorithm is the
 * sandbox server's, step for step, so the SDK predicts exactly the dates the server returns.
 */
const PERIODS: ReadonlyArray<readonly [number, number]> = [
  [7 * 60, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];

/** Working minutes in a full working day. */
export const WORKING_MINUTES_PER_DAY = 8 * 60;

// Bounded loops: even 10 years of processing ends well inside this many calendar days.
const MAX_DAYS = 20_000;

/** Options of the working-time helpers. */
export interface WorkingTimeOptions {
  /**
   * Days off (`YYYY-MM-DD`, local) besides weekends. Replaces, not extends,
   * {@link DEFAULT_HOLIDAYS}; pass `[...DEFAULT_HOLIDAYS, "2025-05-02"]` to add a day.
   */
  holidays?: Iterable<string>;
}

function holidaySet(options: WorkingTimeOptions | undefined): ReadonlySet<string> {
  const holidays = options?.holidays;
  if (holidays === undefined) return DEFAULT_HOLIDAYS;
  return holidays instanceof Set ? holidays : new Set(holidays);
}

function isWorkingDate(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

function startOf(date: Date, what: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what}: expected a valid Date`);
  return ms;
}

/** Local minute of the day; milliseconds are ignored, as the server does. */
function minuteOfDay(ms: number): number {
  const local = new Date(ms + VN_OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
}

// The server keeps fractional milliseconds that float arithmetic leaves behind (e.g. after
// hours → minutes); rounding to the nearest millisecond gives the instant it meant.
const toDate = (ms: number): Date => new Date(Math.round(ms));

/**
 * Whether `date` is a working day: not Saturday, Sunday or a holiday. A `Date` is read in
 * Asia/Ho_Chi_Minh; a string must be `YYYY-MM-DD`. Anything else gives false.
 *
 * @example
 * isWorkingDay("2024-09-02"); // false (National Day)
 * isWorkingDay(new Date("2024-05-24T16:00:00+07:00")); // true (a Friday)
 */
export function isWorkingDay(date: Date | string, options?: WorkingTimeOptions): boolean {
  let day: string;
  if (typeof date === "string") {
    if (!isCalendarDate(date)) return false;
    day = date;
  } else if (date instanceof Date && !Number.isNaN(date.getTime())) {
    day = vnDateString(date);
  } else {
    return false;
  }
  return isWorkingDate(day, holidaySet(options));
}

/**
 * Adds `minutes` of working time to `start`. Time before 07:00, at lunch, after 17:00 or on a
 * day off does not count, so intake after 17:00 starts counting the next working morning.
 * A result landing exactly on 11:30 or 17:00 stays there rather than moving on.
 *
 * @throws RangeError when `start` is invalid, `minutes` is negative or not finite, or the
 * result lies more than 20,000 days ahead.
 * @example
 * addWorkingMinutes(new Date("2024-05-24T11:00:00+07:00"), 60); // 2024-05-24T14:00+07:00
 */
export function addWorkingMinutes(
  start: Date,
  minutes: number,
  options?: WorkingTimeOptions,
): Date {
  const startMs = startOf(start, "addWorkingMinutes");
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`addWorkingMinutes: minutes must be a finite number >= 0, got ${minutes}`);
  }
  const holidays = holidaySet(options);
  let date = vnDateString(startMs);
  let cursor = minuteOfDay(startMs);
  let left = minutes;
  for (let guard = 0; guard < MAX_DAYS; guard++) {
    if (isWorkingDate(date, holidays)) {
      for (const [open, close] of PERIODS) {
        const from = Math.max(cursor, open);
        if (from >= close) continue;
        const available = close - from;
        if (left <= available) return toDate(vnWallTime(date) + (from + left) * 60_000);
        left -= available;
        cursor = close;
      }
    }
    date = addDays(date, 1);
    cursor = 0;
  }
  throw new RangeError(`addWorkingMinutes: ${minutes} working minutes is out of range`);
}

/**
 * Adds `hours` of working time to `start` (8 working hours make a working day).
 *
 * @throws RangeError as {@link addWorkingMinutes}.
 * @example
 * // Friday 16:00 + 8 h → Monday 16:00
 * addWorkingHours(new Date("2024-05-24T16:00:00+07:00"), 8); // 2024-05-27T16:00+07:00
 */
export function addWorkingHours(start: Date, hours: number, options?: WorkingTimeOptions): Date {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`addWorkingHours: hours must be a finite number >= 0, got ${hours}`);
  }
  return addWorkingMinutes(start, hours * 60, options);
}

/**
 * The appointment date (ngày hẹn trả) of a dossier received at `submittedAt` for a procedure
 * taking `processingDays` working days (fractions allowed: 0.5 = 4 working hours). Computed
 * as the server does, so it matches the dossier's `appointmentAt` before any supplement.
 *
 * @throws RangeError as {@link addWorkingMinutes}.
 * @example
 * // Received Monday 29/4/2024 18:30; 30/4 and 1/5 are holidays.
 * appointmentDate(new Date("2024-04-29T18:30:00+07:00"), 1); // 2024-05-02T17:00+07:00
 */
export function appointmentDate(
  submittedAt: Date,
  processingDays: number,
  options?: WorkingTimeOptions,
): Date {
  if (!Number.isFinite(processingDays) || processingDays < 0) {
    throw new RangeError(
      `appointmentDate: processingDays must be a finite number >= 0, got ${processingDays}`,
    );
  }
  // Rounded to whole minutes, like the server.
  return addWorkingMinutes(
    submittedAt,
    Math.round(processingDays * WORKING_MINUTES_PER_DAY),
    options,
  );
}

/**
 * Working minutes between two instants; 0 when `to` is not after `from`. Use it with
 * {@link addWorkingMinutes} to extend an appointment by the time spent waiting for a
 * supplement, exactly as the server does.
 *
 * @throws RangeError when either date is invalid or they lie more than 20,000 days apart.
 */
export function workingMinutesBetween(from: Date, to: Date, options?: WorkingTimeOptions): number {
  const fromMs = startOf(from, "workingMinutesBetween");
  const toMs = startOf(to, "workingMinutesBetween");
  if (toMs <= fromMs) return 0;
  const holidays = holidaySet(options);
  let total = 0;
  let date = vnDateString(fromMs);
  const lastDate = vnDateString(toMs);
  for (let guard = 0; guard < MAX_DAYS; guard++) {
    if (isWorkingDate(date, holidays)) {
      const dayStart = vnWallTime(date);
      for (const [open, close] of PERIODS) {
        const a = Math.max(fromMs, dayStart + open * 60_000);
        const b = Math.min(toMs, dayStart + close * 60_000);
        if (b > a) total += (b - a) / 60_000;
      }
    }
    if (date === lastDate) return total;
    date = addDays(date, 1);
  }
  throw new RangeError("workingMinutesBetween: interval is out of range");
}

/**
 * Working hours between two instants; 0 when `to` is not after `from`.
 *
 * @throws RangeError as {@link workingMinutesBetween}.
 * @example
 * // Over lunch: 11:00 → 14:00 is 1 working hour (11:00–11:30 and 13:30–14:00).
 * workingHoursBetween(
 *   new Date("2024-05-24T11:00:00+07:00"),
 *   new Date("2024-05-24T14:00:00+07:00"),
 * ); // 1
 */
export function workingHoursBetween(from: Date, to: Date, options?: WorkingTimeOptions): number {
  return workingMinutesBetween(from, to, options) / 60;
}
