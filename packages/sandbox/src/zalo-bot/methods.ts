import { randomUUID } from "node:crypto";
import { BotApiError } from "../emulators/bot-api-error.js";
import type { RequestParams } from "../emulators/params.js";
import type { EmulatedZaloBot } from "./bot.js";
import type { ChatLog, ZaloBotChatMessage } from "./chat-log.js";
import { badRequest, notFound, requestTimeout, webhookConflict } from "./errors.js";
import type { ZaloBotSendAttempt } from "./faults.js";
import type { ZaloSendQuota } from "./quota.js";
import type { SentMessage } from "./types.js";

/** What a Bot API method sees of one request. */
export interface ZaloMethodContext {
  bot: EmulatedZaloBot;
  params: RequestParams;
  /** The send quota in force, if any. */
  quota: ZaloSendQuota | undefined;
  /** Aborts when the client goes away (ends a long poll early). */
  signal: AbortSignal;
}

export type ZaloMethod = (ctx: ZaloMethodContext) => unknown;

const MAX_TEXT = 2000;
const MAX_POLL_SECONDS = 60;
const CHAT_ACTIONS = new Set(["typing", "upload_photo"]);

/** A message id as Zalo shows them: 32 hex digits. */
export const newMessageId = () => randomUUID().replaceAll("-", "");

function required(ctx: ZaloMethodContext, name: string): string {
  const value = ctx.params.string(name);
  if (value === undefined || value.trim() === "") throw badRequest(`${name} is required`);
  return value;
}

/** A text or caption of 1–2000 UTF-16 code units. */
function text(ctx: ZaloMethodContext, name: string): string {
  const value = required(ctx, name);
  if (value.length > MAX_TEXT) throw badRequest(`${name} must be 1 to ${MAX_TEXT} characters`);
  return value;
}

function httpUrl(ctx: ZaloMethodContext, name: string): string {
  const value = required(ctx, name);
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw badRequest(`${name} must be an http(s) URL`);
  return value;
}

/** The chat `chat_id` names; a bot can only reach chats whose user wrote to it first. */
function targetChat(ctx: ZaloMethodContext): ChatLog {
  const chat = ctx.bot.chats.get(required(ctx, "chat_id"));
  if (!chat) throw notFound("chat not found");
  return chat;
}

/**
 * One send to `chat`, recorded as an attempt: a fault injected for the chat (or the user's
 * block) answers first, then the quota; `deliver` runs only when both let it through.
 */
async function attempt<T>(
  ctx: ZaloMethodContext,
  chat: ChatLog,
  method: string,
  deliver: () => T,
): Promise<T> {
  const { sendStats } = ctx.bot;
  const record: ZaloBotSendAttempt = { method, date: Date.now() };
  sendStats.attempts += 1;
  const injected = chat.faults.take();
  try {
    if (injected) throw injected;
    await ctx.quota?.consume(ctx.bot.id);
  } catch (error) {
    if (error instanceof BotApiError) {
      chat.faults.attempts.push({
        ...record,
        errorCode: error.errorCode,
        ...(injected && { injected: true }),
      });
      if (injected) sendStats.injected += 1;
      else if (error.errorCode === 429) sendStats.rateLimited += 1;
    }
    throw error;
  }
  chat.faults.attempts.push(record);
  return deliver();
}

/** Records a bot message once the chat's faults and the quota allow it. */
function post(
  ctx: ZaloMethodContext,
  chat: ChatLog,
  method: string,
  content: Omit<ZaloBotChatMessage, "messageId" | "date">,
): Promise<SentMessage> {
  return attempt(ctx, chat, method, () => {
    const message = { messageId: newMessageId(), date: Date.now(), ...content };
    const stats = ctx.bot.sendStats;
    stats.sent += 1;
    if (chat.sent.all().length === 0) stats.chatsReached += 1;
    stats.firstSentAt ??= message.date;
    stats.lastSentAt = message.date;
    chat.sent.push(message);
    return { message_id: message.messageId, date: message.date };
  });
}

function timeoutSeconds(ctx: ZaloMethodContext): number {
  const raw = ctx.params.string("timeout");
  if (raw === undefined || raw === "") return 30;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw badRequest("timeout must be a number of seconds");
  return Math.min(seconds, MAX_POLL_SECONDS);
}

/** The Bot API methods by name; names are case-sensitive, as Zalo's are. */
export const ZALO_BOT_METHODS: Record<string, ZaloMethod> = {
  getMe: (ctx) => ctx.bot.info,

  async getUpdates(ctx) {
    const { bot } = ctx;
    // Zalo's docs: getUpdates stops working once a webhook is set.
    if (bot.webhook) throw webhookConflict();
    const update = await bot.updates.poll(timeoutSeconds(ctx) * 1000, ctx.signal);
    if (!update) throw requestTimeout();
    return update;
  },

  setWebhook(ctx) {
    const { bot } = ctx;
    // Zalo demands HTTPS; the emulator takes plain HTTP too, for receivers on loopback.
    const url = httpUrl(ctx, "url");
    const secretToken = required(ctx, "secret_token");
    if (secretToken.length < 8 || secretToken.length > 256)
      throw badRequest("secret_token must be 8 to 256 characters");
    bot.webhook = { url, secretToken };
    bot.webhookUpdatedAt = Date.now();
    bot.updates.release(webhookConflict());
    bot.pusher.reset();
    return bot.webhookInfo();
  },

  deleteWebhook(ctx) {
    const { bot } = ctx;
    bot.webhook = undefined;
    bot.webhookUpdatedAt = Date.now();
    bot.pusher.reset();
    return bot.webhookInfo();
  },

  getWebhookInfo: (ctx) => ctx.bot.webhookInfo(),

  sendMessage(ctx) {
    const chat = targetChat(ctx);
    return post(ctx, chat, "sendMessage", { kind: "text", text: text(ctx, "text") });
  },

  sendPhoto(ctx) {
    const chat = targetChat(ctx);
    const photo = httpUrl(ctx, "photo");
    const caption = ctx.params.string("caption");
    return post(ctx, chat, "sendPhoto", {
      kind: "photo",
      photo,
      ...(caption !== undefined && caption !== "" && { caption: text(ctx, "caption") }),
    });
  },

  sendSticker(ctx) {
    const chat = targetChat(ctx);
    return post(ctx, chat, "sendSticker", { kind: "sticker", sticker: required(ctx, "sticker") });
  },

  async sendChatAction(ctx) {
    const chat = targetChat(ctx);
    const action = required(ctx, "action");
    if (!CHAT_ACTIONS.has(action)) throw badRequest("action must be typing or upload_photo");
    await attempt(ctx, chat, "sendChatAction", () =>
      chat.actions.push({ action, date: Date.now() }),
    );
    // The docs show `{ ok: true }` and no result.
    return undefined;
  },
};

/** The method called `name`, or `undefined` (404). */
export function findZaloMethod(name: string): ZaloMethod | undefined {
  return Object.hasOwn(ZALO_BOT_METHODS, name) ? ZALO_BOT_METHODS[name] : undefined;
}
