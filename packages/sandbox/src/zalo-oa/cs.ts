import { invalidParam } from "./errors.js";
import type { OaUploads } from "./uploads.js";

/** A button of a consultation message, as sent. */
export interface ZaloOaButton {
  title: string;
  type: string;
  payload: unknown;
}

/** A consultation message the OA sent a user, as the user's phone would show it. */
export interface ZaloOaCsMessage {
  /** The `message_id` the API answered. */
  messageId: string;
  userId: string;
  /** How it was addressed: to the user, or as a reply to one of their messages. */
  recipient: { userId: string } | { messageId: string };
  text?: string;
  /** `oa.query.show` / `oa.query.hide` buttons: pressing one sends its payload as the user's text. */
  quickReplies: { title: string; payload: string }[];
  /** Every button as sent (quick replies and `oa.open.*`). */
  buttons: ZaloOaButton[];
  image?: { url?: string; attachmentId?: string };
  file?: { token: string; name: string };
  /** Another template (e.g. `request_user_info`) as sent. */
  template?: Record<string, unknown>;
  /** The `quote_message_id`, when the message quotes another. */
  quoteMessageId?: string;
  /** A free reply (by message id, within 48 h, one of 8); `false`: counted against the quota. */
  free: boolean;
  sentAt: number;
}

/** The content fields of a message, read from the wire. */
export type CsContent = Pick<
  ZaloOaCsMessage,
  "text" | "quickReplies" | "buttons" | "image" | "file" | "template" | "quoteMessageId"
>;

const TEXT_LIMIT = 2000;
const BUTTON_TYPES = new Set([
  "oa.open.url",
  "oa.query.show",
  "oa.query.hide",
  "oa.open.phone",
  "oa.open.sms",
]);

type Wire = Record<string, unknown>;
const isObject = (value: unknown): value is Wire =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads and checks `message` of `/v3.0/oa/message/cs`; -201 for anything Zalo would refuse. */
export function readCsMessage(message: unknown, uploads: OaUploads): CsContent {
  if (!isObject(message)) throw invalidParam("message");
  const content: CsContent = { quickReplies: [], buttons: [] };
  if (message.text !== undefined) {
    if (typeof message.text !== "string") throw invalidParam("message.text");
    if (message.text.length > TEXT_LIMIT)
      throw invalidParam(`message.text is longer than ${TEXT_LIMIT} characters`);
    if (message.text !== "") content.text = message.text;
  }
  if (message.quote_message_id !== undefined) {
    if (typeof message.quote_message_id !== "string" || message.quote_message_id === "")
      throw invalidParam("message.quote_message_id");
    content.quoteMessageId = message.quote_message_id;
  }
  if (message.attachment !== undefined) readAttachment(message.attachment, uploads, content);
  if (content.text === undefined && !content.image && !content.file && !content.template)
    throw invalidParam("message has neither text nor attachment");
  return content;
}

function readAttachment(attachment: unknown, uploads: OaUploads, content: CsContent): void {
  if (!isObject(attachment) || !isObject(attachment.payload))
    throw invalidParam("message.attachment");
  const { payload } = attachment;
  if (attachment.type === "file") {
    const token = payload.token;
    const file = typeof token === "string" ? uploads.file(token) : undefined;
    if (!file || typeof token !== "string") throw invalidParam("message.attachment.payload.token");
    content.file = { token, name: file.name };
    return;
  }
  if (attachment.type !== "template") throw invalidParam("message.attachment.type");
  if (payload.buttons !== undefined) readButtons(payload.buttons, content);
  const templateType = payload.template_type;
  if (templateType === "media") {
    const elements = payload.elements;
    const element = Array.isArray(elements) && elements.length === 1 ? elements[0] : undefined;
    if (!isObject(element) || element.media_type !== "image")
      throw invalidParam("message.attachment.payload.elements");
    if (typeof element.url === "string" && /^https?:\/\//.test(element.url))
      content.image = { url: element.url };
    else if (typeof element.attachment_id === "string" && uploads.image(element.attachment_id))
      content.image = { attachmentId: element.attachment_id };
    else throw invalidParam("message.attachment.payload.elements[0] needs url or attachment_id");
  } else if (templateType !== undefined && templateType !== "button") {
    if (typeof templateType !== "string")
      throw invalidParam("message.attachment.payload.template_type");
    content.template = payload;
  } else if (content.buttons.length === 0) {
    throw invalidParam("message.attachment.payload has no buttons");
  }
}

function readButtons(buttons: unknown, content: CsContent): void {
  if (!Array.isArray(buttons) || buttons.length === 0)
    throw invalidParam("message.attachment.payload.buttons");
  for (const [i, button] of buttons.entries()) {
    const where = `message.attachment.payload.buttons[${i}]`;
    if (!isObject(button) || typeof button.type !== "string" || !BUTTON_TYPES.has(button.type))
      throw invalidParam(`${where}.type`);
    if (typeof button.title !== "string" || button.title === "" || button.title.length > 100)
      throw invalidParam(`${where}.title must be 1–100 characters`);
    if (button.type.startsWith("oa.query.")) {
      if (
        typeof button.payload !== "string" ||
        button.payload === "" ||
        button.payload.length > 1000
      )
        throw invalidParam(`${where}.payload must be 1–1000 characters`);
      content.quickReplies.push({ title: button.title, payload: button.payload });
    } else if (!isObject(button.payload)) {
      throw invalidParam(`${where}.payload`);
    }
    content.buttons.push({ title: button.title, type: button.type, payload: button.payload });
  }
}
