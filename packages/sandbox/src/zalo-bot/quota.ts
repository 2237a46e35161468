import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { quotaExceeded } from "./errors.js";
import type { ZaloBotRateLimitOptions } from "./options.js";

/** The per-bot send quota; past it a send answers 429 `Quota exceeded` with `Retry-After`. */
export class ZaloSendQuota {
  private readonly perBot: RateLimiterMemory;

  constructor(options: ZaloBotRateLimitOptions) {
    this.perBot = new RateLimiterMemory({
      keyPrefix: "zalo-bot",
      points: options.perMinutePerBot,
      duration: 60,
    });
  }

  /** Counts one send of `botId`; throws the 429 past the quota. */
  async consume(botId: string): Promise<void> {
    try {
      await this.perBot.consume(botId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw quotaExceeded(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
  }
}
