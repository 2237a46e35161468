import { addDays } from "./calendar-date.js";

/**
 * Public holidays (ngày nghỉ lễ, Tết) 2020–2027 as local dates. The same table as the sandbox
 * server, so appointment dates computed here equal the server's. Lunar holidays follow the
 * government's yearly announcements; pass your own list where a province observes other days
 * or a compensatory day off is announced.
 */
const LUNAR_NEW_YEAR: Readonly<Record<number, string>> = {
  2020: "2020-01-25",
  2021: "2021-02-12",
  2022: "2022-02-01",
  2023: "2023-01-22",
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
};

/** Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month. */
const HUNG_KINGS: Readonly<Record<number, string>> = {
  2020: "2020-04-02",
  2021: "2021-04-21",
  2022: "2022-04-10",
  2023: "2023-04-29",
  2024: "2024-04-18",
  2025: "2025-04-07",
  2026: "2026-04-26",
  2027: "2027-04-16",
};

function holidaysOf(year: number): string[] {
  const days = [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`];
  // National Day has two days since 2021 (Labour Code 2019): 2 September and the day before.
  if (year >= 2021) days.push(`${year}-09-01`);
  const tet = LUNAR_NEW_YEAR[year];
  // Five days: New Year's Eve (last day of the lunar year) to the 4th of Tết.
  if (tet) for (let d = -1; d <= 3; d++) days.push(addDays(tet, d));
  const hung = HUNG_KINGS[year];
  if (hung) days.push(hung);
  return days;
}

/**
 * Vietnam's public holidays 2020–2027 (`YYYY-MM-DD`, Asia/Ho_Chi_Minh), the default day-off
 * list of the working-time helpers. Weekends are not listed; they are always days off.
 *
 * @example
 * DEFAULT_HOLIDAYS.has("2024-09-02"); // true
 */
export const DEFAULT_HOLIDAYS: ReadonlySet<string> = new Set(
  Object.keys(LUNAR_NEW_YEAR).flatMap((y) => holidaysOf(Number(y))),
);
