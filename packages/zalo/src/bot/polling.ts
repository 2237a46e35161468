import {
  AuthenticationError,
  NotFoundError,
  RateLimitError,
  RETRY_DEFAULTS,
  type RetryOptions,
  ValidationError,
} from "@vnegov/sdk";
import { ZaloWebhookConflictError } from "./errors.js";
import type { StartPollingOptions } from "./options.js";
import type { ZaloUpdate } from "./types.js";

/** One long poll: an update, or `undefined` when none came in time. */
export type PollOnce = (timeout: number, signal?: AbortSignal) => Promise<ZaloUpdate | undefined>;

/** Reports to `onError` without letting a broken reporter stop the loop. */
export function report(
  onError: StartPollingOptions["onError"],
  error: unknown,
  update?: ZaloUpdate,
): void {
  try {
    if (onError) onError(error, update);
    else console.error("@vnegov/zalo: a Zalo update could not be handled:", error);
  } catch {
    // The reporter failed too; there is nobody left to tell.
  }
}

/**
 * Errors a retry cannot fix: a webhook is set, the token is refused, the host has no such
 * method (the legacy host has been reported to 404 `getUpdates`), or Zalo rejects the request.
 */
function isFatal(error: unknown): boolean {
  return (
    error instanceof ZaloWebhookConflictError ||
    error instanceof AuthenticationError ||
    error instanceof NotFoundError ||
    error instanceof ValidationError
  );
}

/** Exponential backoff with equal jitter, capped. */
function backoffMs(failures: number, retry: RetryOptions): number {
  const base = retry.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const ceiling = Math.min(retry.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs, base * 2 ** failures);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * The `startPolling` loop: long polls one after another and hands each update to `onUpdate`,
 * awaiting it, so updates are handled one at a time in the order Zalo gave them. "No update"
 * (408) polls again at once; a failed poll is reported and retried after a backoff (or the
 * 429's `Retry-After`); a failed `onUpdate` is reported and the loop goes on. Fatal errors
 * (see {@link isFatal}) reject. Resolves once `signal` aborts.
 */
export async function runPolling(
  poll: PollOnce,
  onUpdate: (update: ZaloUpdate) => unknown,
  options: StartPollingOptions,
  retry: RetryOptions,
): Promise<void> {
  const { signal, onError } = options;
  const timeout = options.timeout ?? 30;
  let failures = 0;
  while (!signal?.aborted) {
    let update: ZaloUpdate | undefined;
    try {
      update = await poll(timeout, signal);
      failures = 0;
    } catch (error) {
      if (signal?.aborted) return;
      if (isFatal(error)) throw error;
      report(onError, error);
      const retryAfter = error instanceof RateLimitError ? error.retryAfter : undefined;
      await pause(
        retryAfter === undefined ? backoffMs(failures++, retry) : retryAfter * 1000,
        signal,
      );
      continue;
    }
    if (update === undefined) continue;
    try {
      await onUpdate(update);
    } catch (error) {
      report(onError, error, update);
    }
  }
}
