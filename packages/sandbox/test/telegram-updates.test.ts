import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until, webhookReceiver } from "./http-helpers.js";
import { callBot, tokenFor } from "./telegram-helpers.js";

let sandbox: Sandbox;
let bot = 7100000000;

beforeAll(async () => {
  sandbox = await startSandbox({
    telegram: { rateLimits: false, webhook: { baseDelayMs: 20, maxDelayMs: 100 } },
  });
});
afterAll(() => sandbox.close());

/** A fresh bot per test, so updates and webhooks do not mix. */
async function newBot() {
  const token = tokenFor(++bot);
  await callBot(sandbox, token, "getMe");
  return {
    token,
    call: (method: string, params?: Record<string, unknown>, signal?: AbortSignal) =>
      callBot(sandbox, token, method, params, { signal }),
  };
}

describe("Telegram emulator: getUpdates", () => {
  it("holds a long poll until an update arrives", async () => {
    const { token, call } = await newBot();
    const started = Date.now();
    const poll = call("getUpdates", { timeout: 30 });
    await new Promise((r) => setTimeout(r, 50));
    sandbox.telegram.sendText(501, "xin chào", { token });
    const { body } = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(body.result).toEqual([
      { update_id: 1, message: expect.objectContaining({ text: "xin chào" }) },
    ]);
  });

  it("returns nothing after the timeout when no update comes", async () => {
    const { call } = await newBot();
    const started = Date.now();
    expect((await call("getUpdates", { timeout: 1 })).body.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("keeps updates until an offset above them confirms them, and honours limit", async () => {
    const { token, call } = await newBot();
    for (const text of ["một", "hai", "ba"]) sandbox.telegram.sendText(502, text, { token });
    const first = (await call("getUpdates", { limit: 2 })).body.result;
    expect(first.map((u: any) => u.message.text)).toEqual(["một", "hai"]);
    // Not confirmed yet: the same updates come again.
    expect((await call("getUpdates")).body.result).toHaveLength(3);
    const rest = (await call("getUpdates", { offset: first[1].update_id + 1 })).body.result;
    expect(rest.map((u: any) => u.message.text)).toEqual(["ba"]);
    expect(sandbox.telegram.webhookInfo({ token }).pending_update_count).toBe(1);
    expect((await call("getUpdates", { offset: rest[0].update_id + 1 })).body.result).toEqual([]);
    expect(sandbox.telegram.webhookInfo({ token }).pending_update_count).toBe(0);
  });

  it("ends a waiting long poll with 409 when another one starts", async () => {
    const { call } = await newBot();
    const first = call("getUpdates", { timeout: 30 });
    await new Promise((r) => setTimeout(r, 50));
    const second = new AbortController();
    const secondPoll = call("getUpdates", { timeout: 30 }, second.signal).catch(() => undefined);
    expect(await first).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description:
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      },
    });
    second.abort();
    await secondPoll;
  });
});

describe("Telegram emulator: webhooks", () => {
  it("pushes updates in order with the secret header, retrying after a 500", async () => {
    const { token, call } = await newBot();
    const hook = await webhookReceiver([500]);
    try {
      const set = await call("setWebhook", { url: hook.url, secret_token: "s3cr3t-Token_1" });
      expect(set.body).toEqual({ ok: true, result: true });
      sandbox.telegram.sendText(601, "một", { token });
      sandbox.telegram.sendText(601, "hai", { token });
      await until(() => hook.received.length === 3);
      expect(hook.received.map((r) => r.body.message.text)).toEqual(["một", "một", "hai"]);
      for (const r of hook.received)
        expect(r.headers["x-telegram-bot-api-secret-token"]).toBe("s3cr3t-Token_1");
      const info = (await call("getWebhookInfo")).body.result;
      expect(info).toMatchObject({
        url: hook.url,
        pending_update_count: 0,
        last_error_message: "Wrong response from the webhook: 500 Internal Server Error",
        last_error_date: expect.any(Number),
      });
    } finally {
      await hook.close();
    }
  });

  it("keeps updates pending while the webhook is unreachable", async () => {
    const { token, call } = await newBot();
    const hook = await webhookReceiver();
    await hook.close();
    await call("setWebhook", { url: hook.url });
    sandbox.telegram.sendText(602, "alo", { token });
    await until(() => sandbox.telegram.webhookInfo({ token }).last_error_message !== undefined);
    expect(sandbox.telegram.webhookInfo({ token })).toMatchObject({
      pending_update_count: 1,
      last_error_message: "Connection refused",
    });
    // Back to polling: the update is still there.
    await call("deleteWebhook");
    const updates = (await call("getUpdates")).body.result;
    expect(updates.map((u: any) => u.message.text)).toEqual(["alo"]);
  });

  it("refuses getUpdates while a webhook is set, and can drop pending updates", async () => {
    const { token, call } = await newBot();
    sandbox.telegram.sendText(603, "cũ", { token });
    const hook = await webhookReceiver([500, 500, 500, 500, 500]);
    try {
      await call("setWebhook", { url: hook.url, drop_pending_updates: true });
      expect(sandbox.telegram.webhookInfo({ token }).pending_update_count).toBe(0);
      expect(await call("getUpdates")).toEqual({
        status: 409,
        body: {
          ok: false,
          error_code: 409,
          description:
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        },
      });
      expect((await call("setWebhook", { url: "ftp://example.com" })).body.description).toBe(
        "Bad Request: bad webhook: An HTTPS URL must be provided for webhook",
      );
      await call("deleteWebhook", { drop_pending_updates: true });
      expect((await call("getWebhookInfo")).body.result).toEqual({
        url: "",
        has_custom_certificate: false,
        pending_update_count: 0,
      });
    } finally {
      await hook.close();
    }
  });

  it("ends a waiting long poll with 409 when a webhook is set", async () => {
    const { call } = await newBot();
    const poll = call("getUpdates", { timeout: 30 });
    await new Promise((r) => setTimeout(r, 50));
    await call("setWebhook", { url: "http://127.0.0.1:9/none" });
    expect((await poll).status).toBe(409);
    await call("deleteWebhook");
  });
});

describe("Telegram emulator: flood limits", () => {
  it("answers 429 with retry_after past the per-chat limit, and can be turned off", async () => {
    const { token, call } = await newBot();
    sandbox.telegram.sendText(701, "hi", { token });
    sandbox.telegram.setRateLimits({ perChatPerSecond: 1, perChatBurst: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i++)
        answers.push(await call("sendMessage", { chat_id: 701, text: `${i}` }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(answers[2]?.body).toEqual({
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      });
      // Another chat has its own allowance.
      sandbox.telegram.sendText(702, "hi", { token });
      expect((await call("sendMessage", { chat_id: 702, text: "ok" })).status).toBe(200);
    } finally {
      sandbox.telegram.setRateLimits(false);
    }
    expect((await call("sendMessage", { chat_id: 701, text: "free" })).status).toBe(200);
  });

  it("limits messages to a group per minute", async () => {
    const { token, call } = await newBot();
    const group = sandbox.telegram.sendText(-4001, "chào cả nhóm", { token });
    expect(group.chat).toMatchObject({ id: -4001, type: "group" });
    sandbox.telegram.setRateLimits({ perChatPerSecond: 100, groupPerMinute: 2 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i++)
        answers.push(await call("sendMessage", { chat_id: -4001, text: `${i}` }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(answers[2]?.body.parameters.retry_after).toBeGreaterThan(50);
    } finally {
      sandbox.telegram.setRateLimits(false);
    }
  });

  it("limits a bot over all its chats per second", async () => {
    const { token, call } = await newBot();
    for (let chat = 710; chat < 714; chat++) sandbox.telegram.sendText(chat, "hi", { token });
    sandbox.telegram.setRateLimits({ globalPerSecond: 3 });
    try {
      const statuses = [];
      for (let chat = 710; chat < 714; chat++)
        statuses.push((await call("sendMessage", { chat_id: chat, text: "tin" })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      sandbox.telegram.setRateLimits(false);
    }
  });
});
