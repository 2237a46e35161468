import type { TelegramWebhookOptions } from "./options.js";
import type { UpdateQueue } from "./update-queue.js";

/** A bot's webhook and how its deliveries went. */
export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates: string[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/**
 * Pushes a bot's pending updates to its webhook one at a time, in order. An update leaves the
 * queue only when the bot answers 2xx; otherwise the error is recorded on the webhook (as
 * `getWebhookInfo` shows it) and the same update is retried after a doubling delay.
 */
export class WebhookPusher {
  private running: Promise<void> | undefined;
  private failures = 0;
  private readonly stopped = new AbortController();
  /** Ends a retry wait early: the webhook changed. */
  private interrupt: (() => void) | undefined;

  constructor(
    private readonly queue: UpdateQueue,
    private readonly options: TelegramWebhookOptions,
    private readonly webhook: () => WebhookConfig | undefined,
  ) {}

  /** Delivers what is pending, unless a delivery loop is already at it. */
  kick(): void {
    if (this.running || this.stopped.signal.aborted) return;
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** The webhook was set or removed: retry at once rather than after the current delay. */
  reset(): void {
    this.failures = 0;
    this.interrupt?.();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    this.interrupt?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    for (;;) {
      const target = this.webhook();
      const update = this.queue.first();
      if (!target || !update || this.stopped.signal.aborted) return;
      const error = await this.post(target, JSON.stringify(update));
      if (this.stopped.signal.aborted) return;
      if (error === undefined) {
        this.failures = 0;
        this.queue.confirm(update.update_id + 1);
        continue;
      }
      target.lastErrorDate = Math.floor(Date.now() / 1000);
      target.lastErrorMessage = error;
      this.failures++;
      await this.wait(this.delay());
    }
  }

  /** One delivery; the error text `getWebhookInfo` reports, or `undefined` on success. */
  private async post(target: WebhookConfig, body: string): Promise<string | undefined> {
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(target.secretToken && { "x-telegram-bot-api-secret-token": target.secretToken }),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.any([this.stopped.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      await response.body?.cancel();
      if (response.ok) return undefined;
      return `Wrong response from the webhook: ${response.status} ${response.statusText}`.trim();
    } catch (error) {
      if ((error as Error).name === "TimeoutError") return "Read timeout expired";
      const code = ((error as Error).cause as { code?: string } | undefined)?.code;
      return code === "ECONNREFUSED" ? "Connection refused" : (error as Error).message;
    }
  }

  private delay(): number {
    const { baseDelayMs, maxDelayMs } = this.options;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** (this.failures - 1));
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.interrupt = done;
    });
  }
}
