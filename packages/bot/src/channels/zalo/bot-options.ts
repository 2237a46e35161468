import type { LimiterOptions } from "@vnegov/sdk";
import type { Logger } from "pino";
import type { BotEngine } from "../../engine/bot-engine.js";
import type { MediaStore } from "../media-store.js";
import type { ChannelSender } from "../sender.js";

/** How updates reach the bot: long polling (development) or a webhook (production). */
export type ZaloBotMode =
  | { type: "polling" }
  /** Zalo POSTs updates to `url` with `secretToken` (8–256 characters) in a header. */
  | { type: "webhook"; url: string; secretToken: string };

/** Options of {@link createZaloBotChannel}. */
export interface ZaloBotChannelOptions {
  engine: Pick<BotEngine, "handle">;
  /** The token Zalo Bot Creator sent, `<bot id>:<secret>`. */
  token: string;
  /** The Bot API host; default `https://bot-api.zaloplatforms.com` (the sandbox in tests). */
  baseURL?: string;
  mode: ZaloBotMode;
  /** Largest photo a user may send; larger ones get a polite refusal. Default 10 MiB. */
  maxAttachmentBytes?: number;
  /**
   * Where outgoing files are served from: Zalo fetches photos by URL. Without one, a reply's
   * file is named in the text instead.
   */
  media?: MediaStore;
  /** Send rate towards Zalo; no numbers are published, so the default is a cautious 20/s. */
  limiter?: LimiterOptions;
  logger?: Logger;
}

/** A Zalo bot speaking for the engine; also the sender notifications go through. */
export interface ZaloBotChannel extends ChannelSender {
  readonly channel: "zalo";
  /** Checks the token (`getMe`), then registers the webhook or starts polling. */
  start(): Promise<void>;
  /** Stops taking updates and waits for replies under way. */
  stop(): Promise<void>;
  /**
   * Takes one webhook request, fetch-style: 401 without the right `X-Bot-Api-Secret-Token`,
   * 400 for a malformed body, otherwise 200 at once while the update is handled.
   */
  handleWebhook(request: Request): Promise<Response>;
}
