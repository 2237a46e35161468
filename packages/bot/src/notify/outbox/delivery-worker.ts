import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { BottleneckLimiter, type RateLimiter } from "@vnegov/sdk";
import type { Logger } from "pino";
import type { ChannelSender } from "../../channels/sender.js";
import type { ChannelName } from "../../engine/messages.js";
import type { SubscriptionStore } from "../../subscriptions/store.js";
import { classifySendError, type SendFailure } from "./classify.js";
import { type ChannelLimits, chatIntervalOf, limitsFor } from "./limits.js";
import { type MetricFamily, renderPrometheus } from "./prometheus.js";
import type { ClaimedDelivery, SqliteOutbox } from "./sqlite-outbox.js";

export interface DeliveryWorkerOptions {
  outbox: SqliteOutbox;
  /** One sender per channel to deliver on; rows of other channels stay queued. */
  senders: readonly ChannelSender[];
  /** Where a chat that blocked the bot loses its subscriptions (`removeAll`). */
  subscriptions?: SubscriptionStore;
  /** Per-channel overrides of the platform ceilings (`TELEGRAM_LIMITS`…). */
  limits?: Partial<Record<ChannelName, Partial<ChannelLimits>>>;
  /**
   * A channel's overall limiter, e.g. a Redis-clustered `BottleneckLimiter` shared by several
   * processes. Default: a local `BottleneckLimiter` at `perSecond × headroom`.
   */
  limiters?: Partial<Record<ChannelName, RateLimiter>>;
  /** How long a claim holds without renewal; renewed every third of it. Default 15 s. */
  leaseMs?: number;
  /** Longest sleep before looking for due rows again (other processes enqueue). Default 250 ms. */
  pollIntervalMs?: number;
  /** Attempts before a row is `failed` (5xx, network, a worker dying mid-send). Default 8. */
  maxAttempts?: number;
  /** Retry delays: `baseMs × 2^(attempt-1)`, at most `maxMs`, ±`jitter`. Default 1 s, 5 min, 0.2. */
  backoff?: { baseMs?: number; maxMs?: number; jitter?: number };
  /** Overrides the error classification (see `classifySendError`). */
  classify?: (error: unknown, channel: ChannelName) => SendFailure;
  /** This worker's name on its leases. Default `host:pid:random`. */
  owner?: string;
  /** How long `stop()` waits for sends already on the wire. Default 10 s. */
  stopTimeoutMs?: number;
  /** Called after a chat was found blocked and its subscriptions removed. */
  onBlocked?: (chatKey: string) => void | Promise<void>;
  logger?: Logger;
}

/** What became of sends, per channel, since the worker was created. */
export interface WorkerCounters {
  sent: number;
  /** 429s that reached the worker (the Telegram channel waits out most itself). */
  rateLimited: number;
  retried: number;
  failed: number;
  blocked: number;
  /** Claims whose lease ran out before the send started (the process stalled). */
  leaseLost: number;
  /** Subscriptions removed because their chat blocked the bot. */
  deactivated: number;
  /** Rows held under lease now: waiting in the limiter or on the wire. */
  inFlight: number;
  /** Seconds spent in `send`, summed, and how many sends. */
  sendSeconds: number;
  sends: number;
}

type Outcome = Exclude<keyof WorkerCounters, "inFlight" | "sendSeconds" | "sends" | "deactivated">;

interface Held {
  row: ClaimedDelivery;
  leaseUntil: number;
  started: boolean;
  released: boolean;
}

/** Wakes a sleeping loop early; a wake with nobody asleep is kept for the next sleep. */
class Wakeup {
  private wake: (() => void) | undefined;
  private pending = false;

  notify(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/**
 * Spaces the actual send starts of one channel at least `intervalMs` apart. Bottleneck sets
 * each job's timer when it registers it, up to `maxConcurrent` ahead; when the event loop
 * stalls (GC, a slow disk), the overdue timers fire together and the sends would leave in a
 * burst the platform counts against its per-second window. Measured at departure, one at a
 * time, no stall can bunch them.
 */
class DepartureGate {
  private tail: Promise<void> = Promise.resolve();
  private lastStart = 0;

  constructor(private readonly intervalMs: number) {}

  /** Resolves when a send may start. */
  pass(): Promise<void> {
    const turn = this.tail.then(async () => {
      const wait = this.lastStart + this.intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastStart = performance.now();
    });
    this.tail = turn;
    return turn;
  }
}

interface Lane {
  channel: ChannelName;
  sender: ChannelSender;
  limits: Required<ChannelLimits>;
  limiter: RateLimiter;
  /** The limiter was given: shared, never disconnected here. */
  given: boolean;
  gate: DepartureGate;
  held: Map<number, Held>;
  wakeup: Wakeup;
  loop?: Promise<void>;
  counters: WorkerCounters;
}

/** A channel's own limiter: even spacing at the paced rate (bottleneck `minTime`). */
const localLimiter = (limits: Required<ChannelLimits>): RateLimiter =>
  new BottleneckLimiter({
    requestsPerSecond: limits.perSecond * limits.headroom,
    maxConcurrent: limits.maxInFlight,
  });

const emptyCounters = (): WorkerCounters => ({
  sent: 0,
  rateLimited: 0,
  retried: 0,
  failed: 0,
  blocked: 0,
  leaseLost: 0,
  deactivated: 0,
  inFlight: 0,
  sendSeconds: 0,
  sends: 0,
});

/**
 * Sends what the outbox holds: per channel it claims due rows under a lease, most urgent
 * first, and sends each through the channel's `ChannelSender`, paced by a bottleneck limiter
 * at the platform's overall ceiling; the outbox keeps the per-chat and per-group gaps.
 *
 * Outcomes: sent → `sent`; 429 → the channel's limiter pauses for `retry_after` and the row
 * waits as long (no attempt spent); 5xx/network → exponential backoff, `failed` after
 * `maxAttempts`; blocked (Telegram 403 "bot was blocked by the user", "user is deactivated",
 * 400 "chat not found"; Zalo OA -213/-227/-244) → `blocked`, the chat's subscriptions removed,
 * never retried; other 4xx → `failed`.
 *
 * **Crash safety.** Delivery is at-least-once: a row is `sent` only after the platform took
 * the message, and a dead worker's claims return when their lease runs out. The one window
 * left: the process dies after the platform accepted a message and before the `sent` mark is
 * committed. That row is sent again after the restart — one duplicate per such row. Telegram
 * and Zalo take no idempotency key on sends, so the window cannot be closed, only kept small:
 * - the `sent` mark is written synchronously in the same continuation as the send's result,
 *   before any other await (the window is one HTTP response's way back plus one SQLite commit);
 * - at most one send per chat is in flight (the outbox refuses to claim a busy chat), so a
 *   crash repeats at most one message per recipient, and at most `maxInFlight` in all (a few
 *   hundred ms of sends);
 * - claims not yet on the wire are never sent after their lease ends (checked just before the
 *   send) and are released at `stop()`; leases are short and renewed while held, so a stall
 *   does not hand a row to a second worker while the first still sends it;
 * - a `sent` mark is recorded whoever holds the row, so a late answer still stops a resend.
 * A message split into several platform messages (text over 4096 characters) can be repeated
 * in part. Notifications are one message each.
 *
 * @example
 * ```ts
 * const worker = new DeliveryWorker({ outbox, senders: [telegram, zalo], subscriptions });
 * worker.start();
 * // …
 * await worker.stop();
 * ```
 */
export class DeliveryWorker {
  readonly owner: string;
  private readonly lanes = new Map<ChannelName, Lane>();
  private readonly leaseMs: number;
  private readonly pollIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: { baseMs: number; maxMs: number; jitter: number };
  private running = false;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = {
      baseMs: options.backoff?.baseMs ?? 1000,
      maxMs: options.backoff?.maxMs ?? 5 * 60_000,
      jitter: options.backoff?.jitter ?? 0.2,
    };
    for (const sender of options.senders) {
      if (this.lanes.has(sender.channel))
        throw new Error(`Two senders for the channel ${sender.channel}.`);
      const limits = limitsFor(sender.channel, options.limits?.[sender.channel]);
      const given = options.limiters?.[sender.channel];
      this.lanes.set(sender.channel, {
        channel: sender.channel,
        sender,
        limits,
        limiter: given ?? localLimiter(limits),
        given: given !== undefined,
        gate: new DepartureGate(1000 / (limits.perSecond * limits.headroom)),
        held: new Map(),
        wakeup: new Wakeup(),
        counters: emptyCounters(),
      });
    }
  }

  /** Starts one claiming loop per channel, and the lease heartbeat. */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.stopped)
      for (const lane of this.lanes.values())
        if (!lane.given) lane.limiter = localLimiter(lane.limits);
    this.stopped = false;
    this.unsubscribe = this.options.outbox.onEnqueue(() => {
      for (const lane of this.lanes.values()) lane.wakeup.notify();
    });
    this.heartbeat = setInterval(() => this.renewLeases(), Math.max(50, this.leaseMs / 3));
    this.heartbeat.unref();
    for (const lane of this.lanes.values()) lane.loop = this.pump(lane);
  }

  /**
   * Stops claiming, hands rows not yet on the wire back to the queue, waits up to
   * `stopTimeoutMs` for sends under way, then releases the limiters it made.
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    const unsent: number[] = [];
    for (const lane of this.lanes.values()) {
      lane.wakeup.notify();
      for (const held of lane.held.values())
        if (!held.started) {
          held.released = true;
          unsent.push(held.row.id);
        }
    }
    try {
      this.options.outbox.release(this.owner, unsent);
    } catch (error) {
      this.options.logger?.error({ err: error }, "outbox: releasing claims failed");
    }
    const deadline = Date.now() + (this.options.stopTimeoutMs ?? 10_000);
    // Released rows drain out of the limiter without sending; only real sends are waited for.
    const sending = () =>
      [...this.lanes.values()].some((l) => [...l.held.values()].some((h) => h.started));
    while (sending() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await Promise.all([...this.lanes.values()].map((l) => l.loop));
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.stopped = true;
    if (!sending())
      for (const lane of this.lanes.values()) if (!lane.given) await lane.limiter.disconnect();
  }

  /** Looks for due rows now (an enqueue in this process does it by itself). */
  wake(): void {
    for (const lane of this.lanes.values()) lane.wakeup.notify();
  }

  /** What became of sends on `channel` (or on all channels, summed). */
  counters(channel?: ChannelName): WorkerCounters {
    const lanes = [...this.lanes.values()].filter((l) => !channel || l.channel === channel);
    const total = emptyCounters();
    for (const lane of lanes) {
      for (const key of Object.keys(total) as (keyof WorkerCounters)[])
        total[key] += key === "inFlight" ? lane.held.size : lane.counters[key];
    }
    return total;
  }

  /** The worker's counters as Prometheus metric families. */
  metricFamilies(): MetricFamily[] {
    const lanes = [...this.lanes.values()];
    const outcomes: Outcome[] = [
      "sent",
      "rateLimited",
      "retried",
      "failed",
      "blocked",
      "leaseLost",
    ];
    const names: Record<Outcome, string> = {
      sent: "sent",
      rateLimited: "rate_limited",
      retried: "retried",
      failed: "failed",
      blocked: "blocked",
      leaseLost: "lease_lost",
    };
    return [
      {
        name: "vnegov_outbox_send_outcomes_total",
        help: "Send attempts by channel and outcome (rate_limited: a 429 reached the worker).",
        type: "counter",
        samples: lanes.flatMap((l) =>
          outcomes.map((o) => ({
            labels: { channel: l.channel, outcome: names[o] },
            value: l.counters[o],
          })),
        ),
      },
      {
        name: "vnegov_outbox_subscriptions_deactivated_total",
        help: "Subscriptions removed because the chat blocked the bot.",
        type: "counter",
        samples: lanes.map((l) => ({
          labels: { channel: l.channel },
          value: l.counters.deactivated,
        })),
      },
      {
        name: "vnegov_outbox_in_flight",
        help: "Rows this worker holds under lease (queued in its limiter or on the wire).",
        type: "gauge",
        samples: lanes.map((l) => ({ labels: { channel: l.channel }, value: l.held.size })),
      },
      {
        name: "vnegov_outbox_send_duration_seconds",
        help: "Time spent in the channel's send, per channel.",
        type: "summary",
        samples: lanes.flatMap((l) => [
          { labels: { channel: l.channel }, suffix: "_sum", value: l.counters.sendSeconds },
          { labels: { channel: l.channel }, suffix: "_count", value: l.counters.sends },
        ]),
      },
      {
        name: "vnegov_outbox_limiter_rate_per_second",
        help: "The overall rate each channel is paced at (ceiling × headroom).",
        type: "gauge",
        samples: lanes.map((l) => ({
          labels: { channel: l.channel },
          value: l.limits.perSecond * l.limits.headroom,
        })),
      },
    ];
  }

  /** The outbox's gauges and this worker's counters, in Prometheus text format. */
  metrics(): string {
    return renderPrometheus([...this.options.outbox.metricFamilies(), ...this.metricFamilies()]);
  }

  private async pump(lane: Lane): Promise<void> {
    const { outbox, logger } = this.options;
    while (this.running) {
      const room = lane.limits.maxInFlight - lane.held.size;
      let delay = this.pollIntervalMs;
      try {
        if (room > 0) {
          const claimed = outbox.claim({
            channel: lane.channel,
            owner: this.owner,
            limit: room,
            leaseMs: this.leaseMs,
            chatIntervalMs: (chatId) => chatIntervalOf(lane.limits, chatId),
          });
          for (const row of claimed) this.dispatch(lane, row);
          if (claimed.length === room) continue;
          const next = outbox.nextDueAt(lane.channel);
          if (next !== undefined) delay = Math.min(delay, Math.max(5, next - Date.now()));
        }
      } catch (error) {
        // SQLITE_BUSY past the timeout, a full disk: try again after a pause.
        logger?.error({ err: error, channel: lane.channel }, "outbox: claim failed");
      }
      await lane.wakeup.sleep(delay);
    }
  }

  private dispatch(lane: Lane, row: ClaimedDelivery): void {
    const held: Held = { row, leaseUntil: row.leaseUntil, started: false, released: false };
    lane.held.set(row.id, held);
    this.deliver(lane, held)
      .catch((error: unknown) => {
        // The row stays `sending` and comes back when its lease ends.
        this.options.logger?.error(
          { err: error, deliveryId: row.id, chatKey: row.chatKey },
          "outbox: settling a delivery failed",
        );
      })
      .finally(() => {
        // The row may have been claimed afresh after its lease ran out: keep that one.
        if (lane.held.get(row.id) === held) lane.held.delete(row.id);
        lane.wakeup.notify();
      });
  }

  private async deliver(lane: Lane, held: Held): Promise<void> {
    const { row } = held;
    const { outbox } = this.options;
    const settle = { owner: this.owner, chatKey: row.chatKey };
    if (row.attempts > this.maxAttempts) {
      // Claimed again after workers died mid-send each time: a poison message.
      outbox.markFailed(row.id, { ...settle, error: "attempts used up" });
      lane.counters.failed += 1;
      return;
    }
    const failure = await lane.limiter.schedule(async (): Promise<SendFailure | undefined> => {
      if (held.released || !this.running) return undefined;
      await lane.gate.pass();
      if (held.released || !this.running) return undefined;
      if (Date.now() >= held.leaseUntil) {
        lane.counters.leaseLost += 1;
        return undefined;
      }
      held.started = true;
      const started = performance.now();
      try {
        await lane.sender.send(row.chatId, row.message);
      } catch (error) {
        this.timeSend(lane, started);
        return (this.options.classify ?? classifySendError)(error, lane.channel);
      }
      // Nothing between the platform's answer and this commit: the crash window.
      outbox.markSent(row.id, {
        ...settle,
        chatIntervalMs: chatIntervalOf(lane.limits, row.chatId),
      });
      this.timeSend(lane, started);
      lane.counters.sent += 1;
      return undefined;
    });
    if (failure) await this.settleFailure(lane, held, failure);
  }

  private async settleFailure(lane: Lane, held: Held, failure: SendFailure): Promise<void> {
    const { row } = held;
    const { outbox, logger } = this.options;
    const settle = { owner: this.owner, chatKey: row.chatKey };
    const now = Date.now();
    const log = { channel: lane.channel, chatKey: row.chatKey, deliveryId: row.id };
    switch (failure.kind) {
      case "rate_limited": {
        lane.counters.rateLimited += 1;
        // A 429 speaks for the whole bot: everything on this channel waits.
        lane.limiter.pause(failure.retryAfterMs);
        const at = now + failure.retryAfterMs;
        outbox.reschedule(row.id, {
          ...settle,
          at,
          error: failure.reason,
          refundAttempt: true,
          chatNotBefore: at,
        });
        logger?.warn({ ...log, retryAfterMs: failure.retryAfterMs }, "outbox: rate limited");
        return;
      }
      case "transient": {
        if (row.attempts >= this.maxAttempts) {
          outbox.markFailed(row.id, { ...settle, error: failure.reason });
          lane.counters.failed += 1;
          logger?.error({ ...log, reason: failure.reason }, "outbox: delivery failed");
          return;
        }
        const at = now + this.backoffMs(row.attempts);
        outbox.reschedule(row.id, { ...settle, at, error: failure.reason });
        lane.counters.retried += 1;
        logger?.warn({ ...log, reason: failure.reason, retryAt: at }, "outbox: will retry");
        return;
      }
      case "permanent":
        outbox.markFailed(row.id, { ...settle, error: failure.reason });
        lane.counters.failed += 1;
        logger?.error({ ...log, reason: failure.reason }, "outbox: delivery refused");
        return;
      case "blocked": {
        outbox.markBlocked(row.id, { owner: this.owner, error: failure.reason });
        lane.counters.blocked += 1;
        // If the process dies before this, the next broadcast meets the block and retries it.
        const removed = (await this.options.subscriptions?.removeAll(row.chatKey)) ?? 0;
        lane.counters.deactivated += removed;
        logger?.info({ ...log, reason: failure.reason, removed }, "outbox: chat blocked the bot");
        await this.options.onBlocked?.(row.chatKey);
        return;
      }
    }
  }

  private timeSend(lane: Lane, started: number): void {
    lane.counters.sendSeconds += (performance.now() - started) / 1000;
    lane.counters.sends += 1;
  }

  private backoffMs(attempts: number): number {
    const { baseMs, maxMs, jitter } = this.backoff;
    const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(raw * (1 - jitter + 2 * jitter * Math.random()));
  }

  private renewLeases(): void {
    if (![...this.lanes.values()].some((l) => l.held.size > 0)) return;
    const now = Date.now();
    try {
      const renewed = this.options.outbox.renew(this.owner, this.leaseMs, now);
      for (const lane of this.lanes.values())
        for (const held of lane.held.values())
          if (renewed.has(held.row.id)) held.leaseUntil = now + this.leaseMs;
    } catch (error) {
      // Not renewed: the leases run out and the rows go back to the queue, as for a crash.
      this.options.logger?.error({ err: error }, "outbox: renewing leases failed");
    }
  }
}
