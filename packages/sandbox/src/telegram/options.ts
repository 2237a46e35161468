/** Telegram's flood limits on what a bot sends; past them a method answers 429. */
export interface TelegramRateLimitOptions {
  /** Messages a bot may send to one chat per second. Default 1. */
  perChatPerSecond: number;
  /** Messages one chat may take above that rate per 10 s, so short bursts pass. Default 3. */
  perChatBurst: number;
  /** Messages a bot may send per second over all chats. Default 30. */
  globalPerSecond: number;
  /** Messages a bot may send to one group per minute; 0 for no group limit. Default 20. */
  groupPerMinute: number;
}

/** How the emulator pushes updates to a bot's webhook. */
export interface TelegramWebhookOptions {
  /** First retry delay after a failed delivery; doubles per failure. Default 1000 ms. */
  baseDelayMs: number;
  /** Cap of one retry delay. Default 60 s. */
  maxDelayMs: number;
  /** How long the bot has to answer a delivery. Default 10 s. */
  timeoutMs: number;
}

/** Options of the Telegram Bot API emulator (`startSandbox({ telegram })`). */
export interface TelegramEmulatorOptions {
  /** Flood limits, or `false` to send without limits (benchmarks, most tests). */
  rateLimits: TelegramRateLimitOptions | false;
  webhook: TelegramWebhookOptions;
  /** Username every emulated bot reports from `getMe`. Default `vnegov_sandbox_bot`. */
  botUsername: string;
  /** Largest request (uploads included); Telegram's limit for bots is 50 MB. */
  maxRequestBytes: number;
}

/** What `startSandbox({ telegram })` takes: any field, with the rest defaulted. */
export interface TelegramEmulatorInit {
  rateLimits?: Partial<TelegramRateLimitOptions> | false;
  webhook?: Partial<TelegramWebhookOptions>;
  botUsername?: string;
  maxRequestBytes?: number;
}

export const DEFAULT_TELEGRAM_RATE_LIMITS: TelegramRateLimitOptions = {
  perChatPerSecond: 1,
  perChatBurst: 3,
  globalPerSecond: 30,
  groupPerMinute: 20,
};

export function telegramOptions(init: TelegramEmulatorInit = {}): TelegramEmulatorOptions {
  return {
    rateLimits:
      init.rateLimits === false ? false : { ...DEFAULT_TELEGRAM_RATE_LIMITS, ...init.rateLimits },
    webhook: { baseDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 10_000, ...init.webhook },
    botUsername: init.botUsername ?? "vnegov_sandbox_bot",
    maxRequestBytes: init.maxRequestBytes ?? 50 * 1024 * 1024,
  };
}
