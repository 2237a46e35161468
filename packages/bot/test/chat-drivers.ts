import { join } from "node:path";
import type { Sandbox } from "@vnegov/sandbox";
import { createPkcePair, FileTokenStore, ZaloOa } from "@vnegov/zalo";
import {
  BotEngine,
  createZaloBotChannel,
  createZaloOaChannel,
  type Dialog,
  MediaStore,
  SqliteSessionStorage,
  SqliteSubscriptionStore,
} from "../src/index.js";
import { listen, type Mode, startBot, type World } from "./telegram-harness.js";

/** What the user sees of one bot message: its text and the labels of its buttons. */
export interface Reply {
  text: string;
  buttons: string[];
  /** The platform's own record (a Telegram message id is needed to press its buttons). */
  raw: unknown;
}

/**
 * A user's side of one channel, the same for every platform, so one suite of conversations
 * runs on Telegram, Zalo Bot and Zalo OA. Chats are numeric strings.
 */
export interface ChatDriver {
  readonly name: string;
  /** The engine behind the channel (to check what it keeps). */
  readonly engine: BotEngine;
  /** How the engine keys this channel's chats. */
  chatKey(chat: string): string;
  say(chat: string, text: string): void;
  /** Sends a PNG as a photo. */
  photo(chat: string, png: Uint8Array): void;
  /** The bot's next `count` messages in the chat, each seen once. */
  next(chat: string, count?: number): Promise<Reply[]>;
  /** Picks the button labelled `label` on `reply` the way the platform lets users. */
  press(chat: string, reply: Reply, label: string): Promise<void>;
  stop(): Promise<void>;
}

export type DriverFactory = (world: World, dialogs?: Dialog[]) => Promise<ChatDriver>;

function telegram(mode: Mode): DriverFactory {
  return async (world, dialogs) => {
    const bot = await startBot(world, mode, dialogs ? { dialogs } : {});
    const toReply = (m: Awaited<ReturnType<typeof bot.phone.next>>[number]): Reply => ({
      text: m.text ?? "",
      buttons: m.buttons.flat().map((b) => b.text),
      raw: m,
    });
    return {
      name: `Telegram (${mode})`,
      engine: bot.engine,
      chatKey: (chat) => `telegram:${chat}`,
      say: (chat, text) => bot.phone.say(Number(chat), text),
      photo: (chat, png) => bot.phone.photo(Number(chat), png),
      next: async (chat, count = 1) => (await bot.phone.next(Number(chat), count)).map(toReply),
      async press(chat, reply, label) {
        const message = reply.raw as Awaited<ReturnType<typeof bot.phone.next>>[number];
        const data = message.buttons.flat().find((b) => b.text === label)?.callbackData;
        if (!data) throw new Error(`no button "${label}" on: ${reply.text}`);
        await bot.phone.press(Number(chat), message.messageId, data);
      },
      stop: () => bot.stop(),
    };
  };
}

/** The numbered choices a Zalo reply ends with ("1. Theo dõi…"), as labels. */
function numberedLabels(text: string): string[] {
  const [, list = ""] = text.split(/\n(?:Trả lời bằng số thứ tự:|Reply with a number:)\n/);
  return list
    .split("\n")
    .map((line) => /^\d+\. (.+)$/.exec(line)?.[1])
    .filter((label): label is string => label !== undefined);
}

let zaloBots = 7_000_000;

/** A Zalo Bot driver, with what Zalo-specific tests look at besides. */
export interface ZaloBotDriver extends ChatDriver {
  token: string;
}

/** The Zalo Bot channel against the sandbox's emulator, updates by webhook or polling. */
export function zaloBot(
  mode: Mode,
  options: { maxAttachmentBytes?: number } = {},
): (world: World, dialogs?: Dialog[]) => Promise<ZaloBotDriver> {
  return async (world, dialogs) => {
    const id = ++zaloBots;
    const token = `${id}:zalo-bot-channel-test-secret`;
    const storage = new SqliteSessionStorage(join(world.dir, `zalo-${id}.sqlite`));
    const subscriptions = new SqliteSubscriptionStore(join(world.dir, `zalo-subs-${id}.sqlite`));
    const engine = new BotEngine({
      sdk: world.sdk,
      storage,
      subscriptions,
      ...(dialogs && { dialogs }),
    });
    const receiver = await listen();
    const media = new MediaStore(`${receiver.url}/media`);
    receiver.app.get("/media/:id", (c) => media.response(c.req.param("id")));
    const channel = createZaloBotChannel({
      engine,
      token,
      baseURL: `${world.sandbox.url}/zalo-bot`,
      mode:
        mode === "webhook"
          ? { type: "webhook", url: `${receiver.url}/zalo`, secretToken: "zalo-webhook-secret" }
          : { type: "polling" },
      media,
      ...options,
    });
    receiver.app.post("/zalo", (c) => channel.handleWebhook(c.req.raw));
    await channel.start();
    const zalo = world.sandbox.zaloBot;
    const images = await imageHost();
    const driver: ZaloBotDriver = {
      name: `Zalo Bot (${mode})`,
      token,
      engine,
      chatKey: (chat) => `zalo:${chat}`,
      say: (chat, text) => void zalo.sendText(chat, text, { token }),
      photo: (chat, png) => void zalo.sendImage(chat, images.put(png), { token }),
      next: async (chat, count = 1) =>
        (await zalo.nextMessages(chat, count, { token })).map((m) => ({
          text: m.text ?? m.caption ?? "",
          buttons: numberedLabels(m.text ?? ""),
          raw: m,
        })),
      async press(chat, reply, label) {
        const index = reply.buttons.indexOf(label);
        if (index < 0) throw new Error(`no choice "${label}" in: ${reply.text}`);
        driver.say(chat, String(index + 1));
      },
      async stop() {
        await channel.stop();
        await receiver.close();
        await images.close();
        storage.close();
        subscriptions.close();
      },
    };
    return driver;
  };
}

/** The Zalo OA channel against the sandbox's OA emulator, authorised once with PKCE. */
const zaloOa: DriverFactory = async (world, dialogs) => {
  const emulator = world.sandbox.zaloOa;
  const { appId, appSecret, oaSecretKey } = emulator.credentials;
  const dir = join(world.dir, `oa-${++zaloBots}`);
  const storage = new SqliteSessionStorage(`${dir}.sqlite`);
  const subscriptions = new SqliteSubscriptionStore(`${dir}-subs.sqlite`);
  const engine = new BotEngine({
    sdk: world.sdk,
    storage,
    subscriptions,
    ...(dialogs && { dialogs }),
  });
  const oa = new ZaloOa({
    appId,
    appSecret,
    tokens: new FileTokenStore(`${dir}-tokens.json`),
    baseURLs: oaHosts(world.sandbox),
  });
  await authorise(oa);
  const channel = createZaloOaChannel({ engine, oa, appId, oaSecretKey });
  const receiver = await listen();
  receiver.app.post("/zalo-oa", (c) => channel.handleWebhook(c.req.raw));
  emulator.setWebhook(`${receiver.url}/zalo-oa`);
  const images = await imageHost();
  const driver: ChatDriver = {
    name: "Zalo OA",
    engine,
    chatKey: (chat) => `zalo_oa:${chat}`,
    say: (chat, text) => void emulator.userSendsText(chat, text),
    photo: (chat, png) => void emulator.userSendsImage(chat, images.put(png)),
    next: async (chat, count = 1) =>
      (await emulator.nextMessages(chat, count)).map((m) => ({
        text: m.text ?? "",
        buttons: m.quickReplies?.map((q) => q.title) ?? [],
        raw: m,
      })),
    async press(chat, reply, label) {
      if (!reply.buttons.includes(label)) throw new Error(`no quick reply "${label}"`);
      // A quick reply sends its payload back as the user's message.
      driver.say(chat, label);
    },
    async stop() {
      await channel.stop();
      await receiver.close();
      await images.close();
      storage.close();
      subscriptions.close();
    },
  };
  return driver;
};

/** The emulator's three Zalo hosts. */
export function oaHosts(sandbox: Sandbox) {
  return {
    openApi: `${sandbox.url}/zalo-oa/openapi`,
    oauth: `${sandbox.url}/zalo-oa/oauth`,
    business: `${sandbox.url}/zalo-oa/business`,
  };
}

/** What an OA administrator does once: consent on Zalo's page, which returns a code. */
export async function authorise(oa: ZaloOa): Promise<void> {
  const { codeVerifier, codeChallenge } = createPkcePair();
  const consent = await fetch(
    oa.authorizationUrl({ redirectUri: "https://bot.example.vn/cb", codeChallenge, state: "s" }),
    { redirect: "manual" },
  );
  const code = new URL(consent.headers.get("location") ?? "").searchParams.get("code");
  if (!code) throw new Error(`no code from the consent page (${consent.status})`);
  await oa.exchangeCode({ code, codeVerifier });
}

/** Serves test photos at URLs, standing in for Zalo's CDN where users' photos live. */
export async function imageHost() {
  const receiver = await listen();
  const files = new Map<string, Uint8Array>();
  receiver.app.get("/:id", (c) => {
    const data = files.get(c.req.param("id"));
    return data
      ? new Response(Buffer.from(data), { headers: { "content-type": "image/png" } })
      : c.body(null, 404);
  });
  return {
    put(data: Uint8Array): string {
      const id = `photo-${files.size + 1}.png`;
      files.set(id, data);
      return `${receiver.url}/${id}`;
    },
    close: () => receiver.close(),
  };
}

/** Every channel the conversations must work on. */
export const CHANNELS: [string, DriverFactory][] = [
  ["Telegram (polling)", telegram("polling")],
  ["Telegram (webhook)", telegram("webhook")],
  ["Zalo Bot (webhook)", zaloBot("webhook")],
  ["Zalo OA", zaloOa],
];
