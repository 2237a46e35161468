import { randomUUID } from "node:crypto";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import {
  ApiError,
  ConnectionError,
  type RequestInfo,
  TimeoutError,
  ValidationError,
} from "../errors.js";
import type { Hooks } from "./hooks.js";
import { createLimiter, type LimiterOptions, type RateLimiter } from "./limiter.js";
import { backoffDelay, RETRY_DEFAULTS, type RetryOptions } from "./retry.js";

/** An answer as it came off the wire, before a {@link Transport} reads it. */
export interface RawResponse {
  status: number;
  /** Lower-case header names. */
  header(name: string): string | undefined;
  body: Buffer;
}

/**
 * What an answer means. An error says what comes next: `reauthenticate` (drop the credential and
 * try once more), `wait` (rate limited: pause every call for `retryAfterMs`, then retry),
 * `backoff` (a transient failure: retry with backoff when the call may be repeated) or `fail`.
 */
export type Outcome =
  | { ok: true; value: unknown }
  | {
      ok: false;
      error: Error;
      next: "reauthenticate" | "wait" | "backoff" | "fail";
      retryAfterMs?: number;
    };

/** Adds credentials to each attempt; `invalidate` drops a cached one after it was refused. */
export interface TransportAuth {
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  invalidate?(): void;
}

/** Options of a {@link Transport}: one API host with its wire conventions. */
export interface TransportOptions {
  /** Base URL of the API host; must be http(s). */
  baseURL: string;
  /** Per-attempt timeout. Default 30 s. */
  timeout?: number;
  retry?: RetryOptions;
  /** Concurrency/rate limits, or your own {@link RateLimiter}. */
  limiter?: LimiterOptions | RateLimiter;
  /** The full user-agent header. */
  userAgent: string;
  hooks?: Hooks;
  auth?: TransportAuth;
  /** Reads every answer of this API into an {@link Outcome}. */
  read(response: RawResponse, request: RequestInfo): Outcome;
}

/** One request through a {@link Transport}. */
export interface TransportRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path below the base URL, already encoded. */
  path: string;
  /** A template of the path without identifiers, for hooks and errors. */
  route: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** A plain object or array is sent as JSON; `URLSearchParams` as a form; `FormData` as multipart. */
  body?: unknown;
  headers?: Record<string, string | undefined>;
  /** The server recognises a repeat (idempotency key, or a read): POSTs become retryable. */
  replayable?: boolean;
  signal?: AbortSignal;
  maxRetries?: number;
  /** Reads this call's answer instead of the transport's `read` (e.g. raw bytes). */
  read?: TransportOptions["read"];
}

const isLimiter = (value: unknown): value is RateLimiter =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as RateLimiter).schedule === "function";

/**
 * The request pipeline every vnegov client shares: credentials → limiter → axios → the API's
 * own reading of answers into values or typed errors, with retries, backoff, rate-limit
 * pauses and hooks around it. `@vnegov/sdk` and `@vnegov/zalo` differ only in `read`/`auth`.
 */
export class Transport {
  private readonly http: AxiosInstance;
  readonly limiter: RateLimiter;
  private readonly retry: Required<RetryOptions>;
  private readonly hooks: Hooks;

  constructor(private readonly options: TransportOptions) {
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
      // Bodies are read by `read`, so a malformed one becomes a typed error, not a TypeError.
      responseType: "arraybuffer",
      transitional: { clarifyTimeoutError: true },
      validateStatus: () => true,
      maxRedirects: 0,
    });
    this.limiter = isLimiter(options.limiter) ? options.limiter : createLimiter(options.limiter);
    this.retry = { ...RETRY_DEFAULTS, ...options.retry };
    this.hooks = options.hooks ?? {};
  }

  /** Performs a request and returns what `read` made of the answer. */
  async request<T>(request: TransportRequest): Promise<T> {
    const requestId = `req_${randomUUID().replace(/-/g, "")}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined) headers[name.toLowerCase()] = value;
    }
    Object.assign(headers, { "user-agent": this.options.userAgent, "x-request-id": requestId });
    const { data, contentType } = encodeBody(request.body);
    if (contentType) headers["content-type"] = contentType;
    const info: RequestInfo = { method: request.method, path: request.route };
    // A POST may only be repeated when the server can recognise the repeat.
    const replayable = request.method !== "POST" || request.replayable === true;
    const maxRetries = request.maxRetries ?? this.retry.maxRetries;
    const read = request.read ?? this.options.read;
    const { signal } = request;
    let reauthenticated = false;

    for (let attempt = 0; ; attempt++) {
      const event = { method: request.method, route: request.route, requestId, attempt };
      let outcome: Outcome;
      const started = Date.now();
      try {
        const response = await this.limiter.schedule(async () => {
          const credentials = (await this.options.auth?.headers(signal)) ?? {};
          safely(() => this.hooks.onRequest?.(event));
          return this.http.request<ArrayBuffer>({
            method: request.method,
            url: request.path,
            params: compact(request.query),
            data,
            headers: { ...headers, ...credentials },
            signal,
          });
        });
        safely(() =>
          this.hooks.onResponse?.({
            ...event,
            status: response.status,
            durationMs: Date.now() - started,
          }),
        );
        outcome = read(rawResponse(response), info);
      } catch (error) {
        if (error instanceof ApiError || error instanceof ValidationError) throw error;
        if (signal?.aborted)
          throw new TimeoutError("The request was aborted.", info, { cause: error });
        outcome = { ok: false, error: toConnectionError(error, info), next: "backoff" };
      }
      if (outcome.ok) return outcome.value as T;

      const { error, next } = outcome;
      if (next === "fail") throw error;
      if (next === "reauthenticate") {
        // An expired or revoked credential: fetch a new one and try once more.
        if (reauthenticated || !this.options.auth?.invalidate) throw error;
        reauthenticated = true;
        this.options.auth.invalidate();
        continue;
      }
      let waitMs: number | undefined;
      if (next === "wait") {
        waitMs = outcome.retryAfterMs;
        if (waitMs !== undefined) {
          if (waitMs > this.retry.maxRetryAfterMs) throw error;
          this.limiter.pause(waitMs);
        }
      } else if (!replayable) {
        throw error;
      }
      if (attempt >= maxRetries) throw error;
      const delayMs = waitMs ?? backoffDelay(attempt, this.retry);
      safely(() => this.hooks.onRetry?.({ ...event, delayMs, reason: error.message }));
      await sleep(delayMs, signal);
    }
  }
}

function encodeBody(body: unknown): { data?: unknown; contentType?: string } {
  if (body === undefined) return {};
  if (body instanceof URLSearchParams)
    return { data: body.toString(), contentType: "application/x-www-form-urlencoded" };
  // axios sets the multipart boundary itself.
  if (body instanceof FormData) return { data: body };
  return { data: JSON.stringify(body), contentType: "application/json" };
}

function rawResponse(response: AxiosResponse<ArrayBuffer>): RawResponse {
  return {
    status: response.status,
    header: (name) => {
      const value = response.headers[name];
      return typeof value === "string" ? value : undefined;
    },
    body: Buffer.from(response.data ?? new ArrayBuffer(0)),
  };
}

/** The body as JSON, or undefined when it is empty; throws on malformed JSON. */
export function jsonBody(response: RawResponse): unknown {
  const text = response.body.toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

function compact(query: TransportRequest["query"]): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) out[key] = String(value);
  return out;
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
