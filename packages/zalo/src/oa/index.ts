/** Zalo Official Account: Open API v3, OAuth v4 with PKCE, ZNS and verified webhooks. */

export { ZaloOa } from "./client.js";
export {
  type ConstructOaEventOptions,
  constructOaEvent,
  DEFAULT_OA_TOLERANCE_MS,
} from "./construct-event.js";
export { ZaloOutsideWindowError, ZaloPermissionError, zaloErrorCode } from "./errors.js";
export {
  isKnownOaEvent,
  KNOWN_OA_EVENTS,
  type OaAttachment,
  type OaEvent,
  type OaEventBase,
  type OaEventMessage,
  type OaEventParty,
  type OaFileAttachment,
  type OaFollowBase,
  type OaFollowEvent,
  type OaImageAttachment,
  type OaKnownEvent,
  type OaStickerAttachment,
  type OaUnfollowEvent,
  type OaUnknownEvent,
  type OaUserMessageBase,
  type OaUserReceivedMessageEvent,
  type OaUserSendFileEvent,
  type OaUserSendImageEvent,
  type OaUserSendOtherEvent,
  type OaUserSendOtherName,
  type OaUserSendStickerEvent,
  type OaUserSendTextEvent,
  type OaUserSubmitInfoEvent,
  type OaUserWithdrawEvent,
  oaEventUserId,
} from "./events.js";
export { FileTokenStore } from "./file-token-store.js";
export { codeChallengeFor, createPkcePair, type PkcePair } from "./pkce.js";
export { readOaAnswer } from "./read.js";
export { MemoryTokenStore, type OaTokenStore, type OaTokens } from "./tokens.js";
export type {
  OaQuickReply,
  OaQuota,
  OaRecipient,
  OaUser,
  SendImageOptions,
  SendTextOptions,
  ZaloOaBaseURLs,
  ZaloOaOptions,
  ZnsMessage,
  ZnsResult,
} from "./types.js";
export { createZaloOaWebhook, type ZaloOaWebhookOptions } from "./webhook.js";
