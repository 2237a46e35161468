/**
 * `@vnegov/sandbox`: a complete local e-government world for development and tests.
 *
 * @example
 * ```ts
 * import { startSandbox } from "@vnegov/sandbox";
 * const sandbox = await startSandbox({ seed: true });
 * const res = await fetch(`${sandbox.url}/portal/v1/procedures?q=khai sinh`, {
 *   headers: { authorization: `Bearer ${sandbox.credentials.bot.apiKey}` },
 * });
 * await sandbox.close();
 * ```
 */

export { specPath } from "./contract/spec.js";
export type {
  DvcqgCall,
  DvcqgCredentials,
  DvcqgEmulator,
  DvcqgEmulatorInit,
  DvcqgEmulatorOptions,
} from "./dvcqg/index.js";
export { WaitTimeoutError } from "./emulators/message-log.js";
export type { DeliveryOptions } from "./events/dispatcher.js";
export { signPayload } from "./events/signature.js";
export type { FaultOptions } from "./http/faults.js";
export type { RateLimitOptions } from "./http/limits.js";
export type {
  IgateCredentials,
  IgateDossier,
  IgateEmulator,
  IgateEmulatorInit,
  IgateSearchPage,
  IgateStats,
  IgateStatusOverride,
  KeycloakTokenAnswer,
} from "./igate/index.js";
export {
  LGSP_DEFAULT_SYSTEMS,
  type LgspAgencyView,
  type LgspEdocView,
  type LgspEmulator,
  type LgspEmulatorInit,
  type LgspFault,
  type LgspReceivedItem,
  type LgspStoredEdoc,
  type LgspSystem,
} from "./lgsp/index.js";
export { type Sandbox, type SandboxOptions, startSandbox } from "./sandbox.js";
export { SANDBOX_CREDENTIALS } from "./seed/clients.js";
export type { SampleDossiers } from "./seed/world.js";
export type { NewClient, Scope } from "./services/clients.js";
export { ALL_SCOPES } from "./services/clients.js";
export type { CallbackAnswer } from "./telegram/bot.js";
export type {
  BotSelector,
  TelegramEmulator,
  UserFileOptions,
  UserOptions,
  WaitOptions,
} from "./telegram/emulator.js";
export type {
  TelegramEmulatorInit,
  TelegramRateLimitOptions,
  TelegramWebhookOptions,
} from "./telegram/options.js";
export type { TelegramSendStats } from "./telegram/send-stats.js";
export type * as TelegramTypes from "./telegram/types.js";
export type { ChatButton, ChatFile, ChatMessage } from "./telegram/views.js";
export type { ZaloWebhookFailure } from "./zalo-bot/bot.js";
export type { ZaloBotChatAction, ZaloBotChatMessage } from "./zalo-bot/chat-log.js";
export type {
  ZaloBotEmulator,
  ZaloBotSelector,
  ZaloBotUserOptions,
  ZaloBotWaitOptions,
} from "./zalo-bot/emulator.js";
export type { ZaloBotSendAttempt, ZaloBotSendFault, ZaloBotSendStats } from "./zalo-bot/faults.js";
export type {
  ZaloBotEmulatorInit,
  ZaloBotEmulatorWebhookOptions,
  ZaloBotRateLimitOptions,
} from "./zalo-bot/options.js";
export type * as ZaloBotTypes from "./zalo-bot/types.js";
export type { ZaloOaButton, ZaloOaCsMessage } from "./zalo-oa/cs.js";
export {
  type ZaloOaEmulator,
  type ZaloOaUserFile,
  type ZaloOaUserInfo,
  zaloOaBaseURLs,
} from "./zalo-oa/emulator.js";
export type {
  ZaloOaBlockError,
  ZaloOaSendAttempt,
  ZaloOaSendFault,
  ZaloOaSendStats,
} from "./zalo-oa/faults.js";
export type {
  ZaloOaCredentials,
  ZaloOaEmulatorInit,
  ZaloOaEmulatorLimits,
  ZaloOaEmulatorWebhookOptions,
  ZaloOaZnsTemplate,
} from "./zalo-oa/options.js";
export {
  type ZaloOaDelivery,
  type ZaloOaWebhookEvent,
  zaloOaSignature,
} from "./zalo-oa/webhook.js";
export type { ZaloOaZnsMessage } from "./zalo-oa/zns.js";
