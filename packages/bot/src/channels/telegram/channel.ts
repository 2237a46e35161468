import http from "node:http";
import { safeEqual } from "@vnegov/domain";
import { Telegraf, type Types } from "telegraf";
import { formatSize } from "../../dialogs/submit-form/render.js";
import type { IncomingAttachment, OutgoingMessage } from "../../engine/messages.js";
import { localeFromHint, translate } from "../../i18n/translate.js";
import { ChatQueue } from "../chat-queue.js";
import { AttachmentTooLargeError } from "../download.js";
import type { SendOptions } from "../sender.js";
import { HttpTelegram } from "./api-client.js";
import { downloadAttachments } from "./attachments.js";
import { type Inbound, readUpdate } from "./incoming.js";
import type { TelegramChannel, TelegramChannelOptions } from "./options.js";
import { deliver } from "./outgoing.js";
import { Poller } from "./polling.js";
import { parseUpdate, RecentUpdates, SECRET_HEADER, SECRET_TOKEN } from "./webhook.js";

const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Update kinds the bot asks Telegram for; it ignores the rest anyway. */
const ALLOWED_UPDATES: Types.UpdateType[] = ["message", "callback_query"];

/**
 * A Telegram channel on telegraf: updates become the engine's messages, its replies become
 * Telegram messages within Telegram's limits. Dialogs never see telegraf.
 *
 * @example
 * ```ts
 * const telegram = createTelegramChannel({ engine, token, mode: { type: "polling" } });
 * await telegram.start();
 * ```
 */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { mode, engine, logger } = options;
  if (mode.type === "webhook" && !SECRET_TOKEN.test(mode.secretToken))
    throw new RangeError("The webhook secretToken must be 1–256 of A–Z, a–z, 0–9, _ and -.");
  const maxAttachmentBytes = options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const bot = new Telegraf(options.token, {
    // Replies are sent as their own requests, so failures are seen and retried.
    telegram: { apiRoot: options.apiRoot ?? "https://api.telegram.org", webhookReply: false },
    handlerTimeout: options.handlerTimeoutMs ?? 120_000,
  });
  // Messages go out on node:http directly (see HttpTelegram); the rest through telegraf.
  const telegram = new HttpTelegram(options.token, bot.telegram.options);
  bot.telegram = telegram;
  // telegraf keeps connections alive only to https:// (its agent is https-only); a local Bot
  // API server or the sandbox speaks http://, and a new TCP connection per message would cap a
  // broadcast's rate. An http agent of our own keeps them open there too.
  const agent = telegram.options.apiRoot.startsWith("http://")
    ? new http.Agent({ keepAlive: true })
    : undefined;
  if (agent) telegram.options.agent = agent;
  const queue = new ChatQueue();
  const recent = new RecentUpdates();
  let poller: Poller | undefined;
  let stopped = false;

  /** One update of a chat: its files, the engine's turn, the replies. */
  async function converse(inbound: Inbound): Promise<void> {
    const { chatId } = inbound;
    let attachments: IncomingAttachment[];
    try {
      attachments = await downloadAttachments(telegram, inbound.files, maxAttachmentBytes);
    } catch (error) {
      if (!(error instanceof AttachmentTooLargeError)) throw error;
      const text = translate(localeFromHint(inbound.locale), "telegram.attachmentTooLarge", {
        size: formatSize(error.limitBytes),
      });
      return deliver(telegram, chatId, { text });
    }
    const replies = await engine.handle({
      channel: "telegram",
      chatId,
      userId: inbound.userId,
      ...(inbound.text !== undefined && { text: inbound.text }),
      ...(inbound.action !== undefined && { action: inbound.action }),
      ...(attachments.length > 0 && { attachments }),
      ...(inbound.locale !== undefined && { locale: inbound.locale }),
    });
    for (const reply of replies) await deliver(telegram, chatId, reply);
  }

  bot.catch((error, ctx) => {
    logger?.error({ err: error, updateId: ctx.update.update_id }, "telegram update failed");
  });
  bot.use(async (ctx) => {
    const inbound = readUpdate(ctx.update);
    if (!inbound) return;
    // Answered at once, so the user's spinner stops even while the engine works.
    const answered = inbound.callbackQueryId
      ? telegram.answerCbQuery(inbound.callbackQueryId).catch((error: unknown) => {
          logger?.warn({ err: error }, "telegram callback answer failed");
        })
      : undefined;
    // A press without data (a game button) has nothing for the engine.
    const handled =
      inbound.callbackQueryId && inbound.action === undefined
        ? undefined
        : queue.run(inbound.chatId, () => converse(inbound));
    await Promise.all([answered, handled]);
  });

  return {
    channel: "telegram",

    async start() {
      stopped = false;
      // Also checks the token before anything else happens.
      bot.botInfo = await telegram.getMe();
      if (mode.type === "webhook") {
        await telegram.setWebhook(mode.url, {
          secret_token: mode.secretToken,
          allowed_updates: ALLOWED_UPDATES,
        });
        return;
      }
      await telegram.deleteWebhook();
      poller = new Poller(
        telegram,
        ALLOWED_UPDATES,
        (update) => bot.handleUpdate(update),
        (error) => logger?.error({ err: error }, "telegram polling stopped"),
      );
      poller.start();
    },

    async stop() {
      stopped = true;
      await poller?.stop();
      poller = undefined;
      await queue.idle();
      agent?.destroy();
    },

    async handleWebhook(request: Request): Promise<Response> {
      if (mode.type !== "webhook") return new Response(null, { status: 404 });
      if (!safeEqual(mode.secretToken, request.headers.get(SECRET_HEADER)))
        return new Response(null, { status: 401 });
      if (stopped) return new Response(null, { status: 503 });
      const update = parseUpdate(await request.text());
      if (!update) return new Response(null, { status: 400 });
      if (recent.add(update.update_id)) await bot.handleUpdate(update);
      return new Response(null, { status: 200 });
    },

    send(chatId: string, message: OutgoingMessage, sendOptions?: SendOptions) {
      return queue.run(chatId, () => deliver(telegram, chatId, message, sendOptions));
    },
  };
}
