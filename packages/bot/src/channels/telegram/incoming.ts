import type { Message, Update } from "telegraf/types";

/** A file the user sent, not yet downloaded. */
export interface FileRef {
  fileId: string;
  fileName: string;
  /** `undefined` for photos: their type shows in the file path only. */
  contentType?: string;
  /** As Telegram reported it, when it did. */
  size?: number;
}

/** An update in the engine's terms, before its files are fetched. */
export interface Inbound {
  chatId: string;
  userId: string;
  locale?: string;
  text?: string;
  action?: string;
  /** Set for a button press, which must be answered. */
  callbackQueryId?: string;
  files: FileRef[];
}

/**
 * Reads what the engine needs from an update: messages and button presses. Other kinds
 * (edited messages, channel posts, member changes…) give `undefined` and are ignored.
 */
export function readUpdate(update: Update): Inbound | undefined {
  if ("message" in update) return readMessage(update.message);
  if ("callback_query" in update) {
    const query = update.callback_query;
    const chatId = query.message?.chat.id ?? query.from.id;
    return {
      chatId: String(chatId),
      userId: String(query.from.id),
      ...(query.from.language_code !== undefined && { locale: query.from.language_code }),
      ...("data" in query && { action: query.data }),
      callbackQueryId: query.id,
      files: [],
    };
  }
  return undefined;
}

function readMessage(message: Message): Inbound | undefined {
  const text =
    "text" in message ? message.text : "caption" in message ? message.caption : undefined;
  const files = filesOf(message);
  // In groups, only what is addressed as content; service messages (joins, title changes)
  // are no requests. A private sticker or voice note still gets the engine's polite answer.
  if (message.chat.type !== "private" && text === undefined && files.length === 0) return undefined;
  const from = message.from;
  return {
    chatId: String(message.chat.id),
    userId: String(from?.id ?? message.chat.id),
    ...(from?.language_code !== undefined && { locale: from.language_code }),
    ...(text !== undefined && { text }),
    files,
  };
}

function filesOf(message: Message): FileRef[] {
  if ("photo" in message) {
    // Telegram sends several sizes of a photo; the largest is the original.
    const largest = message.photo.reduce<(typeof message.photo)[number] | undefined>(
      (best, size) => (!best || size.width * size.height > best.width * best.height ? size : best),
      undefined,
    );
    if (!largest) return [];
    return [
      {
        fileId: largest.file_id,
        fileName: `photo-${message.message_id}`,
        ...(largest.file_size !== undefined && { size: largest.file_size }),
      },
    ];
  }
  if ("document" in message) {
    const { document } = message;
    return [
      {
        fileId: document.file_id,
        fileName: document.file_name ?? `file-${message.message_id}`,
        ...(document.mime_type !== undefined && { contentType: document.mime_type }),
        ...(document.file_size !== undefined && { size: document.file_size }),
      },
    ];
  }
  return [];
}
