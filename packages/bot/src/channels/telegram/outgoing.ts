import { splitText } from "@vnegov/domain";
import type { Telegram } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { OutgoingAttachment, OutgoingMessage } from "../../engine/messages.js";
import type { SendOptions } from "../sender.js";
import { withFloodRetry } from "./flood-retry.js";
import { inlineKeyboard } from "./keyboard.js";

/** Telegram's limits: a message's text, a caption, and a photo (larger ones go as files). */
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Telegram recompresses photos; other image types go as documents and arrive intact. */
const PHOTO_TYPES = new Set(["image/jpeg", "image/png"]);

/**
 * Sends one reply: its text split at 4096 characters, the buttons as an inline keyboard on
 * the last message, and the attachment as a photo or a document (with the text as its
 * caption when that fits). Each call waits out flood limits.
 */
export async function deliver(
  telegram: Telegram,
  chatId: string,
  message: OutgoingMessage,
  options: SendOptions = {},
): Promise<void> {
  const floodRetries = options.waitOutRateLimits === false ? 0 : undefined;
  const keyboard = inlineKeyboard(message.buttons);
  const markup = keyboard && { reply_markup: keyboard };
  const { attachment, text } = message;
  if (attachment && text.length <= MAX_CAPTION) {
    await sendFile(
      telegram,
      chatId,
      attachment,
      { ...(text && { caption: text }), ...markup },
      floodRetries,
    );
    return;
  }
  const chunks = text.trim() === "" ? [] : splitText(text, MAX_TEXT);
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1 && !attachment;
    await withFloodRetry(
      () => telegram.sendMessage(chatId, chunk, last ? markup : {}),
      floodRetries,
    );
  }
  if (attachment) await sendFile(telegram, chatId, attachment, { ...markup }, floodRetries);
}

function sendFile(
  telegram: Telegram,
  chatId: string,
  file: OutgoingAttachment,
  extra: { caption?: string; reply_markup?: InlineKeyboardMarkup },
  floodRetries: number | undefined,
): Promise<unknown> {
  const input = { source: Buffer.from(file.data), filename: file.fileName };
  const asPhoto = PHOTO_TYPES.has(file.contentType) && file.data.byteLength <= MAX_PHOTO_BYTES;
  return withFloodRetry<unknown>(
    () =>
      asPhoto
        ? telegram.sendPhoto(chatId, input, extra)
        : telegram.sendDocument(chatId, input, extra),
    floodRetries,
  );
}
