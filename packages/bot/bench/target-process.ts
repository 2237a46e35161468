/**
 * A bot under load, in its own process: `echo` is a bare telegraf bot that repeats each text
 * (the baseline); `vnegov` is the engine answering dossier look-ups through the Telegram
 * channel. Both take webhooks with a secret token and reply through the emulator's API.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Vnegov } from "@vnegov/sdk";
import { Hono } from "hono";
import { Telegraf } from "telegraf";
import { BotEngine, createTelegramChannel, SqliteSessionStorage } from "../src/index.js";

const [kind, apiRoot = "", token = "", secretToken = ""] = process.argv.slice(2);
const PATH = "/hooks/telegram";

function echoBot(): Promise<number> {
  // Replies as API calls, not in the webhook response, exactly like the vnegov channel.
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false } });
  bot.on("message", (ctx) => ctx.reply("text" in ctx.message ? ctx.message.text : "?"));
  const server = createServer(bot.webhookCallback(PATH, { secretToken }));
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

function vnegovBot(): Promise<number> {
  const sdk = new Vnegov({ baseURL: apiRoot, auth: { apiKey: "vng_sandbox_bot_key" } });
  const engine = new BotEngine({ sdk, storage: new SqliteSessionStorage(":memory:") });
  const channel = createTelegramChannel({
    engine,
    token,
    apiRoot,
    mode: { type: "webhook", url: `http://127.0.0.1${PATH}`, secretToken },
  });
  const app = new Hono().post(PATH, (c) => channel.handleWebhook(c.req.raw));
  return new Promise((resolve) => {
    serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => resolve(info.port));
  });
}

const port = await (kind === "echo" ? echoBot() : vnegovBot());
// A normal exit, so `node --cpu-prof` can write its profile.
process.once("SIGTERM", () => process.exit(0));
console.log(`listening ${port}`);
