import type { FileStore } from "./files.js";
import type { Message } from "./types.js";

/** A button as the user sees it. */
export interface ChatButton {
  text: string;
  callbackData?: string;
  url?: string;
}

/** A photo or document in a message, with its bytes. */
export interface ChatFile {
  fileId: string;
  size: number;
  data: Uint8Array;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
}

/** A bot's message as the user's phone shows it now: after edits, with buttons and files. */
export interface ChatMessage {
  messageId: number;
  /** Unix time in seconds. */
  date: number;
  edited: boolean;
  /** The text, or a photo's or document's caption. */
  text?: string;
  /** Rows of inline buttons; empty when there are none. */
  buttons: ChatButton[][];
  /** The largest size of a photo. */
  photo?: ChatFile;
  document?: ChatFile;
  /** The Bot API object. */
  raw: Message;
}

export function chatMessageOf(message: Message, files: FileStore): ChatMessage {
  const photo = message.photo?.at(-1);
  const document = message.document;
  const text = message.text ?? message.caption;
  const fileOf = (fileId: string): Pick<ChatFile, "fileId" | "size" | "data"> => {
    const data = files.get(fileId)?.data ?? new Uint8Array();
    return { fileId, size: data.byteLength, data };
  };
  return {
    messageId: message.message_id,
    date: message.date,
    edited: message.edit_date !== undefined,
    ...(text !== undefined && { text }),
    buttons: (message.reply_markup?.inline_keyboard ?? []).map((row) =>
      row.map((b) => ({
        text: b.text,
        ...(b.callback_data !== undefined && { callbackData: b.callback_data }),
        ...(b.url !== undefined && { url: b.url }),
      })),
    ),
    ...(photo && { photo: { ...fileOf(photo.file_id), width: photo.width, height: photo.height } }),
    ...(document && {
      document: {
        ...fileOf(document.file_id),
        ...(document.file_name !== undefined && { fileName: document.file_name }),
        ...(document.mime_type !== undefined && { mimeType: document.mime_type }),
      },
    }),
    raw: message,
  };
}
