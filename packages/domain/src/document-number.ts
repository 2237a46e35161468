import {
  DOCUMENT_TYPE_ABBREVIATIONS,
  type DocumentType,
  documentTypeFromAbbreviation,
} from "./document-types.js";

/**
 * Số và ký hiệu văn bản (Decree 30/2020, Phụ lục I §II.3): `15/CT-TTg` is number 15, type
 * abbreviation CT (chỉ thị), issuer TTg. A công văn has no type abbreviation: `123/UBND-VX` is
 * issuer UBND, drafting unit VX. Legal normative documents put the year between number and
 * notation: `30/2020/NĐ-CP`.
 */

/** A parsed document number and notation. */
export interface DocumentNumber {
  /** The number as written, zero padding kept: `"04"`. */
  number: string;
  /** The year part of a legal normative document (`30/2020/NĐ-CP` → 2020), else null. */
  year: number | null;
  /**
   * The type abbreviation: `"CT"`. Canonical spelling for Decree 30 types (`qđ` → `"QĐ"`),
   * as written for legal normative types outside it (`"NĐ"`, `"TT"`); null for a công văn.
   */
  typeAbbreviation: string | null;
  /**
   * The Decree 30 type: `"chi_thi"`; `"cong_van"` for a notation without a type
   * abbreviation; null for a legal normative type Decree 30 does not list (nghị định,
   * thông tư: `30/2020/NĐ-CP`).
   */
  type: DocumentType | null;
  /** The issuing organisation's abbreviation: `"TTg"`, `"UBND"`. */
  issuer: string;
  /**
   * What follows the issuer, groups joined by `-`: the drafting unit of a công văn (`VX` in
   * `123/UBND-VX`) or of a typed document (`VP` in `QĐ-UBND-VP`); null when nothing follows.
   */
  unit: string | null;
  /** Everything after the number and year, as written: `"CT-TTg"`. */
  notation: string;
}

/** Input of {@link formatDocumentNumber}; a parsed {@link DocumentNumber} is accepted too. */
export interface DocumentNumberParts {
  /** A positive integer (padded to 2 digits, as Decree 30 requires) or digits kept as given. */
  number: number | string;
  /** Year part of a legal normative document. */
  year?: number | null;
  /** The type abbreviation; derived from `type` when absent. Required with `year`. */
  typeAbbreviation?: string | null;
  /** The Decree 30 type; `cong_van` (or neither type nor abbreviation) for a công văn. */
  type?: DocumentType | null;
  /** The issuing organisation's abbreviation, one group: `"UBND"`. */
  issuer: string;
  /** Drafting unit or trailing groups, `-`-joined: `"VX"`, `"VP-TH"`. */
  unit?: string | null;
}

/** Options of {@link formatDocumentNumber}. */
export interface FormatDocumentNumberOptions {
  /** Prefix `Số: ` as printed on the document. Default false. */
  withPrefix?: boolean;
}

/** A notation group: a letter, then letters or ASCII digits (`UBND`, `TTg`, `BCĐ389`). */
const GROUP = /^\p{L}[\p{L}0-9]*$/u;
const DOCUMENT_NUMBER = /^(\d+)\/(?:([1-9]\d{3})\/)?(\p{L}[\p{L}0-9]*(?:-\p{L}[\p{L}0-9]*)*)$/u;
/** "Số:" / "So:" as printed before the number, in any case, colon optional. */
const PREFIX = /^s[oố]\s*:?\s*(?=\d)/iu;
/** Dashes people and word processors put where `-` belongs. */
const DASHES = /[\u2010-\u2015\u2212]/g;
/**
 * Real numbers are a few dozen characters; the cap keeps the space-tolerant regexes linear on
 * hostile input (a megabyte of spaces would otherwise backtrack quadratically).
 */
const MAX_INPUT_LENGTH = 200;

/**
 * Parses a document number and notation, or returns null when `input` is not one. Tolerates
 * a leading `Số:`/`So:`, surrounding spaces, spaces around `/` and `-`, typographic dashes and
 * any Unicode normal form (the result is NFC). Never throws.
 *
 * A first group Decree 30 does not know is read as a công văn issuer (`123/UBND-VX`), except
 * after a year, where it is the type of a legal normative document (`30/2020/NĐ-CP`: type
 * null, typeAbbreviation `"NĐ"`), since Decree 30 does not cover those.
 *
 * @example
 * parseDocumentNumber("Số: 15/CT-TTg");
 * // { number: "15", year: null, typeAbbreviation: "CT", type: "chi_thi", issuer: "TTg",
 * //   unit: null, notation: "CT-TTg" }
 * parseDocumentNumber("123/UBND-VX");
 * // { number: "123", year: null, typeAbbreviation: null, type: "cong_van", issuer: "UBND",
 * //   unit: "VX", notation: "UBND-VX" }
 */
export function parseDocumentNumber(input: string): DocumentNumber | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const text = input
    .normalize("NFC")
    .replace(DASHES, "-")
    .trim()
    .replace(PREFIX, "")
    .replace(/\s*([/-])\s*/g, "$1");
  const match = DOCUMENT_NUMBER.exec(text);
  if (!match) return null;
  const [, number = "", yearText, notation = ""] = match;
  if (/^0+$/.test(number)) return null;
  const [first = "", ...rest] = notation.split("-");
  const year = yearText === undefined ? null : Number(yearText);
  const type = documentTypeFromAbbreviation(first);

  if (year === null && type === null) {
    return {
      number,
      year,
      typeAbbreviation: null,
      type: "cong_van",
      issuer: first,
      unit: rest.length > 0 ? rest.join("-") : null,
      notation,
    };
  }
  const [issuer, ...unit] = rest;
  // A type abbreviation alone names no issuer: "15/CT" is not a document number.
  if (issuer === undefined) return null;
  return {
    number,
    year,
    typeAbbreviation: type === null ? first : (DOCUMENT_TYPE_ABBREVIATIONS[type] ?? first),
    type,
    issuer,
    unit: unit.length > 0 ? unit.join("-") : null,
    notation,
  };
}

function fail(message: string): never {
  throw new RangeError(`formatDocumentNumber: ${message}`);
}

function formatNumber(value: number | string): string {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 1) {
      fail(`number must be a positive integer, got ${value}`);
    }
    // Decree 30: numbers below 10 are written with a leading 0.
    return String(value).padStart(2, "0");
  }
  if (typeof value !== "string" || !/^\d+$/.test(value) || /^0+$/.test(value)) {
    fail(`number must be digits and not zero, got ${JSON.stringify(value)}`);
  }
  return value;
}

function group(value: string, what: string): string {
  const text = typeof value === "string" ? value.normalize("NFC") : "";
  if (!GROUP.test(text)) {
    fail(`${what} must be letters and digits starting with a letter, got ${JSON.stringify(value)}`);
  }
  return text;
}

/**
 * Builds a document number and notation, the inverse of {@link parseDocumentNumber}:
 * whatever it returns parses back to the same parts.
 *
 * @throws RangeError when a part is malformed, `type` and `typeAbbreviation` disagree, a
 * document without year has an abbreviation Decree 30 does not list, a year comes without a
 * type abbreviation, or a công văn's issuer would read as a type abbreviation.
 * @example
 * formatDocumentNumber({ number: 15, type: "chi_thi", issuer: "TTg" }); // "15/CT-TTg"
 * formatDocumentNumber({ number: 4, type: "cong_dien", issuer: "UBND" }, { withPrefix: true });
 * // "Số: 04/CĐ-UBND"
 * formatDocumentNumber({ number: 123, issuer: "UBND", unit: "VX" }); // "123/UBND-VX"
 * formatDocumentNumber({ number: 30, year: 2020, typeAbbreviation: "NĐ", issuer: "CP" });
 * // "30/2020/NĐ-CP"
 */
export function formatDocumentNumber(
  parts: DocumentNumberParts,
  options: FormatDocumentNumberOptions = {},
): string {
  const number = formatNumber(parts.number);
  const year = parts.year ?? null;
  if (year !== null && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) {
    fail(`year must be a 4-digit integer, got ${year}`);
  }
  const type = parts.type ?? null;
  if (type !== null && !Object.hasOwn(DOCUMENT_TYPE_ABBREVIATIONS, type)) {
    fail(`unknown type ${JSON.stringify(type)}`);
  }
  let abbreviation: string | null = null;
  if (parts.typeAbbreviation != null) {
    abbreviation = group(parts.typeAbbreviation, "typeAbbreviation");
    const meant = documentTypeFromAbbreviation(abbreviation);
    if (type !== null && meant !== type) {
      fail(`typeAbbreviation ${abbreviation} does not stand for type ${type}`);
    }
    if (year === null && meant === null) {
      // It would read back as a công văn issuer.
      fail(`typeAbbreviation ${abbreviation} is not a Decree 30 type; only allowed with year`);
    }
  } else if (type !== null) {
    abbreviation = DOCUMENT_TYPE_ABBREVIATIONS[type];
  }
  if (year !== null && abbreviation === null) {
    fail("a document number with a year needs a type abbreviation");
  }
  const issuer = group(parts.issuer, "issuer");
  if (abbreviation === null && documentTypeFromAbbreviation(issuer) !== null) {
    fail(`issuer ${issuer} of a công văn would read as a type abbreviation`);
  }
  const unit =
    parts.unit == null || parts.unit === ""
      ? null
      : String(parts.unit)
          .split("-")
          .map((g) => group(g, "unit"))
          .join("-");

  const notation = [abbreviation, issuer, unit].filter((p) => p !== null).join("-");
  const text = `${number}/${year === null ? "" : `${year}/`}${notation}`;
  return options.withPrefix ? `Số: ${text}` : text;
}
