/** A party of an event: a user or the OA. */
export interface OaEventParty {
  id: string;
}

/** Fields every OA webhook event has. */
export interface OaEventBase {
  app_id: string;
  /** Epoch ms as a string; it is part of the signature. */
  timestamp: string;
  /** The user's id for this app (differs from the OA-scoped `sender.id`). */
  user_id_by_app?: string;
}

/** An attachment of a user message, as Zalo sends it. */
export interface OaAttachment {
  type: string;
  payload?: Record<string, unknown>;
}

/** The `message` of an event: what every variant's message has in common. */
export interface OaEventMessage {
  msg_id: string;
  text?: string;
  attachments?: OaAttachment[];
}

/** An image the user sent. */
export interface OaImageAttachment extends OaAttachment {
  type: "image";
  payload: { url: string; thumbnail?: string } & Record<string, unknown>;
}

/** A file the user sent; `size` is in bytes, as a string. */
export interface OaFileAttachment extends OaAttachment {
  type: "file";
  payload: { url: string; name: string; size?: string; type?: string; checksum?: string } & Record<
    string,
    unknown
  >;
}

/** A sticker the user sent. */
export interface OaStickerAttachment extends OaAttachment {
  type: "sticker";
  payload: { id?: string; url?: string } & Record<string, unknown>;
}

/** Fields of every `user_send_*` event: the user wrote to the OA. */
export interface OaUserMessageBase extends OaEventBase {
  /** The user (OA-scoped id). */
  sender: OaEventParty;
  /** The OA. */
  recipient: OaEventParty;
}

/** The user sent text (also what a pressed `oa.query.show` quick reply looks like). */
export interface OaUserSendTextEvent extends OaUserMessageBase {
  event_name: "user_send_text";
  message: OaEventMessage & { text: string };
}

/** The user sent one or more images, with an optional caption in `text`. */
export interface OaUserSendImageEvent extends OaUserMessageBase {
  event_name: "user_send_image";
  message: OaEventMessage & { attachments: OaImageAttachment[] };
}

/** The user sent a file. */
export interface OaUserSendFileEvent extends OaUserMessageBase {
  event_name: "user_send_file";
  message: OaEventMessage & { attachments: OaFileAttachment[] };
}

/** The user sent a sticker. */
export interface OaUserSendStickerEvent extends OaUserMessageBase {
  event_name: "user_send_sticker";
  message: OaEventMessage & { attachments: OaStickerAttachment[] };
}

/** The other documented `user_send_*` events. */
export type OaUserSendOtherName =
  | "user_send_link"
  | "user_send_audio"
  | "user_send_video"
  | "user_send_location"
  | "user_send_business_card"
  | "user_send_gif";

/** A user message of another kind: link, audio (.amr), video, location, business card, GIF. */
export interface OaUserSendOtherEvent extends OaUserMessageBase {
  event_name: OaUserSendOtherName;
  message: OaEventMessage;
}

/** Fields of `follow` and `unfollow`. */
export interface OaFollowBase extends OaEventBase {
  /** The user. */
  follower: OaEventParty;
  oa_id?: string;
  /** Where it came from, e.g. `testing_webhook`, `oa_profile`. */
  source?: string;
}

/** The user followed the OA. */
export interface OaFollowEvent extends OaFollowBase {
  event_name: "follow";
}

/** The user unfollowed the OA. */
export interface OaUnfollowEvent extends OaFollowBase {
  event_name: "unfollow";
}

/** The user answered a `request_user_info` message: consented personal data. */
export interface OaUserSubmitInfoEvent extends OaEventBase {
  event_name: "user_submit_info";
  sender: OaEventParty;
  recipient: OaEventParty;
  info: {
    name?: string;
    phone?: string;
    address?: string;
    city?: string;
    district?: string;
    ward?: string;
  } & Record<string, unknown>;
}

/**
 * The user withdrew consent or asked for their data to be deleted (PDPL / Decree 13): delete
 * what you hold about them. Use {@link oaEventUserId} for the user's id.
 */
export interface OaUserWithdrawEvent extends OaEventBase {
  event_name: "user_withdraw";
  /** The user, when Zalo names them this way. */
  sender?: OaEventParty;
  recipient?: OaEventParty;
  oa_id?: string;
}

/** A message (CS or ZNS) reached the user's phone; ZNS receipts carry your `tracking_id`. */
export interface OaUserReceivedMessageEvent extends OaEventBase {
  event_name: "user_received_message";
  /** The OA. */
  sender?: OaEventParty;
  /** The user. */
  recipient?: OaEventParty;
  message: OaEventMessage & { tracking_id?: string; delivery_time?: string };
}

/**
 * An event of a kind not typed here (a new event, an `oa_send_*` echo, `user_seen_message`…),
 * passed on as sent rather than dropped. Its `event_name` is a plain string, so narrow with
 * {@link isKnownOaEvent} first when you `switch` on the name.
 */
export interface OaUnknownEvent extends OaEventBase {
  event_name: string;
  sender?: OaEventParty;
  recipient?: OaEventParty;
  message?: { msg_id?: string; text?: string; attachments?: OaAttachment[] } & Record<
    string,
    unknown
  >;
  [field: string]: unknown;
}

/** Every event kind with its own type. */
export type OaKnownEvent =
  | OaUserSendTextEvent
  | OaUserSendImageEvent
  | OaUserSendFileEvent
  | OaUserSendStickerEvent
  | OaUserSendOtherEvent
  | OaFollowEvent
  | OaUnfollowEvent
  | OaUserSubmitInfoEvent
  | OaUserWithdrawEvent
  | OaUserReceivedMessageEvent;

/**
 * A verified OA webhook event: one of the typed kinds, discriminated by `event_name`, or an
 * {@link OaUnknownEvent}. Unknown kinds never make verification fail.
 *
 * @example
 * ```ts
 * if (!isKnownOaEvent(event)) return log(event.event_name); // tolerated, not handled
 * switch (event.event_name) {
 *   case "user_send_text": reply(event.message.msg_id, event.message.text); break;
 *   case "user_withdraw": forget(oaEventUserId(event)); break;
 * }
 * ```
 */
export type OaEvent = OaKnownEvent | OaUnknownEvent;

/** The `user_send_*` events: a user's message of some kind. */
export const OA_USER_MESSAGE_EVENTS: ReadonlySet<string> = new Set<OaKnownEvent["event_name"]>([
  "user_send_text",
  "user_send_image",
  "user_send_file",
  "user_send_sticker",
  "user_send_link",
  "user_send_audio",
  "user_send_video",
  "user_send_location",
  "user_send_business_card",
  "user_send_gif",
]);

/** The `event_name`s of {@link OaKnownEvent}. */
export const KNOWN_OA_EVENTS: ReadonlySet<string> = new Set<string>([
  ...OA_USER_MESSAGE_EVENTS,
  ...([
    "follow",
    "unfollow",
    "user_submit_info",
    "user_withdraw",
    "user_received_message",
  ] satisfies OaKnownEvent["event_name"][]),
]);

/** Whether the event is of a typed kind; narrows it so `switch (event.event_name)` is exact. */
export function isKnownOaEvent(event: OaEvent): event is OaKnownEvent {
  return KNOWN_OA_EVENTS.has(event.event_name);
}

/**
 * The user an event is about: `sender.id` of user messages, `follower.id` of (un)follows,
 * `recipient.id` of receipts and OA echoes; `undefined` when the event names no user.
 */
export function oaEventUserId(event: OaEvent): string | undefined {
  const fields = event as {
    event_name: string;
    sender?: OaEventParty;
    recipient?: OaEventParty;
    follower?: OaEventParty;
    user_id?: unknown;
  };
  if (fields.follower?.id) return fields.follower.id;
  const name = fields.event_name;
  // Receipts and echoes go from the OA to the user.
  if (name === "user_received_message" || name === "user_seen_message" || name.startsWith("oa_"))
    return fields.recipient?.id;
  return fields.sender?.id ?? (typeof fields.user_id === "string" ? fields.user_id : undefined);
}
