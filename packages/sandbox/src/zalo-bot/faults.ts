import { BotApiError } from "../emulators/bot-api-error.js";
import { quotaExceeded, userBlockedBot } from "./errors.js";

/**
 * A failure the emulator answers for one chat instead of delivering, for tests of a bot's
 * retries: 429 `Quota exceeded` (with `Retry-After`) or a 5xx.
 */
export interface ZaloBotSendFault {
  /** 429, or 500–599. */
  status: number;
  /** Sends it answers before the chat works again. Default 1. */
  times?: number;
  /** A 429's `Retry-After`, in seconds. Default 1. */
  retryAfter?: number;
}

/** One send call (`sendMessage`, `sendPhoto`, `sendSticker`, `sendChatAction`) to a chat. */
export interface ZaloBotSendAttempt {
  method: string;
  /** Epoch milliseconds. */
  date: number;
  /** The `error_code` answered; absent when the message was delivered. */
  errorCode?: number;
  /** The answer was an injected fault or the user's block, not the emulated quota. */
  injected?: boolean;
}

/**
 * What one bot sent through the emulator since it first called the Bot API, and how often
 * sends were refused (see `ZaloBotEmulator.stats`). Shaped like the Telegram emulator's.
 */
export interface ZaloBotSendStats {
  /** Messages delivered (`sendMessage`, `sendPhoto`, `sendSticker`); chat actions not counted. */
  sent: number;
  /** Chats that got at least one of those messages. */
  chatsReached: number;
  /**
   * Send calls answered 429 `Quota exceeded` by the emulated quota (`rateLimits`). Injected
   * 429s are counted under `injected` instead.
   */
  rateLimited: number;
  /** Send calls answered by an injected fault or the user's block. */
  injected: number;
  /** Send calls (chat actions included) that reached a chat past their parameter checks. */
  attempts: number;
  /** When the first message was delivered (epoch ms); absent before. */
  firstSentAt?: number;
  /** When the latest message was delivered (epoch ms); absent before the first. */
  lastSentAt?: number;
}

const SERVER_ERRORS: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Checks a fault given by a test or over HTTP; a `TypeError` (400) for anything else. */
export function checkFault(fault: ZaloBotSendFault): Required<ZaloBotSendFault> {
  const { status, times = 1, retryAfter = 1 } = fault ?? {};
  if (!Number.isInteger(status) || (status !== 429 && (status < 500 || status > 599)))
    throw new TypeError("status must be 429 or 500–599.");
  if (!Number.isInteger(times) || times < 1)
    throw new TypeError("times must be a whole number ≥ 1.");
  if (!Number.isInteger(retryAfter) || retryAfter < 0)
    throw new TypeError("retryAfter must be a whole number of seconds ≥ 0.");
  return { status, times, retryAfter };
}

/** A chat's injected faults and block, and every send attempt it saw. */
export class ChatFaults {
  private readonly queue: { error: () => BotApiError; left: number }[] = [];
  /** The user blocked the bot: every send answers 403. */
  blocked = false;
  readonly attempts: ZaloBotSendAttempt[] = [];

  add(fault: ZaloBotSendFault): void {
    const { status, times, retryAfter } = checkFault(fault);
    const error = () =>
      status === 429
        ? quotaExceeded(retryAfter)
        : new BotApiError(status, SERVER_ERRORS[status] ?? "Internal Server Error");
    this.queue.push({ error, left: times });
  }

  /** The error this send answers instead of being delivered, if any (spends one fault). */
  take(): BotApiError | undefined {
    if (this.blocked) return userBlockedBot();
    const next = this.queue[0];
    if (!next) return undefined;
    next.left -= 1;
    if (next.left <= 0) this.queue.shift();
    return next.error();
  }
}
