import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import {
  type ChatMessage,
  type Sandbox,
  startSandbox,
  type UserFileOptions,
  type UserOptions,
} from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { Hono } from "hono";
import {
  BotEngine,
  createTelegramChannel,
  type Dialog,
  SqliteSessionStorage,
  type TelegramChannel,
  type TelegramChannelOptions,
} from "../src/index.js";

export type Mode = "polling" | "webhook";

/** The seeded sandbox (portal + Telegram emulator) and SDK clients every Telegram test uses. */
export interface World {
  sandbox: Sandbox;
  sdk: Vnegov;
  admin: Vnegov;
  dir: string;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
    telegram: { rateLimits: false, webhook: { baseDelayMs: 50 } },
    zaloBot: { rateLimits: false },
    zaloOa: { znsTemplates: [{ templateId: "312345", params: ["ma_ho_so", "trang_thai"] }] },
  });
  const sdk = new Vnegov({
    baseURL: sandbox.url,
    auth: { apiKey: sandbox.credentials.bot.apiKey },
  });
  const admin = new Vnegov({
    baseURL: sandbox.url,
    auth: { apiKey: sandbox.credentials.admin.apiKey },
  });
  const dir = mkdtempSync(join(tmpdir(), "vnegov-telegram-"));
  return {
    sandbox,
    sdk,
    admin,
    dir,
    async close() {
      await sdk.close();
      await admin.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The user's phone for one bot: what they send, what they see. */
export interface Phone {
  say(chat: number, text: string, options?: UserOptions): void;
  photo(chat: number, data: Uint8Array, options?: UserFileOptions): void;
  document(chat: number, data: Uint8Array, options?: UserFileOptions): void;
  press(
    chat: number,
    messageId: number,
    data: string,
  ): ReturnType<Sandbox["telegram"]["pressButton"]>;
  /** The bot's next `count` messages in the chat (each seen once). */
  next(chat: number, count?: number): Promise<ChatMessage[]>;
  /** Says `text` and returns the texts of the next `count` replies. */
  ask(chat: number, text: string, count?: number): Promise<string[]>;
}

export interface TestBot {
  channel: TelegramChannel;
  engine: BotEngine;
  token: string;
  phone: Phone;
  /** Where the emulator delivers updates, in webhook mode. */
  webhookUrl?: string;
  stop(): Promise<void>;
}

let botIds = 8_000_000_000;
export const WEBHOOK_SECRET = "test-secret_42";

/** A channel on its own bot token, started in `mode` against the sandbox's emulator. */
export async function startBot(
  world: World,
  mode: Mode,
  options: { dialogs?: Dialog[] } & Partial<TelegramChannelOptions> = {},
): Promise<TestBot> {
  const { dialogs, ...channelOptions } = options;
  const id = ++botIds;
  const token = `${id}:${"AAE-telegram-adapter-test".padEnd(35, "0")}`;
  const storage = new SqliteSessionStorage(join(world.dir, `${id}.sqlite`));
  const engine = new BotEngine({ sdk: world.sdk, storage, ...(dialogs && { dialogs }) });
  const receiver = mode === "webhook" ? await listen() : undefined;
  const webhookUrl = receiver && `${receiver.url}/telegram`;
  const channel = createTelegramChannel({
    engine,
    token,
    apiRoot: world.sandbox.url,
    mode: webhookUrl
      ? { type: "webhook", url: webhookUrl, secretToken: WEBHOOK_SECRET }
      : { type: "polling" },
    ...channelOptions,
  });
  receiver?.app.post("/telegram", (c) => channel.handleWebhook(c.req.raw));
  await channel.start();
  const tg = world.sandbox.telegram;
  const phone: Phone = {
    say: (chat, text, o) => void tg.sendText(chat, text, { token, ...o }),
    photo: (chat, data, o) => void tg.sendPhoto(chat, data, { token, ...o }),
    document: (chat, data, o) => void tg.sendDocument(chat, data, { token, ...o }),
    press: (chat, messageId, data) => tg.pressButton(chat, messageId, data, { token }),
    next: (chat, count = 1) => tg.nextMessages(chat, count, { token }),
    async ask(chat, text, count = 1) {
      phone.say(chat, text);
      return (await phone.next(chat, count)).map((m) => m.text ?? "");
    },
  };
  return {
    channel,
    engine,
    token,
    phone,
    ...(webhookUrl && { webhookUrl }),
    async stop() {
      await channel.stop();
      await receiver?.close();
      storage.close();
    },
  };
}

/** A Hono app served on loopback, where an emulator delivers webhook updates. */
export function listen(): Promise<{ app: Hono; url: string; close(): Promise<void> }> {
  const app = new Hono();
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve({
        app,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // The emulator keeps its connection alive; it would hold the close open.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      }),
    );
  });
}

/** A PNG header of the given size and some bytes: enough for Telegram to take it as a photo. */
export function pngOf(width: number, height: number, totalBytes = 2048): Uint8Array {
  const data = Buffer.alloc(totalBytes, 0x42);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(data);
  data.write("IHDR", 12, "latin1");
  data.writeUInt32BE(width, 16);
  data.writeUInt32BE(height, 20);
  return data;
}
