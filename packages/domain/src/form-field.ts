import { isCalendarDate } from "./calendar-date.js";
import { isValidCccd, normalizePhone } from "./identity.js";

/** A value in a dossier's form data. */
export type FormValue = string | number | boolean;

/** The rules of one field of a procedure's form schema (the contract's `FormField`). */
export interface FormFieldRules {
  type: "text" | "textarea" | "number" | "date" | "select" | "cccd" | "phone" | "email" | "file";
  required: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  options?: readonly { value: string }[];
  /** Media types a `file` field accepts. */
  accept?: readonly string[];
  maxSizeBytes?: number;
}

/** Why a value breaks its field's rules; `limit` is the bound it broke, if any. */
export type FieldProblem =
  | { code: "not_a_number" | "not_a_string" | "invalid_date" | "invalid_option" }
  | { code: "invalid_cccd" | "invalid_phone" | "invalid_email" | "pattern" }
  | { code: "too_small" | "too_large" | "too_short" | "too_long"; limit: number }
  | { code: "file_type"; accepted: readonly string[] }
  | { code: "file_too_large"; limit: number };

/** A checked value, normalised (trimmed text, numbers, phones as `0…`), or its problem. */
export type FieldCheck = { ok: true; value: FormValue } | ({ ok: false } & FieldProblem);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const fail = (problem: FieldProblem): FieldCheck => ({ ok: false, ...problem });

function checkNumber(field: FormFieldRules, raw: FormValue): FieldCheck {
  const n =
    typeof raw === "number"
      ? raw
      : typeof raw === "string" && raw.trim() !== ""
        ? Number(raw)
        : Number.NaN;
  if (!Number.isFinite(n)) return fail({ code: "not_a_number" });
  if (field.minimum !== undefined && n < field.minimum)
    return fail({ code: "too_small", limit: field.minimum });
  if (field.maximum !== undefined && n > field.maximum)
    return fail({ code: "too_large", limit: field.maximum });
  return { ok: true, value: n };
}

function checkText(field: FormFieldRules, value: string): FieldCheck {
  if (field.minLength !== undefined && value.length < field.minLength)
    return fail({ code: "too_short", limit: field.minLength });
  if (field.maxLength !== undefined && value.length > field.maxLength)
    return fail({ code: "too_long", limit: field.maxLength });
  if (field.pattern !== undefined && !new RegExp(field.pattern, "u").test(value))
    return fail({ code: "pattern" });
  return { ok: true, value };
}

/**
 * Checks one non-file form value against its field's rules, as the portal does on submission.
 * Dates are `YYYY-MM-DD`; see {@link parseDateInput} for what people type.
 */
export function checkFieldValue(field: FormFieldRules, raw: FormValue): FieldCheck {
  if (field.type === "number") return checkNumber(field, raw);
  if (typeof raw !== "string") return fail({ code: "not_a_string" });
  const value = raw.trim();
  switch (field.type) {
    case "date":
      return isCalendarDate(value) ? { ok: true, value } : fail({ code: "invalid_date" });
    case "select":
      return field.options?.some((o) => o.value === value)
        ? { ok: true, value }
        : fail({ code: "invalid_option" });
    case "cccd":
      return isValidCccd(value) ? { ok: true, value } : fail({ code: "invalid_cccd" });
    case "phone": {
      const phone = normalizePhone(value);
      return phone ? { ok: true, value: phone } : fail({ code: "invalid_phone" });
    }
    case "email":
      return EMAIL.test(value) ? { ok: true, value } : fail({ code: "invalid_email" });
    default:
      return checkText(field, value);
  }
}

/** Checks a file's media type and size against a `file` field's rules. */
export function checkFieldFile(
  field: FormFieldRules,
  file: { contentType: string; size: number },
): FieldProblem | undefined {
  if (field.accept && !field.accept.includes(file.contentType.toLowerCase()))
    return { code: "file_type", accepted: field.accept };
  if (field.maxSizeBytes !== undefined && file.size > field.maxSizeBytes)
    return { code: "file_too_large", limit: field.maxSizeBytes };
  return undefined;
}

/**
 * A date as people type it in Vietnam — `25/5/1990`, `25-05-1990`, `25.05.1990` (day first) or
 * ISO `1990-05-25` — as `YYYY-MM-DD`, or undefined when it names no real date.
 */
export function parseDateInput(text: string): string | undefined {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [];
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isCalendarDate(date) ? date : undefined;
}
