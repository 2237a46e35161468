import type { RateLimiter } from "@vnegov/sdk";
import { DelayedError, type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { ChannelName } from "../../engine/messages.js";
import { backoffMs } from "../outbox/backoff.js";
import { classifySendError, type SendFailure } from "../outbox/classify.js";
import type { ChannelLane, DeliveryOptions } from "../outbox/delivery-options.js";
import { DepartureGate } from "../outbox/departure-gate.js";
import { type ChannelLimits, channelLimiter, chatIntervalOf, limitsFor } from "../outbox/limits.js";
import type { OutboxDelivery } from "../outbox/outbox.js";
import { type MetricFamily, renderPrometheus } from "../outbox/prometheus.js";
import {
  countSendTime,
  emptyCounters,
  type LaneMetrics,
  sumCounters,
  type WorkerCounters,
  workerMetricFamilies,
} from "../outbox/worker-metrics.js";
import type { BullmqOutbox, DeliveryJobData } from "./bullmq-outbox.js";

/**
 * Options of {@link QueueDeliveryWorker}. Its default limiter per channel is a bottleneck
 * limiter clustered through the outbox's Redis, shared by every worker on the same outbox and
 * channel; `leaseMs` is BullMQ's job lock, renewed at half.
 */
export interface QueueDeliveryWorkerOptions extends DeliveryOptions {
  outbox: BullmqOutbox;
}

/** A job the worker holds until its send has started. */
interface Held {
  job: Job<DeliveryJobData>;
  token: string;
  started: boolean;
  /** Handed back at `stop()` before its send began. */
  released: boolean;
}

interface Lane extends ChannelLane {
  held: Set<Held>;
  worker?: Worker<DeliveryJobData>;
  /** The worker's own Redis connection (BullMQ blocks on it while waiting for jobs). */
  connection?: Redis;
}

/** The limiter callback ended without a send (released at stop, or the stop began). */
const NOT_SENT = Symbol("not sent");

/**
 * Sends a `BullmqOutbox`'s deliveries: one BullMQ worker per channel, any number of processes.
 * The same rules as `DeliveryWorker`, kept across processes through Redis:
 *
 * - **Pace**: each channel's sends go through a bottleneck limiter clustered on the outbox's
 *   Redis, so the processes together stay under the platform's ceiling. Bottleneck hands out
 *   start times at registration; a process that stalls (GC, start-up) would then use its late
 *   slots while the others use theirs, near twice the rate for a moment (measured: 47 in one
 *   second against a 40/s ceiling with two processes). So each send also takes a departure
 *   slot from Redis at the moment it leaves (`BullmqOutbox.depart`). A 429 pauses the
 *   channel in every process for its `retry_after`, and the job waits as long (no attempt
 *   spent). Per-chat and per-group gaps, and one send in flight per chat, are Redis keys.
 * - **Retries**: 5xx/network → BullMQ retries with exponential backoff, `failed` after the
 *   outbox's `maxAttempts`; blocked → `blocked`, the chat's subscriptions removed; other 4xx →
 *   `failed`. Failed jobs stay in BullMQ's failed set for a week, for inspection.
 * - **Never twice**: a job runs again when its worker stalls or dies (BullMQ's lock, renewed
 *   while held). Before each send the delivery's status is checked in Redis and the chat is
 *   held, so a resend only happens in the window `DeliveryWorker` documents: the platform took
 *   the message and the process died before the `sent` mark (one Redis round trip) landed.
 *
 * @example
 * ```ts
 * const outbox = new BullmqOutbox({ redis: "redis://127.0.0.1:6379" });
 * const worker = new QueueDeliveryWorker({ outbox, senders: [telegram], subscriptions });
 * worker.start(); // in each bot process
 * ```
 */
export class QueueDeliveryWorker implements OutboxDelivery {
  private readonly lanes = new Map<ChannelName, Lane>();
  private readonly leaseMs: number;
  private running = false;

  constructor(private readonly options: QueueDeliveryWorkerOptions) {
    this.leaseMs = options.leaseMs ?? 15_000;
    for (const sender of options.senders) {
      if (this.lanes.has(sender.channel))
        throw new Error(`Two senders for the channel ${sender.channel}.`);
      const limits = limitsFor(sender.channel, options.limits?.[sender.channel]);
      const given = options.limiters?.[sender.channel];
      const interval = 1000 / (limits.perSecond * limits.headroom);
      this.lanes.set(sender.channel, {
        channel: sender.channel,
        sender,
        limits,
        limiter: given ?? this.clusteredLimiter(sender.channel, limits),
        given: given !== undefined,
        gate: new DepartureGate({
          intervalMs: interval,
          shared: () => options.outbox.depart(sender.channel, interval),
        }),
        held: new Set(),
        counters: emptyCounters(),
      });
    }
  }

  /** Starts one BullMQ worker per channel. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const { outbox } = this.options;
    for (const lane of this.lanes.values()) {
      if (lane.worker) {
        // Started again after a stop: the clustered limiter was disconnected.
        if (!lane.given) lane.limiter = this.clusteredLimiter(lane.channel, lane.limits);
      }
      const queue = outbox.queue(lane.channel);
      lane.connection = outbox.redis.duplicate({ maxRetriesPerRequest: null });
      lane.worker = new Worker<DeliveryJobData>(
        queue.name,
        (job, token) => this.process(lane, job, token ?? ""),
        {
          connection: lane.connection,
          prefix: outbox.prefix,
          concurrency: lane.limits.maxInFlight,
          lockDuration: this.leaseMs,
          // A job whose worker died comes back once per stall, up to the attempts allowed.
          maxStalledCount: outbox.maxAttempts,
          stalledInterval: Math.max(1000, this.leaseMs),
          settings: {
            backoffStrategy: (attemptsMade) => backoffMs(attemptsMade, this.options.backoff),
          },
        },
      );
      lane.worker.on("error", (error) =>
        this.options.logger?.error({ err: error, channel: lane.channel }, "outbox: worker error"),
      );
      lane.worker.on("failed", (job, error) => {
        // Jobs failed by BullMQ itself (stalled too often) never reached our settle.
        if (job && error.message.includes("stalled"))
          void outbox.settle(job.data, "failed", 0).catch(() => undefined);
      });
    }
  }

  /**
   * Stops taking jobs: jobs not yet on the wire go back to the queue at once, sends under way
   * are waited for, then the workers close and the limiters this worker made are released.
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const lanes = [...this.lanes.values()];
    // Stop fetching first; `close` resolves once the jobs already taken have finished.
    const closing = lanes.map((lane) => lane.worker?.close());
    await Promise.all(
      lanes.flatMap((lane) =>
        [...lane.held]
          .filter((held) => !held.started)
          .map(async (held) => {
            held.released = true;
            await held.job.moveToDelayed(Date.now(), held.token).catch(() => undefined);
          }),
      ),
    );
    await Promise.all(closing);
    await Promise.all(lanes.map((lane) => lane.connection?.quit()));
    for (const lane of lanes) if (!lane.given) await lane.limiter.disconnect();
  }

  /** What became of sends on `channel` (or on all channels, summed), in this process. */
  counters(channel?: ChannelName): WorkerCounters {
    return sumCounters(this.laneMetrics().filter((l) => !channel || l.channel === channel));
  }

  /** The worker's counters as Prometheus metric families. */
  metricFamilies(): MetricFamily[] {
    return workerMetricFamilies(this.laneMetrics());
  }

  async metrics(): Promise<string> {
    return renderPrometheus([
      ...(await this.options.outbox.metricFamilies()),
      ...this.metricFamilies(),
    ]);
  }

  private laneMetrics(): LaneMetrics[] {
    return [...this.lanes.values()].map((l) => ({
      channel: l.channel,
      counters: { ...l.counters, inFlight: l.held.size },
      pacedPerSecond: l.limits.perSecond * l.limits.headroom,
    }));
  }

  private clusteredLimiter(channel: ChannelName, limits: Required<ChannelLimits>): RateLimiter {
    const { outbox } = this.options;
    return channelLimiter(limits, {
      id: outbox.key("limiter", channel),
      client: outbox.redis,
    });
  }

  private async process(lane: Lane, job: Job<DeliveryJobData>, token: string): Promise<void> {
    const { outbox } = this.options;
    const { data } = job;
    const chatId = data.c.slice(data.c.indexOf(":") + 1);
    const gap = chatIntervalOf(lane.limits, chatId);
    const wait = await outbox.reserve(data, this.leaseMs, gap);
    if (wait === -1) return; // Settled before: a stalled job's second run.
    if (wait > 0) return this.delay(job, token, wait);
    const message = await outbox.message(data.e, data.m);
    const held: Held = { job, token, started: false, released: false };
    lane.held.add(held);
    let outcome: SendFailure | typeof NOT_SENT | undefined;
    try {
      outcome = await lane.limiter.schedule(async () => {
        if (held.released || !this.running) return NOT_SENT;
        await lane.gate.pass();
        if (held.released || !this.running) return NOT_SENT;
        held.started = true;
        const started = performance.now();
        try {
          await lane.sender.send(chatId, message, { waitOutRateLimits: false });
        } catch (error) {
          countSendTime(lane.counters, started);
          return (this.options.classify ?? classifySendError)(error, lane.channel);
        }
        // Nothing between the platform's answer and this mark: the crash window.
        await outbox.settle(data, "sent", Date.now() + gap);
        countSendTime(lane.counters, started);
        lane.counters.sent += 1;
        return undefined;
      });
    } finally {
      lane.held.delete(held);
    }
    if (outcome === NOT_SENT) {
      // Stopping: free the chat and hand the job back (stop() moved those it saw already).
      await outbox.settle(data, undefined, 0);
      if (!held.released) await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    if (outcome) await this.settleFailure(lane, job, token, outcome, gap);
  }

  private async settleFailure(
    lane: Lane,
    job: Job<DeliveryJobData>,
    token: string,
    failure: SendFailure,
    gap: number,
  ): Promise<void> {
    const { outbox, logger } = this.options;
    const { data } = job;
    const now = Date.now();
    const log = { channel: lane.channel, chatKey: data.c, eventId: data.e };
    switch (failure.kind) {
      case "rate_limited": {
        lane.counters.rateLimited += 1;
        lane.limiter.pause(failure.retryAfterMs);
        await outbox.pause(lane.channel, failure.retryAfterMs);
        const at = now + failure.retryAfterMs;
        await outbox.settle(data, undefined, at);
        logger?.warn({ ...log, retryAfterMs: failure.retryAfterMs }, "outbox: rate limited");
        return this.delay(job, token, at);
      }
      case "transient": {
        await outbox.settle(data, undefined, now + gap);
        if (job.attemptsMade + 1 < outbox.maxAttempts) {
          lane.counters.retried += 1;
          logger?.warn({ ...log, reason: failure.reason }, "outbox: will retry");
          throw new Error(failure.reason);
        }
        await outbox.settle(data, "failed", now + gap);
        lane.counters.failed += 1;
        logger?.error({ ...log, reason: failure.reason }, "outbox: delivery failed");
        throw new UnrecoverableError(failure.reason);
      }
      case "permanent":
        await outbox.settle(data, "failed", now + gap);
        lane.counters.failed += 1;
        logger?.error({ ...log, reason: failure.reason }, "outbox: delivery refused");
        throw new UnrecoverableError(failure.reason);
      case "blocked": {
        await outbox.settle(data, "blocked", now + gap);
        lane.counters.blocked += 1;
        const removed = (await this.options.subscriptions?.removeAll(data.c)) ?? 0;
        lane.counters.deactivated += removed;
        logger?.info({ ...log, reason: failure.reason, removed }, "outbox: chat blocked the bot");
        await this.options.onBlocked?.(data.c);
        return;
      }
    }
  }

  /** Puts the job back until `at`; it keeps its attempts (waiting is not failing). */
  private async delay(job: Job<DeliveryJobData>, token: string, at: number): Promise<never> {
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }
}
