import { type Sandbox, startSandbox, WaitTimeoutError } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient, until, webhookReceiver } from "./http-helpers.js";

let sandbox: Sandbox;
let nextBotId = 8_100_000_000;

beforeAll(async () => {
  sandbox = await startSandbox({
    zaloBot: { webhook: { baseDelayMs: 20, maxAttempts: 3, timeoutMs: 2000 } },
  });
});
afterAll(() => sandbox.close());

interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: { ok: boolean; result?: T; error_code?: number; description?: string };
}

/** One Bot API call: JSON by default, or a form, or the query string of a GET. */
async function callZalo<T = any>(
  base: Sandbox,
  token: string,
  method: string,
  params?: Record<string, unknown> | URLSearchParams,
  init: { httpMethod?: "GET" | "POST"; signal?: AbortSignal } = {},
): Promise<Answer<T>> {
  const httpMethod = init.httpMethod ?? "POST";
  let url = `${base.url}/zalo-bot/bot${token}/${method}`;
  let body: string | URLSearchParams | undefined;
  const headers: Record<string, string> = {};
  if (httpMethod === "GET" && params) {
    url += `?${new URLSearchParams(params as Record<string, string>)}`;
  } else if (params instanceof URLSearchParams) {
    body = params;
  } else if (params) {
    body = JSON.stringify(params);
    headers["content-type"] = "application/json";
  }
  const response = await fetch(url, { method: httpMethod, headers, body, signal: init.signal });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer<T>["body"],
  };
}

/** A fresh bot per test, so queues, chats and webhooks do not mix. */
async function newBot(base = sandbox) {
  const id = ++nextBotId;
  const token = `${id}:sandbox-Secret_${id}`;
  const me = await callZalo(base, token, "getMe");
  expect(me.status).toBe(200);
  return {
    id,
    token,
    call: (
      method: string,
      params?: Record<string, unknown> | URLSearchParams,
      init?: { httpMethod?: "GET" | "POST"; signal?: AbortSignal },
    ) => callZalo(base, token, method, params, init),
  };
}

const control = controlClient(() => sandbox, "zalo-bot");

describe("Zalo Bot emulator: tokens and methods", () => {
  it("answers getMe for any well-formed token, with the id from its digits", async () => {
    const { id, call } = await newBot();
    const me = await call("getMe");
    expect(me.body).toEqual({
      ok: true,
      result: {
        id: String(id),
        account_name: "bot.vnegov_sandbox",
        account_type: "BASIC",
        can_join_groups: true,
      },
    });
  });

  it("refuses malformed tokens and a second token for a known bot id with a 401 envelope", async () => {
    const { id } = await newBot();
    const unauthorized = {
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    };
    for (const token of ["not-a-token", `${id}:`, `abc:${id}`, `${id}:other-secret`]) {
      const answer = await callZalo(sandbox, token, "getMe");
      expect({ status: answer.status, body: answer.body }).toEqual(unauthorized);
    }
  });

  it("answers an unknown method (names are case-sensitive) with a 404 envelope", async () => {
    const { call } = await newBot();
    for (const method of ["sendVideo", "getme"]) {
      const answer = await call(method);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ ok: false, error_code: 404 });
    }
  });

  it("takes parameters from the query string and from url-encoded forms", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u-form", "xin chào", { token });
    const viaQuery = await call(
      "sendMessage",
      { chat_id: "u-form", text: "một" },
      { httpMethod: "GET" },
    );
    const viaForm = await call(
      "sendMessage",
      new URLSearchParams({ chat_id: "u-form", text: "hai" }),
    );
    expect([viaQuery.status, viaForm.status]).toEqual([200, 200]);
    expect(sandbox.zaloBot.messages("u-form", { token }).map((m) => m.text)).toEqual([
      "một",
      "hai",
    ]);
  });
});

describe("Zalo Bot emulator: getUpdates", () => {
  it("holds a long poll until a user writes, then hands over that one update", async () => {
    const { token, call } = await newBot();
    const started = Date.now();
    const poll = call("getUpdates", { timeout: "30" });
    await new Promise((r) => setTimeout(r, 50));
    sandbox.zaloBot.sendText("u501", "xin chào", { token });
    const { status, body } = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.result).toEqual({
      event_name: "message.text.received",
      message: {
        message_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        date: expect.any(Number),
        from: { id: "u501", display_name: expect.any(String), is_bot: false },
        chat: { id: "u501", chat_type: "PRIVATE" },
        text: "xin chào",
      },
    });
    // Dates are epoch milliseconds, not seconds.
    expect(Math.abs(body.result.message.date - Date.now())).toBeLessThan(5000);
  });

  it("answers 408 (no update) when the timeout passes", async () => {
    const { call } = await newBot();
    const started = Date.now();
    const answer = await call("getUpdates", { timeout: "1" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(answer.status).toBe(408);
    expect(answer.body).toEqual({ ok: false, error_code: 408, description: "Request timeout" });
  });

  it("queues updates and gives one per call, in order, each only once", async () => {
    const { token, call } = await newBot();
    for (const text of ["một", "hai", "ba"]) sandbox.zaloBot.sendText("u502", text, { token });
    const texts: string[] = [];
    for (let i = 0; i < 3; i++)
      texts.push((await call("getUpdates", { timeout: "0" })).body.result.message.text);
    expect(texts).toEqual(["một", "hai", "ba"]);
    expect((await call("getUpdates", { timeout: "0" })).status).toBe(408);
  });

  it("does not lose an update to a long poll whose client went away", async () => {
    const { token, call } = await newBot();
    const gone = new AbortController();
    const abandoned = call("getUpdates", { timeout: "30" }, { signal: gone.signal }).catch(
      () => "aborted",
    );
    await new Promise((r) => setTimeout(r, 50));
    gone.abort();
    expect(await abandoned).toBe("aborted");
    await new Promise((r) => setTimeout(r, 50));
    sandbox.zaloBot.sendText("u503", "vẫn còn", { token });
    const next = await call("getUpdates", { timeout: "5" });
    expect(next.body.result.message.text).toBe("vẫn còn");
  });

  it("passes images, stickers and the content-free unsupported event", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendImage("u504", "https://example.com/cccd.jpg", { token, caption: "CCCD" });
    sandbox.zaloBot.sendSticker("u504", "abc123", { token });
    sandbox.zaloBot.sendUnsupported("u504", { token });
    const [image, sticker, unsupported] = [
      (await call("getUpdates", { timeout: "0" })).body.result,
      (await call("getUpdates", { timeout: "0" })).body.result,
      (await call("getUpdates", { timeout: "0" })).body.result,
    ];
    expect(image.event_name).toBe("message.image.received");
    expect(image.message).toMatchObject({ photo: "https://example.com/cccd.jpg", caption: "CCCD" });
    expect(sticker.event_name).toBe("message.sticker.received");
    expect(sticker.message).toMatchObject({
      sticker: "abc123",
      url: expect.stringMatching(/^https:/),
    });
    expect(unsupported.event_name).toBe("message.unsupported.received");
    expect(Object.keys(unsupported.message).sort()).toEqual(["chat", "date", "from", "message_id"]);
  });

  it("marks group chats and lets a member other than the chat write", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("g77", "@bot tra cứu", {
      token,
      chatType: "GROUP",
      from: { id: "u9", display_name: "Chị Hoa" },
    });
    const { message } = (await call("getUpdates", { timeout: "0" })).body.result;
    expect(message.chat).toEqual({ id: "g77", chat_type: "GROUP" });
    expect(message.from).toEqual({ id: "u9", display_name: "Chị Hoa", is_bot: false });
  });
});

describe("Zalo Bot emulator: sending", () => {
  it("records messages per chat and answers { message_id, date }", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u601", "xin chào", { token });
    const sent = await call("sendMessage", { chat_id: "u601", text: "Chào bạn" });
    expect(sent.body).toEqual({
      ok: true,
      result: { message_id: expect.stringMatching(/^[0-9a-f]{32}$/), date: expect.any(Number) },
    });
    await call("sendPhoto", {
      chat_id: "u601",
      photo: "https://example.com/a.png",
      caption: "Ảnh",
    });
    await call("sendSticker", { chat_id: "u601", sticker: "st-1" });
    const messages = await sandbox.zaloBot.nextMessages("u601", 3, { token });
    expect(
      messages.map(({ kind, text, photo, caption, sticker }) => ({
        kind,
        text,
        photo,
        caption,
        sticker,
      })),
    ).toEqual([
      { kind: "text", text: "Chào bạn", photo: undefined, caption: undefined, sticker: undefined },
      {
        kind: "photo",
        text: undefined,
        photo: "https://example.com/a.png",
        caption: "Ảnh",
        sticker: undefined,
      },
      { kind: "sticker", text: undefined, photo: undefined, caption: undefined, sticker: "st-1" },
    ]);
    expect(messages[0]?.messageId).toBe(sent.body.result.message_id);
  });

  it("enforces 1–2000 UTF-16 units of text with a 400 envelope", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u602", "hi", { token });
    expect((await call("sendMessage", { chat_id: "u602", text: "a".repeat(2000) })).status).toBe(
      200,
    );
    for (const text of ["", "a".repeat(2001), "😀".repeat(1001)]) {
      const answer = await call("sendMessage", { chat_id: "u602", text });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error_code: 400 });
    }
    expect(sandbox.zaloBot.messages("u602", { token })).toHaveLength(1);
  });

  it("answers 404 for a chat no user opened, and 400 without chat_id", async () => {
    const { call } = await newBot();
    const unknown = await call("sendMessage", { chat_id: "nobody", text: "hi" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      ok: false,
      error_code: 404,
      description: expect.stringMatching(/chat not found/),
    });
    expect((await call("sendMessage", { text: "hi" })).status).toBe(400);
  });

  it("records chat actions and answers { ok: true } without a result; other actions are 400", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u603", "hi", { token });
    const typing = await call("sendChatAction", { chat_id: "u603", action: "typing" });
    expect(typing.body).toEqual({ ok: true });
    expect((await call("sendChatAction", { chat_id: "u603", action: "record_voice" })).status).toBe(
      400,
    );
    expect(sandbox.zaloBot.chatActions("u603", { token }).map((a) => a.action)).toEqual(["typing"]);
    expect(sandbox.zaloBot.messages("u603", { token })).toEqual([]);
  });

  it("answers 429 Quota exceeded with Retry-After past the per-bot quota, and lifts it at runtime", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u604", "hi", { token });
    sandbox.zaloBot.setRateLimits({ perMinutePerBot: 2 });
    try {
      expect((await call("sendMessage", { chat_id: "u604", text: "1" })).status).toBe(200);
      expect((await call("sendMessage", { chat_id: "u604", text: "2" })).status).toBe(200);
      const third = await call("sendMessage", { chat_id: "u604", text: "3" });
      expect(third.status).toBe(429);
      expect(third.body).toEqual({ ok: false, error_code: 429, description: "Quota exceeded" });
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(third.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    } finally {
      sandbox.zaloBot.setRateLimits(false);
    }
    expect((await call("sendMessage", { chat_id: "u604", text: "4" })).status).toBe(200);
    expect(sandbox.zaloBot.messages("u604", { token }).map((m) => m.text)).toEqual(["1", "2", "4"]);
  });

  it("refuses a body over maxRequestBytes with a 413 envelope", async () => {
    const { call } = await newBot();
    const answer = await call("sendMessage", { chat_id: "x", text: "a".repeat(1024 * 1024 + 10) });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ ok: false, error_code: 413 });
  });
});

describe("Zalo Bot emulator: injected failures", () => {
  it("answers a chat's injected 429s and 5xx in order, then delivers, recording every attempt", async () => {
    const { token, call } = await newBot();
    for (const chat of ["u611", "u612"]) sandbox.zaloBot.sendText(chat, "hi", { token });
    sandbox.zaloBot.failSends("u611", { status: 429, retryAfter: 2 }, { token });
    sandbox.zaloBot.failSends("u611", { status: 500, times: 2 }, { token });
    const answers = [];
    for (const text of ["1", "2", "3", "4"])
      answers.push(await call("sendMessage", { chat_id: "u611", text }));
    expect(answers.map((a) => a.status)).toEqual([429, 500, 500, 200]);
    expect(answers[0]?.body).toEqual({ ok: false, error_code: 429, description: "Quota exceeded" });
    expect(answers[0]?.headers.get("retry-after")).toBe("2");
    expect(answers[1]?.body).toEqual({
      ok: false,
      error_code: 500,
      description: "Internal Server Error",
    });
    // Only the delivered message reached the chat; the other chat was never affected.
    expect(sandbox.zaloBot.messages("u611", { token }).map((m) => m.text)).toEqual(["4"]);
    expect((await call("sendMessage", { chat_id: "u612", text: "x" })).status).toBe(200);
    expect(
      sandbox.zaloBot
        .sendAttempts("u611", { token })
        .map(({ method, errorCode, injected }) => ({ method, errorCode, injected })),
    ).toEqual([
      { method: "sendMessage", errorCode: 429, injected: true },
      { method: "sendMessage", errorCode: 500, injected: true },
      { method: "sendMessage", errorCode: 500, injected: true },
      { method: "sendMessage", errorCode: undefined, injected: undefined },
    ]);
    expect(sandbox.zaloBot.stats({ token })).toEqual({
      sent: 2,
      chatsReached: 2,
      rateLimited: 0,
      injected: 3,
      attempts: 5,
      firstSentAt: expect.any(Number),
      lastSentAt: expect.any(Number),
    });
    expect(() => sandbox.zaloBot.failSends("u611", { status: 404 }, { token })).toThrow(/status/);
    expect(() => sandbox.zaloBot.failSends("nobody", { status: 500 }, { token })).toThrow(
      /does not exist yet/,
    );
  });

  it("answers 403 to every send, chat actions included, while the user blocks the bot", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u613", "hi", { token });
    sandbox.zaloBot.blockBot("u613", { token });
    for (const text of ["1", "2"]) {
      const answer = await call("sendMessage", { chat_id: "u613", text });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({
        ok: false,
        error_code: 403,
        description: "Forbidden: the user has blocked the bot",
      });
    }
    expect((await call("sendChatAction", { chat_id: "u613", action: "typing" })).status).toBe(403);
    sandbox.zaloBot.unblockBot("u613", { token });
    expect((await call("sendMessage", { chat_id: "u613", text: "3" })).status).toBe(200);
    expect(sandbox.zaloBot.messages("u613", { token }).map((m) => m.text)).toEqual(["3"]);
    expect(sandbox.zaloBot.chatActions("u613", { token })).toEqual([]);
    expect(sandbox.zaloBot.sendAttempts("u613", { token }).map((a) => a.errorCode)).toEqual([
      403,
      403,
      403,
      undefined,
    ]);
  });

  it("enforces a per-second quota and counts its 429s apart from injected ones", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u614", "hi", { token });
    sandbox.zaloBot.setRateLimits({ perSecondPerBot: 2, perMinutePerBot: 100 });
    try {
      const statuses = [];
      for (const text of ["1", "2", "3"])
        statuses.push((await call("sendMessage", { chat_id: "u614", text })).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect(sandbox.zaloBot.stats({ token })).toMatchObject({
        attempts: 3,
        sent: 2,
        rateLimited: 1,
        injected: 0,
      });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await call("sendMessage", { chat_id: "u614", text: "4" })).status).toBe(200);
    } finally {
      sandbox.zaloBot.setRateLimits(false);
    }
  });

  it("injects faults, blocks and reads attempts and stats over HTTP", async () => {
    const { token, call } = await newBot();
    const chat = `/bots/${token}/chats/u615`;
    sandbox.zaloBot.sendText("u615", "hi", { token });
    expect((await control(`${chat}/faults`, { body: { status: 503, times: 1 } })).status).toBe(200);
    expect((await control(`${chat}/faults`, { body: { status: 200 } })).status).toBe(400);
    expect((await call("sendMessage", { chat_id: "u615", text: "1" })).status).toBe(503);
    await control(`${chat}/block`, { body: {} });
    expect((await call("sendMessage", { chat_id: "u615", text: "2" })).status).toBe(403);
    await control(`${chat}/unblock`, { body: {} });
    expect((await call("sendMessage", { chat_id: "u615", text: "3" })).status).toBe(200);
    const attempts = await control(`${chat}/attempts`);
    expect(attempts.body.result.map((a: any) => a.errorCode ?? 200)).toEqual([503, 403, 200]);
    const stats = await control(`/bots/${token}/stats`);
    expect(stats.body.result).toMatchObject({
      attempts: 3,
      sent: 1,
      chatsReached: 1,
      rateLimited: 0,
      injected: 2,
    });
  });
});

describe("Zalo Bot emulator: webhooks", () => {
  it("validates setWebhook and reports the webhook in getWebhookInfo", async () => {
    const { token, call } = await newBot();
    expect((await call("getWebhookInfo")).body).toEqual({ ok: true, result: { url: "" } });
    expect(
      (await call("setWebhook", { url: "https://example.com/h", secret_token: "short" })).status,
    ).toBe(400);
    expect(
      (await call("setWebhook", { url: "ftp://example.com/h", secret_token: "long-enough" }))
        .status,
    ).toBe(400);
    const set = await call("setWebhook", {
      url: "https://example.com/h",
      secret_token: "long-enough",
    });
    expect(set.body).toEqual({
      ok: true,
      result: { url: "https://example.com/h", updated_at: expect.any(Number) },
    });
    expect((await call("getWebhookInfo")).body.result).toEqual(set.body.result);
    expect(sandbox.zaloBot.webhookInfo({ token })).toEqual(set.body.result);
    const deleted = await call("deleteWebhook");
    expect(deleted.body.result).toEqual({ url: "", updated_at: expect.any(Number) });
  });

  it("refuses getUpdates while a webhook is set (409), ending a waiting poll too", async () => {
    const { call } = await newBot();
    const waiting = call("getUpdates", { timeout: "30" });
    await new Promise((r) => setTimeout(r, 50));
    await call("setWebhook", { url: "http://127.0.0.1:9/none", secret_token: "secret-123" });
    const ended = await waiting;
    expect(ended.status).toBe(409);
    expect(ended.body).toMatchObject({
      ok: false,
      error_code: 409,
      description: expect.stringMatching(/deleteWebhook/),
    });
    expect((await call("getUpdates", { timeout: "0" })).status).toBe(409);
    await call("deleteWebhook");
    expect((await call("getUpdates", { timeout: "0" })).status).toBe(408);
  });

  it("POSTs updates wrapped, in order, with the secret header, retrying after a failure", async () => {
    const { token, call } = await newBot();
    const hook = await webhookReceiver([500]);
    try {
      await call("setWebhook", { url: hook.url, secret_token: "s3cr3t-Token_1" });
      sandbox.zaloBot.sendText("u701", "một", { token });
      sandbox.zaloBot.sendText("u701", "hai", { token });
      await until(() => hook.received.length === 3);
      expect(hook.received.map((r) => r.body.result.message.text)).toEqual(["một", "một", "hai"]);
      for (const { headers, body } of hook.received) {
        expect(headers["x-bot-api-secret-token"]).toBe("s3cr3t-Token_1");
        expect(headers["content-type"]).toMatch(/application\/json/);
        expect(body).toMatchObject({ ok: true, result: { event_name: "message.text.received" } });
      }
    } finally {
      await hook.close();
    }
  });

  it("gives an update up after maxAttempts deliveries, records why, and goes on", async () => {
    const { token, call } = await newBot();
    const hook = await webhookReceiver([503, 503, 503]);
    try {
      await call("setWebhook", { url: hook.url, secret_token: "secret-123" });
      sandbox.zaloBot.sendText("u702", "lost", { token });
      sandbox.zaloBot.sendText("u702", "next", { token });
      await until(() => hook.received.length === 4);
      expect(hook.received.map((r) => r.body.result.message.text)).toEqual([
        "lost",
        "lost",
        "lost",
        "next",
      ]);
      expect(sandbox.zaloBot.lastWebhookFailure({ token })).toEqual({
        date: expect.any(Number),
        message: "Wrong response from the webhook: 503",
        attempts: 3,
      });
    } finally {
      await hook.close();
    }
  });

  it("delivers updates queued before the webhook was set", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u703", "trước", { token });
    const hook = await webhookReceiver();
    try {
      await call("setWebhook", { url: hook.url, secret_token: "secret-123" });
      await until(() => hook.received.length === 1);
      expect(hook.received[0]?.body.result.message.text).toBe("trước");
    } finally {
      await hook.close();
    }
  });

  it("posts bare updates when the envelope is set to unwrapped", async () => {
    const other = await startSandbox({ zaloBot: { webhook: { envelope: "unwrapped" } } });
    const hook = await webhookReceiver();
    try {
      const { token, call } = await newBot(other);
      await call("setWebhook", { url: hook.url, secret_token: "secret-123" });
      other.zaloBot.sendText("u704", "không bọc", { token });
      await until(() => hook.received.length === 1);
      expect(hook.received[0]?.body).toEqual({
        event_name: "message.text.received",
        message: expect.objectContaining({ text: "không bọc" }),
      });
    } finally {
      await hook.close();
      await other.close();
    }
  });
});

describe("Zalo Bot emulator: controls", () => {
  it("plays the user and reads replies over HTTP", async () => {
    const { token, call } = await newBot();
    const chat = `/bots/${token}/chats/u801`;
    const posted = await control(`${chat}/messages`, {
      body: { text: "Tra cứu", from: { display_name: "Anh Tú" } },
    });
    expect(posted.status).toBe(200);
    expect(posted.body.result.message).toMatchObject({
      text: "Tra cứu",
      from: { id: "u801", display_name: "Anh Tú" },
    });
    expect((await call("getUpdates", { timeout: "0" })).body.result).toEqual(posted.body.result);

    const waiting = control(`${chat}/messages?count=1&timeoutMs=3000`);
    await call("sendMessage", { chat_id: "u801", text: "Mời nhập mã hồ sơ" });
    expect((await waiting).body.result.map((m: any) => m.text)).toEqual(["Mời nhập mã hồ sơ"]);
    const next = await control(`${chat}/messages/next`, { body: { count: 1 } });
    expect(next.body.result[0].text).toBe("Mời nhập mã hồ sơ");

    const unsupported = await control(`${chat}/messages`, { body: { unsupported: true } });
    expect(unsupported.body.result.event_name).toBe("message.unsupported.received");

    const injected = await control(`/bots/${token}/updates`, {
      body: {
        event_name: "message.voice.received",
        message: { voice_url: "https://x/v.aac" },
      },
    });
    expect(injected.status).toBe(200);
    await call("getUpdates", { timeout: "0" }); // the unsupported event
    expect((await call("getUpdates", { timeout: "0" })).body.result.event_name).toBe(
      "message.voice.received",
    );

    const webhook = await control(`/bots/${token}/webhook`);
    expect(webhook.body.result).toEqual({ url: "", lastFailure: null });
  });

  it("answers 400 for bad input and 408 when waiting in vain", async () => {
    const { token } = await newBot();
    sandbox.zaloBot.sendText("u802", "hi", { token });
    const bad = await control(`/bots/${token}/chats/u802/messages`, { body: {} });
    expect(bad.status).toBe(400);
    const vain = await control(`/bots/${token}/chats/u802/messages?count=1&timeoutMs=100`);
    expect(vain.status).toBe(408);
    await expect(
      sandbox.zaloBot.waitForMessages("u802", 1, { token, timeoutMs: 50 }),
    ).rejects.toBeInstanceOf(WaitTimeoutError);
  });

  it("sets the quota over HTTP", async () => {
    const { token, call } = await newBot();
    sandbox.zaloBot.sendText("u803", "hi", { token });
    try {
      expect(
        (
          await control("/rate-limits", {
            method: "PUT",
            body: { perMinutePerBot: 1 },
          })
        ).status,
      ).toBe(200);
      expect((await call("sendMessage", { chat_id: "u803", text: "1" })).status).toBe(200);
      expect((await call("sendMessage", { chat_id: "u803", text: "2" })).status).toBe(429);
    } finally {
      await control("/rate-limits", { method: "PUT", body: false });
    }
    expect((await call("sendMessage", { chat_id: "u803", text: "3" })).status).toBe(200);
  });
});
