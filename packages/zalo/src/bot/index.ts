/**
 * The Zalo Bot API (Zalo Bot Platform): a typed client, long polling and a webhook handler.
 * Wire objects keep Zalo's snake_case; options are camelCase.
 */

export { ZaloBot } from "./client.js";
export { ZaloWebhookConflictError } from "./errors.js";
export { imageUrlOf } from "./image-url.js";
export {
  type GetUpdatesOptions,
  type SendChatActionParams,
  type SendMessageParams,
  type SendPhotoParams,
  type SendStickerParams,
  type SetWebhookParams,
  type StartPollingOptions,
  ZALO_BOT_API_URL,
  type ZaloBotOptions,
  type ZaloCallOptions,
} from "./options.js";
export { isKnownZaloUpdate, parseZaloUpdate } from "./parse-update.js";
export type * from "./types.js";
export { ZALO_TEXT_LIMIT } from "./validate.js";
export {
  createZaloBotWebhook,
  ZALO_SECRET_HEADER,
  type ZaloBotWebhookOptions,
} from "./webhook.js";
