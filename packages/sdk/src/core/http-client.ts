import { randomUUID } from "node:crypto";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
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
  TimeoutError,
  ValidationError,
} from "../errors.js";
import type { Problem } from "../types.js";
import { type AuthOptions, type AuthProvider, createAuth } from "./auth.js";
import type { Hooks } from "./hooks.js";
import { createLimiter, type LimiterOptions, type RateLimiter } from "./limiter.js";
import {
  backoffDelay,
  RETRY_DEFAULTS,
  RETRYABLE_STATUS,
  type RetryOptions,
  retryAfterMs,
} from "./retry.js";

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

const VERSION = "0.0.0";

const isLimiter = (value: unknown): value is RateLimiter =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as RateLimiter).schedule === "function";

/**
 * The request pipeline: auth → limiter → axios → typed errors, with retries around it.
 * Resources build {@link CallSpec}s; nothing else talks to axios.
 */
export class HttpClient {
  private readonly http: AxiosInstance;
  private readonly auth: AuthProvider;
  readonly limiter: RateLimiter;
  private readonly retry: Required<RetryOptions>;
  private readonly hooks: Hooks;
  private readonly userAgent: string;

  constructor(private readonly options: ClientOptions) {
    if (!options.baseURL || !/^https?:\/\//.test(options.baseURL)) {
      throw new ValidationError("baseURL must be an http(s) URL.", {
        fieldErrors: [{ field: "baseURL", code: "invalid", message: "must be an http(s) URL" }],
      });
    }
    this.http = axios.create({
      baseURL: options.baseURL.replace(/\/$/, ""),
      timeout: options.timeout ?? 30_000,
      // Keep-alive: a bot makes many small calls to one host.
      httpAgent: new HttpAgent({ keepAlive: true }),
      httpsAgent: new HttpsAgent({ keepAlive: true }),
      // Bodies are parsed here, so a malformed one becomes a typed error, not a TypeError.
      responseType: "arraybuffer",
      transitional: { clarifyTimeoutError: true },
      validateStatus: () => true,
      maxRedirects: 0,
    });
    this.auth = createAuth(options.auth, options.baseURL, this.http);
    this.limiter = isLimiter(options.limiter) ? options.limiter : createLimiter(options.limiter);
    this.retry = { ...RETRY_DEFAULTS, ...options.retry };
    this.hooks = options.hooks ?? {};
    this.userAgent = `vnegov-sdk/${VERSION} node/${process.versions.node}${options.userAgent ? ` ${options.userAgent}` : ""}`;
  }

  /** Performs a call and returns its parsed body. */
  async call<T>(spec: CallSpec, options: RequestOptions = {}): Promise<T> {
    const requestId = `req_${randomUUID().replace(/-/g, "")}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...options.headers, ...spec.headers })) {
      if (value !== undefined) headers[name.toLowerCase()] = value;
    }
    Object.assign(headers, { "user-agent": this.userAgent, "x-request-id": requestId });
    if (spec.idempotent) headers["idempotency-key"] = options.idempotencyKey ?? randomUUID();
    const path = spec.route.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(spec.params?.[name] ?? ""),
    );
    const info: RequestInfo = { method: spec.method, path: spec.route };
    // A POST may only be repeated when the server can recognise the repeat.
    const replayable = spec.method !== "POST" || spec.idempotent === true;
    const maxRetries = options.maxRetries ?? this.retry.maxRetries;
    const signal = options.signal ?? spec.signal;

    for (let attempt = 0; ; attempt++) {
      const event = { method: spec.method, route: spec.route, requestId, attempt };
      let outcome: { response: AxiosResponse<ArrayBuffer> } | { error: ConnectionError };
      const started = Date.now();
      try {
        const response = await this.limiter.schedule(async () => {
          headers.authorization = await this.auth.authorization(signal);
          safely(() => this.hooks.onRequest?.(event));
          return this.http.request<ArrayBuffer>({
            method: spec.method,
            url: path,
            params: compact(spec.query),
            data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
            headers:
              spec.body === undefined
                ? headers
                : { ...headers, "content-type": "application/json" },
            signal,
          });
        });
        outcome = { response };
        safely(() =>
          this.hooks.onResponse?.({
            ...event,
            status: response.status,
            durationMs: Date.now() - started,
          }),
        );
      } catch (error) {
        if (error instanceof ApiError || error instanceof ValidationError) throw error;
        if (signal?.aborted)
          throw new TimeoutError("The request was aborted.", info, { cause: error });
        outcome = { error: toConnectionError(error, info) };
      }

      let failure: Error;
      let waitMs: number | undefined;
      if ("response" in outcome) {
        const { response } = outcome;
        if (response.status < 400) return parseBody<T>(response, info, spec.binary === true);
        failure = toApiError(response, info);
        if (response.status === 401 && attempt === 0 && !("apiKey" in this.options.auth)) {
          // An expired or revoked token: fetch a new one and try once more.
          this.auth.invalidate();
          continue;
        }
        if (!RETRYABLE_STATUS.has(response.status) || (response.status !== 429 && !replayable))
          throw failure;
        waitMs = retryAfterMs(header(response, "retry-after"));
        if (response.status === 429 && waitMs !== undefined) {
          if (waitMs > this.retry.maxRetryAfterMs) throw failure;
          this.limiter.pause(waitMs);
        }
      } else {
        failure = outcome.error;
        if (!replayable) throw failure;
      }
      if (attempt >= maxRetries) throw failure;
      const delayMs = waitMs ?? backoffDelay(attempt, this.retry);
      safely(() => this.hooks.onRetry?.({ ...event, delayMs, reason: failure.message }));
      await sleep(delayMs, signal);
    }
  }
}

function compact(query: CallSpec["query"]): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) out[key] = String(value);
  return out;
}

function header(response: AxiosResponse, name: string): string | undefined {
  const value = response.headers[name];
  return typeof value === "string" ? value : undefined;
}

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // A broken logger must not break the call it reports on.
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function toConnectionError(error: unknown, info: RequestInfo): ConnectionError {
  const code = (error as { code?: string }).code;
  if (code === "ETIMEDOUT" || code === "ECONNABORTED") {
    return new TimeoutError(`The request timed out: ${(error as Error).message}`, info, {
      cause: error,
    });
  }
  return new ConnectionError(
    `The request failed before an answer: ${(error as Error).message}`,
    info,
    { cause: error },
  );
}

function decodeJson(response: AxiosResponse<ArrayBuffer>): unknown {
  const text = Buffer.from(response.data ?? new ArrayBuffer(0)).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

function parseBody<T>(response: AxiosResponse<ArrayBuffer>, info: RequestInfo, binary: boolean): T {
  if (binary) return Buffer.from(response.data) as T;
  if (response.status === 204) return undefined as T;
  try {
    const body = decodeJson(response);
    if (body === undefined || typeof body !== "object" || body === null)
      throw new Error("expected a JSON object");
    return body as T;
  } catch (error) {
    throw new ConnectionError(`The server sent a malformed response (${response.status}).`, info, {
      cause: error,
    });
  }
}

/** Maps an error answer to the matching typed error. */
function toApiError(response: AxiosResponse<ArrayBuffer>, request: RequestInfo): Error {
  let problem: Problem | undefined;
  try {
    const body = decodeJson(response);
    if (body && typeof body === "object" && "status" in body) problem = body as Problem;
  } catch {
    // Not JSON (a proxy's HTML page): fall back to the status alone.
  }
  const status = response.status;
  const requestId = problem?.requestId ?? header(response, "x-request-id");
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
    const after = retryAfterMs(header(response, "retry-after"));
    return new RateLimitError(message, {
      ...init,
      retryAfter: after === undefined ? undefined : after / 1000,
    });
  }
  if (status >= 500) return new ServerError(message, init);
  return new ApiError(message, init);
}
