import { ValidationError } from "@vnegov/sdk";
import type { OaQuickReply, OaRecipient } from "./types.js";

/** Zalo's limit of a consultation text. */
export const TEXT_LIMIT = 2000;
const TITLE_LIMIT = 100;
const PAYLOAD_LIMIT = 1000;

type Wire = Record<string, unknown>;

const invalid = (field: string, message: string) =>
  new ValidationError(`${field} ${message}`, {
    fieldErrors: [{ field, code: "invalid", message }],
  });

/** The wire `recipient`: `{ user_id }` or `{ message_id }`. */
export function wireRecipient(recipient: OaRecipient): Wire {
  if (
    recipient &&
    "userId" in recipient &&
    typeof recipient.userId === "string" &&
    recipient.userId
  )
    return { user_id: recipient.userId };
  if (
    recipient &&
    "messageId" in recipient &&
    typeof recipient.messageId === "string" &&
    recipient.messageId
  )
    return { message_id: recipient.messageId };
  throw invalid("recipient", "must be { userId } or { messageId }");
}

/** Checks quick replies against Zalo's button limits. */
export function checkQuickReplies(quickReplies: readonly OaQuickReply[] | undefined): void {
  for (const [i, reply] of (quickReplies ?? []).entries()) {
    if (typeof reply?.title !== "string" || reply.title === "" || reply.title.length > TITLE_LIMIT)
      throw invalid(`quickReplies[${i}].title`, `must be 1–${TITLE_LIMIT} characters`);
    if (
      typeof reply.payload !== "string" ||
      reply.payload === "" ||
      reply.payload.length > PAYLOAD_LIMIT
    )
      throw invalid(`quickReplies[${i}].payload`, `must be 1–${PAYLOAD_LIMIT} characters`);
  }
}

/**
 * A text `message`, with quick replies as `oa.query.show` buttons of a template attachment
 * (`attachment.payload.buttons`) and an optional quoted message.
 */
export function textMessage(
  text: string,
  options: { quickReplies?: readonly OaQuickReply[]; quoteMessageId?: string } = {},
): Wire {
  const message: Wire = { text };
  if (options.quoteMessageId) message.quote_message_id = options.quoteMessageId;
  if (options.quickReplies?.length) {
    message.attachment = {
      type: "template",
      payload: {
        buttons: options.quickReplies.map((reply) => ({
          title: reply.title,
          type: "oa.query.show",
          payload: reply.payload,
        })),
      },
    };
  }
  return message;
}

/** An image `message`: the `media` template with one image by URL or attachment id. */
export function imageMessage(
  image: { url: string } | { attachmentId: string },
  caption: string | undefined,
): Wire {
  let element: Wire;
  if (image && "url" in image && typeof image.url === "string" && /^https?:\/\//.test(image.url))
    element = { media_type: "image", url: image.url };
  else if (
    image &&
    "attachmentId" in image &&
    typeof image.attachmentId === "string" &&
    image.attachmentId
  )
    element = { media_type: "image", attachment_id: image.attachmentId };
  else throw invalid("image", "must be { url } (http or https) or { attachmentId }");
  return {
    ...(caption ? { text: caption } : {}),
    attachment: { type: "template", payload: { template_type: "media", elements: [element] } },
  };
}

/** A file `message` by the token `upload/file` returned. */
export function fileMessage(file: { token: string }): Wire {
  if (typeof file?.token !== "string" || file.token === "")
    throw invalid("file.token", "must be the token of an uploaded file");
  return { attachment: { type: "file", payload: { token: file.token } } };
}
