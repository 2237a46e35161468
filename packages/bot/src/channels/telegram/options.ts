import type { Logger } from "pino";
import type { BotEngine } from "../../engine/bot-engine.js";
import type { OutgoingMessage } from "../../engine/messages.js";
import type { ChannelSender, SendOptions } from "../sender.js";

/** How updates reach the bot. */
export type TelegramMode =
  /** The bot asks Telegram for updates (long polling); nothing needs to be reachable. */
  | { type: "polling" }
  /**
   * Telegram POSTs updates to `url`, which must route to {@link TelegramChannel.handleWebhook};
   * `secretToken` (1–256 of `A–Z a–z 0–9 _ -`) proves a request came from Telegram.
   */
  | { type: "webhook"; url: string; secretToken: string };

/** Options of {@link createTelegramChannel}. */
export interface TelegramChannelOptions {
  /** The conversation engine, the same one the other channels use. */
  engine: Pick<BotEngine, "handle">;
  /** The token from @BotFather. */
  token: string;
  /** The Bot API server; default `https://api.telegram.org` (the sandbox's URL in tests). */
  apiRoot?: string;
  mode: TelegramMode;
  /**
   * Largest photo or document a user may send; larger ones are refused with a polite reply
   * and never downloaded. Default 10 MiB (Telegram lets bots download up to 20 MB).
   */
  maxAttachmentBytes?: number;
  /**
   * How long one update may take (engine, downloads, sends with flood waits) before it is
   * logged as timed out and the next poll goes ahead. Default 120 s (telegraf's own is 90 s).
   */
  handlerTimeoutMs?: number;
  logger?: Logger;
}

/** A Telegram bot speaking for the engine; also the sender notifications go through. */
export interface TelegramChannel extends ChannelSender {
  readonly channel: "telegram";
  /**
   * Checks the token (`getMe`), then polling: removes any webhook and starts polling;
   * webhook: registers the webhook (`setWebhook` with the secret token).
   */
  start(): Promise<void>;
  /** Stops taking updates and waits for replies under way to be sent. */
  stop(): Promise<void>;
  /**
   * Takes one webhook request, fetch-style, so it mounts on any server:
   * `app.post(path, (c) => channel.handleWebhook(c.req.raw))`. 401 without the right
   * `X-Telegram-Bot-Api-Secret-Token`, 400 for a body that is not an update, 503 after
   * `stop()`, otherwise 200 once the update has been handled.
   */
  handleWebhook(request: Request): Promise<Response>;
  /**
   * Sends `message` to the chat `chatId` (a notification), after the chat's earlier replies.
   * Rejects when Telegram refuses it (the user blocked the bot, a button action over 64
   * bytes…); flood limits (429) are waited out, unless `waitOutRateLimits: false`.
   */
  send(chatId: string, message: OutgoingMessage, options?: SendOptions): Promise<void>;
}
