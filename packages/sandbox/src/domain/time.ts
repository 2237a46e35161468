/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Epoch ms of a local wall-clock time in Asia/Ho_Chi_Minh. */
export function vnWallTime(date: string, hours = 0, minutes = 0): number {
  return Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS + (hours * 60 + minutes) * 60_000;
}

/** Parses an RFC 3339 timestamp or `YYYY-MM-DD` (read as local midnight); NaN when invalid. */
export function parseInstant(value: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return vnWallTime(value);
  return Date.parse(value);
}
