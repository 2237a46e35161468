/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Formats an instant as RFC 3339 in Asia/Ho_Chi_Minh, e.g. `2024-05-25T08:30:00+07:00`. */
export function toVnIso(ms: number): string {
  const local = new Date(ms + VN_OFFSET_MS).toISOString(); // "...Z" but holding local wall time
  const withoutMillis = local.endsWith(".000Z") ? local.slice(0, 19) : local.slice(0, 23);
  return `${withoutMillis}+07:00`;
}

/** The local calendar date `YYYY-MM-DD` of an instant in Asia/Ho_Chi_Minh. */
export function vnDate(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `yyMMdd` of an instant in Asia/Ho_Chi_Minh, as used in dossier codes. */
export function vnYYMMDD(ms: number): string {
  const d = vnDate(ms);
  return d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);
}

/** Epoch ms of a local wall-clock time in Asia/Ho_Chi_Minh. */
export function vnWallTime(date: string, hours = 0, minutes = 0): number {
  return Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS + (hours * 60 + minutes) * 60_000;
}

/** Parses an RFC 3339 timestamp or `YYYY-MM-DD` (read as local midnight); NaN when invalid. */
export function parseInstant(value: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return vnWallTime(value);
  return Date.parse(value);
}
