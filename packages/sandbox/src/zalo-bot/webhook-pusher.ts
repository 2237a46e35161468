import type { ZaloBotEmulatorWebhookOptions } from "./options.js";
import type { ZaloUpdateQueue } from "./update-queue.js";

/** A bot's webhook. */
export interface ZaloWebhookConfig {
  url: string;
  secretToken: string;
}

/** The last delivery that failed for good, for tests and the control routes. */
export interface ZaloWebhookFailure {
  /** Epoch milliseconds. */
  date: number;
  /** e.g. `Wrong response from the webhook: 500` or `Connection refused`. */
  message: string;
  attempts: number;
}

/**
 * Pushes a bot's pending updates to its webhook one at a time, in order, with
 * `X-Bot-Api-Secret-Token`. A non-2xx answer or a network error is retried after a doubling
 * delay, up to `maxAttempts` deliveries; then the update is dropped and the failure recorded.
 */
export class ZaloWebhookPusher {
  private running: Promise<void> | undefined;
  private readonly stopped = new AbortController();
  /** Ends a retry wait early: the webhook changed. */
  private interrupt: (() => void) | undefined;
  lastFailure: ZaloWebhookFailure | undefined;

  constructor(
    private readonly queue: ZaloUpdateQueue,
    private readonly options: ZaloBotEmulatorWebhookOptions,
    private readonly webhook: () => ZaloWebhookConfig | undefined,
  ) {}

  /** Delivers what is pending, unless a delivery loop is already at it. */
  kick(): void {
    if (this.running || this.stopped.signal.aborted) return;
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** The webhook was set or removed: start over at once. */
  reset(): void {
    this.interrupt?.();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    this.interrupt?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    let attempts = 0;
    let lastTarget: ZaloWebhookConfig | undefined;
    for (;;) {
      const target = this.webhook();
      const update = this.queue.first();
      if (!target || !update || this.stopped.signal.aborted) return;
      if (target !== lastTarget) {
        attempts = 0;
        lastTarget = target;
      }
      const body = this.options.envelope === "wrapped" ? { ok: true, result: update } : update;
      const error = await this.post(target, JSON.stringify(body));
      if (this.stopped.signal.aborted) return;
      if (error === undefined) {
        attempts = 0;
        this.queue.remove(update);
        continue;
      }
      // The webhook changed meanwhile: the update goes to the new one, with fresh attempts.
      if (this.webhook() !== target) continue;
      attempts++;
      if (attempts >= this.options.maxAttempts) {
        this.lastFailure = { date: Date.now(), message: error, attempts };
        attempts = 0;
        this.queue.remove(update);
        continue;
      }
      await this.wait(this.options.baseDelayMs * 2 ** (attempts - 1));
    }
  }

  /** One delivery; the error, or `undefined` on a 2xx. */
  private async post(target: ZaloWebhookConfig, body: string): Promise<string | undefined> {
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-bot-api-secret-token": target.secretToken,
        },
        body,
        redirect: "manual",
        signal: AbortSignal.any([this.stopped.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      await response.body?.cancel();
      if (response.ok) return undefined;
      return `Wrong response from the webhook: ${response.status}`;
    } catch (error) {
      if ((error as Error).name === "TimeoutError") return "Read timeout expired";
      const code = ((error as Error).cause as { code?: string } | undefined)?.code;
      return code === "ECONNREFUSED" ? "Connection refused" : (error as Error).message;
    }
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
