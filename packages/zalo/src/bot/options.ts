import type { Hooks, LimiterOptions, RateLimiter, RetryOptions } from "@vnegov/sdk";
import type { ZaloChatAction, ZaloUpdate } from "./types.js";

/** The Bot API host. */
export const ZALO_BOT_API_URL = "https://bot-api.zaloplatforms.com";

/** Options of a {@link ZaloBot}. */
export interface ZaloBotOptions {
  /** The bot token, `"<bot id>:<secret>"`. It travels only in request URLs, never in errors or hooks. */
  token: string;
  /**
   * Default `https://bot-api.zaloplatforms.com`. The legacy host `https://bot-api.zapps.me`
   * (still in Zalo's own SDKs) works by setting it here; so does the sandbox's emulator,
   * `${sandbox.url}/zalo-bot`.
   */
  baseURL?: string;
  /** Per-attempt timeout in ms. Default 30 s. A long poll gets its `timeout` on top. */
  timeout?: number;
  retry?: RetryOptions;
  /** Concurrency/rate limits for calls other than `getUpdates`, or your own {@link RateLimiter}. */
  limiter?: LimiterOptions | RateLimiter;
  /** Request/response/retry events; routes read `/bot{token}/<method>`. */
  hooks?: Hooks;
}

/** Per-call options. */
export interface ZaloCallOptions {
  signal?: AbortSignal;
}

/** Options of `getUpdates`. */
export interface GetUpdatesOptions extends ZaloCallOptions {
  /** How long Zalo holds the poll open when there is no update, in seconds. Default 30. */
  timeout?: number;
}

/** Parameters of `setWebhook`. */
export interface SetWebhookParams extends ZaloCallOptions {
  /** HTTPS URL Zalo POSTs updates to. */
  url: string;
  /** 8–256 characters; Zalo sends it back in `X-Bot-Api-Secret-Token`. */
  secretToken: string;
}

/** Parameters of `sendMessage` and `sendText`. */
export interface SendMessageParams extends ZaloCallOptions {
  /** The `chat.id` of the update being answered. */
  chatId: string;
  text: string;
}

/** Parameters of `sendPhoto`. */
export interface SendPhotoParams extends ZaloCallOptions {
  chatId: string;
  /**
   * A URL Zalo fetches, possibly more than once and later than the call: keep it valid for
   * minutes, not for one download.
   */
  photo: string;
  /** 1–2000 UTF-16 code units. */
  caption?: string;
}

/** Parameters of `sendSticker`. */
export interface SendStickerParams extends ZaloCallOptions {
  chatId: string;
  /** A sticker id from https://stickers.zaloapp.com/. */
  sticker: string;
}

/** Parameters of `sendChatAction`. */
export interface SendChatActionParams extends ZaloCallOptions {
  chatId: string;
  /** `typing` shows for up to 5 s or until the bot's next message. */
  action: ZaloChatAction;
}

/** Options of `startPolling`. */
export interface StartPollingOptions {
  /** Stops the loop; `startPolling` then resolves. */
  signal?: AbortSignal;
  /** Long-poll timeout of each `getUpdates`, in seconds. Default 30. */
  timeout?: number;
  /**
   * Told of a failed `onUpdate` (with the update) and of a failed poll that the loop retries
   * (without one). Default: `console.error`. The loop goes on either way.
   */
  onError?(error: unknown, update?: ZaloUpdate): void;
}
