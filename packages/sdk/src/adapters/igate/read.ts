import { retryAfterMs } from "../../core/retry.js";
import { jsonBody, type Outcome, type RawResponse } from "../../core/transport.js";
import { ConnectionError, RateLimitError, type RequestInfo } from "../../errors.js";
import { type WireErrorKind, wireError } from "../wire-error.js";

/** Spring Boot's default error body, as iGate's gateway sends it. */
interface SpringErrorBody {
  timestamp?: string;
  status?: number;
  error?: string;
  message?: string;
  path?: string;
}

const KINDS: Record<number, [WireErrorKind, string]> = {
  400: ["invalid", "bad_request"],
  401: ["auth", "unauthorized"],
  403: ["forbidden", "forbidden"],
  404: ["not_found", "not_found"],
  409: ["conflict", "conflict"],
};

/**
 * Reads a gateway answer: a JSON object on success, otherwise the typed error for Spring's
 * `{ status, error, message }` with what to do next. A 401 (an expired or revoked token)
 * means fetch a new token and try once more; 5xx backs off; 429 waits.
 */
export function readIgate(response: RawResponse, request: RequestInfo): Outcome {
  const { status } = response;
  let body: unknown;
  try {
    body = jsonBody(response);
  } catch (cause) {
    // A proxy's HTML error page, or a truncated body.
    if (status < 400) return malformed(status, request, cause);
  }
  if (status < 300) {
    if (typeof body !== "object" || body === null || Array.isArray(body))
      return malformed(status, request);
    return { ok: true, value: body };
  }
  const spring = (typeof body === "object" && body !== null ? body : {}) as SpringErrorBody;
  const message = spring.message || spring.error || `HTTP ${status}`;
  if (status === 429) {
    const wait = retryAfterMs(response.header("retry-after"));
    const error = new RateLimitError(`igate ${request.method} ${request.path} was rate limited`, {
      status,
      code: "igate:rate_limited",
      request,
      retryAfter: wait === undefined ? undefined : wait / 1000,
    });
    return { ok: false, error, next: "wait", retryAfterMs: wait };
  }
  // Spring Security names the reason in WWW-Authenticate, e.g. error="invalid_token".
  const bearerError = /error="([^"]+)"/.exec(response.header("www-authenticate") ?? "")?.[1];
  const [kind, wireCode] = KINDS[status] ?? ["server", `http_${status}`];
  const error = wireError("igate", {
    kind,
    wireCode: status === 401 && bearerError ? bearerError : wireCode,
    message,
    request,
    status,
  });
  if (status === 401) return { ok: false, error, next: "reauthenticate" };
  return { ok: false, error, next: status >= 500 ? "backoff" : "fail" };
}

function malformed(status: number, request: RequestInfo, cause?: unknown): Outcome {
  const error = new ConnectionError(
    `iGate sent a malformed response (${status}) to ${request.method} ${request.path}.`,
    request,
    { cause },
  );
  return { ok: false, error, next: "fail" };
}
