import type { Update } from "./types.js";

interface Waiter {
  give(update: Update | undefined): void;
  fail(error: Error): void;
}

/**
 * A bot's pending updates. `getUpdates` takes one at a time, and an update taken is gone
 * (there is no offset to confirm it). Long polls wait in arrival order; a new update goes to
 * the longest-waiting one. A webhook takes updates off the front once delivered.
 */
export class ZaloUpdateQueue {
  private pending: Update[] = [];
  private readonly waiters: Waiter[] = [];

  constructor(private readonly onPush: () => void) {}

  push(update: Update): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.give(update);
    else {
      this.pending.push(update);
      this.onPush();
    }
  }

  get size(): number {
    return this.pending.length;
  }

  first(): Update | undefined {
    return this.pending[0];
  }

  /** Drops an update (delivered, or given up on). */
  remove(update: Update): void {
    const at = this.pending.indexOf(update);
    if (at >= 0) this.pending.splice(at, 1);
  }

  /** The next update, waiting up to `timeoutMs`; `undefined` when none came or the poll was dropped. */
  poll(timeoutMs: number, signal: AbortSignal): Promise<Update | undefined> {
    const ready = this.pending.shift();
    if (ready || timeoutMs <= 0 || signal.aborted) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", abandon);
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
      };
      const waiter: Waiter = {
        give: (update) => {
          done();
          resolve(update);
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      // The client went away: leave the queue, so no update is handed to nobody.
      const abandon = () => waiter.give(undefined);
      const timer = setTimeout(abandon, timeoutMs);
      timer.unref();
      signal.addEventListener("abort", abandon);
      this.waiters.push(waiter);
    });
  }

  /** Ends every waiting poll with `error` (a webhook was set) or with nothing (shutdown). */
  release(error?: Error): void {
    for (const waiter of [...this.waiters]) {
      if (error) waiter.fail(error);
      else waiter.give(undefined);
    }
  }
}
