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
export type { DeliveryOptions } from "./events/dispatcher.js";
export { signPayload } from "./events/signature.js";
export type { FaultOptions } from "./http/faults.js";
export type { RateLimitOptions } from "./http/limits.js";
export { type Sandbox, type SandboxOptions, startSandbox } from "./sandbox.js";
export { SANDBOX_CREDENTIALS } from "./seed/clients.js";
export type { SampleDossiers } from "./seed/world.js";
export type { NewClient, Scope } from "./services/clients.js";
export { ALL_SCOPES } from "./services/clients.js";
export type { CallbackAnswer } from "./telegram/bot.js";
export { WaitTimeoutError } from "./telegram/chat-state.js";
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
export type * as TelegramTypes from "./telegram/types.js";
export type { ChatButton, ChatFile, ChatMessage } from "./telegram/views.js";
