import { DVCQG_ERROR_CODES, isDvcqgSuccess } from "@vnegov/domain";
import { RETRYABLE_STATUS, retryAfterMs } from "../../core/retry.js";
import type { Outcome, RawResponse } from "../../core/transport.js";
import { jsonBody } from "../../core/transport.js";
import {
  ApiError,
  ConnectionError,
  RateLimitError,
  type RequestInfo,
  ServerError,
} from "../../errors.js";
import { type WireErrorKind, wireError } from "../wire-error.js";

/**
 * What each `error_code` means. Only "3"/"-3" ("đã tồn tại", Thanh Hóa) is attested; the
 * rest are the sandbox emulator's [UNCONFIRMED], and {@link kindOf} also reads the message.
 */
const KINDS: Readonly<Record<string, WireErrorKind>> = {
  [DVCQG_ERROR_CODES.sessionInvalid]: "auth",
  [DVCQG_ERROR_CODES.loginFailed]: "auth",
  [DVCQG_ERROR_CODES.exists]: "conflict",
  "3": "conflict",
  [DVCQG_ERROR_CODES.notFound]: "not_found",
  [DVCQG_ERROR_CODES.invalidData]: "invalid",
  [DVCQG_ERROR_CODES.unknownAgency]: "forbidden",
  [DVCQG_ERROR_CODES.unknownService]: "invalid",
  [DVCQG_ERROR_CODES.serverError]: "server",
};

const SESSION_MESSAGE = /(phiên|session|token).*(hết hạn|không hợp lệ|expired|invalid)/i;

/** Errors that mean "the session is gone: log in again". */
const sessionRejections = new WeakSet<Error>();

/** Whether `error` says the session expired or was revoked, so one fresh login may help. */
export function isSessionRejection(error: unknown): boolean {
  return error instanceof Error && sessionRejections.has(error);
}

function kindOf(code: string, message: string): WireErrorKind {
  // Messages first: real deployments' codes vary, their wording less so.
  if (/đã tồn tại|already exists/i.test(message)) return "conflict";
  if (SESSION_MESSAGE.test(message)) return "auth";
  return KINDS[code] ?? "server";
}

/** An error answer's body, or undefined when it is not a JSON object. */
function objectBody(response: RawResponse): Record<string, unknown> | undefined {
  try {
    const body = jsonBody(response);
    return typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const malformed = (response: RawResponse, info: RequestInfo): Outcome => ({
  ok: false,
  error: new ConnectionError(
    `dvcqg ${info.method} ${info.path}: the server sent a malformed response (${response.status}).`,
    info,
  ),
  next: "fail",
});

/** A non-2xx answer: proxies and gateways in front of the portal speak HTTP. */
function httpFailure(response: RawResponse, info: RequestInfo): Outcome {
  const { status } = response;
  const message = `dvcqg ${info.method} ${info.path} failed with HTTP ${status}`;
  const init = { status, code: `http_${status}`, request: info };
  if (status === 429) {
    const wait = retryAfterMs(response.header("retry-after"));
    return {
      ok: false,
      error: new RateLimitError(message, {
        ...init,
        retryAfter: wait === undefined ? undefined : wait / 1000,
      }),
      next: "wait",
      retryAfterMs: wait,
    };
  }
  if (status >= 500)
    return {
      ok: false,
      error: new ServerError(message, init),
      next: RETRYABLE_STATUS.has(status) ? "backoff" : "fail",
    };
  return { ok: false, error: new ApiError(message, init), next: "fail" };
}

/**
 * Reads a service answer: HTTP 200 with `{ error_code, message, result? }`. Success is
 * `"00"`, `"0"` or `0`; anything else becomes the typed error for its meaning. A rejected
 * session is marked for {@link isSessionRejection}: the session travels in the body, so the
 * caller, not the transport, logs in again and rebuilds the request.
 */
export function readEnvelope(response: RawResponse, info: RequestInfo): Outcome {
  const body = objectBody(response);
  const httpOk = response.status >= 200 && response.status < 300;
  // A crash answered in the wire's own body (the emulator's 500) keeps its code.
  if (!httpOk && body?.error_code === undefined) return httpFailure(response, info);
  if (!body) return malformed(response, info);
  if (isDvcqgSuccess(body.error_code)) return { ok: true, value: body.result };
  const wireCode = String(body.error_code ?? "missing");
  const message = typeof body.message === "string" ? body.message : "";
  const kind = kindOf(wireCode, message);
  const error = wireError("dvcqg", {
    kind,
    wireCode,
    message,
    request: info,
    status: response.status,
  });
  if (kind === "auth") sessionRejections.add(error);
  return {
    ok: false,
    error,
    next: kind === "server" && wireCode === DVCQG_ERROR_CODES.serverError ? "backoff" : "fail",
  };
}

/** Reads the login answer `{ session, error_code }` into the session token. */
export function readLogin(response: RawResponse, info: RequestInfo): Outcome {
  if (response.status < 200 || response.status >= 300) return httpFailure(response, info);
  const body = objectBody(response);
  if (!body) return malformed(response, info);
  const session = body.session;
  if (isDvcqgSuccess(body.error_code) && typeof session === "string" && session !== "")
    return { ok: true, value: session };
  const message = typeof body.message === "string" ? body.message : "no session in the answer";
  return {
    ok: false,
    error: wireError("dvcqg", {
      kind: "auth",
      wireCode: String(body.error_code ?? "missing"),
      message,
      request: info,
      status: response.status,
    }),
    next: "fail",
  };
}
