import { badRequest, conflict } from "../errors.js";
import type { Method, MethodContext } from "./context.js";

const WEBHOOK_ACTIVE =
  "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const SECRET_TOKEN = /^[\w-]{1,256}$/;

/** `allowed_updates` when given; Telegram keeps the previous setting otherwise. */
function allowedUpdates(ctx: MethodContext): string[] | undefined {
  const value = ctx.params.json("allowed_updates", "allowed updates");
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    throw badRequest("can't parse allowed updates");
  return value;
}

function removeWebhook(ctx: MethodContext): true {
  if (ctx.params.bool("drop_pending_updates")) ctx.bot.updates.clear();
  ctx.bot.webhook = undefined;
  return true;
}

export const updateMethods: Record<string, Method> = {
  async getUpdates(ctx) {
    const { bot, params } = ctx;
    if (bot.webhook) throw conflict(WEBHOOK_ACTIVE);
    bot.updates.confirm(params.int("offset") ?? 0);
    const allowed = allowedUpdates(ctx);
    if (allowed) bot.updates.allowed = allowed;
    const limit = Math.min(100, Math.max(1, params.int("limit") ?? 100));
    const timeoutMs = Math.max(0, params.int("timeout") ?? 0) * 1000;
    return bot.updates.poll(limit, timeoutMs, ctx.signal);
  },

  setWebhook(ctx) {
    const { bot, params } = ctx;
    const url = params.string("url") ?? "";
    if (url === "") return removeWebhook(ctx);
    // Telegram demands HTTPS; the emulator takes plain HTTP too, for loopback receivers.
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    const secretToken = params.string("secret_token");
    if (secretToken !== undefined && !SECRET_TOKEN.test(secretToken))
      throw badRequest("bad webhook: secret token contains unallowed characters");
    if (params.bool("drop_pending_updates")) bot.updates.clear();
    const allowed = allowedUpdates(ctx);
    if (allowed) bot.updates.allowed = allowed;
    bot.webhook = {
      url,
      ...(secretToken !== undefined && { secretToken }),
      maxConnections: params.int("max_connections") ?? 40,
      allowedUpdates: bot.updates.allowed,
    };
    bot.updates.release(conflict(WEBHOOK_ACTIVE));
    bot.pusher.reset();
    return true;
  },

  deleteWebhook: removeWebhook,

  getWebhookInfo: (ctx) => ctx.bot.webhookInfo(),
};
