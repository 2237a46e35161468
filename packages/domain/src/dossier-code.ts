import { isCalendarDate } from "./calendar-date.js";
import { vnDateString } from "./time.js";

/**
 * Mã hồ sơ: `{agency code}-{yyMMdd}-{sequence}`, e.g. `000.00.12.H12-240525-0001`. The
 * sequence resets daily per receiving unit and is padded to 4 digits; codes re-issued for the
 * national portal carry a 5-digit sequence. Some systems use shorter agency parts
 * (`H12.22-240525-0001`), so any dotted alphanumeric agency part is accepted.
 */
const DOSSIER_CODE = /^([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)-(\d{2})(\d{2})(\d{2})-(\d{4,5})$/;
const AGENCY_PART = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/;
const MAX_SEQUENCE = 99_999;

/** The parts of a dossier code. */
export interface DossierCode {
  /** The receiving unit's code, e.g. `000.00.12.H12`. */
  agencyCode: string;
  /** The intake date, `YYYY-MM-DD` (local). */
  date: string;
  /** The daily sequence number, 0–99999. */
  sequence: number;
  /** The code as parsed (surrounding whitespace removed). */
  raw: string;
}

/** Input of {@link formatDossierCode}. */
export interface DossierCodeParts {
  /** Any dotted alphanumeric agency part, e.g. `000.00.12.H12` or `H12.22`. */
  agencyCode: string;
  /** The intake date: a `Date` (read in Asia/Ho_Chi_Minh) or `YYYY-MM-DD`, in 2000–2099. */
  date: Date | string;
  /** Integer 0–99999; padded to 4 digits. */
  sequence: number;
}

/**
 * Parses a dossier code, or returns null when `code` is not one. The `yyMMdd` part must be a
 * real date of 2000–2099. Never throws.
 *
 * @example
 * parseDossierCode("000.00.12.H12-240525-0001");
 * // { agencyCode: "000.00.12.H12", date: "2024-05-25", sequence: 1, raw: "000.00.12.H12-240525-0001" }
 * parseDossierCode("X-240231-0001"); // null (31 February)
 */
export function parseDossierCode(code: string): DossierCode | null {
  if (typeof code !== "string") return null;
  const raw = code.trim();
  const match = DOSSIER_CODE.exec(raw);
  if (!match) return null;
  const [, agencyCode = "", yy, mm, dd, digits = ""] = match;
  const date = `20${yy}-${mm}-${dd}`;
  if (!isCalendarDate(date)) return null;
  return { agencyCode, date, sequence: Number(digits), raw };
}

/**
 * Whether `code` is a dossier code that {@link parseDossierCode} accepts.
 *
 * @example
 * isDossierCode("H56-250314-12345"); // true
 */
export function isDossierCode(code: string): boolean {
  return parseDossierCode(code) !== null;
}

/**
 * Builds a dossier code. The sequence is padded to 4 digits; 5-digit sequences are kept.
 *
 * @throws RangeError when the agency part is not dotted alphanumeric, the date is invalid or
 * outside 2000–2099, or the sequence is not an integer 0–99999.
 * @example
 * formatDossierCode({ agencyCode: "000.00.12.H12", date: "2024-05-25", sequence: 1 });
 * // "000.00.12.H12-240525-0001"
 */
export function formatDossierCode(parts: DossierCodeParts): string {
  const { agencyCode, date, sequence } = parts;
  if (typeof agencyCode !== "string" || !AGENCY_PART.test(agencyCode)) {
    throw new RangeError(
      `formatDossierCode: agencyCode must be dotted alphanumeric (e.g. "000.00.12.H12"), got ${JSON.stringify(agencyCode)}`,
    );
  }
  let day: string;
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new RangeError("formatDossierCode: invalid Date");
    day = vnDateString(date);
  } else if (typeof date === "string" && isCalendarDate(date)) {
    day = date;
  } else {
    throw new RangeError(
      `formatDossierCode: date must be a Date or "YYYY-MM-DD", got ${JSON.stringify(date)}`,
    );
  }
  // yyMMdd is read back as 20yy, so other centuries could not round-trip.
  if (!day.startsWith("20")) {
    throw new RangeError(`formatDossierCode: date ${day} is outside 2000–2099`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) {
    throw new RangeError(
      `formatDossierCode: sequence must be an integer 0–${MAX_SEQUENCE}, got ${sequence}`,
    );
  }
  const yyMMdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${agencyCode}-${yyMMdd}-${String(sequence).padStart(4, "0")}`;
}
