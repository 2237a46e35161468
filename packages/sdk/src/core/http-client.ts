import { randomUUID } from "node:crypto";
import axios from "axios";
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type RequestInfo,
  ServerError,
  ValidationError,
} from "../errors.js";
import type { Problem } from "../types.js";
import { type AuthOptions, createAuth } from "./auth.js";
import type { Hooks } from "./hooks.js";
import type { LimiterOptions, RateLimiter } from "./limiter.js";
import { RETRYABLE_STATUS, type RetryOptions, retryAfterMs } from "./retry.js";
import { jsonBody, type Outcome, type RawResponse, Transport } from "./transport.js";
import { transportDefaults } from "./transport-defaults.js";

/** Options shared by every vnegov client. */
export interface ClientOptions {
  /** Base URL of the Portal/Document API host, e.g. `http://127.0.0.1:4010`. */
  baseURL: string;
  auth: AuthOptions;
  /** Per-attempt timeout. Default 30 s. */
  timeout?: number;
  retry?: RetryOptions;
  /** Concurrency/rate limits, or your own {@link RateLimiter}. */
  limiter?: LimiterOptions | RateLimiter;
  /** Appended to the SDK's user-agent. */
  userAgent?: string;
  hooks?: Hooks;
}

/** One API call, as resources describe it. */
export interface CallSpec {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Route template with `{param}`s, reported to hooks. */
  route: string;
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string | undefined>;
  /** The operation honours `Idempotency-Key`: one is generated when absent, and POSTs become retryable. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Raw bytes instead of JSON. */
  binary?: boolean;
}

/** Per-call options every resource method accepts. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's `retry.maxRetries` for this call. */
  maxRetries?: number;
  idempotencyKey?: string;
  /** Extra headers (tracing, the sandbox's `X-Sandbox-Fault`); they cannot replace auth or the request id. */
  headers?: Record<string, string>;
}

/**
 * The vnegov API's conventions over the shared {@link Transport}: bearer auth, path
 * parameters, idempotency keys, and RFC 9457 problems read into typed errors.
 */
export class HttpClient {
  private readonly transport: Transport;

  constructor(options: ClientOptions) {
    const auth = createAuth(
      options.auth,
      options.baseURL ?? "",
      axios.create({ timeout: options.timeout ?? 30_000, maxRedirects: 0 }),
    );
    this.transport = new Transport({
      ...transportDefaults(options),
      auth: {
        headers: async (signal) => ({ authorization: await auth.authorization(signal) }),
        // An API key cannot be renewed; only fetched tokens are worth a second try.
        ...("apiKey" in options.auth ? {} : { invalidate: () => auth.invalidate() }),
      },
      read: readAnswer,
    });
  }

  get limiter(): RateLimiter {
    return this.transport.limiter;
  }

  /** Performs a call and returns its parsed body. */
  call<T>(spec: CallSpec, options: RequestOptions = {}): Promise<T> {
    const path = spec.route.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(spec.params?.[name] ?? ""),
    );
    return this.transport.request<T>({
      method: spec.method,
      path,
      route: spec.route,
      query: spec.query,
      body: spec.body,
      headers: {
        ...options.headers,
        ...spec.headers,
        ...(spec.idempotent ? { "idempotency-key": options.idempotencyKey ?? randomUUID() } : {}),
      },
      replayable: spec.idempotent === true,
      signal: options.signal ?? spec.signal,
      maxRetries: options.maxRetries,
      ...(spec.binary ? { read: readBytes } : {}),
    });
  }
}

function readBytes(response: RawResponse, info: RequestInfo): Outcome {
  return response.status < 400 ? { ok: true, value: response.body } : readAnswer(response, info);
}

/** A success's JSON body, or the typed error for a problem, with what to do about it. */
function readAnswer(response: RawResponse, info: RequestInfo): Outcome {
  const { status } = response;
  if (status < 400) {
    if (status === 204) return { ok: true, value: undefined };
    try {
      const body = jsonBody(response);
      if (body === undefined || typeof body !== "object" || body === null)
        throw new Error("expected a JSON object");
      return { ok: true, value: body };
    } catch (error) {
      const malformed = new ConnectionError(
        `The server sent a malformed response (${status}).`,
        info,
        { cause: error },
      );
      return { ok: false, error: malformed, next: "fail" };
    }
  }
  const error = toApiError(response, info);
  if (status === 401) return { ok: false, error, next: "reauthenticate" };
  if (status === 429)
    return {
      ok: false,
      error,
      next: "wait",
      retryAfterMs: retryAfterMs(response.header("retry-after")),
    };
  return { ok: false, error, next: RETRYABLE_STATUS.has(status) ? "backoff" : "fail" };
}

/** Maps an error answer to the matching typed error. */
function toApiError(response: RawResponse, request: RequestInfo): Error {
  let problem: Problem | undefined;
  try {
    const body = jsonBody(response);
    if (body && typeof body === "object" && "status" in body) problem = body as Problem;
  } catch {
    // Not JSON (a proxy's HTML page): fall back to the status alone.
  }
  const status = response.status;
  const requestId = problem?.requestId ?? response.header("x-request-id");
  const code = problem?.code ?? `http_${status}`;
  const message = `${request.method} ${request.path} failed (${status} ${code}): ${problem?.detail ?? problem?.title ?? "no details"}`;
  const init = { status, code, requestId, problem, request };
  if (status === 400 || status === 422) {
    return new ValidationError(message, {
      fieldErrors: problem?.errors ?? [],
      status,
      code,
      requestId,
      problem,
    });
  }
  if (status === 401) return new AuthenticationError(message, init);
  if (status === 403) return new PermissionError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 409) return new ConflictError(message, init);
  if (status === 429) {
    const after = retryAfterMs(response.header("retry-after"));
    return new RateLimitError(message, {
      ...init,
      retryAfter: after === undefined ? undefined : after / 1000,
    });
  }
  if (status >= 500) return new ServerError(message, init);
  return new ApiError(message, init);
}
