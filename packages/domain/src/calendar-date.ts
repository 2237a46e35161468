import { VN_OFFSET_MS } from "./time.js";

/**
 * Helpers for local calendar dates written `YYYY-MM-DD`. Internal to the domain helpers: they
 * do date arithmetic on UTC midnights, which is exact because dates carry no time zone.
 */

const DAY_MS = 86_400_000;

/** Whether `value` is `YYYY-MM-DD` naming a real calendar date (no 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls some impossible days over instead of failing, so compare the round trip.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** `date` shifted by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Epoch ms of a local wall-clock time on `date` in Asia/Ho_Chi_Minh. */
export function vnWallTime(date: string, minuteOfDay = 0): number {
  return Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS + minuteOfDay * 60_000;
}
