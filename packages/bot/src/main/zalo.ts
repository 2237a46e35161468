import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createPkcePair, FileTokenStore, ZaloOa } from "@vnegov/zalo";
import type { Hono } from "hono";
import type { Logger } from "pino";
import { MediaStore } from "../channels/media-store.js";
import type { ChannelSender } from "../channels/sender.js";
import { createZaloBotChannel } from "../channels/zalo/bot-channel.js";
import type { ZaloBotChannel } from "../channels/zalo/bot-options.js";
import { createZaloOaChannel } from "../channels/zalo/oa-channel.js";
import type { BotEngine } from "../engine/bot-engine.js";
import type { BotConfig } from "./config.js";

const BOT_PATH = "/hooks/zalo-bot";
const OA_PATH = "/hooks/zalo-oa";
const OA_CONNECT = "/zalo-oa/connect";
const OA_CALLBACK = "/zalo-oa/callback";
const MEDIA_PATH = "/media";
/** How long an OA administrator has to finish consenting. */
const CONSENT_WINDOW_MS = 10 * 60_000;

/** The Zalo channels the configuration asks for, mounted on `app`. */
export interface ZaloChannels {
  senders: ChannelSender[];
  bot?: ZaloBotChannel;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Mounts the Zalo Bot channel (when `ZALO_BOT_TOKEN` is set) and the Zalo OA channel (when
 * its app credentials are), with their webhooks, the OA's OAuth consent routes and the media
 * route Zalo fetches reply photos from.
 */
export function mountZalo(
  config: BotConfig,
  engine: BotEngine,
  app: Hono,
  log: Logger,
): ZaloChannels {
  const senders: ChannelSender[] = [];
  const media = config.PUBLIC_URL
    ? new MediaStore(new URL(MEDIA_PATH, config.PUBLIC_URL).href)
    : undefined;
  if (media) app.get(`${MEDIA_PATH}/:id`, (c) => media.response(c.req.param("id")));

  let bot: ZaloBotChannel | undefined;
  if (config.ZALO_BOT_TOKEN) {
    bot = createZaloBotChannel({
      engine,
      token: config.ZALO_BOT_TOKEN,
      baseURL: config.ZALO_BOT_API_URL,
      mode:
        config.ZALO_BOT_MODE === "webhook" && config.PUBLIC_URL
          ? {
              type: "webhook",
              url: new URL(BOT_PATH, config.PUBLIC_URL).href,
              secretToken: config.ZALO_BOT_WEBHOOK_SECRET ?? "",
            }
          : { type: "polling" },
      ...(media && { media }),
      logger: log,
    });
    const channel = bot;
    app.post(BOT_PATH, (c) => channel.handleWebhook(c.req.raw));
    senders.push(bot);
  }

  const { ZALO_OA_APP_ID: appId, ZALO_OA_APP_SECRET: appSecret } = config;
  const oaSecretKey = config.ZALO_OA_SECRET_KEY;
  let stopOa: (() => Promise<void>) | undefined;
  if (appId && appSecret && oaSecretKey && config.PUBLIC_URL) {
    const oa = new ZaloOa({
      appId,
      appSecret,
      tokens: new FileTokenStore(
        config.ZALO_OA_TOKEN_FILE ?? join(config.DATA_DIR, "zalo-oa-tokens.json"),
      ),
      baseURLs: {
        openApi: config.ZALO_OA_API_URL,
        oauth: config.ZALO_OAUTH_URL,
        business: config.ZALO_BUSINESS_URL,
      },
    });
    const channel = createZaloOaChannel({
      engine,
      oa,
      appId,
      oaSecretKey,
      ...(config.ZALO_ZNS_TEMPLATE_ID && {
        zns: {
          templateId: config.ZALO_ZNS_TEMPLATE_ID,
          ...(config.ZALO_ZNS_PARAMS && { params: config.ZALO_ZNS_PARAMS }),
        },
      }),
      logger: log,
    });
    app.post(OA_PATH, (c) => channel.handleWebhook(c.req.raw));
    mountOaConsent(app, oa, new URL(OA_CALLBACK, config.PUBLIC_URL).href, log);
    senders.push(channel);
    stopOa = () => channel.stop();
    log.info(
      { connect: new URL(OA_CONNECT, config.PUBLIC_URL).href },
      "zalo oa: an OA administrator authorises the bot once at this address",
    );
  }

  return {
    senders,
    ...(bot && { bot }),
    start: async () => {
      await bot?.start();
    },
    stop: async () => {
      await Promise.all([bot?.stop(), stopOa?.()]);
    },
  };
}

/**
 * OAuth v4 with PKCE: `/zalo-oa/connect` sends the OA administrator to Zalo's consent page;
 * Zalo returns to `/zalo-oa/callback`, where the code becomes the stored token pair.
 */
function mountOaConsent(app: Hono, oa: ZaloOa, redirectUri: string, log: Logger): void {
  const pending = new Map<string, { codeVerifier: string; expiresAt: number }>();
  app.get(OA_CONNECT, (c) => {
    const { codeVerifier, codeChallenge } = createPkcePair();
    const state = randomBytes(16).toString("base64url");
    for (const [key, entry] of pending) if (entry.expiresAt < Date.now()) pending.delete(key);
    pending.set(state, { codeVerifier, expiresAt: Date.now() + CONSENT_WINDOW_MS });
    return c.redirect(oa.authorizationUrl({ redirectUri, codeChallenge, state }));
  });
  app.get(OA_CALLBACK, async (c) => {
    const state = c.req.query("state") ?? "";
    const code = c.req.query("code");
    const entry = pending.get(state);
    pending.delete(state);
    if (!code || !entry || entry.expiresAt < Date.now())
      return c.text("Liên kết không hợp lệ hoặc đã hết hạn. Vui lòng thử lại.", 400);
    try {
      await oa.exchangeCode({ code, codeVerifier: entry.codeVerifier });
    } catch (error) {
      log.error({ err: error }, "zalo oa authorisation failed");
      return c.text("Không kết nối được Zalo OA. Vui lòng thử lại sau.", 502);
    }
    log.info("zalo oa authorised");
    return c.text("Đã kết nối Zalo OA với trợ lý. Bạn có thể đóng trang này.");
  });
}
