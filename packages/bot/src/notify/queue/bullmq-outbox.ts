import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { ChannelName, OutgoingMessage } from "../../engine/messages.js";
import { decodeMessage, encodeMessage } from "../outbox/message-codec.js";
import type {
  BroadcastStatus,
  EnqueueInput,
  EnqueueResult,
  EventCursor,
  Outbox,
  OutboxRecipient,
} from "../outbox/outbox.js";
import { paceOf } from "../outbox/outbox.js";
import type { MetricFamily } from "../outbox/prometheus.js";
import { DELIVERY_STATUSES } from "../outbox/sqlite-outbox.js";
import { defineScripts, runScript } from "./scripts.js";

export interface BullmqOutboxOptions {
  /** A Redis URL (`redis://127.0.0.1:6379`) or a connected ioredis client (not closed here). */
  redis: string | Redis;
  /**
   * Prefix of every key, BullMQ's included. Deployments sharing one Redis keep theirs apart;
   * on Redis Cluster use a hash tag, e.g. `{vnegov}`. Default `vnegov:outbox`.
   */
  prefix?: string;
  /** Attempts before a delivery is `failed` (5xx, network, a worker dying mid-send). Default 8. */
  maxAttempts?: number;
  /** Deliveries added to Redis per round trip while fanning out. Default 1000. */
  batchSize?: number;
}

/** What a delivery job carries: its event, its chat, and which of the event's messages. */
export interface DeliveryJobData {
  /** Event id. */
  e: string;
  /** Chat key (`channel:chatId`). */
  c: string;
  /** Index of the message among the event's distinct messages (one per language). */
  m: number;
}

/** Settled statuses a delivery can end in. */
export type FinalStatus = "sent" | "failed" | "blocked";

const MINUTE = 60_000;
/** BullMQ runs lower numbers first; our priorities run higher first, from 0 to 30. */
const PRIORITY_BASE = 1000;

/** BullMQ refuses `:` in job ids; `%` is escaped first so the encoding stays one-to-one. */
const jobIdOf = (eventId: string, chatKey: string) =>
  `${eventId}\u0001${chatKey}`.replace(/%/g, "%25").replace(/:/g, "%3A");

const channelOf = (chatKey: string) => {
  const split = chatKey.indexOf(":");
  if (split <= 0) throw new RangeError(`Not a chat key (channel:chatId): ${chatKey}`);
  return chatKey.slice(0, split) as ChannelName;
};

/**
 * The scale-out outbox: the same contract as `SqliteOutbox` on Redis, with each delivery a
 * BullMQ job, so several bot processes share the work. Run `QueueDeliveryWorker` in each.
 *
 * - **Once per event**: an event id is recorded in Redis; a repeat queues nothing. The
 *   deliveries are BullMQ jobs whose id is the idempotency key (`eventId` + `chatKey`), so
 *   queueing the same event again after a crash adds no second job.
 * - **Durable**: once `enqueue` resolves every job is in Redis. Run Redis with
 *   `appendonly yes` (and `maxmemory-policy noeviction`, as BullMQ requires) so a Redis
 *   restart keeps them too.
 * - **Idempotent sends**: each delivery's final status is kept per broadcast; a job run again
 *   (its worker stalled or died) is dropped when its status is already there.
 *
 * Queueing is not one transaction as in SQLite: the event is marked `pending`, its jobs are
 * added in batches, then it is marked done. A process dying in between leaves it `pending`,
 * and the same event arriving again (the portal retries an unanswered webhook) completes it.
 *
 * @example
 * ```ts
 * const outbox = new BullmqOutbox({ redis: process.env.REDIS_URL });
 * const notifier = new OutboxNotifier({ sdk, subscriptions, sessions, outbox });
 * const worker = new QueueDeliveryWorker({ outbox, senders: [telegram], subscriptions });
 * worker.start();
 * ```
 */
export class BullmqOutbox implements Outbox {
  /** The client every command of this outbox goes through. */
  readonly redis: Redis;
  readonly prefix: string;
  readonly maxAttempts: number;
  private readonly ownsClient: boolean;
  private readonly batchSize: number;
  private readonly queues = new Map<ChannelName, Queue<DeliveryJobData>>();
  private readonly messages = new Map<string, OutgoingMessage>();

  constructor(options: BullmqOutboxOptions) {
    this.ownsClient = typeof options.redis === "string";
    // BullMQ's blocking commands need `maxRetriesPerRequest: null`.
    this.redis =
      typeof options.redis === "string"
        ? new Redis(options.redis, { maxRetriesPerRequest: null })
        : options.redis;
    this.prefix = options.prefix ?? "vnegov:outbox";
    this.maxAttempts = options.maxAttempts ?? 8;
    this.batchSize = options.batchSize ?? 1000;
    defineScripts(this.redis);
  }

  /** The key `name` under this outbox's prefix. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(":");
  }

  /** The BullMQ queue holding `channel`'s deliveries (one per channel: each its own pace). */
  queue(channel: ChannelName): Queue<DeliveryJobData> {
    let queue = this.queues.get(channel);
    if (!queue) {
      queue = new Queue<DeliveryJobData>(`deliveries-${channel}`, {
        connection: this.redis,
        prefix: this.prefix,
      });
      this.queues.set(channel, queue);
    }
    return queue;
  }

  async hasEvent(eventId: string): Promise<boolean> {
    return (await this.redis.hget(this.key("events"), eventId)) === "done";
  }

  cursor(name: string): EventCursor {
    const key = this.key("cursor", name);
    return {
      read: async () => (await this.redis.get(key)) ?? undefined,
      write: async (value) => void (await this.redis.set(key, value)),
    };
  }

  async enqueue(input: EnqueueInput): Promise<EnqueueResult> {
    const { event, recipients } = input;
    const now = input.now ?? Date.now();
    const begun = await runScript<"duplicate" | "repeated" | "new">(
      this.redis,
      "vnegovOutboxBegin",
      [this.key("events"), this.key("states"), this.key("broadcasts"), this.key("b", event.id)],
      [
        event.id,
        input.state?.key ?? "",
        input.state?.value ?? "",
        now,
        event.type,
        event.label ?? "",
        event.priority,
        recipients.length,
      ],
    );
    if (begun !== "new")
      return { duplicate: begun === "duplicate", repeated: begun === "repeated", queued: 0 };
    const index = await this.storeMessages(event.id, recipients);
    const priority = Math.max(1, PRIORITY_BASE - event.priority);
    const byChannel = new Map<ChannelName, OutboxRecipient[]>();
    for (const recipient of recipients) {
      const channel = channelOf(recipient.chatKey);
      const list = byChannel.get(channel) ?? [];
      list.push(recipient);
      byChannel.set(channel, list);
    }
    for (const [channel, list] of byChannel) {
      const queue = this.queue(channel);
      for (let i = 0; i < list.length; i += this.batchSize) {
        await queue.addBulk(
          list.slice(i, i + this.batchSize).map((r) => ({
            name: "deliver",
            data: { e: event.id, c: r.chatKey, m: index.get(r.message) ?? 0 },
            opts: {
              jobId: jobIdOf(event.id, r.chatKey),
              priority,
              attempts: this.maxAttempts,
              backoff: { type: "vnegov" },
              // The broadcast's status hash is the record; finished jobs need not stay.
              removeOnComplete: true,
              removeOnFail: { age: 7 * 24 * 3600 },
            },
          })),
        );
      }
    }
    await this.redis.hset(this.key("events"), event.id, "done");
    return { duplicate: false, repeated: false, queued: recipients.length };
  }

  /** Stores each distinct message of an event once; jobs refer to them by index. */
  private async storeMessages(
    eventId: string,
    recipients: readonly OutboxRecipient[],
  ): Promise<Map<OutgoingMessage, number>> {
    const index = new Map<OutgoingMessage, number>();
    const fields: string[] = [];
    for (const { message } of recipients) {
      if (index.has(message)) continue;
      index.set(message, index.size);
      fields.push(String(index.size - 1), encodeMessage(message));
    }
    if (fields.length > 0) await this.redis.hset(this.key("b", eventId, "m"), ...fields);
    return index;
  }

  /** The message a job refers to (kept in memory: a broadcast reads the same few again). */
  async message(eventId: string, index: number): Promise<OutgoingMessage> {
    const cacheKey = `${eventId}\u0001${index}`;
    const cached = this.messages.get(cacheKey);
    if (cached) return cached;
    const json = await this.redis.hget(this.key("b", eventId, "m"), String(index));
    if (json === null) throw new Error(`Outbox: no message ${index} for event ${eventId}.`);
    const message = decodeMessage(json);
    if (this.messages.size >= 256) this.messages.clear();
    this.messages.set(cacheKey, message);
    return message;
  }

  /**
   * Before sending a job: -1 when its delivery is settled already, a time to wait for when the
   * channel is paused or the chat busy or inside its gap, else 0 (the chat is held for `leaseMs`).
   */
  reserve(
    data: DeliveryJobData,
    leaseMs: number,
    gapMs: number,
    now = Date.now(),
  ): Promise<number> {
    return runScript<number>(
      this.redis,
      "vnegovOutboxReserve",
      [this.key("b", data.e, "s"), this.key("chat", data.c), this.key("pause", channelOf(data.c))],
      [data.c, now, leaseMs, gapMs],
    );
  }

  /**
   * Records a delivery's final status (once: false when it was recorded before) and when the
   * chat may be sent to next. Without `status` only the chat's next time is set.
   */
  async settle(
    data: DeliveryJobData,
    status: FinalStatus | undefined,
    chatNotBefore: number,
    now = Date.now(),
  ): Promise<boolean> {
    const changed = await runScript<number>(
      this.redis,
      "vnegovOutboxSettle",
      [
        this.key("b", data.e, "s"),
        this.key("b", data.e),
        this.key("b", data.e, "r"),
        this.key("chat", data.c),
        this.key("totals"),
      ],
      [data.c, status ?? "", now, chatNotBefore, channelOf(data.c)],
    );
    return changed === 1;
  }

  /**
   * Waits for `channel`'s next departure slot, `intervalMs` after the previous one taken by any
   * process (see `QueueDeliveryWorker` on why departures, not only the limiter, are spaced).
   */
  async depart(channel: ChannelName, intervalMs: number): Promise<void> {
    const wait = await runScript<number>(
      this.redis,
      "vnegovOutboxDepart",
      [this.key("depart", channel)],
      // Fractional: 34.36 ms, not 35, at 29.1/s (a whole-ms round-up would cost 2 % of the rate).
      [intervalMs.toFixed(3)],
    );
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Holds every send on `channel`, in every process, for `ms` (a 429 speaks for the bot). */
  async pause(channel: ChannelName, ms: number): Promise<void> {
    if (ms > 0) await this.redis.set(this.key("pause", channel), "1", "PX", Math.ceil(ms));
  }

  /** A delivery's final status, or undefined while it waits. */
  async statusOf(eventId: string, chatKey: string): Promise<FinalStatus | undefined> {
    return ((await this.redis.hget(this.key("b", eventId, "s"), chatKey)) ?? undefined) as
      | FinalStatus
      | undefined;
  }

  async broadcastStatus(
    options: { eventId?: string; limit?: number; now?: number } = {},
  ): Promise<BroadcastStatus[]> {
    const now = options.now ?? Date.now();
    const ids = options.eventId
      ? [options.eventId]
      : await this.redis.zrevrange(this.key("broadcasts"), 0, (options.limit ?? 20) - 1);
    const pipeline = this.redis.pipeline();
    for (const id of ids) {
      pipeline.hgetall(this.key("b", id));
      pipeline.hgetall(this.key("b", id, "r"));
    }
    const replies = (await pipeline.exec()) ?? [];
    const statuses: BroadcastStatus[] = [];
    for (const [i, eventId] of ids.entries()) {
      const meta = replies[2 * i]?.[1] as Record<string, string> | undefined;
      const rate = (replies[2 * i + 1]?.[1] ?? {}) as Record<string, string>;
      if (!meta?.createdAt) continue;
      statuses.push(toStatus(eventId, meta, rate, now));
    }
    return statuses;
  }

  /** The outbox's gauges as Prometheus metric families (the worker adds its counters). */
  async metricFamilies(): Promise<MetricFamily[]> {
    const channels = [...this.queues.keys()].sort();
    const [totals, events, ...counts] = await Promise.all([
      this.redis.hgetall(this.key("totals")),
      this.redis.hlen(this.key("events")),
      ...channels.map((c) =>
        this.queue(c).getJobCounts("active", "wait", "prioritized", "delayed"),
      ),
    ]);
    return [
      {
        name: "vnegov_outbox_deliveries",
        help: "Deliveries by channel and status (queued and sending: jobs in BullMQ now; sent, failed, blocked: since the outbox began).",
        type: "gauge",
        samples: channels.flatMap((channel, i) => {
          const c = counts[i] ?? {};
          const live: Record<string, number> = {
            queued: (c.wait ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0),
            sending: c.active ?? 0,
          };
          return DELIVERY_STATUSES.map((status) => ({
            labels: { channel, status },
            value: live[status] ?? Number(totals[`${channel}|${status}`] ?? 0),
          }));
        }),
      },
      {
        name: "vnegov_outbox_events",
        help: "Events recorded in the outbox (each fanned out once).",
        type: "gauge",
        samples: [{ value: events }],
      },
    ];
  }

  /**
   * Forgets broadcasts created before `before` (epoch ms): their counters, messages and
   * statuses. Event ids stay, so an old event arriving again is still recognised.
   */
  async prune(before: number): Promise<number> {
    const ids = await this.redis.zrangebyscore(this.key("broadcasts"), 0, before - 1);
    for (const id of ids)
      await this.redis
        .multi()
        .del(this.key("b", id), this.key("b", id, "m"), this.key("b", id, "s"))
        .del(this.key("b", id, "r"))
        .zrem(this.key("broadcasts"), id)
        .exec();
    return ids.length;
  }

  /** Closes the queues, and the Redis client if this outbox opened it. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    if (this.ownsClient) await this.redis.quit();
  }
}

function toStatus(
  eventId: string,
  meta: Record<string, string>,
  rate: Record<string, string>,
  now: number,
): BroadcastStatus {
  const n = (field: string) => Number(meta[field] ?? 0);
  const [total, sent, failed, blocked] = [n("total"), n("sent"), n("failed"), n("blocked")];
  const remaining = Math.max(0, total - sent - failed - blocked);
  // Sends per second over the last minute, or since the first of them when more recent.
  const since = Math.floor((now - MINUTE) / 1000);
  let recent = 0;
  let first: number | undefined;
  for (const [second, count] of Object.entries(rate)) {
    const s = Number(second);
    if (s < since) continue;
    recent += Number(count);
    first = first === undefined ? s : Math.min(first, s);
  }
  return {
    eventId,
    type: meta.type ?? "",
    label: meta.label ?? "",
    priority: n("priority"),
    createdAt: n("createdAt"),
    total,
    // BullMQ knows which jobs are active, not which broadcast they belong to.
    queued: remaining,
    sending: 0,
    sent,
    failed,
    blocked,
    ...paceOf(
      remaining,
      { sent: recent, firstAt: first === undefined ? undefined : first * 1000 },
      now,
    ),
    firstSentAt: meta.firstSentAt ? Number(meta.firstSentAt) : null,
    lastSentAt: meta.lastSentAt ? Number(meta.lastSentAt) : null,
  };
}
