/**
 * A quota on what a bot sends. Zalo publishes no numbers for the Bot API (its terms mention
 * Free and Premium plans with different limits), so the default is an assumption.
 */
export interface ZaloBotRateLimitOptions {
  /** Send calls (`sendMessage`, `sendPhoto`, `sendSticker`, `sendChatAction`) per bot per minute. Default 60. */
  perMinutePerBot: number;
  /**
   * The same per second (a one-second window), for tests that pace a bot at a rate rather
   * than a minute's budget; 0 for none. Default 0: Zalo publishes no per-second figure.
   */
  perSecondPerBot: number;
}

/** How the emulator pushes updates to a bot's webhook. */
export interface ZaloBotEmulatorWebhookOptions {
  /** Deliveries of one update before it is dropped (the first and its retries). Default 4. */
  maxAttempts: number;
  /** Delay before the first retry; doubles per retry. Default 1000 ms. */
  baseDelayMs: number;
  /** How long the bot has to answer a delivery. Default 10 s. */
  timeoutMs: number;
  /**
   * `wrapped` posts `{ ok: true, result: update }`, as the official docs show; `unwrapped`
   * posts the bare update, as Zalo has been seen to send. Default `wrapped`.
   */
  envelope: "wrapped" | "unwrapped";
}

/** Options of the Zalo Bot API emulator (`startSandbox({ zaloBot })`). */
export interface ZaloBotEmulatorOptions {
  /** The send quota, or `false` for none (the default). */
  rateLimits: ZaloBotRateLimitOptions | false;
  webhook: ZaloBotEmulatorWebhookOptions;
  /** `account_name` every emulated bot reports from `getMe`. Default `bot.vnegov_sandbox`. */
  accountName: string;
  /** Largest request. Default 1 MiB. */
  maxRequestBytes: number;
}

/** What `startSandbox({ zaloBot })` takes: any field, with the rest defaulted. */
export interface ZaloBotEmulatorInit {
  rateLimits?: Partial<ZaloBotRateLimitOptions> | false;
  webhook?: Partial<ZaloBotEmulatorWebhookOptions>;
  accountName?: string;
  maxRequestBytes?: number;
}

/** The quota `rateLimits: {}` or `setRateLimits({})` turns on. */
export const DEFAULT_ZALO_BOT_RATE_LIMITS: ZaloBotRateLimitOptions = {
  perMinutePerBot: 60,
  perSecondPerBot: 0,
};

/** The emulator's options: `init` with every missing field defaulted. */
export function zaloBotOptions(init: ZaloBotEmulatorInit = {}): ZaloBotEmulatorOptions {
  return {
    rateLimits:
      init.rateLimits === undefined || init.rateLimits === false
        ? false
        : { ...DEFAULT_ZALO_BOT_RATE_LIMITS, ...init.rateLimits },
    webhook: {
      maxAttempts: 4,
      baseDelayMs: 1000,
      timeoutMs: 10_000,
      envelope: "wrapped",
      ...init.webhook,
    },
    accountName: init.accountName ?? "bot.vnegov_sandbox",
    maxRequestBytes: init.maxRequestBytes ?? 1024 * 1024,
  };
}
