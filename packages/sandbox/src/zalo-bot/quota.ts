import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { quotaExceeded } from "./errors.js";
import type { ZaloBotRateLimitOptions } from "./options.js";

/**
 * The per-bot send quota: per minute, and per second when set. Past either a send answers
 * 429 `Quota exceeded` with `Retry-After`. A refused send still counts, as it does against
 * most platforms' windows.
 */
export class ZaloSendQuota {
  private readonly perMinute: RateLimiterMemory;
  private readonly perSecond: RateLimiterMemory | undefined;

  constructor(options: ZaloBotRateLimitOptions) {
    this.perMinute = new RateLimiterMemory({
      keyPrefix: "zalo-bot",
      points: options.perMinutePerBot,
      duration: 60,
    });
    this.perSecond =
      options.perSecondPerBot > 0
        ? new RateLimiterMemory({
            keyPrefix: "zalo-bot-second",
            points: options.perSecondPerBot,
            duration: 1,
          })
        : undefined;
  }

  /** Counts one send of `botId`; throws the 429 past the quota. */
  async consume(botId: string): Promise<void> {
    try {
      await this.perSecond?.consume(botId);
      await this.perMinute.consume(botId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw quotaExceeded(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
  }
}
