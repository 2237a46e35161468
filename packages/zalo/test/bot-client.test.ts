import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type RequestEvent,
  ServerError,
  ValidationError,
} from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createZaloBotWebhook,
  imageUrlOf,
  isKnownZaloUpdate,
  ZaloBot,
  type ZaloBotOptions,
  type ZaloUpdate,
  ZaloWebhookConflictError,
} from "../src/index.js";

let sandbox: Sandbox;
let nextBotId = 9_100_000_000;

beforeAll(async () => {
  sandbox = await startSandbox({ zaloBot: { webhook: { baseDelayMs: 20, maxAttempts: 3 } } });
});
afterAll(() => sandbox.close());

const FAST_RETRY = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 };

/** A fresh bot on the emulator per test, so queues and chats do not mix. */
function newBot(options: Partial<ZaloBotOptions> = {}) {
  const id = ++nextBotId;
  const token = `${id}:zalo-Secret_${id}`;
  const events: RequestEvent[] = [];
  const bot = new ZaloBot({
    token,
    baseURL: `${sandbox.url}/zalo-bot`,
    retry: FAST_RETRY,
    hooks: { onRequest: (event) => events.push(event) },
    ...options,
  });
  return { bot, token, events, zalo: sandbox.zaloBot };
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await delay(10);
  }
}

interface Canned {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A tiny stand-in Zalo that answers each request with the next canned answer (the last repeats). */
async function cannedZalo(answers: Canned[]) {
  const requests: { url: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      requests.push({ url: req.url ?? "", body });
      const answer = (answers.length > 1 ? answers.shift() : answers[0]) as Canned;
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const envelope = (
  status: number,
  errorCode: number,
  description: string,
  headers?: Record<string, string>,
): Canned => ({
  status,
  body: JSON.stringify({ ok: false, error_code: errorCode, description }),
  headers,
});

describe("ZaloBot against the emulator", () => {
  it("getMe answers the bot's account; hooks see the route template, never the token", async () => {
    const { bot, token, events } = newBot();
    const me = await bot.getMe();
    expect(me).toEqual({
      id: token.split(":")[0],
      account_name: "bot.vnegov_sandbox",
      account_type: "BASIC",
      can_join_groups: true,
    });
    expect(events.map((e) => e.route)).toEqual(["/bot{token}/getMe"]);
    expect(JSON.stringify(events)).not.toContain(token.split(":")[1]);
  });

  it("sendMessage delivers to the chat and answers { message_id, date }", async () => {
    const { bot, token, zalo } = newBot();
    await bot.getMe();
    zalo.sendText("c1", "xin chào", { token });
    const sent = await bot.sendMessage({ chatId: "c1", text: "Chào bạn, tôi là trợ lý." });
    expect(sent).toEqual({
      message_id: expect.stringMatching(/^[0-9a-f]+$/),
      date: expect.any(Number),
    });
    const [reply] = await zalo.nextMessages("c1", 1, { token });
    expect(reply).toMatchObject({
      messageId: sent.message_id,
      kind: "text",
      text: "Chào bạn, tôi là trợ lý.",
    });
  });

  it("sendMessage refuses texts outside 1–2000 UTF-16 units before any request", async () => {
    const { bot, events } = newBot();
    for (const text of ["", "a".repeat(2001), "😀".repeat(1001)]) {
      const error = await failure(bot.sendMessage({ chatId: "c1", text }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.status).toBeUndefined();
      expect(error.fieldErrors[0].field).toBe("text");
    }
    expect(await failure(bot.sendMessage({ chatId: "", text: "hi" }))).toBeInstanceOf(
      ValidationError,
    );
    expect(events).toEqual([]);
  });

  it("sendPhoto, sendSticker and sendChatAction reach the chat", async () => {
    const { bot, token, zalo } = newBot();
    await bot.getMe();
    zalo.sendText("c2", "hi", { token });
    await bot.sendChatAction({ chatId: "c2", action: "typing" });
    await bot.sendPhoto({
      chatId: "c2",
      photo: "https://example.com/giay-hen.png",
      caption: "Giấy hẹn",
    });
    await bot.sendSticker({ chatId: "c2", sticker: "st-42" });
    expect(zalo.chatActions("c2", { token }).map((a) => a.action)).toEqual(["typing"]);
    expect(
      zalo
        .messages("c2", { token })
        .map(({ kind, photo, caption, sticker }) => ({ kind, photo, caption, sticker })),
    ).toEqual([
      {
        kind: "photo",
        photo: "https://example.com/giay-hen.png",
        caption: "Giấy hẹn",
        sticker: undefined,
      },
      { kind: "sticker", photo: undefined, caption: undefined, sticker: "st-42" },
    ]);
  });

  it("checks photo URLs, captions and chat actions client-side", async () => {
    const { bot, events } = newBot();
    const cases = [
      bot.sendPhoto({ chatId: "c", photo: "not a url" }),
      bot.sendPhoto({ chatId: "c", photo: "https://x/a.png", caption: "x".repeat(2001) }),
      bot.sendChatAction({ chatId: "c", action: "record_voice" as "typing" }),
      bot.sendSticker({ chatId: "c", sticker: " " }),
    ];
    for (const error of await Promise.all(cases.map(failure)))
      expect(error).toBeInstanceOf(ValidationError);
    expect(events).toEqual([]);
  });

  it("setWebhook checks the secret's length, then set, read and delete round-trip", async () => {
    const { bot, events } = newBot();
    for (const secretToken of ["1234567", "x".repeat(257)]) {
      const error = await failure(bot.setWebhook({ url: "https://example.com/h", secretToken }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.fieldErrors[0].field).toBe("secretToken");
    }
    expect(events).toEqual([]);
    expect(await bot.getWebhookInfo()).toEqual({ url: "" });
    const set = await bot.setWebhook({ url: "https://example.com/h", secretToken: "12345678" });
    expect(set).toEqual({ url: "https://example.com/h", updated_at: expect.any(Number) });
    expect(await bot.getWebhookInfo()).toEqual(set);
    const deleted = await bot.deleteWebhook();
    expect(deleted).toEqual({ url: "", updated_at: expect.any(Number) });
  });

  it("getUpdates returns one update, and undefined when the long poll times out (408)", async () => {
    const { bot, token, zalo } = newBot();
    await bot.getMe();
    zalo.sendText("c3", "một", { token });
    const update = await bot.getUpdates({ timeout: 1 });
    expect(update).toMatchObject({
      event_name: "message.text.received",
      message: { text: "một", chat: { id: "c3" } },
    });
    const started = Date.now();
    expect(await bot.getUpdates({ timeout: 1 })).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("getUpdates throws ZaloWebhookConflictError while a webhook is set", async () => {
    const { bot } = newBot();
    await bot.setWebhook({ url: "http://127.0.0.1:9/none", secretToken: "secret-123" });
    const error = await failure(bot.getUpdates({ timeout: 0 }));
    expect(error).toBeInstanceOf(ZaloWebhookConflictError);
    expect(error.message).toContain("call deleteWebhook() first");
    await bot.deleteWebhook();
    expect(await bot.getUpdates({ timeout: 0 })).toBeUndefined();
  });

  it("maps the emulator's 401, 404 and 429 envelopes to typed errors without the token", async () => {
    const { bot, token, zalo } = newBot({ retry: { maxRetries: 0 } });
    await bot.getMe();
    const secret = token.split(":")[1] as string;

    const stranger = new ZaloBot({
      token: `${token.split(":")[0]}:another-secret`,
      baseURL: `${sandbox.url}/zalo-bot`,
    });
    const unauthorized = await failure(stranger.getMe());
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(unauthorized).toMatchObject({ status: 401, code: "zalo_401" });
    expect(unauthorized.message).toContain("/bot{token}/getMe");
    expect(unauthorized.message).toContain("Unauthorized");

    const notFound = await failure(bot.sendMessage({ chatId: "nobody", text: "hi" }));
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound).toMatchObject({ status: 404, code: "zalo_404" });
    expect(notFound.message).toContain("chat not found");

    zalo.sendText("c4", "hi", { token });
    zalo.setRateLimits({ perMinutePerBot: 1 });
    try {
      await bot.sendMessage({ chatId: "c4", text: "1" });
      const limited = await failure(bot.sendMessage({ chatId: "c4", text: "2" }));
      expect(limited).toBeInstanceOf(RateLimitError);
      expect(limited).toMatchObject({ status: 429, code: "zalo_429" });
      expect(limited.retryAfter).toBeGreaterThan(0);
    } finally {
      zalo.setRateLimits(false);
    }
    for (const error of [unauthorized, notFound])
      expect(inspect(error, { depth: 5 })).not.toContain(secret);
  });
});

describe("ZaloBot: Zalo's envelope, whatever the HTTP status", () => {
  const cases: [string, Canned, new (...args: any[]) => Error, number][] = [
    ["400", envelope(400, 400, "Bad request: invalid chat_id"), ValidationError, 400],
    [
      "401 inside an HTTP 200",
      envelope(200, 401, "Token expired or invalid"),
      AuthenticationError,
      401,
    ],
    ["403", envelope(403, 403, "Internal server error"), PermissionError, 403],
    ["404", envelope(404, 404, "Not found"), NotFoundError, 404],
    ["500", envelope(500, 500, "Oops"), ServerError, 500],
    ["503 inside an HTTP 200", envelope(200, 503, "Busy"), ServerError, 503],
    ["an undocumented code", envelope(418, 418, "Teapot"), ApiError, 418],
  ];
  for (const [name, answer, Kind, status] of cases) {
    it(`maps ${name} to ${Kind.name} with code zalo_${status}`, async () => {
      const server = await cannedZalo([answer]);
      try {
        const bot = new ZaloBot({
          token: "123:secret-x",
          baseURL: server.baseURL,
          retry: FAST_RETRY,
        });
        const error = await failure(bot.sendMessage({ chatId: "c", text: "hi" }));
        expect(error).toBeInstanceOf(Kind);
        expect(error).toMatchObject({ status, code: `zalo_${status}` });
        expect(error.message).toContain(JSON.parse(answer.body).description);
        expect(error.message).not.toContain("secret-x");
        // A send is never repeated after an error: it may have gone out.
        expect(server.requests).toHaveLength(1);
        expect(server.requests[0]?.url).toBe("/bot123:secret-x/sendMessage");
        expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ chat_id: "c", text: "hi" });
      } finally {
        await server.close();
      }
    });
  }

  it("retries 5xx for reads with backoff, but a 401 never (a bot token cannot be refreshed)", async () => {
    const flaky = await cannedZalo([
      envelope(502, 502, "Bad gateway"),
      { status: 200, body: JSON.stringify({ ok: true, result: { url: "" } }) },
    ]);
    const refused = await cannedZalo([envelope(401, 401, "Unauthorized")]);
    try {
      const ok = new ZaloBot({ token: "1:s", baseURL: flaky.baseURL, retry: FAST_RETRY });
      expect(await ok.getWebhookInfo()).toEqual({ url: "" });
      expect(flaky.requests).toHaveLength(2);
      const no = new ZaloBot({ token: "1:s", baseURL: refused.baseURL, retry: FAST_RETRY });
      expect(await failure(no.getMe())).toBeInstanceOf(AuthenticationError);
      expect(refused.requests).toHaveLength(1);
    } finally {
      await flaky.close();
      await refused.close();
    }
  });

  it("429 waits for Retry-After and retries, even a send; without Retry-After it backs off", async () => {
    const sent = JSON.stringify({ ok: true, result: { message_id: "ab", date: 1 } });
    const withHeader = await cannedZalo([
      envelope(429, 429, "Quota exceeded", { "retry-after": "1" }),
      { status: 200, body: sent },
    ]);
    const without = await cannedZalo([
      envelope(429, 429, "Quota exceeded"),
      { status: 200, body: sent },
    ]);
    const always = await cannedZalo([envelope(429, 429, "Quota exceeded")]);
    try {
      const started = Date.now();
      const a = new ZaloBot({ token: "1:s", baseURL: withHeader.baseURL, retry: FAST_RETRY });
      expect(await a.sendMessage({ chatId: "c", text: "hi" })).toEqual({
        message_id: "ab",
        date: 1,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(withHeader.requests).toHaveLength(2);
      const b = new ZaloBot({ token: "1:s", baseURL: without.baseURL, retry: FAST_RETRY });
      expect(await b.sendMessage({ chatId: "c", text: "hi" })).toEqual({
        message_id: "ab",
        date: 1,
      });
      expect(without.requests).toHaveLength(2);
      const c = new ZaloBot({ token: "1:s", baseURL: always.baseURL, retry: { maxRetries: 0 } });
      const limited = await failure(c.sendMessage({ chatId: "c", text: "hi" }));
      expect(limited).toBeInstanceOf(RateLimitError);
      expect(limited.retryAfter).toBeUndefined();
      expect(always.requests).toHaveLength(1);
    } finally {
      await withHeader.close();
      await without.close();
      await always.close();
    }
  });

  it("turns a body that is not JSON into ConnectionError", async () => {
    for (const answer of [
      { status: 502, body: "<html>Bad Gateway</html>", headers: { "content-type": "text/html" } },
      { status: 200, body: "OK" },
      { status: 200, body: "" },
    ]) {
      const server = await cannedZalo([answer]);
      try {
        const bot = new ZaloBot({
          token: "1:s",
          baseURL: server.baseURL,
          retry: { maxRetries: 0 },
        });
        const error = await failure(bot.getMe());
        expect(error).toBeInstanceOf(ConnectionError);
        expect(error.message).toContain(`HTTP ${answer.status}`);
      } finally {
        await server.close();
      }
    }
  });

  it("treats getUpdates' 408 as no update and a 400 naming the webhook as the conflict", async () => {
    const timeout = await cannedZalo([envelope(408, 408, "Request timeout")]);
    const conflict = await cannedZalo([
      envelope(400, 400, "Webhook is configured; delete it before using getUpdates"),
    ]);
    try {
      expect(
        await new ZaloBot({ token: "1:s", baseURL: timeout.baseURL }).getUpdates({ timeout: 0 }),
      ).toBeUndefined();
      const error = await failure(
        new ZaloBot({ token: "1:s", baseURL: conflict.baseURL }).getUpdates({ timeout: 0 }),
      );
      expect(error).toBeInstanceOf(ZaloWebhookConflictError);
      expect(error.cause).toBeInstanceOf(ValidationError);
      // Elsewhere a 408 is an error.
      expect(
        await failure(
          new ZaloBot({ token: "1:s", baseURL: timeout.baseURL, retry: { maxRetries: 0 } }).getMe(),
        ),
      ).toMatchObject({
        status: 408,
        code: "zalo_408",
      });
    } finally {
      await timeout.close();
      await conflict.close();
    }
  });

  it("keeps the token out of connection errors, their causes and stacks", async () => {
    const token = "4242:very-secret-token-value";
    const bot = new ZaloBot({ token, baseURL: "http://127.0.0.1:9", retry: { maxRetries: 0 } });
    const error = await failure(bot.getMe());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(inspect(error, { depth: 10 })).not.toContain("very-secret-token-value");
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain("very-secret");
  });

  it("refuses a token that would break the URL, without echoing it", () => {
    for (const token of ["", "12 34:abc", "1/2:abc"]) {
      let error: any;
      try {
        new ZaloBot({ token });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      if (token) expect(error.message).not.toContain(token);
    }
  });
});

describe("ZaloBot.sendText", () => {
  it("sends a long Vietnamese text as ≤2000-unit pieces, in order, never cutting a grapheme", async () => {
    const { bot, token, zalo } = newBot();
    await bot.getMe();
    zalo.sendText("c5", "hi", { token });
    // Decomposed letters (a base letter + combining marks) and multi-unit emoji.
    const words = "Thủ tục đăng ký khai sinh được giải quyết trong ngày 👨‍👩‍👧‍👦 🇻🇳 👍🏽".normalize(
      "NFD",
    );
    const paragraph = Array.from({ length: 20 }, () => words).join(" ");
    // A run without any whitespace forces cuts between graphemes.
    const run = Array.from({ length: 70 }, () => "ệ́ờ👍🏽🇻🇳👨‍👩‍👧‍👦".normalize("NFD")).join("");
    const text = `${paragraph}\n\n${run}${run}\n${paragraph}`;
    expect(text.length).toBeGreaterThanOrEqual(4500);

    const sent = await bot.sendText({ chatId: "c5", text });
    const pieces = (await zalo.nextMessages("c5", sent.length, { token })).map(
      (m) => m.text as string,
    );
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(sent.map((s) => s.message_id)).toEqual(
      zalo.messages("c5", { token }).map((m) => m.messageId),
    );

    const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });
    const boundaries = new Set([...segmenter.segment(text)].map((s) => s.index));
    let at = 0;
    for (const piece of pieces) {
      expect(piece.length).toBeGreaterThan(0);
      expect(piece.length).toBeLessThanOrEqual(2000);
      // No lone surrogate at either end, no piece starting with a combining mark or a joiner.
      expect(piece).not.toMatch(/^(?:[\uDC00-\uDFFF]|\p{M}|\u200D|[\u{1F3FB}-\u{1F3FF}])/u);
      expect(piece).not.toMatch(/(?:[\uD800-\uDBFF]|\u200D)$/);
      // Each piece starts and ends on a grapheme boundary of the original.
      const start = text.indexOf(piece, at);
      expect(start).toBeGreaterThanOrEqual(at);
      expect(boundaries.has(start)).toBe(true);
      expect(boundaries.has(start + piece.length) || start + piece.length === text.length).toBe(
        true,
      );
      // Only whitespace was dropped between pieces.
      expect(text.slice(at, start).trim()).toBe("");
      at = start + piece.length;
    }
    expect(text.slice(at).trim()).toBe("");
    expect(pieces.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });

  it("sends a short text as one message and refuses an empty one", async () => {
    const { bot, token, zalo } = newBot();
    await bot.getMe();
    zalo.sendText("c6", "hi", { token });
    expect(await bot.sendText({ chatId: "c6", text: "Ngắn thôi." })).toHaveLength(1);
    expect(await failure(bot.sendText({ chatId: "c6", text: "" }))).toBeInstanceOf(ValidationError);
  });
});

describe("ZaloBot.startPolling", () => {
  it("hands over updates in order, polls again after a 408, and stops when the signal aborts", async () => {
    const { bot, token, zalo } = newBot();
    await bot.getMe();
    const received: ZaloUpdate[] = [];
    const stop = new AbortController();
    const loop = bot.startPolling((u) => received.push(u), { signal: stop.signal, timeout: 1 });
    zalo.sendText("c7", "một", { token });
    zalo.sendImage("c7", "https://example.com/p.jpg", { token });
    await until(() => received.length === 2);
    // Longer than one poll's timeout: the loop must survive the 408 and poll again.
    await delay(1300);
    zalo.sendText("c7", "hai", { token });
    await until(() => received.length === 3);
    expect(received.map((u) => u.event_name)).toEqual([
      "message.text.received",
      "message.image.received",
      "message.text.received",
    ]);
    const third = received[2] as ZaloUpdate;
    expect(
      isKnownZaloUpdate(third) &&
        third.event_name === "message.text.received" &&
        third.message.text,
    ).toBe("hai");
    const stopped = Date.now();
    stop.abort();
    await loop;
    expect(Date.now() - stopped).toBeLessThan(1000);
  });

  it("abort ends a long poll at once, even one of 30 s", async () => {
    const { bot } = newBot();
    const stop = new AbortController();
    const loop = bot.startPolling(() => {}, { signal: stop.signal });
    await delay(100);
    const stopped = Date.now();
    stop.abort();
    await expect(loop).resolves.toBeUndefined();
    expect(Date.now() - stopped).toBeLessThan(1000);
  });

  it("reports a failing handler with its update and keeps going; unknown events pass through", async () => {
    const { bot, token, zalo } = newBot();
    await bot.getMe();
    const handled: string[] = [];
    const errors: [unknown, ZaloUpdate | undefined][] = [];
    const stop = new AbortController();
    const loop = bot.startPolling(
      (u) => {
        if (u.message?.text === "boom") throw new Error("handler broke");
        handled.push(u.event_name);
      },
      { signal: stop.signal, timeout: 1, onError: (error, update) => errors.push([error, update]) },
    );
    zalo.sendText("c8", "boom", { token });
    zalo.injectUpdate(
      { event_name: "message.voice.received", message: { voice_url: "https://x/v.aac" } as any },
      { token },
    );
    zalo.sendUnsupported("c8", { token });
    await until(() => handled.length === 2);
    stop.abort();
    await loop;
    expect(handled).toEqual(["message.voice.received", "message.unsupported.received"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[0]).toMatchObject({ message: "handler broke" });
    expect(errors[0]?.[1]?.message?.text).toBe("boom");
  });

  it("rejects with ZaloWebhookConflictError while a webhook is set", async () => {
    const { bot } = newBot();
    await bot.setWebhook({ url: "http://127.0.0.1:9/none", secretToken: "secret-123" });
    const error = await failure(bot.startPolling(() => {}, { timeout: 1 }));
    expect(error).toBeInstanceOf(ZaloWebhookConflictError);
    expect(error.message).toMatch(/call deleteWebhook\(\) first/);
  });

  it("backs off after network and server errors, reports them, and carries on", async () => {
    const update = {
      event_name: "message.text.received",
      message: {
        message_id: "m1",
        date: 1,
        from: { id: "u" },
        chat: { id: "u", chat_type: "PRIVATE" },
        text: "sau lỗi",
      },
    };
    const server = await cannedZalo([
      envelope(500, 500, "Internal"),
      { status: 502, body: "<html>gateway</html>" },
      { status: 200, body: JSON.stringify({ ok: true, result: update }) },
      envelope(408, 408, "Request timeout"),
    ]);
    try {
      const bot = new ZaloBot({
        token: "1:s",
        baseURL: server.baseURL,
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
      });
      const received: ZaloUpdate[] = [];
      const errors: unknown[] = [];
      const stop = new AbortController();
      const loop = bot.startPolling((u) => received.push(u), {
        signal: stop.signal,
        timeout: 0,
        onError: (e) => errors.push(e),
      });
      await until(() => received.length === 1);
      stop.abort();
      await loop;
      expect(received[0]).toEqual(update);
      expect(errors.map((e) => (e as Error).constructor.name)).toEqual([
        "ServerError",
        "ConnectionError",
      ]);
    } finally {
      await server.close();
    }
  });

  it("rejects on a refused token rather than polling forever", async () => {
    const server = await cannedZalo([envelope(401, 401, "Unauthorized")]);
    try {
      const bot = new ZaloBot({ token: "1:s", baseURL: server.baseURL });
      expect(await failure(bot.startPolling(() => {}, { timeout: 0 }))).toBeInstanceOf(
        AuthenticationError,
      );
    } finally {
      await server.close();
    }
  });
});

/** Serves a Fetch-API handler on loopback, as a Node server would through an adapter. */
async function serveHandler(handle: (request: Request) => Promise<Response>) {
  const toRequest = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
  };
  const server = createServer(async (req, res) => {
    const response = await handle(await toRequest(req));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SECRET = "webhook-Secret-1";

function webhook(options: { maxBodyBytes?: number } = {}) {
  const updates: ZaloUpdate[] = [];
  const errors: [unknown, ZaloUpdate | undefined][] = [];
  const handle = createZaloBotWebhook({
    secretToken: SECRET,
    onUpdate: (u) => {
      if (u.message?.text === "boom") throw new Error("handler broke");
      updates.push(u);
    },
    onError: (error, update) => errors.push([error, update]),
    ...options,
  });
  return { handle, updates, errors };
}

const textUpdate = (id: string, text = "xin chào") => ({
  event_name: "message.text.received",
  message: {
    message_id: id,
    date: Date.now(),
    from: { id: "u1", display_name: "Lan", is_bot: false },
    chat: { id: "u1", chat_type: "PRIVATE" },
    text,
  },
});

const post = (
  body: string,
  headers: Record<string, string> = { "x-bot-api-secret-token": SECRET },
) =>
  new Request("http://bot.example/zalo/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("createZaloBotWebhook", () => {
  it("receives the emulator's deliveries end to end, with the secret, and onUpdate after the 200", async () => {
    const { handle, updates } = webhook();
    const server = await serveHandler(handle);
    const { bot, token, zalo } = newBot();
    try {
      await bot.setWebhook({ url: server.url, secretToken: SECRET });
      zalo.sendText("c9", "qua webhook", { token });
      zalo.sendImage("c9", "https://example.com/a.jpg", { token });
      await until(() => updates.length === 2);
      expect(updates.map((u) => u.event_name)).toEqual([
        "message.text.received",
        "message.image.received",
      ]);
      expect(updates[0]?.message?.text).toBe("qua webhook");
      expect(imageUrlOf(updates[1]?.message ?? {})).toBe("https://example.com/a.jpg");
      expect(zalo.lastWebhookFailure({ token })).toBeUndefined();
    } finally {
      await bot.deleteWebhook();
      await server.close();
    }
  });

  it("accepts the emulator's unwrapped deliveries too", async () => {
    const other = await startSandbox({ zaloBot: { webhook: { envelope: "unwrapped" } } });
    const { handle, updates } = webhook();
    const server = await serveHandler(handle);
    try {
      const token = "777:unwrapped-bot";
      const bot = new ZaloBot({ token, baseURL: `${other.url}/zalo-bot` });
      await bot.setWebhook({ url: server.url, secretToken: SECRET });
      other.zaloBot.sendText("c10", "không bọc", { token });
      await until(() => updates.length === 1);
      expect(updates[0]).toMatchObject({
        event_name: "message.text.received",
        message: { text: "không bọc" },
      });
    } finally {
      await server.close();
      await other.close();
    }
  });

  it("answers 401 without the secret or with a wrong one, and never calls onUpdate", async () => {
    const { handle, updates } = webhook();
    const body = JSON.stringify({ ok: true, result: textUpdate("a1") });
    expect((await handle(post(body, {}))).status).toBe(401);
    expect(
      (await handle(post(body, { "x-bot-api-secret-token": "webhook-Secret-2" }))).status,
    ).toBe(401);
    expect((await handle(post(body, { "x-bot-api-secret-token": `${SECRET}x` }))).status).toBe(401);
    await delay(20);
    expect(updates).toEqual([]);
  });

  it("accepts wrapped and unwrapped payloads and delivers a repeated message id once", async () => {
    const { handle, updates } = webhook();
    const wrapped = JSON.stringify({ ok: true, result: textUpdate("b1", "bọc") });
    const bare = JSON.stringify(textUpdate("b2", "trần"));
    for (const body of [wrapped, bare, wrapped, bare])
      expect((await handle(post(body))).status).toBe(200);
    await until(() => updates.length === 2);
    await delay(30);
    expect(updates.map((u) => u.message?.text)).toEqual(["bọc", "trần"]);
  });

  it("answers 400 for malformed JSON or a non-update, 413 for an oversize body", async () => {
    const { handle, updates } = webhook({ maxBodyBytes: 1024 });
    expect((await handle(post("{not json"))).status).toBe(400);
    expect((await handle(post(JSON.stringify({ hello: "world" })))).status).toBe(400);
    const big = JSON.stringify(textUpdate("c1", "x".repeat(2000)));
    expect((await handle(post(big))).status).toBe(413);
    // Without Content-Length, counted as it streams.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = new Request("http://bot.example/zalo/webhook", {
      method: "POST",
      headers: { "x-bot-api-secret-token": SECRET },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await handle(streamed)).status).toBe(413);
    await delay(20);
    expect(updates).toEqual([]);
  });

  it("tolerates unknown events and reports a failing onUpdate to onError", async () => {
    const { handle, updates, errors } = webhook();
    const unknown = { event_name: "user.follow", follower: { id: "u5" } };
    expect((await handle(post(JSON.stringify(unknown)))).status).toBe(200);
    expect((await handle(post(JSON.stringify(textUpdate("d1", "boom"))))).status).toBe(200);
    await until(() => updates.length === 1 && errors.length === 1);
    expect(updates[0]).toEqual(unknown);
    expect(isKnownZaloUpdate(updates[0] as ZaloUpdate)).toBe(false);
    expect(errors[0]?.[0]).toMatchObject({ message: "handler broke" });
    expect(errors[0]?.[1]?.message?.message_id).toBe("d1");
  });

  it("answers before onUpdate finishes", async () => {
    let release: () => void = () => {};
    let finished = false;
    const handle = createZaloBotWebhook({
      secretToken: SECRET,
      onUpdate: () =>
        new Promise<void>((resolve) => {
          release = () => {
            finished = true;
            resolve();
          };
        }),
    });
    const response = await handle(post(JSON.stringify(textUpdate("e1"))));
    expect(response.status).toBe(200);
    expect(finished).toBe(false);
    await delay(10);
    release();
    expect(finished).toBe(true);
  });

  it("refuses a secret outside 8–256 characters when created", () => {
    expect(() => createZaloBotWebhook({ secretToken: "short", onUpdate: () => {} })).toThrow(
      ValidationError,
    );
  });
});

describe("imageUrlOf", () => {
  it("finds the image wherever the payload put it", () => {
    expect(imageUrlOf({ photo: "https://a/1.jpg" })).toBe("https://a/1.jpg");
    expect(imageUrlOf({ photo: ["https://a/small.jpg", "https://a/large.jpg"] })).toBe(
      "https://a/large.jpg",
    );
    expect(
      imageUrlOf({
        photo: [
          { url: "https://a/s.jpg", width: 90 },
          { url: "https://a/l.jpg", width: 800 },
        ],
      }),
    ).toBe("https://a/l.jpg");
    expect(imageUrlOf({ photo: { url: "https://a/o.jpg" } })).toBe("https://a/o.jpg");
    expect(imageUrlOf({ photo_url: "https://a/pu.jpg" })).toBe("https://a/pu.jpg");
    expect(
      imageUrlOf({ attachments: [{ type: "image", payload: { url: "https://a/att.jpg" } }] }),
    ).toBe("https://a/att.jpg");
    expect(imageUrlOf({ attachments: [{ payload: { url: "https://a/untyped.jpg" } }] })).toBe(
      "https://a/untyped.jpg",
    );
  });

  it("skips other attachments, blanks and a sticker's url", () => {
    expect(
      imageUrlOf({ attachments: [{ type: "file", payload: { url: "https://a/doc.pdf" } }] }),
    ).toBeUndefined();
    expect(imageUrlOf({ photo: "  ", photo_url: "" })).toBeUndefined();
    expect(imageUrlOf({ sticker: "st", url: "https://a/sticker.webp" })).toBeUndefined();
    expect(imageUrlOf({ photo: 42 as any, attachments: "nope" as any })).toBeUndefined();
  });
});
