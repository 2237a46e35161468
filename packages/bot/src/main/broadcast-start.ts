import { join } from "node:path";
import { foldDiacritics } from "@vnegov/domain";
import {
  type Directive,
  NotFoundError,
  ValidationError,
  type Vnegov,
  type VnegovEvent,
} from "@vnegov/sdk";
import pino from "pino";
import type { ChannelName } from "../engine/messages.js";
import type { BroadcastStatus } from "../notify/outbox/outbox.js";
import { OutboxNotifier } from "../notify/outbox/outbox-notifier.js";
import { SqliteSubscriptionStore } from "../subscriptions/sqlite-store.js";
import { formatProgress } from "./broadcast-report.js";
import type { BotConfig } from "./config.js";
import { openOutbox } from "./outbox.js";
import { portal, sessionStorage } from "./run-bot.js";

/** Where `startBroadcast` writes, and how often it redraws. */
export interface BroadcastStartOutput {
  write(text: string): void;
  /** A terminal: the progress line is redrawn in place. Otherwise a line every `everyMs`. */
  tty: boolean;
  everyMs?: number;
}

/** Channels the configured bot delivers on (as `runBot` starts them). */
function channelsOf(config: BotConfig): ChannelName[] {
  return [
    "web",
    ...(config.TELEGRAM_BOT_TOKEN ? (["telegram"] as const) : []),
    ...(config.ZALO_BOT_TOKEN ? (["zalo"] as const) : []),
    ...(config.ZALO_OA_APP_ID && config.ZALO_OA_APP_SECRET && config.ZALO_OA_SECRET_KEY
      ? (["zalo_oa"] as const)
      : []),
  ];
}

/** A directive by its number and notation ("16/CT-TTg", diacritics and case ignored), or by id. */
async function findDirective(sdk: Vnegov, ref: string): Promise<Directive | undefined> {
  const wanted = foldDiacritics(ref);
  for await (const directive of sdk.docs.directives.list({ limit: 100 }))
    if (foldDiacritics(directive.numberNotation) === wanted) return directive;
  try {
    return await sdk.docs.directives.get(ref);
  } catch (error) {
    // Not an id the portal knows (404), or not shaped like one (400).
    if (error instanceof NotFoundError || error instanceof ValidationError) return undefined;
    throw error;
  }
}

/**
 * `vnegov-bot broadcast start <directive>`: sends a published directive to everyone following
 * its audiences now, through the same outbox the running bot delivers (a directive published
 * before the bot was set up, which the event feed skips). A directive already broadcast, however
 * it came, is not sent again. Shows a progress bar until every message is settled.
 *
 * @returns the process exit code: 0 done (or nothing to do), 1 not found.
 */
export async function startBroadcast(
  config: BotConfig,
  ref: string,
  out: BroadcastStartOutput,
): Promise<number> {
  const { sdk, sandbox } = await portal(config);
  const opened = await openOutbox(config);
  const subscriptions = new SqliteSubscriptionStore(join(config.DATA_DIR, "subscriptions.sqlite"));
  const sessions = await sessionStorage(config, pino({ level: "silent" }));
  try {
    const directive = await findDirective(sdk, ref);
    if (!directive) {
      out.write(`Không tìm thấy chỉ thị "${ref}" (theo mã hoặc số, ký hiệu).\n`);
      return 1;
    }
    const event: VnegovEvent = {
      id: `cli_${directive.id}`,
      type: "directive.published",
      createdAt: new Date().toISOString(),
      data: directive,
    };
    const notifier = new OutboxNotifier({
      sdk,
      subscriptions,
      sessions,
      outbox: opened.outbox,
      channels: channelsOf(config),
    });
    const result = await notifier.notify(event);
    const name = `${directive.numberNotation} ${directive.subject}`;
    if (result.duplicate || result.repeated) {
      out.write(`${name}: đã gửi trước đây, không gửi lại. Xem: vnegov-bot broadcast status\n`);
      return 0;
    }
    if (result.queued === 0) {
      out.write(`${name}: không có ai theo dõi để gửi.\n`);
      return 0;
    }
    out.write(`${name}: ${result.queued} tin đã vào hàng đợi (${opened.where}).\n`);
    await follow(opened.outbox.broadcastStatus.bind(opened.outbox), event.id, out);
    return 0;
  } finally {
    await sessions.close();
    subscriptions.close();
    await opened.close();
    await sdk.close();
    await sandbox?.close();
  }
}

/** Redraws the broadcast's progress until it is done. */
async function follow(
  statusOf: (o: { eventId: string }) => BroadcastStatus[] | Promise<BroadcastStatus[]>,
  eventId: string,
  out: BroadcastStartOutput,
): Promise<void> {
  const started = Date.now();
  let hinted = false;
  let printed = 0;
  for (;;) {
    const [status] = await statusOf({ eventId });
    if (!status) return;
    const now = Date.now();
    if (out.tty) out.write(`\r\x1b[2K${formatProgress(status)}`);
    else if (status.done || now - printed >= (out.everyMs ?? 5000)) {
      out.write(`${formatProgress(status)}\n`);
      printed = now;
    }
    if (status.done) {
      if (out.tty) out.write("\n");
      return;
    }
    if (!hinted && status.sent === 0 && now - started > 15_000) {
      hinted = true;
      out.write(
        `${out.tty ? "\n" : ""}Chưa có tin nào được gửi: vnegov-bot có đang chạy với cùng DATA_DIR (hoặc REDIS_URL)? Các tin vẫn nằm trong hàng đợi.\n`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
