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
  /**
   * Requests in flight at once. Default 10. `null`: no cap here, for callers that bound
   * concurrency themselves; with `redis` that also keeps a process that dies with jobs running
   * from holding the cluster's shared slots until Bottleneck's client timeout.
   */
  maxConcurrent?: number | null;
  /** Requests per second; unlimited when absent. */
  requestsPerSecond?: number;
  /**
   * Share one limit across processes through Redis (Bottleneck clustering). All clients with
   * the same `id` share the limit.
   */
  redis?: {
    id: string;
    url?: string;
    /**
     * An ioredis client whose connection settings to use instead of `url`. Bottleneck opens
     * its own two connections with them (it subscribes, and must not close the caller's client).
     */
    client?: { options: object };
  };
}

/** Waits until `resumeAt` (epoch ms) has passed. */
async function waitUntil(resumeAt: number): Promise<void> {
  const wait = resumeAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * The limiter for the options: Bottleneck when a rate or a Redis cluster is asked for, else a
 * plain concurrency cap. Bottleneck's timer-driven queue costs ~5 ms per call even when idle,
 * which a counter does not; with a rate set, spacing dominates and that cost disappears.
 */
export function createLimiter(options: LimiterOptions = {}): RateLimiter {
  return options.requestsPerSecond !== undefined || options.redis
    ? new BottleneckLimiter(options)
    : new ConcurrencyLimiter(
        options.maxConcurrent === null ? Infinity : (options.maxConcurrent ?? 10),
      );
}

/** At most `max` jobs at once, in arrival order. */
export class ConcurrencyLimiter implements RateLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private resumeAt = 0;

  constructor(private readonly max: number) {}

  async schedule<T>(job: () => Promise<T>): Promise<T> {
    if (this.active < this.max) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      await waitUntil(this.resumeAt);
      return await job();
    } finally {
      // Hand the slot straight to the next waiter, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  pause(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
  }

  async disconnect(): Promise<void> {}
}

/** Bottleneck-backed {@link RateLimiter}. */
export class BottleneckLimiter implements RateLimiter {
  private readonly bottleneck: Bottleneck;
  private resumeAt = 0;

  constructor(options: LimiterOptions = {}) {
    const rate = options.requestsPerSecond;
    const settings: Bottleneck.ConstructorOptions = {
      maxConcurrent: options.maxConcurrent === undefined ? 10 : options.maxConcurrent,
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
        clientOptions: options.redis.url ?? options.redis.client?.options,
      });
    }
    this.bottleneck = new Bottleneck(settings);
  }

  schedule<T>(job: () => Promise<T>): Promise<T> {
    return this.bottleneck.schedule(async () => {
      await waitUntil(this.resumeAt);
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
