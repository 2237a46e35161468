import { ValidationError } from "@vnegov/sdk";

/** Zalo's limit for a message text or a photo caption, in UTF-16 code units. */
export const ZALO_TEXT_LIMIT = 2000;

const invalid = (field: string, code: string, message: string) =>
  new ValidationError(`${field} ${message}.`, { fieldErrors: [{ field, code, message }] });

/** An id: a string that is not blank. */
export function checkId(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "")
    throw invalid(field, "required", "must be a non-empty string");
  return value;
}

/** A message text or caption: 1–2000 UTF-16 code units, as Zalo counts. */
export function checkText(field: string, value: unknown): string {
  if (typeof value !== "string" || value.length === 0)
    throw invalid(field, "required", "must be a non-empty string");
  if (value.length > ZALO_TEXT_LIMIT)
    throw invalid(
      field,
      "too_long",
      `must be at most ${ZALO_TEXT_LIMIT} UTF-16 code units (got ${value.length}); use sendText() to split a long text`,
    );
  return value;
}

/** An absolute http(s) URL. */
export function checkUrl(field: string, value: unknown): string {
  if (
    typeof value !== "string" ||
    !URL.canParse(value) ||
    !/^https?:$/.test(new URL(value).protocol)
  )
    throw invalid(field, "invalid", "must be an absolute http(s) URL");
  return value;
}

/** A webhook secret: 8–256 characters, as `setWebhook` demands. */
export function checkSecretToken(field: string, value: unknown): string {
  if (typeof value !== "string" || value.length < 8 || value.length > 256)
    throw invalid(field, "invalid", "must be 8 to 256 characters long");
  return value;
}

/** A bot token, checked only for what would break the URL; never echoed in the error. */
export function checkToken(value: unknown): string {
  if (typeof value !== "string" || value === "" || /[\s/?#%]/.test(value))
    throw invalid("token", "invalid", 'must be a Zalo bot token ("<bot id>:<secret>")');
  return value;
}
