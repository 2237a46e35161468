import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Principal } from "../world.js";
import { tooManyRequests } from "./problem.js";

export interface RateLimitOptions {
  /** Requests per second per client, unless the client has its own. Default 100. */
  requestsPerSecond: number;
  /** Wrong verification secrets / link codes per client per minute. Default 10. */
  failedGuessesPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  requestsPerSecond: 100,
  failedGuessesPerMinute: 10,
};

const retryAfterOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Per-client request limits (429 + Retry-After) and a limit on guessing secrets. */
export class RateLimits {
  private readonly byRate = new Map<number, RateLimiterMemory>();
  private readonly guesses: RateLimiterMemory;

  constructor(private readonly options: RateLimitOptions) {
    this.guesses = new RateLimiterMemory({ points: options.failedGuessesPerMinute, duration: 60 });
  }

  async consume(principal: Principal): Promise<void> {
    const rate = principal.rateLimitPerSec ?? this.options.requestsPerSecond;
    let limiter = this.byRate.get(rate);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points: rate, duration: 1 });
      this.byRate.set(rate, limiter);
    }
    try {
      await limiter.consume(principal.clientId);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyRequests(retryAfterOf(error));
      throw error;
    }
  }

  /** Refuses further guesses once a client has used up its failures for the window. */
  async checkGuesses(principal: Principal): Promise<void> {
    const res = await this.guesses.get(principal.clientId);
    if (res && res.consumedPoints >= this.options.failedGuessesPerMinute) {
      throw tooManyRequests(
        retryAfterOf(res),
        "Too many wrong codes or secrets; wait before trying again.",
      );
    }
  }

  recordFailedGuess(principal: Principal): void {
    this.guesses.penalty(principal.clientId, 1).catch(() => {});
  }
}
