/**
 * The Zalo Bot API objects the emulator produces, as in https://bot.zaloplatforms.com/docs
 * (only the fields it fills). Snake case, because these are the wire objects.
 */

/** What `getMe` returns. */
export interface BotInfo {
  id: string;
  account_name: string;
  account_type: "BASIC";
  can_join_groups: boolean;
}

export interface User {
  id: string;
  display_name: string;
  is_bot: boolean;
}

export interface Chat {
  id: string;
  chat_type: "PRIVATE" | "GROUP";
}

/** A user's message as the bot receives it. */
export interface Message {
  /** 32 hex digits. */
  message_id: string;
  /** Epoch milliseconds. */
  date: number;
  from: User;
  chat: Chat;
  text?: string;
  /** The image URL. */
  photo?: string;
  caption?: string;
  /** Sticker id. */
  sticker?: string;
  /** The sticker's image URL. */
  url?: string;
}

export type EventName =
  | "message.text.received"
  | "message.image.received"
  | "message.sticker.received"
  | "message.unsupported.received";

/** One update; tests may inject any other event through `injectUpdate`. */
export interface Update {
  event_name: EventName | (string & {});
  message?: Message;
  [key: string]: unknown;
}

/** What the send methods return. */
export interface SentMessage {
  message_id: string;
  date: number;
}

/** What `setWebhook`, `deleteWebhook` and `getWebhookInfo` return. */
export interface WebhookInfo {
  url: string;
  /** Epoch milliseconds of the last change; absent before the first. */
  updated_at?: number;
}
