import { ConnectionError, RateLimitError, ServerError, VnegovError } from "@vnegov/sdk";
import { zaloErrorCode } from "@vnegov/zalo";
import { TelegramError } from "telegraf";

/**
 * What a failed send means for its delivery row:
 * - `rate_limited`: the platform said 429; wait `retryAfterMs` (the whole channel pauses) and
 *   try again without spending an attempt.
 * - `transient`: 5xx, network, timeouts, anything unknown; back off exponentially, give up
 *   after the worker's `maxAttempts`.
 * - `blocked`: the chat is gone for the bot (blocked, deactivated, kicked, never existed):
 *   never retried, and the chat's subscriptions are removed. Telegram: 403, 400 "chat not
 *   found"; Zalo OA: -213, -227, -244; Zalo Bot: a 403 whose description names a block.
 * - `permanent`: the request itself is wrong (400), or the user is out of reach for now (Zalo
 *   OA -230/-232, outside the 7-day window); retrying cannot help, the subscription stays.
 */
export type SendFailure =
  | { kind: "rate_limited"; retryAfterMs: number; reason: string }
  | { kind: "transient"; reason: string }
  | { kind: "blocked"; reason: string }
  | { kind: "permanent"; reason: string };

/** Telegram 400s that mean the chat no longer exists for the bot. */
const TELEGRAM_GONE_400 = [/chat not found/i, /user not found/i, /peer_id_invalid/i];
/**
 * Zalo OA errors meaning the user cannot be reached by this OA any more: -213 not following
 * (unfollowed), -227 inactive over 45 days, -244 restricted this message type. -230/-232
 * (outside the consultation window) are not: the user is reachable again once they write, and
 * the OA channel falls back to ZNS itself. -223/-224 are the OA's permissions, not the user's.
 */
const ZALO_OA_GONE = new Set([-213, -227, -244]);
/**
 * Zalo OA -230/-232: the user has not interacted within 7 days. Not `blocked` (they are
 * reachable again once they write, so they stay subscribed), but `permanent`: no retry within
 * the backoff's minutes will find them back in the window, and with many such subscribers a
 * broadcast would spend `maxAttempts` calls on each against the OA's call limit. (The OA
 * channel has already tried ZNS when the message has a template.)
 */
const ZALO_OA_OUTSIDE_WINDOW = new Set([-230, -232]);
/** Zalo OA -211: the OA's message quota is spent (until the next day or month). */
const ZALO_OA_OUT_OF_QUOTA = -211;
/**
 * A Zalo Bot API 403 whose description names a block. Zalo documents no answer for a user who
 * blocked the bot (its error table labels 403, apparently by mistake, "Internal server error");
 * the Bot API is modelled on Telegram's, whose answer is `403 Forbidden: bot was blocked by the
 * user`, and the sandbox answers `403 Forbidden: the user has blocked the bot`. Only a 403 that
 * says "block" (or "chặn") deactivates: a bare one stays `permanent`, so an unexplained 403
 * fails one row instead of unsubscribing chats.
 */
const ZALO_BOT_BLOCKED = /\bblock|chặn/i;
/** Node's network failures (undici and node-fetch alike carry the system code). */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);
/** Used when a 429 names no wait (Zalo publishes none). */
const DEFAULT_RETRY_AFTER_MS = 5000;

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function telegramFailure(error: TelegramError): SendFailure {
  const code = error.code;
  const reason = `telegram ${code}: ${error.description}`;
  if (code === 429) {
    const seconds = error.parameters?.retry_after;
    return {
      kind: "rate_limited",
      retryAfterMs: seconds !== undefined ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS,
      reason,
    };
  }
  // Every 403 is "Forbidden: …": blocked by the user, user is deactivated, bot was kicked,
  // bot can't initiate conversation, not enough rights. None heals by retrying.
  if (code === 403) return { kind: "blocked", reason };
  if (code === 400 && TELEGRAM_GONE_400.some((p) => p.test(error.description)))
    return { kind: "blocked", reason };
  if (code >= 500 || code === 401 || code === 404 || code === 409)
    // 401/404: the token was revoked or mistyped; an operator can fix it, so not final yet.
    return { kind: "transient", reason };
  return { kind: "permanent", reason };
}

function sdkFailure(error: VnegovError): SendFailure | undefined {
  const reason = describe(error);
  const zalo = zaloErrorCode(error);
  // -211 comes as a RateLimitError without retryAfter, but no wait of seconds brings the
  // quota back: backing off (and in the end `failed`, naming -211) beats a 429 loop that
  // pauses the channel every few seconds forever and never finishes the broadcast.
  if (zalo === ZALO_OA_OUT_OF_QUOTA) return { kind: "transient", reason };
  if (error instanceof RateLimitError) {
    // Zalo Bot 429 "Quota exceeded" (Retry-After when sent) and OA -32 (the client makes it a
    // one-minute wait, or the Retry-After a proxy sends).
    const ms = error.retryAfter !== undefined ? error.retryAfter * 1000 : DEFAULT_RETRY_AFTER_MS;
    return { kind: "rate_limited", retryAfterMs: ms, reason };
  }
  if (error instanceof ServerError || error instanceof ConnectionError)
    return { kind: "transient", reason };
  if (zalo !== undefined && ZALO_OA_GONE.has(zalo)) return { kind: "blocked", reason };
  if (zalo === 403 && ZALO_BOT_BLOCKED.test(error.message)) return { kind: "blocked", reason };
  if (zalo !== undefined && ZALO_OA_OUTSIDE_WINDOW.has(zalo)) return { kind: "permanent", reason };
  const status = (error as { status?: unknown }).status;
  // Other 4xx are final (Zalo Bot 400/401/404, OA HTTP 4xx); the rest is retried (OA errors
  // come with HTTP 200, so e.g. -201 is retried a few times, then `failed`).
  if (typeof status === "number" && status >= 400 && status < 500 && status !== 408)
    return { kind: "permanent", reason };
  return undefined;
}

/**
 * What a send's error means, for any channel: telegraf's `TelegramError`, the `@vnegov/sdk`
 * error classes the Zalo clients throw, and Node network errors. Unknown errors are treated
 * as transient: retrying a few times is safer than losing a notification.
 */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof TelegramError) return telegramFailure(error);
  if (error instanceof VnegovError) {
    const failure = sdkFailure(error);
    if (failure) return failure;
  }
  const code =
    (error as { code?: unknown } | undefined)?.code ??
    (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (typeof code === "string" && NETWORK_CODES.has(code))
    return { kind: "transient", reason: `network ${code}: ${describe(error)}` };
  return { kind: "transient", reason: describe(error) };
}
