import Database from "better-sqlite3";
import type { ChannelName, OutgoingMessage } from "../../engine/messages.js";
import { encodeMessage, MessageDecoder } from "./message-codec.js";
import type {
  BroadcastStatus,
  EnqueueInput,
  EnqueueResult,
  EventCursor,
  Outbox,
} from "./outbox.js";
import { paceOf } from "./outbox.js";
import { type MetricFamily, renderPrometheus } from "./prometheus.js";

/** Where one delivery row stands. `sent`, `failed` and `blocked` are final. */
export type DeliveryStatus = "queued" | "sending" | "sent" | "failed" | "blocked";

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  "queued",
  "sending",
  "sent",
  "failed",
  "blocked",
];

export interface ClaimRequest {
  channel: ChannelName;
  /** The worker claiming; its leases are renewed and released under this name. */
  owner: string;
  /** Rows to claim at most. */
  limit: number;
  /** How long the claim holds without a renewal. */
  leaseMs: number;
  /** The gap to keep after a send to `chatId` (per-chat and per-group ceilings). */
  chatIntervalMs: (chatId: string) => number;
  now?: number;
}

/** A row a worker holds under lease, ready to send. */
export interface ClaimedDelivery {
  id: number;
  eventId: string;
  /** `eventId:chatKey`, unique over the outbox. */
  idempotencyKey: string;
  chatKey: string;
  channel: ChannelName;
  chatId: string;
  message: OutgoingMessage;
  priority: number;
  /** Attempts so far, this one included. */
  attempts: number;
  leaseUntil: number;
}

/** A delivery row as stored (for operators and tests). */
export interface DeliveryRecord {
  id: number;
  idempotencyKey: string;
  eventId: string;
  chatKey: string;
  channel: ChannelName;
  chatId: string;
  priority: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

/** How `reschedule` puts a row back. */
export interface RescheduleOptions {
  /** The worker holding the lease. */
  owner: string;
  chatKey: string;
  /** When the row is due again (epoch ms). */
  at: number;
  /** Kept as `last_error`. */
  error: string;
  /** Give the attempt back (a 429 is the platform's pace, not the message's fault). */
  refundAttempt?: boolean;
  /** Hold every row of the chat until then (a 429's `retry_after`). */
  chatNotBefore?: number;
}

export interface SqliteOutboxOptions {
  /**
   * SQLite's `synchronous` for delivery-state changes (claims, sent marks, retries). Enqueues
   * always commit with `FULL` (fsync): once `notify` returns, the notifications survive even a
   * power cut. State changes default to `NORMAL`: in WAL mode that is still safe against
   * `kill -9` (the commit is in the OS's cache), and a power cut can only undo the last few
   * marks — rows sent again, never lost — while an fsync per message (~2 ms) would cap the
   * event loop at a few hundred messages a second. `FULL` fsyncs every change.
   */
  synchronous?: "FULL" | "NORMAL";
  /** How long a write waits for another process's lock. Default 5000 ms. */
  busyTimeoutMs?: number;
  /**
   * SQLite's page cache for this connection, KiB. Default 4096: claims and marks touch the
   * due index and a few hundred recent rows; better-sqlite3's default of 16 MiB only fills up
   * with the pages of a large enqueue and stays resident (measured: 12 MB of a broadcast to
   * 100 000 chats, no faster). A whole number, 64 or more; anything else is a `RangeError`.
   */
  cacheKiB?: number;
}

/** `cacheKiB` checked: a whole number of KiB, 64 at least (SQLite would take nonsense silently). */
function cacheKiBOf(cacheKiB = 4096): number {
  if (!Number.isInteger(cacheKiB) || cacheKiB < 64)
    throw new RangeError(`cacheKiB must be a whole number of KiB, 64 or more (got ${cacheKiB}).`);
  return cacheKiB;
}

/** A send the platform took: its row becomes `sent`, its chat free after `chatIntervalMs`. */
export interface SentMark {
  id: number;
  owner: string;
  chatKey: string;
  chatIntervalMs: number;
  now: number;
}

interface DeliveryRow {
  id: number;
  idempotency_key: string;
  event_id: string;
  chat_key: string;
  channel: ChannelName;
  chat_id: string;
  message: string;
  priority: number;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

interface StatusRow {
  id: string;
  type: string;
  label: string;
  priority: number;
  created_at: number;
  total: number;
  queued: number | null;
  sending: number | null;
  sent: number | null;
  failed: number | null;
  blocked: number | null;
  recent: number | null;
  recent_first: number | null;
  first_sent: number | null;
  last_sent: number | null;
}

const SCHEMA_VERSION = 1;
const MINUTE = 60_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox_events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  label TEXT NOT NULL,
  priority INTEGER NOT NULL,
  recipients INTEGER NOT NULL,
  note TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_events_by_time ON outbox_events (created_at);
CREATE TABLE IF NOT EXISTS outbox_deliveries (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  event_id TEXT NOT NULL REFERENCES outbox_events (id),
  chat_key TEXT NOT NULL,
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  message TEXT NOT NULL,
  priority INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'blocked')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_due
  ON outbox_deliveries (channel, priority DESC, next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX IF NOT EXISTS outbox_leased
  ON outbox_deliveries (lease_until) WHERE status = 'sending';
CREATE INDEX IF NOT EXISTS outbox_by_event ON outbox_deliveries (event_id, status);
CREATE INDEX IF NOT EXISTS outbox_by_chat ON outbox_deliveries (chat_key, status);
CREATE INDEX IF NOT EXISTS outbox_sent
  ON outbox_deliveries (channel, sent_at) WHERE status = 'sent';
CREATE TABLE IF NOT EXISTS outbox_chats (
  chat_key TEXT PRIMARY KEY,
  next_send_at INTEGER NOT NULL DEFAULT 0,
  busy_owner TEXT,
  busy_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS outbox_cursors (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox_states (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  event_id TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
`;

/** `channel:chatId` split at the first colon (chat ids may hold colons, channels never do). */
function splitChatKey(chatKey: string): { channel: ChannelName; chatId: string } {
  const split = chatKey.indexOf(":");
  if (split <= 0) throw new RangeError(`Not a chat key (channel:chatId): ${chatKey}`);
  return { channel: chatKey.slice(0, split) as ChannelName, chatId: chatKey.slice(split + 1) };
}

const toRecord = (r: DeliveryRow): DeliveryRecord => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  eventId: r.event_id,
  chatKey: r.chat_key,
  channel: r.channel,
  chatId: r.chat_id,
  priority: r.priority,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
});

/**
 * The durable outbox in one SQLite file (WAL): one row per event, one delivery row per
 * recipient with the idempotency key `eventId:chatKey`, written in one transaction.
 *
 * Workers claim due rows under a lease (`claim`), renew it while they hold them (`renew`) and
 * settle each row (`markSent`, `reschedule`, `markFailed`, `markBlocked`). A worker that dies
 * stops renewing, so its rows come back to the queue when the lease runs out. Several
 * processes may share the file: claims run in `BEGIN IMMEDIATE` transactions, so two workers
 * never hold the same row, and the per-chat pacing (one send in flight per chat, a gap after
 * each) lives in the file too.
 *
 * @example
 * ```ts
 * const outbox = new SqliteOutbox("data/outbox.sqlite");
 * const notifier = new OutboxNotifier({ sdk, subscriptions, sessions, outbox });
 * const worker = new DeliveryWorker({ outbox, senders: [telegram], subscriptions });
 * worker.start();
 * ```
 */
export class SqliteOutbox implements Outbox {
  private readonly db: Database.Database;
  private readonly stateSync: "FULL" | "NORMAL";
  private readonly listeners = new Set<(eventId: string, queued: number) => void>();
  private readonly sql;
  private readonly messages = new MessageDecoder();
  private readonly enqueueTx;
  private readonly claimTx;
  private readonly blockTx;
  private readonly sentManyTx;
  private readonly rescheduleTx;
  private readonly failTx;
  private readonly renewTx;
  private readonly releaseTx;
  private readonly pruneTx;

  constructor(
    readonly path: string,
    options: SqliteOutboxOptions = {},
  ) {
    // Checked before the file is opened, so a bad option leaves no handle behind.
    const cacheKiB = cacheKiBOf(options.cacheKiB);
    this.db = new Database(path);
    if (path !== ":memory:") this.db.pragma("journal_mode = WAL");
    this.stateSync = options.synchronous ?? "NORMAL";
    this.db.pragma(`synchronous = ${this.stateSync}`);
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.pragma("foreign_keys = ON");
    this.db.pragma(`cache_size = -${cacheKiB}`);
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new Error(`${path}: outbox schema ${version} is newer than this code knows.`);
    this.db.exec(SCHEMA);
    if (version < SCHEMA_VERSION) this.db.pragma(`user_version = ${SCHEMA_VERSION}`);

    const db = this.db;
    this.sql = {
      hasEvent: db.prepare("SELECT 1 FROM outbox_events WHERE id = ?").pluck(),
      readCursor: db.prepare("SELECT value FROM outbox_cursors WHERE name = ?").pluck(),
      writeCursor: db.prepare(
        "INSERT INTO outbox_cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
      ),
      insertEvent: db.prepare(
        `INSERT OR IGNORE INTO outbox_events (id, type, label, priority, recipients, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      stateOf: db.prepare("SELECT value FROM outbox_states WHERE key = ?").pluck(),
      setState: db.prepare(
        `INSERT INTO outbox_states (key, value, event_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, event_id = excluded.event_id,
           updated_at = excluded.updated_at`,
      ),
      insertDelivery: db.prepare(
        `INSERT OR IGNORE INTO outbox_deliveries (idempotency_key, event_id, chat_key, channel,
           chat_id, message, priority, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
      ),
      recoverExpired: db.prepare(
        `UPDATE outbox_deliveries SET status = 'queued', lease_owner = NULL, lease_until = NULL,
           last_error = 'lease expired: the worker stopped renewing it', updated_at = ?
         WHERE status = 'sending' AND lease_until <= ?`,
      ),
      due: db.prepare(
        `SELECT id, event_id, idempotency_key, chat_key, channel, chat_id, message, priority,
           attempts
         FROM outbox_deliveries
         WHERE status = 'queued' AND channel = ? AND next_attempt_at <= ?
         ORDER BY priority DESC, next_attempt_at, id LIMIT ?`,
      ),
      chatPace: db.prepare("SELECT next_send_at, busy_until FROM outbox_chats WHERE chat_key = ?"),
      defer: db.prepare(
        "UPDATE outbox_deliveries SET next_attempt_at = ?, updated_at = ? WHERE id = ?",
      ),
      take: db.prepare(
        `UPDATE outbox_deliveries SET status = 'sending', attempts = attempts + 1,
           lease_owner = ?, lease_until = ?, updated_at = ?
         WHERE id = ? AND status = 'queued'`,
      ),
      holdChat: db.prepare(
        `INSERT INTO outbox_chats (chat_key, next_send_at, busy_owner, busy_until)
         VALUES (?, 0, ?, ?)
         ON CONFLICT (chat_key) DO UPDATE SET busy_owner = excluded.busy_owner,
           busy_until = excluded.busy_until`,
      ),
      renewRows: db.prepare(
        `UPDATE outbox_deliveries SET lease_until = ?
         WHERE lease_owner = ? AND status = 'sending' RETURNING id`,
      ),
      renewChats: db.prepare(
        "UPDATE outbox_chats SET busy_until = ? WHERE busy_owner = ? AND busy_until > 0",
      ),
      sent: db.prepare(
        `UPDATE outbox_deliveries SET status = 'sent', sent_at = ?, updated_at = ?,
           lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND status IN ('queued', 'sending')`,
      ),
      // Pacing survives whoever sent: the gap is the chat's, not the worker's.
      freeChat: db.prepare(
        `INSERT INTO outbox_chats (chat_key, next_send_at, busy_owner, busy_until)
         VALUES (?, ?, NULL, 0)
         ON CONFLICT (chat_key) DO UPDATE SET
           next_send_at = MAX(next_send_at, excluded.next_send_at),
           busy_owner = CASE WHEN busy_owner = ? THEN NULL ELSE busy_owner END,
           busy_until = CASE WHEN busy_owner = ? THEN 0 ELSE busy_until END`,
      ),
      reschedule: db.prepare(
        `UPDATE outbox_deliveries SET status = 'queued', lease_owner = NULL, lease_until = NULL,
           next_attempt_at = ?, last_error = ?, attempts = attempts - ?, updated_at = ?
         WHERE id = ? AND status = 'sending' AND lease_owner = ?`,
      ),
      failed: db.prepare(
        `UPDATE outbox_deliveries SET status = 'failed', last_error = ?, updated_at = ?,
           lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND status = 'sending' AND lease_owner = ?`,
      ),
      chatOf: db.prepare("SELECT chat_key FROM outbox_deliveries WHERE id = ?").pluck(),
      blocked: db.prepare(
        `UPDATE outbox_deliveries SET status = 'blocked', last_error = ?, updated_at = ?,
           lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND status IN ('queued', 'sending')`,
      ),
      blockQueued: db.prepare(
        `UPDATE outbox_deliveries SET status = 'blocked', last_error = ?, updated_at = ?
         WHERE chat_key = ? AND status = 'queued'`,
      ),
      release: db.prepare(
        `UPDATE outbox_deliveries SET status = 'queued', lease_owner = NULL, lease_until = NULL,
           attempts = attempts - 1, updated_at = ?
         WHERE id = ? AND status = 'sending' AND lease_owner = ?`,
      ),
      nextDue: db
        .prepare(
          `SELECT MIN(next_attempt_at) FROM outbox_deliveries
           WHERE status = 'queued' AND channel = ?`,
        )
        .pluck(),
      nextLeaseEnd: db
        .prepare(
          `SELECT MIN(lease_until) FROM outbox_deliveries
           WHERE status = 'sending' AND channel = ?`,
        )
        .pluck(),
      pending: db
        .prepare(
          `SELECT COUNT(*) FROM outbox_deliveries WHERE status IN ('queued', 'sending')
           AND (@channel IS NULL OR channel = @channel)`,
        )
        .pluck(),
      byId: db.prepare("SELECT * FROM outbox_deliveries WHERE id = ?"),
      byEvent: db.prepare("SELECT * FROM outbox_deliveries WHERE event_id = ? ORDER BY id"),
      byChat: db.prepare("SELECT * FROM outbox_deliveries WHERE chat_key = ? ORDER BY id"),
      status: db.prepare(
        `SELECT e.id, e.type, e.label, e.priority, e.created_at, COUNT(d.id) AS total,
           SUM(d.status = 'queued') AS queued, SUM(d.status = 'sending') AS sending,
           SUM(d.status = 'sent') AS sent, SUM(d.status = 'failed') AS failed,
           SUM(d.status = 'blocked') AS blocked,
           SUM(d.status = 'sent' AND d.sent_at >= @since) AS recent,
           MIN(CASE WHEN d.status = 'sent' AND d.sent_at >= @since THEN d.sent_at END) AS recent_first,
           MIN(d.sent_at) AS first_sent, MAX(d.sent_at) AS last_sent
         FROM (SELECT rowid AS seq, * FROM outbox_events WHERE (@eventId IS NULL OR id = @eventId)
               ORDER BY created_at DESC, rowid DESC LIMIT @limit) AS e
         LEFT JOIN outbox_deliveries AS d ON d.event_id = e.id
         GROUP BY e.id ORDER BY e.created_at DESC, e.seq DESC`,
      ),
      countsByStatus: db.prepare(
        "SELECT channel, status, COUNT(*) AS n FROM outbox_deliveries GROUP BY channel, status",
      ),
      eventCount: db.prepare("SELECT COUNT(*) FROM outbox_events").pluck(),
      oldestDue: db.prepare(
        `SELECT channel, MIN(next_attempt_at) AS oldest FROM outbox_deliveries
         WHERE status = 'queued' AND next_attempt_at <= ? GROUP BY channel`,
      ),
      sentSince: db.prepare(
        `SELECT channel, COUNT(*) AS n FROM outbox_deliveries
         WHERE status = 'sent' AND sent_at >= ? GROUP BY channel`,
      ),
      pruneDeliveries: db.prepare(
        `DELETE FROM outbox_deliveries
         WHERE status IN ('sent', 'failed', 'blocked') AND updated_at < ?`,
      ),
      pruneChats: db.prepare("DELETE FROM outbox_chats WHERE busy_until = 0 AND next_send_at < ?"),
    };

    this.enqueueTx = db.transaction((input: EnqueueInput, now: number): EnqueueResult => {
      const { event, recipients, state } = input;
      const repeated = state !== undefined && this.sql.stateOf.get(state.key) === state.value;
      const note = repeated ? "repeated state: nothing queued" : null;
      const inserted = this.sql.insertEvent.run(
        event.id,
        event.type,
        event.label ?? "",
        event.priority,
        repeated ? 0 : recipients.length,
        note,
        now,
      );
      if (inserted.changes === 0) return { duplicate: true, repeated: false, queued: 0 };
      if (state) this.sql.setState.run(state.key, state.value, event.id, now);
      if (repeated) return { duplicate: false, repeated: true, queued: 0 };
      let queued = 0;
      // Recipients of one language share one message object: encode it once.
      const encoded = new Map<OutgoingMessage, string>();
      for (const { chatKey, message } of recipients) {
        const { channel, chatId } = splitChatKey(chatKey);
        let json = encoded.get(message);
        if (json === undefined) {
          json = encodeMessage(message);
          encoded.set(message, json);
        }
        queued += this.sql.insertDelivery.run(
          `${event.id}:${chatKey}`,
          event.id,
          chatKey,
          channel,
          chatId,
          json,
          event.priority,
          now,
          now,
          now,
        ).changes;
      }
      return { duplicate: false, repeated: false, queued };
    });

    this.claimTx = db.transaction((request: ClaimRequest, now: number): ClaimedDelivery[] => {
      this.sql.recoverExpired.run(now, now);
      if (request.limit <= 0) return [];
      const leaseUntil = now + request.leaseMs;
      // Rows of busy or paced chats are pushed back as they are met, so a later claim does
      // not scan them again; a few more than the limit finds enough sendable rows in one go.
      const candidates = this.sql.due.all(
        request.channel,
        now,
        request.limit + 16,
      ) as DeliveryRow[];
      const claimed: ClaimedDelivery[] = [];
      const chatsTaken = new Set<string>();
      for (const row of candidates) {
        if (claimed.length >= request.limit) break;
        const gap = request.chatIntervalMs(row.chat_id);
        if (chatsTaken.has(row.chat_key)) {
          this.sql.defer.run(now + Math.max(gap, 1), now, row.id);
          continue;
        }
        chatsTaken.add(row.chat_key);
        const pace = this.sql.chatPace.get(row.chat_key) as
          | { next_send_at: number; busy_until: number }
          | undefined;
        if (pace && pace.busy_until > now) {
          // One send in flight per chat: wait for it, then the chat's gap.
          this.sql.defer.run(now + Math.max(gap, 1), now, row.id);
          continue;
        }
        // A hold that ran out unsettled: its worker died or stalled, perhaps right after the
        // platform took a message, so the chat's gap counts from the end of that hold.
        if (pace && pace.busy_until > 0 && pace.busy_until + gap > now) {
          this.sql.defer.run(pace.busy_until + gap, now, row.id);
          continue;
        }
        if (pace && pace.next_send_at > now) {
          this.sql.defer.run(pace.next_send_at, now, row.id);
          continue;
        }
        if (this.sql.take.run(request.owner, leaseUntil, now, row.id).changes === 0) continue;
        this.sql.holdChat.run(row.chat_key, request.owner, leaseUntil);
        claimed.push({
          id: row.id,
          eventId: row.event_id,
          idempotencyKey: row.idempotency_key,
          chatKey: row.chat_key,
          channel: row.channel,
          chatId: row.chat_id,
          message: this.messages.decode(row.message),
          priority: row.priority,
          attempts: row.attempts + 1,
          leaseUntil,
        });
      }
      return claimed;
    });

    this.blockTx = db.transaction((id: number, reason: string, owner: string, now: number) => {
      const chatKey = this.sql.chatOf.get(id) as string | undefined;
      if (chatKey === undefined) return undefined;
      const marked = this.sql.blocked.run(reason, now, id).changes;
      const others = this.sql.blockQueued.run(`chat blocked: ${reason}`, now, chatKey).changes;
      this.sql.freeChat.run(chatKey, 0, owner, owner);
      return { chatKey, blocked: marked + others };
    });

    this.sentManyTx = db.transaction((marks: readonly SentMark[]) => {
      let changed = 0;
      for (const m of marks) {
        changed += this.sql.sent.run(m.now, m.now, m.id).changes;
        this.sql.freeChat.run(m.chatKey, m.now + m.chatIntervalMs, m.owner, m.owner);
      }
      return changed;
    });

    this.rescheduleTx = db.transaction((id: number, o: RescheduleOptions, now: number): boolean => {
      const changed =
        this.sql.reschedule.run(o.at, o.error, o.refundAttempt ? 1 : 0, now, id, o.owner).changes >
        0;
      this.sql.freeChat.run(o.chatKey, o.chatNotBefore ?? 0, o.owner, o.owner);
      return changed;
    });

    this.failTx = db.transaction(
      (id: number, chatKey: string, owner: string, error: string, now: number) => {
        const changed = this.sql.failed.run(error, now, id, owner).changes > 0;
        this.sql.freeChat.run(chatKey, 0, owner, owner);
        return changed;
      },
    );

    this.renewTx = db.transaction((owner: string, until: number) => {
      this.sql.renewChats.run(until, owner);
      return new Set((this.sql.renewRows.all(until, owner) as { id: number }[]).map((r) => r.id));
    });

    this.releaseTx = db.transaction((owner: string, ids: readonly number[], now: number) => {
      let released = 0;
      for (const id of ids) {
        const chatKey = this.sql.chatOf.get(id) as string | undefined;
        released += this.sql.release.run(now, id, owner).changes;
        if (chatKey !== undefined) this.sql.freeChat.run(chatKey, 0, owner, owner);
      }
      return released;
    });

    this.pruneTx = db.transaction((before: number) => ({
      deliveries: this.sql.pruneDeliveries.run(before).changes,
      chats: this.sql.pruneChats.run(before).changes,
    }));
  }

  /** Whether the event was processed already (a cheap check before computing recipients). */
  hasEvent(eventId: string): boolean {
    return this.sql.hasEvent.get(eventId) !== undefined;
  }

  /**
   * Records the event and one delivery row per recipient in one transaction: either all rows
   * are there or none. An event id seen before writes nothing (`duplicate`).
   */
  enqueue(input: EnqueueInput): EnqueueResult {
    const now = input.now ?? Date.now();
    // Fsynced: the caller (a webhook answering 200) relies on it. This also makes every
    // earlier NORMAL commit durable, as they sit in the same WAL before it.
    if (this.stateSync !== "FULL") this.db.pragma("synchronous = FULL");
    let result: EnqueueResult;
    try {
      result = this.enqueueTx.immediate(input, now);
    } finally {
      if (this.stateSync !== "FULL") this.db.pragma(`synchronous = ${this.stateSync}`);
    }
    if (result.queued > 0)
      for (const listener of this.listeners) listener(input.event.id, result.queued);
    return result;
  }

  cursor(name: string): EventCursor {
    return {
      read: async () => (this.sql.readCursor.get(name) as string | undefined) ?? undefined,
      write: async (value) => void this.sql.writeCursor.run(name, value),
    };
  }

  /** Calls `listener` after each enqueue in this process (workers wake up at once). */
  onEnqueue(listener: (eventId: string, queued: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Leases up to `limit` due rows of `channel` to `owner`, most urgent first, at most one per
   * chat and none for a chat with a send in flight or inside its gap. Rows whose lease ran out
   * (their worker died) are put back in the queue first. Atomic over processes: the whole claim
   * is one `BEGIN IMMEDIATE` transaction, and each row is taken only `WHERE status = 'queued'`.
   */
  claim(request: ClaimRequest): ClaimedDelivery[] {
    return this.claimTx.immediate(request, request.now ?? Date.now());
  }

  /**
   * Extends every lease `owner` still holds; returns the ids of those rows (a row missing was
   * taken back after its lease ran out: it must not be sent by this owner any more).
   */
  renew(owner: string, leaseMs: number, now = Date.now()): Set<number> {
    return this.renewTx.immediate(owner, now + leaseMs);
  }

  /**
   * The platform took the message: the row is final, and the chat may have the next one after
   * `chatIntervalMs`. Recorded whoever holds the lease, so a row another worker took back after
   * a stall is not sent a second time. Returns false when the row was final already.
   */
  markSent(
    id: number,
    options: { owner: string; chatKey: string; chatIntervalMs: number; now?: number },
  ): boolean {
    return this.markSentMany([{ id, ...options, now: options.now ?? Date.now() }]) > 0;
  }

  /**
   * {@link SqliteOutbox.markSent} for several rows in one transaction (a group commit): a
   * commit's WAL writes are shared by every row in it. Returns how many rows became `sent`.
   */
  markSentMany(marks: readonly SentMark[]): number {
    return this.sentManyTx.immediate(marks);
  }

  /**
   * Puts a row back in the queue for `at`. `refundAttempt` for 429s (the platform's pace, not
   * the message's fault); `chatNotBefore` holds every row of the chat until then.
   */
  reschedule(id: number, options: RescheduleOptions & { now?: number }): boolean {
    return this.rescheduleTx.immediate(id, options, options.now ?? Date.now());
  }

  /** Gives up on a row (attempts used up, or a request the platform will never take). */
  markFailed(
    id: number,
    options: { owner: string; chatKey: string; error: string; now?: number },
  ): boolean {
    const now = options.now ?? Date.now();
    return this.failTx.immediate(id, options.chatKey, options.owner, options.error, now);
  }

  /**
   * The chat blocked the bot (or is gone): the row and the chat's other queued rows become
   * `blocked`, never retried. Returns the chat key and how many rows were blocked.
   */
  markBlocked(
    id: number,
    options: { owner: string; error: string; now?: number },
  ): { chatKey: string; blocked: number } | undefined {
    return this.blockTx.immediate(id, options.error, options.owner, options.now ?? Date.now());
  }

  /** Returns rows `owner` claimed but never started sending to the queue, attempt refunded. */
  release(owner: string, ids: readonly number[], now = Date.now()): number {
    return ids.length === 0 ? 0 : this.releaseTx.immediate(owner, ids, now);
  }

  /**
   * When `channel` has work next: the earliest queued row's due time, or the earliest lease
   * end (a dead worker's rows come back then); undefined when there is nothing at all.
   */
  nextDueAt(channel: ChannelName): number | undefined {
    const due = this.sql.nextDue.get(channel) as number | null;
    const lease = this.sql.nextLeaseEnd.get(channel) as number | null;
    const times = [due, lease].filter((t): t is number => t !== null);
    return times.length === 0 ? undefined : Math.min(...times);
  }

  /** Rows queued or being sent, for one channel or all. */
  pendingCount(channel?: ChannelName): number {
    return this.sql.pending.get({ channel: channel ?? null }) as number;
  }

  /** One delivery row. */
  delivery(id: number): DeliveryRecord | undefined {
    const row = this.sql.byId.get(id) as DeliveryRow | undefined;
    return row && toRecord(row);
  }

  /** The rows of an event or of a chat, oldest first. */
  deliveries(filter: { eventId: string } | { chatKey: string }): DeliveryRecord[] {
    const rows =
      "eventId" in filter
        ? (this.sql.byEvent.all(filter.eventId) as DeliveryRow[])
        : (this.sql.byChat.all(filter.chatKey) as DeliveryRow[]);
    return rows.map(toRecord);
  }

  /**
   * Progress of the latest broadcasts (events), newest first: counts per status, the send
   * rate over the last minute and the time left at that rate.
   */
  broadcastStatus(
    options: { eventId?: string; limit?: number; now?: number } = {},
  ): BroadcastStatus[] {
    const now = options.now ?? Date.now();
    const rows = this.sql.status.all({
      since: now - MINUTE,
      eventId: options.eventId ?? null,
      limit: options.limit ?? 20,
    }) as StatusRow[];
    return rows.map((r) => {
      const queued = r.queued ?? 0;
      const sending = r.sending ?? 0;
      return {
        eventId: r.id,
        type: r.type,
        label: r.label,
        priority: r.priority,
        createdAt: r.created_at,
        total: r.total,
        queued,
        sending,
        sent: r.sent ?? 0,
        failed: r.failed ?? 0,
        blocked: r.blocked ?? 0,
        ...paceOf(
          queued + sending,
          { sent: r.recent ?? 0, firstAt: r.recent_first ?? undefined },
          now,
        ),
        firstSentAt: r.first_sent,
        lastSentAt: r.last_sent,
      };
    });
  }

  /** The outbox's gauges as Prometheus metric families (the worker adds its counters). */
  metricFamilies(now = Date.now()): MetricFamily[] {
    const counts = this.sql.countsByStatus.all() as {
      channel: string;
      status: DeliveryStatus;
      n: number;
    }[];
    const channels = [...new Set(counts.map((c) => c.channel))].sort();
    const byKey = new Map(counts.map((c) => [`${c.channel}|${c.status}`, c.n]));
    const oldest = this.sql.oldestDue.all(now) as { channel: string; oldest: number }[];
    const recent = this.sql.sentSince.all(now - MINUTE) as { channel: string; n: number }[];
    return [
      {
        name: "vnegov_outbox_deliveries",
        help: "Delivery rows in the outbox by channel and status.",
        type: "gauge",
        samples: channels.flatMap((channel) =>
          DELIVERY_STATUSES.map((status) => ({
            labels: { channel, status },
            value: byKey.get(`${channel}|${status}`) ?? 0,
          })),
        ),
      },
      {
        name: "vnegov_outbox_events",
        help: "Events recorded in the outbox (each fanned out once).",
        type: "gauge",
        samples: [{ value: this.sql.eventCount.get() as number }],
      },
      {
        name: "vnegov_outbox_backlog_age_seconds",
        help: "How long the oldest due queued delivery has been waiting, by channel.",
        type: "gauge",
        samples: oldest.map((o) => ({
          labels: { channel: o.channel },
          value: Math.max(0, now - o.oldest) / 1000,
        })),
      },
      {
        name: "vnegov_outbox_sent_last_minute",
        help: "Deliveries marked sent during the last minute, by channel.",
        type: "gauge",
        samples: recent.map((r) => ({ labels: { channel: r.channel }, value: r.n })),
      },
    ];
  }

  /** The outbox's gauges in Prometheus text format. */
  metrics(now = Date.now()): string {
    return renderPrometheus(this.metricFamilies(now));
  }

  /**
   * Deletes final rows last touched before `before` (epoch ms) and idle chat pacing rows. Event
   * rows stay, so an old event arriving again is still recognised.
   */
  prune(before: number): { deliveries: number; chats: number } {
    return this.pruneTx.immediate(before);
  }

  close(): void {
    this.listeners.clear();
    this.db.close();
  }
}
