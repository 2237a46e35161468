import { checkFieldFile, checkFieldValue, type FieldProblem, type FormValue } from "@vnegov/domain";
import type { FieldError } from "../http/problem.js";
import type { SeedFormField as FormField } from "../seed/data/types.js";

export type { FormValue };

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
/** The portal's English text for a field problem (clients map `code` to their own texts). */
function describe(field: FormField, problem: FieldProblem): string {
  switch (problem.code) {
    case "not_a_number":
      return "must be a number";
    case "not_a_string":
      return "must be text";
    case "too_small":
      return `must be at least ${problem.limit}`;
    case "too_large":
      return `must be at most ${problem.limit}`;
    case "too_short":
      return `must have at least ${problem.limit} characters`;
    case "too_long":
      return `must have at most ${problem.limit} characters`;
    case "invalid_date":
      return "must be a date YYYY-MM-DD";
    case "invalid_option":
      return `must be one of: ${(field.options ?? []).map((o) => o.value).join(", ")}`;
    case "invalid_cccd":
      return "must be a 12-digit CCCD number";
    case "invalid_phone":
      return "must be a Vietnamese mobile number";
    case "invalid_email":
      return "must be an email address";
    case "pattern":
      return "has the wrong format";
    case "file_type":
      return `must be one of: ${problem.accepted.join(", ")}`;
    case "file_too_large":
      return `must be at most ${problem.limit} bytes`;
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
      const checked = checkFieldValue(field, raw);
      if (checked.ok) data[key] = checked.value;
      else errors.push({ field: at, code: checked.code, message: describe(field, checked) });
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
    const problem = checkFieldFile(field, {
      contentType: file.contentType,
      size: Buffer.byteLength(file.contentBase64, "base64"),
    });
    if (problem)
      errors.push({
        field: `${at}.${problem.code === "file_type" ? "contentType" : "contentBase64"}`,
        code: problem.code,
        message: describe(field, problem),
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
