import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Sandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { Hono } from "hono";
import pino, { type Logger } from "pino";
import type { ChannelSender } from "../channels/sender.js";
import { createTelegramChannel, type TelegramChannel } from "../channels/telegram/index.js";
import { createWebChat } from "../channels/web/web-chat.js";
import { BotEngine } from "../engine/bot-engine.js";
import { DossierWatcher } from "../notify/dossier-watcher.js";
import { EventPoller, NOTIFIED_EVENTS } from "../notify/event-poller.js";
import { createEventWebhook } from "../notify/event-webhook.js";
import { OutboxNotifier } from "../notify/outbox/outbox-notifier.js";
import { SqliteSessionStorage } from "../session/sqlite-storage.js";
import type { SessionStorage } from "../session/storage.js";
import { SqliteSubscriptionStore } from "../subscriptions/sqlite-store.js";
import { openBackend } from "./backend.js";
import type { BotConfig } from "./config.js";
import { mountOps } from "./ops.js";
import { openOutbox } from "./outbox.js";
import { mountZalo } from "./zalo.js";

const EVENTS_PATH = "/hooks/vnegov";
const TELEGRAM_PATH = "/hooks/telegram";

/** A running bot: where to chat, and how to stop it. */
export interface RunningBot {
  /** The web chat page, e.g. `http://127.0.0.1:3000/`. */
  webChatUrl: string;
  /** The embedded sandbox, when no portal was configured. */
  sandbox?: Sandbox;
  telegram?: TelegramChannel;
  /** Where citizens' dossier look-ups go (`VNEGOV_BACKEND`). */
  backend: BotConfig["VNEGOV_BACKEND"];
  /** Which Zalo channels run (see docs/zalo.md). */
  zalo: { bot: boolean; oa: boolean };
  close(): Promise<void>;
}

export async function sessionStorage(
  config: BotConfig,
  log: Logger,
): Promise<SessionStorage & { close(): unknown }> {
  if (!config.REDIS_URL) return new SqliteSessionStorage(join(config.DATA_DIR, "sessions.sqlite"));
  // Loaded only when used: the default bot never opens a Redis connection.
  const [{ Redis }, { RedisSessionStorage }] = await Promise.all([
    import("ioredis"),
    import("../session/redis-storage.js"),
  ]);
  const client = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await client.connect();
  log.info("sessions in Redis");
  return Object.assign(new RedisSessionStorage({ client }), { close: () => client.quit() });
}

/** The portal: the configured one, or a sandbox started in this process with sample data. */
export async function portal(config: BotConfig): Promise<{ sdk: Vnegov; sandbox?: Sandbox }> {
  if (config.VNEGOV_BASE_URL) {
    const auth = config.VNEGOV_API_KEY
      ? { apiKey: config.VNEGOV_API_KEY }
      : {
          clientId: config.VNEGOV_CLIENT_ID ?? "",
          clientSecret: config.VNEGOV_CLIENT_SECRET ?? "",
        };
    return { sdk: new Vnegov({ baseURL: config.VNEGOV_BASE_URL, auth }) };
  }
  if (config.SANDBOX_DB !== ":memory:")
    mkdirSync(join(config.SANDBOX_DB, ".."), { recursive: true });
  // Loaded only when needed: a bot talking to a real portal never loads the sandbox.
  const { startSandbox } = await import("@vnegov/sandbox");
  const sandbox = await startSandbox({
    db: config.SANDBOX_DB,
    port: config.SANDBOX_PORT,
    seed: true,
  });
  const sdk = new Vnegov({
    baseURL: sandbox.url,
    auth: { apiKey: sandbox.credentials.bot.apiKey },
  });
  return { sdk, sandbox };
}

/**
 * The webhook secret for portal events: the configured one, or a fresh registration pointing
 * at this process (earlier registrations for the same URL are removed first).
 */
async function eventsSecret(config: BotConfig, sdk: Vnegov, publicUrl: string): Promise<string> {
  if (config.VNEGOV_WEBHOOK_SECRET) return config.VNEGOV_WEBHOOK_SECRET;
  const url = new URL(EVENTS_PATH, publicUrl).href;
  for await (const hook of sdk.webhooks.list())
    if (hook.url === url) await sdk.webhooks.delete(hook.id);
  const hook = await sdk.webhooks.create({
    url,
    events: [...NOTIFIED_EVENTS],
  });
  return hook.secret;
}

/**
 * Starts everything `vnegov-bot` runs: the portal client (or embedded sandbox), the engine,
 * the web chat, Telegram and Zalo when their credentials are set, and notifications.
 */
export async function runBot(
  config: BotConfig,
  log: Logger = pino({ level: config.LOG_LEVEL }),
): Promise<RunningBot> {
  mkdirSync(config.DATA_DIR, { recursive: true });
  const { sdk, sandbox } = await portal(config);
  const backend = await openBackend(config, sdk, sandbox);
  log.info({ backend: backend.name }, "dossier look-ups");
  const storage = await sessionStorage(config, log);
  const subscriptions = new SqliteSubscriptionStore(join(config.DATA_DIR, "subscriptions.sqlite"));
  const engine = new BotEngine({
    sdk,
    portal: backend.portal,
    storage,
    subscriptions,
    onError: (error, message) => log.warn({ err: error, channel: message.channel }, "reply failed"),
  });

  const web = createWebChat({
    engine,
    allowedOrigins: config.WEBCHAT_ALLOWED_ORIGINS,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    ...(config.WEBCHAT_SECRET ? { secret: config.WEBCHAT_SECRET } : {}),
    logger: log,
  });
  const senders: ChannelSender[] = [web];
  const app = new Hono();
  app.route("/", web.app);

  let telegram: TelegramChannel | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    const channel = createTelegramChannel({
      engine,
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      mode:
        config.TELEGRAM_MODE === "webhook" && config.PUBLIC_URL
          ? {
              type: "webhook",
              url: new URL(TELEGRAM_PATH, config.PUBLIC_URL).href,
              secretToken: config.TELEGRAM_WEBHOOK_SECRET ?? "",
            }
          : { type: "polling" },
      logger: log,
    });
    app.post(TELEGRAM_PATH, (c) => channel.handleWebhook(c.req.raw));
    senders.push(channel);
    telegram = channel;
  }

  const zalo = mountZalo(config, engine, app, log);
  senders.push(...zalo.senders);

  // Notifications go through a durable outbox: queued once per event, sent at each platform's
  // ceiling, retried, and never twice (docs/bot.md, "Notifications").
  const opened = await openOutbox(config);
  const { outbox } = opened;
  log.info({ outbox: opened.where }, "notifications outbox");
  const notifier = new OutboxNotifier({
    sdk,
    subscriptions,
    outbox,
    sessions: storage,
    channels: senders.map((s) => s.channel),
  });
  const worker = opened.worker({ senders, subscriptions, logger: log });
  mountOps(app, outbox, worker, config.OPS_TOKEN);
  // Registering the portal webhook needs the listening port, and routes must exist before the
  // server starts: deliveries arriving before registration completes get 503 and are retried.
  let events: ((request: Request) => Promise<Response>) | undefined;
  app.post(EVENTS_PATH, (c) => (events ? events(c.req.raw) : c.body(null, 503)));

  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const publicUrl = config.PUBLIC_URL ?? `http://${config.HOST}:${port}/`;
  events = createEventWebhook({
    secret: await eventsSecret(config, sdk, publicUrl),
    notifier,
    onError: (error) => log.warn({ err: error }, "event notification failed"),
  });
  const watcher = new DossierWatcher({
    portal: backend.portal,
    subscriptions,
    notifier,
    intervalMs: config.DOSSIER_WATCH_SECONDS * 1000,
    onError: (error) => log.warn({ err: error }, "dossier watch failed"),
  });
  // Webhooks that never arrived, and whatever happened while the bot was down.
  const poller = new EventPoller({
    sdk,
    notifier,
    cursor: outbox.cursor("events"),
    intervalMs: config.EVENTS_POLL_SECONDS * 1000,
    onError: (error) => log.warn({ err: error }, "event feed poll failed"),
  });
  watcher.start();
  poller.start();
  worker.start();
  await telegram?.start();
  await zalo.start();

  return {
    webChatUrl: publicUrl,
    ...(sandbox ? { sandbox } : {}),
    ...(telegram ? { telegram } : {}),
    backend: backend.name,
    zalo: {
      bot: zalo.bot !== undefined,
      oa: zalo.senders.some((sender) => sender.channel === "zalo_oa"),
    },
    async close() {
      watcher.stop();
      await poller.stop();
      await worker.stop();
      await telegram?.stop();
      await zalo.stop();
      web.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
      subscriptions.close();
      await opened.close();
      await backend.close();
      await sdk.close();
      await sandbox?.close();
    },
  };
}
