import type { Logger } from "pino";
import type { World } from "../world.js";
import { signPayload } from "./signature.js";

/** Retry and timing settings of webhook delivery. */
export interface DeliveryOptions {
  /** First retry delay; doubles per attempt, with jitter. Default 1000 ms. */
  baseDelayMs: number;
  /** Cap of one retry delay. Default 1 h. */
  maxDelayMs: number;
  /** Attempts before a delivery is marked failed. Default 8. */
  maxAttempts: number;
  /** How long a receiver has to answer. Default 10 s. */
  timeoutMs: number;
  /** How often due deliveries and due-soon tasks are looked for. Default 500 ms. */
  pollIntervalMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  baseDelayMs: 1000,
  maxDelayMs: 3_600_000,
  maxAttempts: 8,
  timeoutMs: 10_000,
  pollIntervalMs: 500,
};

interface DueDelivery {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  event_type: string;
  payload: string;
}

/**
 * Delivers queued webhook deliveries: signs each body, POSTs it, and on failure retries
 * with exponential backoff and jitter. Rows are leased before sending, so two servers on
 * one database file do not send the same delivery at once.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly world: World,
    private readonly options: DeliveryOptions,
    private readonly log: Logger,
    private readonly beforeTick: () => void = () => {},
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.pollIntervalMs);
    this.timer.unref();
  }

  /** Runs a pass now (or right after the current one). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.again = false;
    await this.running;
  }

  private async pass(): Promise<void> {
    try {
      this.beforeTick();
      for (;;) {
        const batch = this.lease();
        if (batch.length === 0) return;
        await Promise.all(batch.map((d) => this.deliver(d)));
      }
    } catch (error) {
      this.log.error({ err: error }, "webhook dispatch pass failed");
    }
  }

  private lease(): DueDelivery[] {
    const { db } = this.world;
    return db.transaction(() => {
      const now = Date.now();
      const due = db
        .prepare(
          `SELECT d.id, d.attempts, w.url, w.secret, e.id AS event_id, e.type AS event_type, e.payload
           FROM webhook_deliveries d
           JOIN webhooks w ON w.id = d.webhook_id
           JOIN events e ON e.id = d.event_id
           WHERE d.status = 'pending' AND d.next_attempt_at <= ?
           ORDER BY d.next_attempt_at LIMIT 20`,
        )
        .all(now) as DueDelivery[];
      const lease = db.prepare("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?");
      for (const d of due) lease.run(now + this.options.timeoutMs + 5_000, d.id);
      return due;
    })();
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "vnegov-sandbox-webhooks/1",
          "vnegov-event-id": delivery.event_id,
          "vnegov-event-type": delivery.event_type,
          "vnegov-signature": signPayload(delivery.secret, delivery.payload, timestamp),
        },
        body: delivery.payload,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: "manual",
      });
      status = response.status;
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (e) {
      error = (e as Error).name === "TimeoutError" ? "timeout" : (e as Error).message;
    }
    this.record(delivery, status, error);
  }

  private record(delivery: DueDelivery, status: number | null, error: string | null): void {
    const { db } = this.world;
    const attempts = delivery.attempts + 1;
    const now = Date.now();
    if (error === null) {
      db.prepare(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, last_status = ?,
         last_error = NULL, delivered_at = ? WHERE id = ?`,
      ).run(attempts, status, now, delivery.id);
      return;
    }
    const failed = attempts >= this.options.maxAttempts;
    const next = now + this.backoff(attempts);
    db.prepare(
      `UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status = ?, last_error = ?,
       next_attempt_at = ? WHERE id = ?`,
    ).run(failed ? "failed" : "pending", attempts, status, error, next, delivery.id);
    this.log.warn(
      { delivery: delivery.id, event: delivery.event_id, attempts, error, gaveUp: failed },
      "webhook delivery failed",
    );
  }

  /** Doubling delay with ±20 % jitter, so retries of many hooks spread out. */
  private backoff(attempts: number): number {
    const base = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempts - 1));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }
}
