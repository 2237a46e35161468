import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BottleneckLimiter } from "../src/index.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
});
afterAll(async () => {
  redis.disconnect();
});

/** Runs `count` jobs through `limiter`, returning each job's start time. */
async function starts(limiter: BottleneckLimiter, count: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: count }, () =>
      limiter.schedule(async () => {
        times.push(Date.now());
      }),
    ),
  );
  return times;
}

/** The most starts within any window of `windowMs` (a second unless told). */
function peakPerSecond(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] as number) - (sorted[i] as number) >= windowMs) i++;
    peak = Math.max(peak, j - i + 1);
  }
  return peak;
}

describe("BottleneckLimiter", () => {
  it("keeps one client to its rate", async () => {
    const limiter = new BottleneckLimiter({ requestsPerSecond: 5 });
    const times = await starts(limiter, 12);
    expect(peakPerSecond(times)).toBeLessThanOrEqual(5);
    await limiter.disconnect();
  });

  it("shares one limit between two clients through Redis", async () => {
    const id = `vnegov-test-${randomUUID()}`;
    const a = new BottleneckLimiter({ requestsPerSecond: 4, redis: { id, url: REDIS_URL } });
    const b = new BottleneckLimiter({ requestsPerSecond: 4, redis: { id, url: REDIS_URL } });
    const [ta, tb] = await Promise.all([starts(a, 6), starts(b, 6)]);
    const all = [...ta, ...tb];
    expect(all).toHaveLength(12);
    // Alone, each would run 4 per second; together they must still not exceed 4. Redis grants
    // the slots and each process then runs its job a round trip later, so the measured starts
    // jitter: check the span of all 12 and a slightly shorter window, not an exact second.
    const span = Math.max(...all) - Math.min(...all);
    expect(span).toBeGreaterThanOrEqual(11 * 250 - 150);
    expect(peakPerSecond(all, 800)).toBeLessThanOrEqual(4);
    await a.disconnect();
    await b.disconnect();
    await redis.del(...(await redis.keys(`b_${id}*`)));
  }, 20_000);

  it("holds every job while paused after a 429", async () => {
    const limiter = new BottleneckLimiter();
    limiter.pause(300);
    const started = Date.now();
    const [first] = await starts(limiter, 3);
    expect((first as number) - started).toBeGreaterThanOrEqual(290);
    await limiter.disconnect();
  });
});
