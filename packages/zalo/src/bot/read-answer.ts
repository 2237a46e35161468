import {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  jsonBody,
  NotFoundError,
  type Outcome,
  PermissionError,
  RateLimitError,
  type RawResponse,
  type RequestInfo,
  retryAfterMs,
  ServerError,
  ValidationError,
} from "@vnegov/sdk";

/** Zalo's answer envelope. */
interface Envelope {
  ok?: unknown;
  result?: unknown;
  error_code?: unknown;
  description?: unknown;
}

/**
 * Reads a Zalo Bot API answer into a value or a typed error. Zalo's envelope decides, not the
 * HTTP status: `{ ok: true, result }` is a success and `{ ok: false, error_code, description }`
 * an error, whatever the status (the status only stands in when `error_code` is missing).
 * Errors carry `status` = the Zalo error code and `code` = `zalo_<error_code>`.
 *
 * `redact` is removed from every description, so a token an answer echoes never reaches an
 * error message.
 */
export function readZaloAnswer(
  response: RawResponse,
  request: RequestInfo,
  redact: string,
): Outcome {
  let body: unknown;
  try {
    body = jsonBody(response);
    if (body === null || typeof body !== "object" || Array.isArray(body))
      throw new Error("expected a JSON object");
  } catch (cause) {
    // A proxy's HTML page, an empty or cut-off body: nothing Zalo said can be read.
    const error = new ConnectionError(
      `${request.method} ${request.path}: Zalo sent an answer that is not a JSON envelope (HTTP ${response.status}).`,
      request,
      { cause },
    );
    return { ok: false, error, next: response.status >= 500 ? "backoff" : "fail" };
  }
  const envelope = body as Envelope;
  if (envelope.ok === true) return { ok: true, value: envelope.result };
  if (envelope.ok !== false && response.status < 400) {
    const error = new ConnectionError(
      `${request.method} ${request.path}: Zalo's answer has no "ok" field (HTTP ${response.status}).`,
      request,
    );
    return { ok: false, error, next: "fail" };
  }
  return errorOutcome(envelope, response, request, redact);
}

function errorOutcome(
  envelope: Envelope,
  response: RawResponse,
  request: RequestInfo,
  redact: string,
): Outcome {
  const given = Number(envelope.error_code);
  const status = Number.isInteger(given) && given > 0 ? given : response.status;
  const code = `zalo_${status}`;
  let description = typeof envelope.description === "string" ? envelope.description : "";
  if (redact) description = description.split(redact).join("<token>");
  const message = `${request.method} ${request.path} failed (${code}): ${description || "no description"}`;
  const requestId = response.header("x-request-id");
  const init = { status, code, requestId, request };
  switch (status) {
    case 400:
      return {
        ok: false,
        error: new ValidationError(message, { fieldErrors: [], status, code, requestId }),
        next: "fail",
      };
    // A bot token is static: there is nothing to refresh, so no second try.
    case 401:
      return { ok: false, error: new AuthenticationError(message, init), next: "fail" };
    case 403:
      return { ok: false, error: new PermissionError(message, init), next: "fail" };
    case 404:
      return { ok: false, error: new NotFoundError(message, init), next: "fail" };
    case 409:
      return { ok: false, error: new ConflictError(message, init), next: "fail" };
    case 429: {
      // Zalo publishes no Retry-After; without one the transport backs off.
      const after = retryAfterMs(response.header("retry-after"));
      const error = new RateLimitError(message, {
        ...init,
        retryAfter: after === undefined ? undefined : after / 1000,
      });
      return { ok: false, error, next: "wait", retryAfterMs: after };
    }
  }
  if (status >= 500) return { ok: false, error: new ServerError(message, init), next: "backoff" };
  // 408 (Zalo's "request timeout") and anything undocumented: retried only where a repeat is safe.
  return {
    ok: false,
    error: new ApiError(message, init),
    next: status === 408 ? "backoff" : "fail",
  };
}
