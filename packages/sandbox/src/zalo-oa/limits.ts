import { outOfQuota, perMinuteLimit, perSecondLimit } from "./errors.js";
import type { ZaloOaEmulatorLimits } from "./options.js";

/** The day in Việt Nam (UTC+7), when ZNS daily quotas reset. */
const vietnamDay = (at: number) => new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);

/** Calls per minute and per second, proactive message quota and ZNS daily quota of the OA. */
export class OaLimits {
  private limits: ZaloOaEmulatorLimits;
  /** Calls of the last minute and of the last second (sliding windows), oldest first. */
  private readonly calls: number[] = [];
  private readonly recent: number[] = [];
  private znsDay = "";
  private znsSent = 0;

  constructor(limits: ZaloOaEmulatorLimits) {
    this.limits = { ...limits };
  }

  /**
   * Changes the given limits; `null` lifts one. A new `perMinute` (`perSecond`) starts a fresh
   * minute (second).
   */
  set(limits: Partial<ZaloOaEmulatorLimits>): void {
    this.limits = { ...this.limits, ...limits };
    if (limits.perMinute !== undefined) this.calls.length = 0;
    if (limits.perSecond !== undefined) this.recent.length = 0;
  }

  get current(): ZaloOaEmulatorLimits {
    return { ...this.limits };
  }

  /**
   * Counts one API call; -32 past the per-second or the per-minute limit (sliding windows; a
   * refused call is not counted).
   */
  call(): void {
    const now = Date.now();
    while ((this.calls[0] ?? now) <= now - 60_000) this.calls.shift();
    while ((this.recent[0] ?? now) <= now - 1000) this.recent.shift();
    if (this.limits.perSecond !== null && this.recent.length >= this.limits.perSecond)
      throw perSecondLimit();
    if (this.limits.perMinute !== null && this.calls.length >= this.limits.perMinute)
      throw perMinuteLimit();
    this.calls.push(now);
    this.recent.push(now);
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
