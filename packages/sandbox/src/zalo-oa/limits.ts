import { outOfQuota, perMinuteLimit } from "./errors.js";
import type { ZaloOaEmulatorLimits } from "./options.js";

/** The day in Việt Nam (UTC+7), when ZNS daily quotas reset. */
const vietnamDay = (at: number) => new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);

/** Per-minute calls, proactive message quota and ZNS daily quota of the OA. */
export class OaLimits {
  private limits: ZaloOaEmulatorLimits;
  private readonly calls: number[] = [];
  private znsDay = "";
  private znsSent = 0;

  constructor(limits: ZaloOaEmulatorLimits) {
    this.limits = { ...limits };
  }

  /** Changes the given limits; `null` lifts one. A new `perMinute` starts a fresh minute. */
  set(limits: Partial<ZaloOaEmulatorLimits>): void {
    this.limits = { ...this.limits, ...limits };
    if (limits.perMinute !== undefined) this.calls.length = 0;
  }

  get current(): ZaloOaEmulatorLimits {
    return { ...this.limits };
  }

  /** Counts one API call; -32 past the per-minute limit. */
  call(): void {
    const now = Date.now();
    while ((this.calls[0] ?? now) <= now - 60_000) this.calls.shift();
    if (this.limits.perMinute !== null && this.calls.length >= this.limits.perMinute)
      throw perMinuteLimit();
    this.calls.push(now);
  }

  /** Spends one proactive message; -211 when none is left. */
  spendQuota(): void {
    if (this.limits.quota === null) return;
    if (this.limits.quota <= 0) throw outOfQuota();
    this.limits.quota -= 1;
  }

  /** Spends one ZNS of today's quota; -211 when none is left. */
  spendZns(): { dailyQuota: number; remainingQuota: number } {
    const today = vietnamDay(Date.now());
    if (today !== this.znsDay) {
      this.znsDay = today;
      this.znsSent = 0;
    }
    const daily = this.limits.znsDailyQuota;
    if (daily === null) return { dailyQuota: -1, remainingQuota: -1 };
    if (this.znsSent >= daily) throw outOfQuota();
    this.znsSent += 1;
    return { dailyQuota: daily, remainingQuota: daily - this.znsSent };
  }
}
