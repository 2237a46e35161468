/**
 * `@vnegov/bot`: one conversation engine for citizens and staff, on any channel.
 */

export { MediaStore } from "./channels/media-store.js";
export type { ChannelSender, SendOptions } from "./channels/sender.js";
export {
  createTelegramChannel,
  type TelegramChannel,
  type TelegramChannelOptions,
  type TelegramMode,
} from "./channels/telegram/index.js";
export type { WebReply } from "./channels/web/outgoing.js";
export {
  createWebChat,
  type WebChat,
  type WebChatOptions,
} from "./channels/web/web-chat.js";
export {
  createZaloBotChannel,
  createZaloOaChannel,
  type ZaloBotChannel,
  type ZaloBotChannelOptions,
  type ZaloBotMode,
  type ZaloOaChannel,
  type ZaloOaChannelOptions,
  type ZnsOptions,
} from "./channels/zalo/index.js";
export { directivesDialog, subscriptionsDialog } from "./dialogs/directives.js";
export { dossierStatusDialog, findDossierCode } from "./dialogs/dossier-status.js";
export { myTasksDialog } from "./dialogs/my-tasks.js";
export { staffLinkDialog, staffUnlinkDialog } from "./dialogs/staff-link.js";
export { submitFormDialog } from "./dialogs/submit-form/dialog.js";
export { BotEngine, type BotEngineOptions } from "./engine/bot-engine.js";
export type { Dialog, DialogContext } from "./engine/dialog.js";
export type {
  Button,
  ChannelName,
  IncomingAttachment,
  IncomingMessage,
  OutgoingAttachment,
  OutgoingMessage,
} from "./engine/messages.js";
export { type Locale, type MessageKey, translate } from "./i18n/translate.js";
export { type BotConfig, type BotConfigInput, ConfigError, loadConfig } from "./main/config.js";
export { type RunningBot, runBot } from "./main/run-bot.js";
export { DossierWatcher, type DossierWatcherOptions } from "./notify/dossier-watcher.js";
export {
  EventPoller,
  type EventPollerOptions,
  NOTIFIED_EVENTS,
} from "./notify/event-poller.js";
export { createEventWebhook, type EventWebhookOptions } from "./notify/event-webhook.js";
export {
  DirectNotifier,
  type DirectNotifierOptions,
  type Notifier,
  type NotifyResult,
} from "./notify/notifier.js";
export * from "./notify/outbox/index.js";
export * from "./notify/queue/index.js";
export { RedisSessionStorage, type RedisSessionStorageOptions } from "./session/redis-storage.js";
export { SqliteSessionStorage } from "./session/sqlite-storage.js";
export type { Session, SessionStorage } from "./session/storage.js";
export { SqliteSubscriptionStore } from "./subscriptions/sqlite-store.js";
export type { Subscription, SubscriptionStore } from "./subscriptions/store.js";
