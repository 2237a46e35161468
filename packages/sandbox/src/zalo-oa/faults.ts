import { inactiveUser, notFollowing, restrictedByUser, ZaloOaApiError } from "./errors.js";

/**
 * A failure the emulator answers for one user's consultation messages instead of sending
 * them, for tests of a client's retries: a Zalo error (HTTP 200, `{ error, message }`), e.g.
 * -32 (calls per minute), or an HTTP failure (a gateway's 5xx).
 */
export type ZaloOaSendFault =
  | {
      /** A Zalo error number, e.g. -32. */
      error: number;
      /** Default: Zalo's words for the known codes, else `Injected failure`. */
      message?: string;
      /** Sends it answers before the user is reachable again. Default 1. */
      times?: number;
      /**
       * Adds a `Retry-After` header (seconds). Zalo sends none (a client waits out -32 for a
       * minute); a test sets it so it need not.
       */
      retryAfter?: number;
    }
  | {
      /** 500–599, answered with `{ error: -1, message }`. */
      status: number;
      times?: number;
    };

/** The ways a user stops being reachable: -244 (blocked the OA's messages), -213, -227. */
export type ZaloOaBlockError = -213 | -227 | -244;

/** One consultation message to a user, as the emulator answered it. */
export interface ZaloOaSendAttempt {
  /** Epoch milliseconds. */
  at: number;
  /** Zalo's `error`: 0 when the message was sent. */
  error: number;
  /** The HTTP status of the answer (200 unless a 5xx was injected). */
  status: number;
  /** The answer was an injected fault or the user's block, not the emulated rules. */
  injected?: boolean;
}

/** What the OA's consultation messages came to, over all users. */
export interface ZaloOaSendStats {
  /** `message/cs` calls with a valid token and a recipient the emulator could tell. */
  attempts: number;
  sent: number;
  /** -32 answers of the emulated limits (`perMinute`, `perSecond`), not injected ones. */
  rateLimited: number;
  /** Injected faults and blocks answered. */
  injected: number;
}

const KNOWN: Record<number, () => ZaloOaApiError> = {
  [-213]: notFollowing,
  [-227]: inactiveUser,
  [-244]: restrictedByUser,
};
const CALLS_PER_MINUTE = "Exceeded the number of API calls per minute";

/** Checks a fault given by a test or over HTTP; a `TypeError` (400) for anything else. */
function faultError(fault: ZaloOaSendFault): () => ZaloOaApiError {
  if ("status" in fault) {
    const { status } = fault;
    if (!Number.isInteger(status) || status < 500 || status > 599)
      throw new TypeError("status must be 500–599.");
    return () => new ZaloOaApiError(-1, "Internal server error", undefined, { status });
  }
  const { error, retryAfter } = fault;
  if (!Number.isInteger(error) || error >= 0) throw new TypeError("error must be below 0.");
  if (retryAfter !== undefined && (!Number.isInteger(retryAfter) || retryAfter < 0))
    throw new TypeError("retryAfter must be a whole number of seconds ≥ 0.");
  const message =
    fault.message ??
    KNOWN[error]?.().message ??
    (error === -32 ? CALLS_PER_MINUTE : "Injected failure");
  return () =>
    new ZaloOaApiError(error, message, undefined, {
      ...(retryAfter !== undefined && { retryAfter }),
    });
}

/** Per user: injected faults, a block, and every consultation message attempted. */
export class OaSendFaults {
  private readonly queues = new Map<string, { error: () => ZaloOaApiError; left: number }[]>();
  private readonly blocked = new Map<string, ZaloOaBlockError>();
  private readonly attempts = new Map<string, ZaloOaSendAttempt[]>();
  private readonly stats: ZaloOaSendStats = { attempts: 0, sent: 0, rateLimited: 0, injected: 0 };

  add(userId: string, fault: ZaloOaSendFault): void {
    const error = faultError(fault);
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new TypeError("times must be a whole number ≥ 1.");
    const queue = this.queues.get(userId) ?? [];
    queue.push({ error, left: times });
    this.queues.set(userId, queue);
  }

  block(userId: string, error: ZaloOaBlockError): void {
    if (!KNOWN[error]) throw new TypeError("error must be -213, -227 or -244.");
    this.blocked.set(userId, error);
  }

  unblock(userId: string): void {
    this.blocked.delete(userId);
  }

  attemptsOf(userId: string): ZaloOaSendAttempt[] {
    return [...(this.attempts.get(userId) ?? [])];
  }

  get totals(): ZaloOaSendStats {
    return { ...this.stats };
  }

  /**
   * One consultation message to `userId` (`undefined`: no recipient the emulator can tell,
   * which is neither faulted nor recorded): the user's block or next fault answers first,
   * then `send` with the emulated rules. The outcome is recorded.
   */
  attempt<T>(userId: string | undefined, send: () => T): T {
    if (userId === undefined) return send();
    const record = (error: number, status: number, injected: boolean) => {
      const list = this.attempts.get(userId) ?? [];
      list.push({ at: Date.now(), error, status, ...(injected && { injected: true }) });
      this.attempts.set(userId, list);
    };
    this.stats.attempts += 1;
    const injected = this.take(userId);
    if (injected) {
      this.stats.injected += 1;
      record(injected.error, injected.http.status ?? 200, true);
      throw injected;
    }
    try {
      const result = send();
      this.stats.sent += 1;
      record(0, 200, false);
      return result;
    } catch (error) {
      if (error instanceof ZaloOaApiError) {
        if (error.error === -32) this.stats.rateLimited += 1;
        record(error.error, 200, false);
      }
      throw error;
    }
  }

  private take(userId: string): ZaloOaApiError | undefined {
    const blocked = this.blocked.get(userId);
    if (blocked !== undefined) return KNOWN[blocked]?.();
    const queue = this.queues.get(userId);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.left -= 1;
    if (next.left <= 0) queue.shift();
    return next.error();
  }
}
