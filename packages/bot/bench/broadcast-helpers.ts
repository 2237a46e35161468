/**
 * What the broadcast benchmark (`broadcast.bench.ts`) and its memory child
 * (`broadcast-rss.ts`) share: the Telegram emulator's controls over HTTP (it runs in another
 * process) and the vnegov outbox broadcast itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// Only what a broadcast needs, so the memory child loads no more than that.
import { createTelegramChannel } from "../src/channels/telegram/index.js";
import {
  type BroadcastStatus,
  DeliveryWorker,
  PRIORITY,
  SqliteOutbox,
  type WorkerCounters,
} from "../src/notify/outbox/index.js";

/** A token of Telegram's shape; each scenario is its own bot, so its own limits and counts. */
export const tokenFor = (botId: number) => `${botId}:${"BroadcastBench".padEnd(35, "0")}`;

/** A directive notification of the usual length (about 300 characters). */
export const BROADCAST_TEXT =
  "📢 Chỉ thị 15/CT-UBND của Ủy ban nhân dân tỉnh\n" +
  "Về tăng cường các biện pháp phòng, chống dịch bệnh trong mùa mưa bão.\n" +
  "Hiệu lực: từ 01/07/2025 đến 31/12/2025. Phạm vi: toàn tỉnh.\n" +
  "Xem toàn văn: /chithi 15/CT-UBND — gõ /huy để ngừng nhận thông báo.";

/** What the emulator counted for one bot (see `TelegramEmulator.stats`). */
export interface EmulatorStats {
  sent: number;
  chatsReached: number;
  rateLimited: number;
  firstSentAt?: number;
  lastSentAt?: number;
}

/** The Telegram emulator's `/_emulator/telegram` controls, for a sandbox in another process. */
export class EmulatorControl {
  constructor(readonly url: string) {}

  /** Telegram's flood limits with the per-bot ceiling at `globalPerSecond`. */
  async setCeiling(globalPerSecond: number): Promise<void> {
    await this.call("PUT", "/rate-limits", {
      perChatPerSecond: 1,
      perChatBurst: 3,
      groupPerMinute: 20,
      globalPerSecond,
    });
  }

  /** Opens private chats 1…count for the bot, as subscribers who started it earlier. */
  async openChats(token: string, count: number): Promise<void> {
    const batch = 20_000;
    for (let from = 1; from <= count; from += batch) {
      const chatIds = Array.from({ length: Math.min(batch, count - from + 1) }, (_, i) => from + i);
      await this.call("POST", `/bots/${token}/chats`, { chatIds });
    }
  }

  stats(token: string): Promise<EmulatorStats> {
    return this.call("GET", `/bots/${token}/stats`) as Promise<EmulatorStats>;
  }

  /**
   * Chats among 1…count that got more than one message. Only needed when the emulator counted
   * more messages than chats reached; reads each chat, 32 at a time.
   */
  async chatsWithRepeats(token: string, count: number): Promise<number> {
    let next = 1;
    let repeated = 0;
    const reader = async () => {
      for (let chat = next++; chat <= count; chat = next++) {
        const messages = (await this.call("GET", `/bots/${token}/chats/${chat}/messages`)) as {
          text?: string;
        }[];
        if (messages.length > 1) repeated += 1;
      }
    };
    await Promise.all(Array.from({ length: 32 }, reader));
    return repeated;
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/_emulator/telegram${path}`, {
      method,
      ...(body !== undefined && {
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    });
    const answer = (await response.json()) as {
      ok: boolean;
      result?: unknown;
      description?: string;
    };
    if (!answer.ok) throw new Error(`emulator ${method} ${path}: ${answer.description}`);
    return answer.result;
  }
}

/** How the vnegov broadcast went on the bot's side. */
export interface OutboxBroadcast {
  /** From the enqueue to an empty outbox, ms. */
  wallMs: number;
  /** Committing the N delivery rows (one transaction), ms. */
  enqueueMs: number;
  counters: WorkerCounters;
  /** The outbox's view at the end: every row `sent` when nothing went wrong. */
  status: BroadcastStatus;
}

/**
 * The vnegov way: one event's N delivery rows committed to a SQLite outbox in a temporary
 * directory, then a `DeliveryWorker` with the Telegram channel (telegraf) sending them at
 * `ceiling` msg/s (default headroom) until the outbox is empty.
 */
export async function outboxBroadcast(options: {
  apiRoot: string;
  token: string;
  subscribers: number;
  ceiling: number;
  /** Overrides the Telegram channel's headroom (default 0.97, `TELEGRAM_LIMITS`). */
  headroom?: number;
  /** Gives up after this long (a stalled broadcast must not hang the benchmark). */
  timeoutMs: number;
}): Promise<OutboxBroadcast> {
  const dir = mkdtempSync(join(tmpdir(), "vnegov-broadcast-"));
  const outbox = new SqliteOutbox(join(dir, "outbox.sqlite"));
  const sender = createTelegramChannel({
    // Only `send` is used: the channel is never started, so the engine is never asked.
    engine: { handle: async () => [] },
    token: options.token,
    apiRoot: options.apiRoot,
    mode: { type: "polling" },
  });
  const worker = new DeliveryWorker({
    outbox,
    senders: [sender],
    limits: {
      telegram: {
        perSecond: options.ceiling,
        ...(options.headroom !== undefined && { headroom: options.headroom }),
      },
    },
  });
  try {
    worker.start();
    const message = { text: BROADCAST_TEXT };
    const eventId = `bench-${options.token.split(":")[0]}`;
    const started = performance.now();
    const result = outbox.enqueue({
      event: {
        id: eventId,
        type: "directive.published",
        priority: PRIORITY.routine,
        label: "15/CT-UBND",
      },
      recipients: Array.from({ length: options.subscribers }, (_, i) => ({
        chatKey: `telegram:${i + 1}`,
        message,
      })),
    });
    const enqueueMs = performance.now() - started;
    if (result.queued !== options.subscribers)
      throw new Error(`queued ${result.queued} of ${options.subscribers}`);
    // The worker's own counters are free to read; counting the outbox's rows is not (at 100 000
    // rows, ten `pendingCount`s a second would take a good share of a core).
    const settled = () => {
      const c = worker.counters();
      return c.sent + c.failed + c.blocked;
    };
    const deadline = Date.now() + options.timeoutMs;
    while (settled() < options.subscribers || outbox.pendingCount() > 0) {
      if (Date.now() > deadline) throw new Error("the outbox broadcast did not finish in time");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const wallMs = performance.now() - started;
    await worker.stop();
    const [status] = outbox.broadcastStatus({ eventId });
    if (!status) throw new Error(`no broadcast status for ${eventId}`);
    return { wallMs, enqueueMs, counters: worker.counters(), status };
  } finally {
    await worker.stop();
    outbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
