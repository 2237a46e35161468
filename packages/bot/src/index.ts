/**
 * `@vnegov/bot`: one conversation engine for citizens and staff, on any channel.
 */

export { directivesDialog, subscriptionsDialog } from "./dialogs/directives.js";
export { dossierStatusDialog, findDossierCode } from "./dialogs/dossier-status.js";
export { myTasksDialog } from "./dialogs/my-tasks.js";
export { staffLinkDialog, staffUnlinkDialog } from "./dialogs/staff-link.js";
export { BotEngine, type BotEngineOptions } from "./engine/bot-engine.js";
export type { Dialog, DialogContext } from "./engine/dialog.js";
export type {
  Button,
  ChannelName,
  IncomingAttachment,
  IncomingMessage,
  OutgoingMessage,
} from "./engine/messages.js";
export { type Locale, type MessageKey, translate } from "./i18n/translate.js";
export { splitText } from "./render/split-text.js";
export { RedisSessionStorage, type RedisSessionStorageOptions } from "./session/redis-storage.js";
export { SqliteSessionStorage } from "./session/sqlite-storage.js";
export type { Session, SessionStorage } from "./session/storage.js";
export { SqliteSubscriptionStore } from "./subscriptions/sqlite-store.js";
export type { Subscription, SubscriptionStore } from "./subscriptions/store.js";
