import { VN_OFFSET_MS, vnDate, vnWallTime } from "./time.js";

/**
 * Working-time arithmetic for appointment dates (ngày hẹn trả): 8 working hours a day,
 * 07:00–11:30 and 13:30–17:00 local time, weekends and holidays skipped.
 */
const PERIODS: ReadonlyArray<readonly [number, number]> = [
  [7 * 60, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];
const MINUTES_PER_DAY = 8 * 60;

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
}

function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(date);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function minuteOfDay(ms: number): number {
  const local = new Date(ms + VN_OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
}

/**
 * Adds `minutes` of working time to `startMs`. Time before 07:00, at lunch, after 17:00 or on
 * a day off does not count, so intake after 17:00 starts counting the next working morning.
 */
export function addWorkingMinutes(
  startMs: number,
  minutes: number,
  calendar: WorkCalendar,
): number {
  let date = vnDate(startMs);
  let cursor = minuteOfDay(startMs);
  let left = minutes;
  // Bounded: even 10 years of processing ends well inside this many days.
  for (let guard = 0; guard < 20_000; guard++) {
    if (isWorkingDay(date, calendar)) {
      for (const [open, close] of PERIODS) {
        const from = Math.max(cursor, open);
        if (from >= close) continue;
        const available = close - from;
        if (left <= available) return vnWallTime(date) + (from + left) * 60_000;
        left -= available;
        cursor = close;
      }
    }
    date = nextDate(date);
    cursor = 0;
  }
  throw new RangeError(`working time of ${minutes} minutes is out of range`);
}

/** The appointment instant for a procedure taking `processingDays` working days. */
export function appointmentFor(
  submittedMs: number,
  processingDays: number,
  calendar: WorkCalendar,
): number {
  return addWorkingMinutes(submittedMs, Math.round(processingDays * MINUTES_PER_DAY), calendar);
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(
  fromMs: number,
  toMs: number,
  calendar: WorkCalendar,
): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  let date = vnDate(fromMs);
  const lastDate = vnDate(toMs);
  for (let guard = 0; guard < 20_000; guard++) {
    if (isWorkingDay(date, calendar)) {
      const dayStart = vnWallTime(date);
      for (const [open, close] of PERIODS) {
        const a = Math.max(fromMs, dayStart + open * 60_000);
        const b = Math.min(toMs, dayStart + close * 60_000);
        if (b > a) total += (b - a) / 60_000;
      }
    }
    if (date === lastDate) return total;
    date = nextDate(date);
  }
  throw new RangeError("interval is out of range");
}
