import type { OutgoingMessage } from "../../engine/messages.js";

/** An attachment's bytes travel as base64 in the row's JSON. */
interface StoredMessage extends Omit<OutgoingMessage, "attachment"> {
  attachment?: { fileName: string; contentType: string; base64: string };
}

/** The message as the JSON a delivery row stores. */
export function encodeMessage(message: OutgoingMessage): string {
  const { attachment, ...rest } = message;
  const stored: StoredMessage = attachment
    ? {
        ...rest,
        attachment: {
          fileName: attachment.fileName,
          contentType: attachment.contentType,
          base64: Buffer.from(attachment.data).toString("base64"),
        },
      }
    : rest;
  return JSON.stringify(stored);
}

/** The message a delivery row stores. */
export function decodeMessage(json: string): OutgoingMessage {
  const { attachment, ...rest } = JSON.parse(json) as StoredMessage;
  if (!attachment) return rest;
  return {
    ...rest,
    attachment: {
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      data: new Uint8Array(Buffer.from(attachment.base64, "base64")),
    },
  };
}
