import { type Sandbox, startSandbox, WaitTimeoutError } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "./http-helpers.js";
import { callBot, png, tokenFor } from "./telegram-helpers.js";

let sandbox: Sandbox;
const token = tokenFor(7200000001);

beforeAll(async () => {
  sandbox = await startSandbox({ telegram: { rateLimits: false } });
});
afterAll(() => sandbox.close());

/** One control call over HTTP, as a test in another process would make it. */
const control = controlClient(() => sandbox, "telegram");

describe("Telegram emulator: the user's side", () => {
  it("plays the user over HTTP: write, read replies, press buttons, inspect the webhook", async () => {
    const chat = `/bots/${token}/chats/801`;
    const sent = await control(`${chat}/messages`, {
      body: { text: "/start", languageCode: "en" },
    });
    expect(sent.body.result).toMatchObject({ text: "/start", from: { language_code: "en" } });
    const [update] = (await callBot(sandbox, token, "getUpdates")).body.result;
    expect(update.message.text).toBe("/start");

    const reply = control(`${chat}/messages/next`, { body: { count: 2, timeoutMs: 2000 } });
    await callBot(sandbox, token, "sendMessage", { chat_id: 801, text: "Một" });
    await callBot(sandbox, token, "sendMessage", {
      chat_id: 801,
      text: "Hai",
      reply_markup: { inline_keyboard: [[{ text: "Tiếp", callback_data: "next" }]] },
    });
    const next = (await reply).body.result;
    expect(next.map((m: any) => m.text)).toEqual(["Một", "Hai"]);
    expect(next[1].buttons).toEqual([[{ text: "Tiếp", callbackData: "next" }]]);

    const press = control(`${chat}/callbacks`, {
      body: { messageId: next[1].messageId, data: "next" },
    });
    await new Promise((r) => setTimeout(r, 50));
    const updates = (await callBot(sandbox, token, "getUpdates", { offset: update.update_id + 1 }))
      .body.result;
    await callBot(sandbox, token, "answerCallbackQuery", {
      callback_query_id: updates[0].callback_query.id,
      text: "OK",
      show_alert: true,
    });
    expect((await press).body).toEqual({ ok: true, result: { text: "OK", showAlert: true } });

    const all = await control(`${chat}/messages?count=2`);
    expect(all.body.result.map((m: any) => m.text)).toEqual(["Một", "Hai"]);
    expect((await control(`/bots/${token}/webhook`)).body.result).toMatchObject({ url: "" });
  });

  it("sends photos and documents as base64, and reports bad input and timeouts", async () => {
    const chat = `/bots/${token}/chats/802`;
    const photo = await control(`${chat}/messages`, {
      body: { photo: Buffer.from(png(120, 80)).toString("base64"), caption: "Ảnh" },
    });
    expect(photo.body.result.photo.at(-1)).toMatchObject({ width: 120, height: 80 });
    const doc = await control(`${chat}/messages`, {
      body: { document: Buffer.from("abc").toString("base64"), fileName: "a.txt" },
    });
    expect(doc.body.result.document).toMatchObject({ mime_type: "text/plain", file_size: 3 });
    expect((await control(`${chat}/messages`, { body: { nothing: 1 } })).status).toBe(400);
    const waited = await control(`${chat}/messages/next`, { body: { timeoutMs: 50 } });
    expect(waited.status).toBe(408);
    expect(waited.body.ok).toBe(false);
    expect(
      (await control(`/bots/bad-token/chats/1/messages`, { body: { text: "x" } })).status,
    ).toBe(400);
  });

  it("sets flood limits over HTTP", async () => {
    expect(
      (
        await control("/rate-limits", {
          method: "PUT",
          body: { perChatPerSecond: 1, perChatBurst: 0 },
        })
      ).body,
    ).toEqual({ ok: true, result: true });
    sandbox.telegram.sendText(803, "hi", { token });
    await callBot(sandbox, token, "sendMessage", { chat_id: 803, text: "1" });
    expect((await callBot(sandbox, token, "sendMessage", { chat_id: 803, text: "2" })).status).toBe(
      429,
    );
    await control("/rate-limits", { method: "PUT", body: false });
    expect((await callBot(sandbox, token, "sendMessage", { chat_id: 803, text: "3" })).status).toBe(
      200,
    );
  });

  it("counts each bot's sends and the 429s it was answered, across limit changes", async () => {
    const counted = tokenFor(7200000003);
    const tg = sandbox.telegram;
    // Chats opened in bulk queue no update, and a chat already open is not opened again.
    expect(tg.openChats([805, 806, -807], { token: counted })).toBe(3);
    expect(tg.openChats([805, 808], { token: counted })).toBe(1);
    expect(() => tg.openChats([809, 0], { token: counted })).toThrow("non-zero integer");
    expect((await callBot(sandbox, counted, "getUpdates")).body.result).toEqual([]);
    expect(tg.stats({ token: counted })).toEqual({ sent: 0, chatsReached: 0, rateLimited: 0 });

    const started = Date.now();
    const send = async (chat: number, text: string) =>
      (await callBot(sandbox, counted, "sendMessage", { chat_id: chat, text })).status;
    tg.setRateLimits({ perChatPerSecond: 1, perChatBurst: 0 });
    const statuses = [];
    try {
      statuses.push(await send(805, "1"), await send(805, "2"), await send(806, "1"));
      // New limits start their windows afresh; the count goes on.
      tg.setRateLimits({ perChatPerSecond: 1, perChatBurst: 0 });
      statuses.push(await send(805, "3"), await send(805, "4"));
    } finally {
      tg.setRateLimits(false);
    }
    statuses.push(await send(805, "5"));
    expect(statuses).toEqual([200, 429, 200, 200, 429, 200]);

    const stats = tg.stats({ token: counted });
    expect(stats).toMatchObject({ sent: 4, chatsReached: 2, rateLimited: 2 });
    expect(stats.firstSentAt).toBeGreaterThanOrEqual(started);
    expect(stats.lastSentAt).toBeGreaterThanOrEqual(stats.firstSentAt ?? Infinity);
    expect(stats.lastSentAt).toBeLessThanOrEqual(Date.now());
    // Per bot: another bot's count is its own.
    await callBot(sandbox, tokenFor(7200000004), "getMe");
    expect(tg.stats({ token: tokenFor(7200000004) })).toMatchObject({ sent: 0, rateLimited: 0 });

    // The same over HTTP, for a sandbox in another process.
    expect((await control(`/bots/${counted}/stats`)).body).toEqual({ ok: true, result: stats });
    const bulk = await control(`/bots/${counted}/chats`, { body: { chatIds: [809, 810, 805] } });
    expect(bulk.body).toEqual({ ok: true, result: 2 });
    expect(await send(810, "mở sẵn")).toBe(200);
    expect(tg.messages(810, { token: counted }).map((m) => m.text)).toEqual(["mở sẵn"]);
    expect((await control(`/bots/${counted}/chats`, { body: { chatIds: [0] } })).status).toBe(400);
    expect((await control(`/bots/${counted}/chats`, { body: {} })).status).toBe(400);
  });

  it("waits in process too, and says so when the bot stays silent", async () => {
    sandbox.telegram.sendText(804, "hi", { token });
    const waiting = sandbox.telegram.waitForMessages(804, 1, { token, timeoutMs: 2000 });
    await callBot(sandbox, token, "sendMessage", { chat_id: 804, text: "Đây" });
    expect((await waiting).map((m) => m.text)).toEqual(["Đây"]);
    await expect(
      sandbox.telegram.nextMessages(804, 2, { token, timeoutMs: 30 }),
    ).rejects.toBeInstanceOf(WaitTimeoutError);
    // Without a token the only bot is meant; with two known bots a token is required.
    await callBot(sandbox, tokenFor(7200000002), "getMe");
    expect(() => sandbox.telegram.messages(804)).toThrow("pass { token }");
  });
});
