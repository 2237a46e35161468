/**
 * One webhook POST as the platforms make it: a JSON body, redirects not followed, the answer's
 * body discarded. Rejects on a network error, with a `TimeoutError` after `timeoutMs`, and when
 * `signal` aborts.
 */
export async function postWebhook(
  url: string,
  init: { body: string; headers: Record<string, string>; timeoutMs: number; signal: AbortSignal },
): Promise<Response> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body,
    redirect: "manual",
    signal: AbortSignal.any([init.signal, AbortSignal.timeout(init.timeoutMs)]),
  });
  await response.body?.cancel();
  return response;
}

/** How often and how fast a failed delivery is tried again. */
export interface WebhookRetryOptions {
  /** Delay before the first retry; doubles per failure. */
  baseDelayMs: number;
  /** Cap of one delay; none when absent. */
  maxDelayMs?: number;
  /** Deliveries of one item (the first and its retries) before it is given up; absent: no end. */
  maxAttempts?: number;
  /** How long the receiver has to answer a delivery. */
  timeoutMs: number;
}

/** A failed delivery, as a platform records it. */
export interface WebhookFailure<Target, Item> {
  target: Target;
  item: Item;
  /** e.g. `Connection refused`, or what `wrongResponse` made of a non-2xx answer. */
  error: string;
  /** Failed deliveries of this item to this webhook so far, this one included. */
  attempts: number;
  /** This was the last attempt: the item leaves the queue. */
  gaveUp: boolean;
}

/** What the pusher delivers from: a bot with its webhook and its queue. */
export interface WebhookSource<Target extends { url: string }, Item> {
  /** The webhook now; `undefined` while none is set, which pauses deliveries. */
  readonly webhook: Target | undefined;
  /** Its queue: `first()` is the oldest item not yet delivered. */
  readonly updates: { first(): Item | undefined };
}

/** How a platform delivers: what it sends, and what becomes of an item after a try. */
export interface WebhookChannel<Target extends { url: string }, Item> {
  /** Takes `item` off the queue: delivered, or given up. */
  remove(item: Item): void;
  /** The JSON payload of a delivery and the platform's own headers. */
  request(target: Target, item: Item): { payload: unknown; headers: Record<string, string> };
  /** The error text for a non-2xx answer, in the platform's words. */
  wrongResponse(response: Response): string;
  /** Records a failed delivery. */
  failed(failure: WebhookFailure<Target, Item>): void;
}

/**
 * Pushes a queue to a webhook one item at a time, in order. An item leaves the queue when the
 * receiver answers 2xx; otherwise it is tried again after a doubling delay, until
 * `maxAttempts` (if any) gives it up. A new webhook starts over with fresh attempts.
 */
export class WebhookPusher<Target extends { url: string }, Item> {
  private running: Promise<void> | undefined;
  private readonly stopped = new AbortController();
  /** Ends a retry wait early: the webhook changed. */
  private interrupt: (() => void) | undefined;

  constructor(
    private readonly source: WebhookSource<Target, Item>,
    private readonly channel: WebhookChannel<Target, Item>,
    private readonly options: WebhookRetryOptions,
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
    let lastTarget: Target | undefined;
    for (;;) {
      const target = this.source.webhook;
      const item = this.source.updates.first();
      if (!target || item === undefined || this.stopped.signal.aborted) return;
      if (target !== lastTarget) {
        attempts = 0;
        lastTarget = target;
      }
      const error = await this.post(target, item);
      if (this.stopped.signal.aborted) return;
      if (error === undefined) {
        attempts = 0;
        this.channel.remove(item);
        continue;
      }
      // The webhook changed meanwhile: the item goes to the new one, with fresh attempts.
      if (this.source.webhook !== target) continue;
      attempts++;
      const gaveUp = attempts >= (this.options.maxAttempts ?? Number.POSITIVE_INFINITY);
      this.channel.failed({ target, item, error, attempts, gaveUp });
      if (gaveUp) {
        attempts = 0;
        this.channel.remove(item);
        continue;
      }
      const { baseDelayMs, maxDelayMs = Number.POSITIVE_INFINITY } = this.options;
      await this.wait(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1)));
    }
  }

  /** One delivery; the error text, or `undefined` on a 2xx. */
  private async post(target: Target, item: Item): Promise<string | undefined> {
    const { payload, headers } = this.channel.request(target, item);
    try {
      const response = await postWebhook(target.url, {
        body: JSON.stringify(payload),
        headers,
        timeoutMs: this.options.timeoutMs,
        signal: this.stopped.signal,
      });
      return response.ok ? undefined : this.channel.wrongResponse(response);
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
