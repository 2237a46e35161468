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

/** Longest JSON {@link MessageDecoder} remembers: a text notification, never an attachment. */
const REMEMBERED_JSON_LENGTH = 16 * 1024;

/**
 * `decodeMessage` remembering the last few messages. The rows of one broadcast hold the same
 * JSON; one shared message object instead of one per row matters because a claimed row lives
 * until its send is answered, often long enough for V8 to promote it: at 1 000 msg/s a copy per
 * row put some 25 MB of garbage into the old generation every 30 s. The messages are shared,
 * so senders must not change them (none does).
 */
export class MessageDecoder {
  private readonly recent = new Map<string, OutgoingMessage>();

  constructor(private readonly size = 8) {}

  decode(json: string): OutgoingMessage {
    const known = this.recent.get(json);
    if (known) return known;
    const message = decodeMessage(json);
    if (json.length <= REMEMBERED_JSON_LENGTH) {
      if (this.recent.size >= this.size) this.recent.clear();
      this.recent.set(json, message);
    }
    return message;
  }
}
