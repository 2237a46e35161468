import { dateTimeParts, isValidDateTime } from "@vnegov/domain";

/**
 * Date and time codecs between the model (ISO 8601 / RFC 3339) and the edXML wire
 * (`yyyy/MM/dd`, `yyyy/MM/dd HH:mm:ss` in Vietnam time). Each returns `null` for input it
 * cannot represent, so callers decide which error and path to report.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WIRE_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;
/** Some status packets carry a time after the promulgation date; it is dropped. */
const WIRE_DATE_WITH_TIME = /^(\d{4})\/(\d{2})\/(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const WIRE_TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
/** `dd/MM/yyyy HH:mm:ss`, sent by some C# gateways; accepted when reading only. */
const WIRE_TIMESTAMP_DMY = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/** Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Whether `value` is a real calendar date `YYYY-MM-DD` (years 0001–9999). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  return m !== null && isValidDateTime(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `2021-07-20` → `2021/07/20`; `null` if not a calendar date. */
export function toWireDate(value: unknown): string | null {
  return isIsoDate(value) ? value.replaceAll("-", "/") : null;
}

/**
 * `2021/07/20` → `2021-07-20`; `null` if not a calendar date. With `allowTime`, a trailing
 * ` HH:mm:ss` is accepted and dropped.
 */
export function fromWireDate(value: string, allowTime = false): string | null {
  const m = (allowTime ? WIRE_DATE_WITH_TIME : WIRE_DATE).exec(value);
  if (m === null) return null;
  const [h, mi, s] = m[4] === undefined ? [0, 0, 0] : [Number(m[4]), Number(m[5]), Number(m[6])];
  if (!isValidDateTime(Number(m[1]), Number(m[2]), Number(m[3]), h, mi, s)) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Milliseconds since the epoch of a UTC wall time; years below 100 are taken literally. */
function utcMillis(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
}

/** The Vietnam wall-clock parts of an RFC 3339 instant, or `null`. */
function vnWallClock(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const m = RFC3339.exec(value);
  if (m === null) return null;
  const parts = dateTimeParts(m.slice(1));
  if (parts === null) return null;
  const [y, mo, d, h, mi, s] = parts;
  const zone = m[7] ?? "Z";
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
  }
  // Shift to Vietnam time and read it back through the UTC accessors.
  const wall = new Date(utcMillis(y, mo, d, h, mi, s) - offsetMinutes * 60_000 + VN_OFFSET_MS);
  const year = wall.getUTCFullYear();
  return year >= 1 && year <= 9999 ? wall : null;
}

/**
 * An RFC 3339 instant → `yyyy/MM/dd HH:mm:ss` in Vietnam time. Fractions of a second are
 * dropped (the wire has none). `null` if not RFC 3339 with an offset.
 */
export function toWireTimestamp(value: unknown): string | null {
  const w = vnWallClock(value);
  if (w === null) return null;
  return (
    `${pad(w.getUTCFullYear(), 4)}/${pad(w.getUTCMonth() + 1)}/${pad(w.getUTCDate())} ` +
    `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`
  );
}

/** The Vietnam calendar date `YYYY-MM-DD` of an RFC 3339 instant, or `null`. */
export function vnDateOf(value: unknown): string | null {
  const w = vnWallClock(value);
  if (w === null) return null;
  return `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
}

/**
 * `yyyy/MM/dd HH:mm:ss` (or `dd/MM/yyyy HH:mm:ss`) in Vietnam time →
 * `YYYY-MM-DDTHH:mm:ss+07:00`; `null` if neither shape or not a real time.
 */
export function fromWireTimestamp(value: string): string | null {
  let parts: string[] | undefined;
  const ymd = WIRE_TIMESTAMP.exec(value);
  if (ymd !== null) parts = ymd.slice(1);
  const dmy = ymd === null ? WIRE_TIMESTAMP_DMY.exec(value) : null;
  if (dmy !== null) parts = [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5], dmy[6]].map(String);
  if (parts === undefined) return null;
  if (!dateTimeParts(parts)) return null;
  const [y, mo, d, h, mi, s] = parts as [string, string, string, string, string, string];
  return `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`;
}
