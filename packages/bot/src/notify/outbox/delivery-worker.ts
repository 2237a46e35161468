import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { ChannelName } from "../../engine/messages.js";
import { type BackoffOptions, backoffMs } from "./backoff.js";
import { classifySendError, type SendFailure } from "./classify.js";
import type { ChannelLane, DeliveryOptions } from "./delivery-options.js";
import { DepartureGate } from "./departure-gate.js";
import {
  type ChannelLimits,
  catchUpOf,
  channelLimiter,
  chatIntervalOf,
  limitsFor,
} from "./limits.js";
import type { OutboxDelivery } from "./outbox.js";
import { type MetricFamily, renderPrometheus } from "./prometheus.js";
import type { ClaimedDelivery, SentMark, SqliteOutbox } from "./sqlite-outbox.js";
import {
  countSendTime,
  emptyCounters,
  type LaneMetrics,
  sumCounters,
  type WorkerCounters,
  workerMetricFamilies,
} from "./worker-metrics.js";

/**
 * Options of {@link DeliveryWorker}. Its default limiter per channel caps sends in flight and
 * pauses on a 429; the pace is kept at departure (see `channelLimiter`). Leases are renewed
 * every third of `leaseMs`.
 */
export interface DeliveryWorkerOptions extends DeliveryOptions {
  outbox: SqliteOutbox;
  /** Longest sleep before looking for due rows again (other processes enqueue). Default 250 ms. */
  pollIntervalMs?: number;
  /** Attempts before a row is `failed` (5xx, network, a worker dying mid-send). Default 8. */
  maxAttempts?: number;
  /** This worker's name on its leases. Default `host:pid:random`. */
  owner?: string;
  /** How long `stop()` waits for sends already on the wire. Default 10 s. */
  stopTimeoutMs?: number;
}

interface Held {
  row: ClaimedDelivery;
  leaseUntil: number;
  started: boolean;
  released: boolean;
  /** Claimed and not yet on the wire (nor settled without a send). */
  waiting: boolean;
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

/** Rows claimed at once: a quarter of the in-flight cap, at most 16. */
const claimBatchOf = (limits: Required<ChannelLimits>) =>
  Math.min(16, Math.ceil(limits.maxInFlight / 4));

/**
 * Claimed rows waiting for their departure slot at most: a tenth of a second's sends, two
 * claim batches at least. The in-flight cap is for sends on the wire (a slow platform needs
 * many); rows claimed long before their slot only widen what a crash leaves held, and at
 * 1 000 msg/s they lived long enough for V8 to promote them, piling up old garbage.
 */
const waitingCapOf = (limits: Required<ChannelLimits>) =>
  Math.max(2 * claimBatchOf(limits), Math.ceil((limits.perSecond * limits.headroom) / 10));

interface Lane extends ChannelLane {
  held: Map<number, Held>;
  /** Held rows still `waiting`. */
  waiting: number;
  waitingCap: number;
  wakeup: Wakeup;
  loop?: Promise<void>;
}

/** Longest a `sent` mark waits for its group commit: the crash window grows by this much. */
const MARK_DELAY_MS = 5;
/** Marks committed together at most. */
const MARK_BATCH = 32;

/**
 * Sends what the outbox holds: per channel it claims due rows under a lease, most urgent
 * first, and sends each through the channel's `ChannelSender`, paced at departure just under
 * the platform's overall ceiling (`DepartureGate`), with a limiter capping sends in flight (or
 * a given one, e.g. a Redis-clustered Bottleneck); the outbox keeps the per-chat and per-group
 * gaps.
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
 * - the `sent` mark is queued in the same continuation as the send's result and committed
 *   with the others of the next few milliseconds (a group commit, at most `MARK_DELAY_MS`
 *   later): the window is one HTTP response's way back plus those milliseconds. One commit
 *   per send cost more than the send itself at 1 000 msg/s and slowed the whole channel;
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
export class DeliveryWorker implements OutboxDelivery {
  readonly owner: string;
  private readonly lanes = new Map<ChannelName, Lane>();
  private readonly leaseMs: number;
  private readonly pollIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffOptions;
  private running = false;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  /** `sent` marks waiting for their group commit, and its timer. */
  private readonly marks: SentMark[] = [];
  private markTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoff ?? {};
    for (const sender of options.senders) {
      if (this.lanes.has(sender.channel))
        throw new Error(`Two senders for the channel ${sender.channel}.`);
      const limits = limitsFor(sender.channel, options.limits?.[sender.channel]);
      const given = options.limiters?.[sender.channel];
      const paced = limits.perSecond * limits.headroom;
      this.lanes.set(sender.channel, {
        channel: sender.channel,
        sender,
        limits,
        limiter: given ?? channelLimiter(limits),
        given: given !== undefined,
        gate: new DepartureGate({
          intervalMs: 1000 / paced,
          catchUpMs: catchUpOf(limits),
          perSecond: paced,
        }),
        held: new Map(),
        waiting: 0,
        waitingCap: waitingCapOf(limits),
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
        if (!lane.given) lane.limiter = channelLimiter(lane.limits);
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
    this.flushMarks();
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
    return sumCounters(this.laneMetrics().filter((l) => !channel || l.channel === channel));
  }

  private laneMetrics(): LaneMetrics[] {
    return [...this.lanes.values()].map((l) => ({
      channel: l.channel,
      counters: { ...l.counters, inFlight: l.held.size },
      pacedPerSecond: l.limits.perSecond * l.limits.headroom,
    }));
  }

  /** The worker's counters as Prometheus metric families. */
  metricFamilies(): MetricFamily[] {
    return workerMetricFamilies(this.laneMetrics());
  }

  /** The outbox's gauges and this worker's counters, in Prometheus text format. */
  metrics(): string {
    return renderPrometheus([...this.options.outbox.metricFamilies(), ...this.metricFamilies()]);
  }

  private async pump(lane: Lane): Promise<void> {
    const { outbox, logger } = this.options;
    while (this.running) {
      const room = Math.min(
        lane.limits.maxInFlight - lane.held.size,
        lane.waitingCap - lane.waiting,
      );
      let delay = this.pollIntervalMs;
      try {
        // Claims in batches: one transaction per freed slot would cost more than the sends.
        if (room >= claimBatchOf(lane.limits) || (room > 0 && lane.held.size === 0)) {
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
    const held: Held = {
      row,
      leaseUntil: row.leaseUntil,
      started: false,
      released: false,
      waiting: true,
    };
    lane.held.set(row.id, held);
    lane.waiting += 1;
    this.deliver(lane, held)
      .catch((error: unknown) => {
        // The row stays `sending` and comes back when its lease ends.
        this.options.logger?.error(
          { err: error, deliveryId: row.id, chatKey: row.chatKey },
          "outbox: settling a delivery failed",
        );
      })
      .finally(() => {
        this.stopWaiting(lane, held);
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
      this.stopWaiting(lane, held);
      const started = performance.now();
      try {
        // 429s come back here, so their retry goes through the pacing too.
        await lane.sender.send(row.chatId, row.message, { waitOutRateLimits: false });
      } catch (error) {
        countSendTime(lane.counters, started);
        return (this.options.classify ?? classifySendError)(error, lane.channel);
      }
      // The crash window: from the platform's answer to this mark's group commit.
      this.markSent({
        id: row.id,
        ...settle,
        chatIntervalMs: chatIntervalOf(lane.limits, row.chatId),
        now: Date.now(),
      });
      countSendTime(lane.counters, started);
      lane.counters.sent += 1;
      return undefined;
    });
    if (failure) await this.settleFailure(lane, held, failure);
  }

  /** `held` left the waiting rows; the pump is woken when that frees a claim batch's room. */
  private stopWaiting(lane: Lane, held: Held): void {
    if (!held.waiting) return;
    held.waiting = false;
    lane.waiting -= 1;
    if (lane.waitingCap - lane.waiting === claimBatchOf(lane.limits)) lane.wakeup.notify();
  }

  /**
   * Queues a `sent` mark for the group commit: at most `MARK_DELAY_MS` later, or at once when
   * `MARK_BATCH` are waiting. One commit per send cost more than the send itself at 1 000/s.
   */
  private markSent(mark: SentMark): void {
    this.marks.push(mark);
    if (this.marks.length >= MARK_BATCH) this.flushMarks();
    else this.markTimer ??= setTimeout(() => this.flushMarks(), MARK_DELAY_MS);
  }

  private flushMarks(): void {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    const marks = this.marks.splice(0);
    if (marks.length === 0) return;
    try {
      this.options.outbox.markSentMany(marks);
    } catch (error) {
      // The rows stay `sending` and return when their leases end: sent again, as after a crash.
      this.options.logger?.error({ err: error, rows: marks.length }, "outbox: marking sent failed");
    }
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
        const at = now + backoffMs(row.attempts, this.backoff);
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
