import { conflict } from "./errors.js";
import type { Update } from "./types.js";

interface Waiter {
  wake(): void;
  fail(error: Error): void;
}

/**
 * A bot's pending updates. An update stays until confirmed: by a `getUpdates` offset above
 * its id, or by a successful webhook delivery. One long poll may wait at a time; a second one
 * ends the first with 409, as on Telegram.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private lastId = 0;
  private waiter: Waiter | undefined;
  /** Update kinds the bot asked for (`allowed_updates`); empty means all. */
  allowed: string[] = [];

  constructor(private readonly onPush: () => void) {}

  /** Queues an update; `undefined` when the bot does not take this kind. */
  push(body: Omit<Update, "update_id">): Update | undefined {
    const kind = Object.keys(body)[0] ?? "";
    if (this.allowed.length > 0 && !this.allowed.includes(kind)) return undefined;
    const update = { update_id: ++this.lastId, ...body } as Update;
    this.pending.push(update);
    this.waiter?.wake();
    this.onPush();
    return update;
  }

  get size(): number {
    return this.pending.length;
  }

  first(): Update | undefined {
    return this.pending[0];
  }

  /** Forgets updates below `offset`; a negative offset keeps only the last `-offset`. */
  confirm(offset: number): void {
    this.pending =
      offset < 0 ? this.pending.slice(offset) : this.pending.filter((u) => u.update_id >= offset);
  }

  clear(): void {
    this.pending = [];
  }

  /** Waits up to `timeoutMs` for an update unless one is pending, then returns up to `limit`. */
  async poll(limit: number, timeoutMs: number, signal: AbortSignal): Promise<Update[]> {
    if (this.pending.length === 0 && timeoutMs > 0 && !signal.aborted) {
      this.waiter?.fail(
        conflict(
          "terminated by other getUpdates request; make sure that only one bot instance is running",
        ),
      );
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", waiter.wake);
          if (this.waiter === waiter) this.waiter = undefined;
        };
        const waiter: Waiter = {
          wake: () => {
            done();
            resolve();
          },
          fail: (error) => {
            done();
            reject(error);
          },
        };
        const timer = setTimeout(waiter.wake, timeoutMs);
        timer.unref();
        signal.addEventListener("abort", waiter.wake);
        this.waiter = waiter;
      });
    }
    return this.pending.slice(0, limit);
  }

  /** Ends a waiting long poll with `error` (a webhook was set) or with nothing (shutdown). */
  release(error?: Error): void {
    if (error) this.waiter?.fail(error);
    else this.waiter?.wake();
  }
}
