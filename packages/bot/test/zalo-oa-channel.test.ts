import { join } from "node:path";
import { FileTokenStore, ZaloOa, ZaloOutsideWindowError } from "@vnegov/zalo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BotEngine,
  createZaloOaChannel,
  type OutgoingMessage,
  SqliteSessionStorage,
  SqliteSubscriptionStore,
  type ZaloOaChannel,
} from "../src/index.js";
import { authorise, oaHosts } from "./chat-drivers.js";
import { attachmentEcho } from "./helpers/attachment-echo.js";
import { listen, startWorld, type World } from "./telegram-harness.js";

/** What only the OA has: follows, files, consent withdrawal, ZNS outside the window. */
let world: World;
let engine: BotEngine;
let storage: SqliteSessionStorage;
let subscriptions: SqliteSubscriptionStore;
let channel: ZaloOaChannel;
let webhookUrl: string;
let closeReceiver: () => Promise<void>;
let closeFiles: () => Promise<void>;
let fileUrl: string;

const DAY = 86_400_000;
const PDF = Buffer.from("%PDF-1.4 đơn đề nghị");

beforeAll(async () => {
  world = await startWorld();
  const emulator = world.sandbox.zaloOa;
  const { appId, appSecret, oaSecretKey } = emulator.credentials;
  storage = new SqliteSessionStorage(join(world.dir, "oa-only.sqlite"));
  subscriptions = new SqliteSubscriptionStore(join(world.dir, "oa-only-subs.sqlite"));
  engine = new BotEngine({ sdk: world.sdk, storage, subscriptions, dialogs: [attachmentEcho] });
  const oa = new ZaloOa({
    appId,
    appSecret,
    tokens: new FileTokenStore(join(world.dir, "oa-only-tokens.json")),
    baseURLs: oaHosts(world.sandbox),
  });
  await authorise(oa);
  channel = createZaloOaChannel({
    engine,
    oa,
    appId,
    oaSecretKey,
    zns: { templateId: "312345", params: { ma_ho_so: "dossierCode", trang_thai: "statusText" } },
  });
  const receiver = await listen();
  receiver.app.post("/zalo-oa", (c) => channel.handleWebhook(c.req.raw));
  webhookUrl = `${receiver.url}/zalo-oa`;
  closeReceiver = receiver.close;
  emulator.setWebhook(webhookUrl);
  const files = await listen();
  files.app.get(
    "/don.pdf",
    () => new Response(PDF, { headers: { "content-type": "application/pdf" } }),
  );
  fileUrl = `${files.url}/don.pdf`;
  closeFiles = files.close;
});
afterAll(async () => {
  await channel?.stop();
  await closeReceiver?.();
  await closeFiles?.();
  storage?.close();
  subscriptions?.close();
  await world?.close();
});

const oa = () => world.sandbox.zaloOa;

describe("Zalo OA channel", () => {
  it("greets a new follower, saying it is an automated assistant", async () => {
    await oa().follow("u-follow");
    const [greeting] = await oa().nextMessages("u-follow", 1);
    expect(greeting?.text).toMatch(/^Tôi là trợ lý tự động/);
    expect(greeting?.text).toContain("Tra cứu hồ sơ");
  });

  it("takes a file the user sends, and replies quoting their message for free", async () => {
    await oa().userSendsText("u-file", "/guitep");
    await oa().nextMessages("u-file", 1);
    await oa().userSendsFile("u-file", { url: fileUrl, name: "don.pdf" });
    const [reply] = await oa().nextMessages("u-file", 1);
    expect(reply?.text).toContain(`Đã nhận tệp don.pdf (${PDF.byteLength} byte, application/pdf)`);
    expect(reply?.recipient).toHaveProperty("messageId");
    expect(reply?.free).toBe(true);
  });

  it("answers a withheld kind of message (a sticker, a voice note) politely", async () => {
    await oa().userSendsText("u-sticker", "/start");
    await oa().nextMessages("u-sticker", 1);
    await oa().userSendsSticker("u-sticker", "1001");
    expect((await oa().nextMessages("u-sticker", 1))[0]?.text).toContain("bộ phận một cửa");
  });

  it("deletes everything it keeps about a user who withdraws consent", async () => {
    const { code, secret } = world.sandbox.samples.dang_xu_ly?.[0] ?? { code: "", secret: "" };
    await oa().userSendsText("u-gone", `/tracuu ${code} ${secret}`);
    await oa().nextMessages("u-gone", 1);
    await oa().userSendsText("u-gone", "Theo dõi hồ sơ này");
    expect((await oa().nextMessages("u-gone", 1))[0]?.text).toContain("Đã theo dõi");
    await oa().submitInfo("u-gone", { name: "Nguyễn Văn A", phone: "0912345678" });
    await until(async () => (await engine.phoneOf("zalo_oa", "u-gone")) !== undefined);
    expect(await subscriptions.list("zalo_oa:u-gone")).toHaveLength(1);

    await oa().withdraw("u-gone");
    await until(async () => (await storage.read("zalo_oa:u-gone")) === undefined);
    expect(await subscriptions.list("zalo_oa:u-gone")).toEqual([]);
    expect(await engine.phoneOf("zalo_oa", "u-gone")).toBeUndefined();
  });

  it("pushes a status change in the window, by ZNS outside it, and refuses without a phone", async () => {
    const status: OutgoingMessage = {
      text: "Hồ sơ 000.00.12.H99-240524-0001 đã chuyển sang: Đang xử lý",
      template: {
        name: "dossier_status",
        params: {
          dossierCode: "000.00.12.H99-240524-0001",
          status: "dang_xu_ly",
          statusText: "Đang xử lý",
        },
      },
    };
    await oa().userSendsText("u-push", "xin chào");
    await oa().nextMessages("u-push", 1);
    await channel.send("u-push", status);
    expect((await oa().nextMessages("u-push", 1))[0]?.text).toContain("Đang xử lý");

    // Eight days of silence: consultation messages are refused, ZNS takes over.
    await oa().submitInfo("u-push", { phone: "0912 345 678" });
    await until(async () => (await engine.phoneOf("zalo_oa", "u-push")) !== undefined);
    oa().rewindUser("u-push", 8 * DAY);
    await channel.send("u-push", status);
    expect(oa().zns().at(-1)).toMatchObject({
      phone: "84912345678",
      templateId: "312345",
      templateData: { ma_ho_so: "000.00.12.H99-240524-0001", trang_thai: "Đang xử lý" },
    });

    await oa().userSendsText("u-nophone", "xin chào");
    await oa().nextMessages("u-nophone", 1);
    oa().rewindUser("u-nophone", 8 * DAY);
    await expect(channel.send("u-nophone", status)).rejects.toBeInstanceOf(ZaloOutsideWindowError);
  });

  it("refuses unsigned or forged events with 401", async () => {
    const body = JSON.stringify({ event_name: "user_send_text", timestamp: String(Date.now()) });
    const unsigned = await fetch(webhookUrl, { method: "POST", body });
    expect(unsigned.status).toBe(401);
    const forged = await fetch(webhookUrl, {
      method: "POST",
      body,
      headers: { "x-zevent-signature": `mac=${"0".repeat(64)}` },
    });
    expect(forged.status).toBe(401);
  });
});

/** Waits for an effect of an event handled after the webhook's 200. */
async function until(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); ) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
