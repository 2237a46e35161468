import { isValidCccd, normalizePhone } from "@vnegov/domain";
import type { FieldError } from "../http/problem.js";
import type { SeedFormField as FormField } from "../seed/data/types.js";

export type FormValue = string | number | boolean;

export interface AttachmentUpload {
  fieldKey: string;
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/**
 * Standard base64 with padding. A grouped pattern like `(?:[…]{4})*` overflows V8's regex
 * stack on multi-megabyte input, so this is a flat character scan plus a length check.
 */
export function isBase64(value: string): boolean {
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
}
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function checkValue(field: FormField, raw: FormValue, at: string): FieldError | FormValue {
  const fail = (code: string, message: string): FieldError => ({ field: at, code, message });
  if (field.type === "number") {
    const n =
      typeof raw === "number"
        ? raw
        : typeof raw === "string" && raw.trim() !== ""
          ? Number(raw)
          : Number.NaN;
    if (!Number.isFinite(n)) return fail("not_a_number", "must be a number");
    if (field.minimum !== undefined && n < field.minimum)
      return fail("too_small", `must be at least ${field.minimum}`);
    if (field.maximum !== undefined && n > field.maximum)
      return fail("too_large", `must be at most ${field.maximum}`);
    return n;
  }
  if (typeof raw !== "string") return fail("not_a_string", "must be text");
  const value = raw.trim();
  switch (field.type) {
    case "date":
      return isValidDate(value) ? value : fail("invalid_date", "must be a date YYYY-MM-DD");
    case "select":
      return field.options?.some((o) => o.value === value)
        ? value
        : fail(
            "invalid_option",
            `must be one of: ${(field.options ?? []).map((o) => o.value).join(", ")}`,
          );
    case "cccd":
      return isValidCccd(value) ? value : fail("invalid_cccd", "must be a 12-digit CCCD number");
    case "phone": {
      const phone = normalizePhone(value);
      return phone ?? fail("invalid_phone", "must be a Vietnamese mobile number");
    }
    case "email":
      return EMAIL.test(value) ? value : fail("invalid_email", "must be an email address");
    default: {
      if (field.minLength !== undefined && value.length < field.minLength)
        return fail("too_short", `must have at least ${field.minLength} characters`);
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return fail("too_long", `must have at most ${field.maxLength} characters`);
      if (field.pattern !== undefined && !new RegExp(field.pattern, "u").test(value))
        return fail("pattern", "has the wrong format");
      return value;
    }
  }
}

/**
 * Checks form data and attachments against a procedure's fields. Returns the normalised
 * data (trimmed text, numbers, phones as `0…`) or every error found, each naming its field.
 */
export function validateForm(
  fields: readonly FormField[],
  formData: Record<string, FormValue>,
  attachments: readonly AttachmentUpload[],
  options: { partial: boolean },
): { data: Record<string, FormValue>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const data: Record<string, FormValue> = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));

  for (const [key, raw] of Object.entries(formData)) {
    const field = byKey.get(key);
    const at = `body.formData.${key}`;
    if (!field)
      errors.push({ field: at, code: "unknown_field", message: "is not a field of this form" });
    else if (field.type === "file")
      errors.push({ field: at, code: "file_in_form_data", message: "send files in attachments" });
    else if (!(typeof raw === "string" && raw.trim() === "" && !field.required)) {
      const checked = checkValue(field, raw, at);
      if (typeof checked === "object") errors.push(checked);
      else data[key] = checked;
    }
  }

  attachments.forEach((file, i) => {
    const at = `body.attachments.${i}`;
    const field = byKey.get(file.fieldKey);
    if (field?.type !== "file") {
      errors.push({
        field: `${at}.fieldKey`,
        code: "not_a_file_field",
        message: "names no file field of this form",
      });
      return;
    }
    if (!isBase64(file.contentBase64)) {
      errors.push({
        field: `${at}.contentBase64`,
        code: "invalid_base64",
        message: "is not valid base64",
      });
      return;
    }
    if (field.accept && !field.accept.includes(file.contentType.toLowerCase()))
      errors.push({
        field: `${at}.contentType`,
        code: "file_type",
        message: `must be one of: ${field.accept.join(", ")}`,
      });
    const size = Buffer.byteLength(file.contentBase64, "base64");
    if (field.maxSizeBytes !== undefined && size > field.maxSizeBytes)
      errors.push({
        field: `${at}.contentBase64`,
        code: "file_too_large",
        message: `must be at most ${field.maxSizeBytes} bytes`,
      });
  });

  if (!options.partial) {
    for (const field of fields) {
      if (!field.required) continue;
      const present =
        field.type === "file"
          ? attachments.some((a) => a.fieldKey === field.key)
          : field.key in data;
      const reported = errors.some((e) => e.field === `body.formData.${field.key}`);
      if (!present && !reported) {
        const at =
          field.type === "file" ? `body.attachments[${field.key}]` : `body.formData.${field.key}`;
        errors.push({ field: at, code: "required", message: "is required" });
      }
    }
  }
  return { data, errors };
}
