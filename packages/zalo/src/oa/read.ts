import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  type FieldError,
  jsonBody,
  NotFoundError,
  type Outcome,
  RateLimitError,
  type RawResponse,
  type RequestInfo,
  retryAfterMs,
  ServerError,
  ValidationError,
} from "@vnegov/sdk";
import { ZaloOutsideWindowError, ZaloPermissionError } from "./errors.js";

/** Zalo's per-minute limit (-32) names no wait; the minute is over within this. */
const PER_MINUTE_WAIT_MS = 60_000;

/** Refused tokens: fetch a new one and retry once. */
const TOKEN_REFUSED = new Set([-216, -220]);
/** Bad input: the request will never succeed as it is. */
const INVALID: Record<number, string | undefined> = {
  [-201]: undefined,
  [-108]: "phone",
  [-109]: "template_id",
  [-111]: "template_data",
  [-112]: "template_data",
};
const OUTSIDE_WINDOW = new Set([-230, -232]);
const NOT_PERMITTED = new Set([-213, -223, -224, -227, -244]);

/** Refresh tokens are single-use; this one was spent already. */
export const REFRESH_TOKEN_REUSED = -14020;

type Body = Record<string, unknown>;

/**
 * Reads an answer of the OA Open API, OAuth v4 or ZNS into an {@link Outcome}. Zalo answers
 * most failures with HTTP 200 and `{ error: <non-zero>, message }` (OAuth: `error_name`,
 * `error_description`), so success is HTTP 200 **and** `error === 0`, or no `error` at all
 * (OAuth's token answer). Every Zalo error gets the code `zalo_<error>`; an HTTP failure
 * without a Zalo body gets `http_<status>`.
 */
export function readOaAnswer(response: RawResponse, info: RequestInfo): Outcome {
  const { status } = response;
  let body: Body | undefined;
  try {
    const parsed = jsonBody(response);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Body;
  } catch {
    // Not JSON (a proxy's HTML page): judged by the status alone below.
  }
  const error = body === undefined ? undefined : zaloError(body);
  const succeeded = error === 0 || (error === undefined && body?.error_name === undefined);
  if (status === 200 && body !== undefined && succeeded) return { ok: true, value: body };
  if (status === 200 && body === undefined) {
    const malformed = new ConnectionError("Zalo sent a malformed response (200).", info);
    return { ok: false, error: malformed, next: "fail" };
  }
  const code = error !== undefined && error !== 0 ? `zalo_${error}` : `http_${status}`;
  const detail = describe(body);
  const message = `${info.method} ${info.path} failed (${code}): ${detail}`;
  const init = { status, code, request: info };

  if (status === 401 || (error !== undefined && TOKEN_REFUSED.has(error)))
    return { ok: false, error: new AuthenticationError(message, init), next: "reauthenticate" };
  if (error === -32 || status === 429) {
    const after = retryAfterMs(response.header("retry-after")) ?? PER_MINUTE_WAIT_MS;
    const limited = new RateLimitError(message, { ...init, retryAfter: after / 1000 });
    return { ok: false, error: limited, next: "wait", retryAfterMs: after };
  }
  if (error === -211) {
    // Quota comes back next day or month, not in a retry.
    const exhausted = new RateLimitError(message, { ...init, retryAfter: undefined });
    return { ok: false, error: exhausted, next: "fail" };
  }
  if (error !== undefined && error in INVALID) {
    const field = INVALID[error];
    const fieldErrors: FieldError[] = field ? [{ field, code, message: detail }] : [];
    return {
      ok: false,
      error: new ValidationError(message, { fieldErrors, status, code }),
      next: "fail",
    };
  }
  if (error !== undefined && OUTSIDE_WINDOW.has(error))
    return { ok: false, error: new ZaloOutsideWindowError(message, init), next: "fail" };
  if (error !== undefined && NOT_PERMITTED.has(error))
    return { ok: false, error: new ZaloPermissionError(message, init), next: "fail" };
  if (error !== undefined && error <= -14000 && error > -15000) {
    // OAuth: a wrong secret, code, verifier or refresh token. Only a new consent helps.
    const text =
      error === REFRESH_TOKEN_REUSED
        ? `${message}. The refresh token was already used: Zalo refresh tokens are single-use, so another process or an earlier run rotated it (and the new pair was not saved where this client reads it). An OA admin must authorise the app again.`
        : message;
    return { ok: false, error: new AuthenticationError(text, init), next: "fail" };
  }
  if (status >= 500) return { ok: false, error: new ServerError(message, init), next: "backoff" };
  if (status === 404) return { ok: false, error: new NotFoundError(message, init), next: "fail" };
  return { ok: false, error: new ApiError(message, init), next: "fail" };
}

/** The `error` field as a number; `undefined` when absent or unreadable. */
function zaloError(body: Body): number | undefined {
  const { error } = body;
  if (typeof error === "number" && Number.isFinite(error)) return error;
  if (typeof error === "string" && /^-?\d+$/.test(error)) return Number(error);
  return undefined;
}

/** Zalo's own words about the failure; they never carry tokens. */
function describe(body: Body | undefined): string {
  if (!body) return "no details";
  for (const key of ["message", "error_description", "error_name"]) {
    const value = body[key];
    if (typeof value === "string" && value.trim() !== "") return value.trim().slice(0, 300);
  }
  return "no details";
}
