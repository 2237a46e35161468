import { setTimeout as sleep } from "node:timers/promises";
import { type Telegram, TelegramError, type Types } from "telegraf";
import type { Update } from "telegraf/types";

/** How long one `getUpdates` may wait for updates at Telegram. */
const LONG_POLL_SECONDS = 50;
/** Pause after a failed poll when Telegram gives no `retry_after`. */
const RETRY_SECONDS = 5;

/**
 * Long polling that can be stopped at any moment: `stop()` ends the waiting request, lets
 * the updates in hand finish, and confirms them to Telegram so a restart does not see them
 * again. (telegraf's `launch()` cannot be stopped until its polling has begun.)
 */
export class Poller {
  private readonly aborted = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly telegram: Telegram,
    private readonly allowedUpdates: readonly Types.UpdateType[],
    private readonly handle: (update: Update) => Promise<void>,
    /** Called when polling cannot go on: a bad token, or another instance polling (409). */
    private readonly onFatal: (error: unknown) => void,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.aborted.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { signal } = this.aborted;
    // telegraf types the signal as its abort-controller polyfill's; node-fetch takes Node's.
    const call = { signal } as unknown as Parameters<Telegram["callApi"]>[2];
    let offset = 0;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await this.telegram.callApi(
          "getUpdates",
          { offset, timeout: LONG_POLL_SECONDS, allowed_updates: this.allowedUpdates },
          call,
        );
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof TelegramError && (error.code === 401 || error.code === 409)) {
          this.onFatal(error);
          return;
        }
        const retryAfter =
          error instanceof TelegramError ? error.parameters?.retry_after : undefined;
        await sleep((retryAfter ?? RETRY_SECONDS) * 1000, undefined, { signal }).catch(() => {});
        continue;
      }
      const last = updates.at(-1);
      if (last) offset = last.update_id + 1;
      await Promise.all(updates.map(this.handle));
    }
    await this.telegram.callApi("getUpdates", { offset, limit: 1, timeout: 0 }).catch(() => {});
  }
}
