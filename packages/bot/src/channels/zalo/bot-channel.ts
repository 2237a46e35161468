import {
  createZaloBotWebhook,
  imageUrlOf,
  isKnownZaloUpdate,
  ZaloBot,
  type ZaloKnownUpdate,
  type ZaloMessage,
  type ZaloUpdate,
} from "@vnegov/zalo";
import { formatSize } from "../../dialogs/submit-form/render.js";
import type { IncomingAttachment, OutgoingMessage } from "../../engine/messages.js";
import { translate } from "../../i18n/translate.js";
import { ChatQueue } from "../chat-queue.js";
import { AttachmentTooLargeError, downloadLimited } from "../download.js";
import type { ZaloBotChannel, ZaloBotChannelOptions } from "./bot-options.js";
import { ChoiceMemory } from "./choices.js";
import { photoFile } from "./photo-name.js";
import { renderReplies } from "./render.js";

const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * A Zalo Bot API channel: updates become the engine's messages; replies become plain-text
 * Zalo messages (≤ 2000 characters each), buttons a numbered list the user answers with a
 * number or the label. Dialogs never see Zalo types.
 */
export function createZaloBotChannel(options: ZaloBotChannelOptions): ZaloBotChannel {
  const { engine, mode, logger } = options;
  const maxAttachmentBytes = options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const bot = new ZaloBot({
    token: options.token,
    ...(options.baseURL && { baseURL: options.baseURL }),
    limiter: options.limiter ?? { requestsPerSecond: 20 },
  });
  const queue = new ChatQueue();
  const choices = new ChoiceMemory();
  let polling: AbortController | undefined;
  let pollingDone: Promise<void> | undefined;

  async function deliver(chatId: string, replies: readonly OutgoingMessage[]): Promise<void> {
    choices.remember(chatId, replies);
    const prompt = translate(replies[0]?.locale ?? "vi", "zalo.choose");
    for (const { text, reply } of renderReplies(replies, prompt)) {
      const { attachment } = reply;
      if (attachment && options.media && attachment.contentType.startsWith("image/")) {
        await bot.sendPhoto({ chatId, photo: options.media.put(attachment) });
      } else if (attachment) {
        // No documents on the Bot API: a link when files are served, else the name.
        const where = options.media ? options.media.put(attachment) : attachment.fileName;
        await bot.sendText({ chatId, text: `${text}\n\n📎 ${where}` });
        continue;
      }
      await bot.sendText({ chatId, text });
    }
  }

  async function attachmentsOf(message: ZaloMessage): Promise<IncomingAttachment[]> {
    const url = imageUrlOf(message);
    if (!url) return [];
    const { data, contentType } = await downloadLimited(url, maxAttachmentBytes, "Zalo");
    return [{ ...photoFile(message.message_id, contentType), data }];
  }

  /** One update of a chat: its photo, the engine's turn, the replies. */
  async function converse(update: ZaloKnownUpdate): Promise<void> {
    const { message } = update;
    const chatId = message.chat.id;
    if (update.event_name === "message.unsupported.received") {
      // The sender is in a group Zalo protects: no content, but a polite pointer elsewhere.
      await bot.sendText({ chatId, text: translate("vi", "zalo.unsupported") });
      return;
    }
    void bot.sendChatAction({ chatId, action: "typing" }).catch(() => {});
    let attachments: IncomingAttachment[] = [];
    if (update.event_name === "message.image.received") {
      try {
        attachments = await attachmentsOf(message);
      } catch (error) {
        if (!(error instanceof AttachmentTooLargeError)) throw error;
        const size = formatSize(error.limitBytes);
        await bot.sendText({ chatId, text: translate("vi", "zalo.attachmentTooLarge", { size }) });
        return;
      }
    }
    const text = update.event_name === "message.text.received" ? message.text : message.caption;
    const action = text === undefined ? undefined : choices.take(chatId, text);
    const replies = await engine.handle({
      channel: "zalo",
      chatId,
      userId: message.from.id,
      ...(action !== undefined ? { action } : text !== undefined && { text }),
      ...(attachments.length > 0 && { attachments }),
    });
    await deliver(chatId, replies);
  }

  function onUpdate(update: ZaloUpdate): Promise<void> {
    // Events Zalo may add later are ignored, never a crash.
    if (!isKnownZaloUpdate(update)) {
      logger?.debug({ event: update.event_name }, "zalo update ignored");
      return Promise.resolve();
    }
    return queue
      .run(update.message.chat.id, () => converse(update))
      .catch((error: unknown) => {
        logger?.error({ err: error, event: update.event_name }, "zalo update failed");
      });
  }

  const webhook =
    mode.type === "webhook"
      ? createZaloBotWebhook({
          secretToken: mode.secretToken,
          onUpdate,
          onError: (error) => logger?.error({ err: error }, "zalo webhook update failed"),
        })
      : undefined;

  return {
    channel: "zalo",

    async start() {
      await bot.getMe();
      if (mode.type === "webhook") {
        await bot.setWebhook({ url: mode.url, secretToken: mode.secretToken });
        return;
      }
      // Zalo refuses getUpdates while a webhook is set.
      await bot.deleteWebhook();
      polling = new AbortController();
      pollingDone = bot
        .startPolling(onUpdate, {
          signal: polling.signal,
          onError: (error: unknown) => logger?.error({ err: error }, "zalo update failed"),
        })
        .catch((error: unknown) => logger?.error({ err: error }, "zalo polling stopped"));
    },

    async stop() {
      polling?.abort();
      await pollingDone;
      polling = undefined;
      await queue.idle();
    },

    async handleWebhook(request: Request): Promise<Response> {
      if (!webhook) return new Response(null, { status: 404 });
      return webhook(request);
    },

    send(chatId: string, message: OutgoingMessage) {
      return queue.run(chatId, () => deliver(chatId, [message]));
    },
  };
}
