import Bottleneck from "bottleneck";

/**
 * What the SDK needs from a rate limiter. Bottleneck is wrapped rather than exposed: it is
 * unmaintained, and its `expiration` option leaks capacity, so we never use that.
 */
export interface RateLimiter {
  /** Runs `job` when the limits allow. */
  schedule<T>(job: () => Promise<T>): Promise<T>;
  /** Holds every queued and future job for `ms` (a 429 applies to the whole client, not one call). */
  pause(ms: number): void;
  /** Stops accepting jobs and releases connections (Redis). */
  disconnect(): Promise<void>;
}

export interface LimiterOptions {
  /** Requests in flight at once. Default 10. */
  maxConcurrent?: number;
  /** Requests per second; unlimited when absent. */
  requestsPerSecond?: number;
  /**
   * Share one limit across processes through Redis (Bottleneck clustering). All clients with
   * the same `id` share the limit.
   */
  redis?: { id: string; url?: string; client?: unknown };
}

/** Bottleneck-backed {@link RateLimiter}. */
export class BottleneckLimiter implements RateLimiter {
  private readonly bottleneck: Bottleneck;
  private resumeAt = 0;

  constructor(options: LimiterOptions = {}) {
    const rate = options.requestsPerSecond;
    const settings: Bottleneck.ConstructorOptions = {
      maxConcurrent: options.maxConcurrent ?? 10,
      // Even spacing, not a refilled reservoir: a reservoir refills in fixed windows and lets
      // twice the rate through around a window's edge. Bottleneck spaces a cluster's jobs too.
      // Strictly more than 1000/rate apart, so no one-second window ever holds rate + 1 starts.
      ...(rate ? { minTime: Math.floor(1000 / rate) + 1 } : {}),
    };
    if (options.redis) {
      Object.assign(settings, {
        id: options.redis.id,
        datastore: "ioredis",
        clearDatastore: false,
        clientOptions: options.redis.url,
        ...(options.redis.client ? { connection: options.redis.client } : {}),
      });
    }
    this.bottleneck = new Bottleneck(settings);
  }

  schedule<T>(job: () => Promise<T>): Promise<T> {
    return this.bottleneck.schedule(async () => {
      const wait = this.resumeAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return job();
    });
  }

  pause(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
  }

  async disconnect(): Promise<void> {
    await this.bottleneck.disconnect(true);
  }
}
