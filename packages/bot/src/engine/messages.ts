/** Where a conversation happens. */
export type ChannelName = "telegram" | "zalo" | "zalo_oa" | "web";

/** A file the user sent (photo or document), already fetched by the channel adapter. */
export interface IncomingAttachment {
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

/**
 * A platform update, normalised by a channel adapter. Dialogs see only this, never telegraf
 * or Zalo types.
 */
export interface IncomingMessage {
  channel: ChannelName;
  chatId: string;
  userId: string;
  /** What the user typed. */
  text?: string;
  /** The `action` of a button the user pressed. */
  action?: string;
  attachments?: IncomingAttachment[];
  /** The platform's language hint (`vi`, `en-US`…), used until the user picks one. */
  locale?: string;
}

/** A button; adapters render it natively or as a numbered choice. */
export interface Button {
  label: string;
  /** Sent back as `IncomingMessage.action`; at most 64 bytes (Telegram's callback limit). */
  action: string;
}

/** A file the bot sends (a result PDF, a signed document). */
export interface OutgoingAttachment {
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

/** A reply, rendered by the channel adapter within its platform's limits. */
export interface OutgoingMessage {
  text: string;
  /** Rows of buttons. */
  buttons?: Button[][];
  /** Sent as a photo when `contentType` is an image, otherwise as a document. */
  attachment?: OutgoingAttachment;
  /**
   * The notification's facts by name, for channels that may only send an approved template
   * outside a conversation (Zalo ZNS); chat channels use `text`.
   */
  template?: { name: "dossier_status"; params: Record<string, string> };
  /** The language the engine wrote it in, for what a channel adds (e.g. Zalo's "reply with a number"). */
  locale?: "vi" | "en";
}
