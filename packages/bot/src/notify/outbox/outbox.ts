import type { OutgoingMessage } from "../../engine/messages.js";

/** The event a fan-out comes from. */
export interface OutboxEventInput {
  /** The event's own id: an event is fanned out once, however often it arrives. */
  id: string;
  type: string;
  /** Higher goes first (see `priorityOf`). */
  priority: number;
  /** What operators see in the status view (a directive's number, a dossier code). */
  label?: string;
}

/** One recipient of an event: its chat key (`channel:chatId`) and the message in its language. */
export interface OutboxRecipient {
  chatKey: string;
  message: OutgoingMessage;
}

export interface EnqueueInput {
  event: OutboxEventInput;
  recipients: readonly OutboxRecipient[];
  /**
   * Latest-state dedupe: when the last event recorded under `key` had this `value` too (a
   * dossier's status reported by both the webhook and the watcher, with different event ids),
   * the event is recorded as processed and nothing is queued.
   */
  state?: { key: string; value: string };
  now?: number;
}

export interface EnqueueResult {
  /** The event id was processed before; nothing was written. */
  duplicate: boolean;
  /** `state` already had this value; the event is recorded, nothing queued. */
  repeated: boolean;
  /** Delivery rows written (recipients whose idempotency key was new). */
  queued: number;
}

/** One broadcast's progress, as `vnegov-bot broadcast status` shows it. */
export interface BroadcastStatus {
  eventId: string;
  type: string;
  label: string;
  priority: number;
  createdAt: number;
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  blocked: number;
  /** Messages sent per second over the last minute (or since the first send, if later). */
  ratePerSecond: number;
  /** Time to deliver what remains at that rate; 0 when done, undefined when nothing moves. */
  etaMs: number | undefined;
  /** Nothing queued or being sent. */
  done: boolean;
  firstSentAt: number | null;
  lastSentAt: number | null;
}

/** A position in the portal's event feed, kept where the outbox is (see `EventPoller`). */
export interface EventCursor {
  read(): Promise<string | undefined>;
  write(eventId: string): Promise<void>;
}

/**
 * Where notifications wait for delivery, whichever the store: `SqliteOutbox` (one file, the
 * embedded default) or `BullmqOutbox` (Redis, shared by several bot processes). The notifier
 * writes through it and the operator view reads it; each store has its own delivery worker.
 */
export interface Outbox {
  /** Whether the event was processed already (a cheap check before computing recipients). */
  hasEvent(eventId: string): boolean | Promise<boolean>;
  /**
   * Records the event and one delivery per recipient (idempotency key `eventId` + `chatKey`):
   * once it resolves, every notification is durably queued. An event seen before queues
   * nothing (`duplicate`).
   */
  enqueue(input: EnqueueInput): EnqueueResult | Promise<EnqueueResult>;
  /** A named cursor stored with the outbox, so it survives restarts and is shared as the outbox is. */
  cursor(name: string): EventCursor;
  /** Progress of the latest broadcasts, newest first. */
  broadcastStatus(options?: {
    eventId?: string;
    limit?: number;
    now?: number;
  }): BroadcastStatus[] | Promise<BroadcastStatus[]>;
}

/** What sends an outbox's deliveries: `DeliveryWorker` (SQLite) or `QueueDeliveryWorker` (BullMQ). */
export interface OutboxDelivery {
  /** Starts sending. */
  start(): void;
  /** Stops taking work and waits for sends under way. */
  stop(): Promise<void>;
  /** The outbox's gauges and the worker's counters, in Prometheus text format. */
  metrics(): string | Promise<string>;
}

const MINUTE = 60_000;

/**
 * A broadcast's pace: messages a second over the last minute (or since the first send of that
 * minute, when later; at least a second, so one quick send does not read as thousands a
 * second) and the time left at that rate.
 */
export function paceOf(
  remaining: number,
  recent: { sent: number; firstAt: number | undefined },
  now: number,
): Pick<BroadcastStatus, "ratePerSecond" | "etaMs" | "done"> {
  const windowMs = recent.firstAt === undefined ? MINUTE : Math.max(1000, now - recent.firstAt);
  const ratePerSecond = recent.sent === 0 ? 0 : recent.sent / (windowMs / 1000);
  return {
    ratePerSecond,
    etaMs:
      remaining === 0
        ? 0
        : ratePerSecond > 0
          ? Math.round((remaining / ratePerSecond) * 1000)
          : undefined,
    done: remaining === 0,
  };
}
