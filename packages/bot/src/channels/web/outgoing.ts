import type { Button, OutgoingMessage } from "../../engine/messages.js";

/** A reply as the web chat API returns and streams it. */
export interface WebReply {
  text: string;
  /** Rows of buttons; pressing one sends its `action`. */
  buttons?: Button[][];
  /**
   * A file inlined as a `data:` URL: no server-side file store to expire or guard, and it is
   * only ever seen by whoever holds the session's token.
   */
  attachment?: { fileName: string; contentType: string; size: number; url: string };
}

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

export function toWebReply(message: OutgoingMessage): WebReply {
  const reply: WebReply = { text: message.text };
  if (message.buttons?.length) reply.buttons = message.buttons;
  const file = message.attachment;
  if (file) {
    // A type that is not a plain media type could break out of the data: URL.
    const contentType = MEDIA_TYPE.test(file.contentType)
      ? file.contentType
      : "application/octet-stream";
    reply.attachment = {
      fileName: file.fileName,
      contentType,
      size: file.data.byteLength,
      url: `data:${contentType};base64,${Buffer.from(file.data).toString("base64")}`,
    };
  }
  return reply;
}
