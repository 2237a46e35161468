/**
 * The Zalo Bot API's wire objects, snake_case as Zalo sends them
 * (https://bot.zaloplatforms.com/docs). Fields the docs do not promise are optional.
 */

/** What `getMe` returns. */
export interface ZaloBotInfo {
  id: string;
  account_name: string;
  /** `"BASIC"` for bots made in Zalo Bot Creator. */
  account_type: string;
  can_join_groups: boolean;
}

/** What `setWebhook`, `deleteWebhook` and `getWebhookInfo` return; `url` is `""` when none is set. */
export interface ZaloWebhookInfo {
  url: string;
  /** When the webhook last changed, epoch milliseconds. */
  updated_at?: number;
}

/** What the send methods return. */
export interface ZaloSentMessage {
  message_id: string;
  /** Epoch milliseconds. */
  date: number;
}

/** The sender of a message. Payloads carry `display_name` or `first_name`; read both. */
export interface ZaloUser {
  id: string;
  display_name?: string;
  first_name?: string;
  is_bot?: boolean;
}

/** Where a message was written; reply to its `id`. */
export interface ZaloChat {
  id: string;
  chat_type: "PRIVATE" | "GROUP";
}

/** An attachment in the loose shape some payloads use (`attachments[].payload.url`). */
export interface ZaloAttachment {
  type?: string;
  payload?: { url?: string; [key: string]: unknown };
  url?: string;
  [key: string]: unknown;
}

/**
 * A photo as payloads carry it: a URL (the documented form), a list of URLs or sizes, or an
 * object with a `url`. Use {@link imageUrlOf} rather than reading it directly.
 */
export type ZaloPhoto =
  | string
  | readonly (string | { url?: string; [key: string]: unknown })[]
  | { url?: string; [key: string]: unknown };

/** A user's message. Content fields depend on the event; the rest are always there. */
export interface ZaloMessage {
  /** A hex string. */
  message_id: string;
  /** Epoch milliseconds (not seconds). */
  date: number;
  from: ZaloUser;
  chat: ZaloChat;
  text?: string;
  /** The image URL in the documented payload; see {@link imageUrlOf} for the other shapes. */
  photo?: ZaloPhoto;
  photo_url?: string;
  caption?: string;
  /** The sticker id. */
  sticker?: string;
  /** The sticker's image URL. */
  url?: string;
  attachments?: ZaloAttachment[];
  [key: string]: unknown;
}

/** The events the Bot API documents. */
export type ZaloKnownEventName =
  | "message.text.received"
  | "message.image.received"
  | "message.sticker.received"
  | "message.unsupported.received";

/** A text message. */
export interface ZaloTextUpdate {
  event_name: "message.text.received";
  message: ZaloMessage & { text: string };
}

/** A photo, with an optional caption; find its URL with {@link imageUrlOf}. */
export interface ZaloImageUpdate {
  event_name: "message.image.received";
  message: ZaloMessage;
}

/** A sticker: `sticker` is its id, `url` its image. */
export interface ZaloStickerUpdate {
  event_name: "message.sticker.received";
  message: ZaloMessage;
}

/**
 * A message Zalo withholds: the sender is in a protected group (children, people with
 * disabilities…), so the bot gets no content and should answer politely, e.g. by pointing to
 * another channel.
 */
export interface ZaloUnsupportedUpdate {
  event_name: "message.unsupported.received";
  message: ZaloMessage;
}

/** An update of a documented kind. */
export type ZaloKnownUpdate =
  | ZaloTextUpdate
  | ZaloImageUpdate
  | ZaloStickerUpdate
  | ZaloUnsupportedUpdate;

/**
 * An event the docs do not list (e.g. `message.voice.received`), passed on as it came so a
 * bot can ignore it or log it. Its `event_name` is any string, so checking `event_name` does
 * not rule it out: use {@link isKnownZaloUpdate} first to narrow to the documented kinds.
 */
export interface ZaloUnknownUpdate {
  event_name: string;
  message?: ZaloMessage;
  [key: string]: unknown;
}

/** One update from `getUpdates` or a webhook. */
export type ZaloUpdate = ZaloKnownUpdate | ZaloUnknownUpdate;

/** The chat actions `sendChatAction` takes. */
export type ZaloChatAction = "typing" | "upload_photo";
