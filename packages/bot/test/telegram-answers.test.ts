import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifySendError, createTelegramChannel } from "../src/index.js";

/**
 * How the Telegram channel reads what comes back from a Bot API server that is not the
 * sandbox's emulator: a proxy's HTML error page, a flood answer, a refused connection. A
 * notification's fate (`classifySendError`) depends on it, and the token must never show.
 */
const TOKEN = "5550001:AnswersTestTokenAnswersTestToken00";

let server: Server;
let apiRoot: string;
/** What the server answers next: status, content type and body. */
let answer: { status: number; type: string; body: string };
let lastBody = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      lastBody = body;
      response.writeHead(answer.status, { "content-type": answer.type }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const channelAt = (root: string) =>
  createTelegramChannel({
    engine: { handle: async () => [] },
    token: TOKEN,
    apiRoot: root,
    mode: { type: "polling" },
  });

const failureOf = (root: string) =>
  channelAt(root)
    .send("42", { text: "Thông báo: hồ sơ đã có kết quả." }, { waitOutRateLimits: false })
    .then(
      () => undefined,
      (error: unknown) => error,
    );

describe("Telegram channel: Bot API answers", () => {
  it("sends the message as JSON and resolves on ok: true", async () => {
    answer = {
      status: 200,
      type: "application/json",
      body: JSON.stringify({ ok: true, result: { message_id: 1 } }),
    };
    await expect(failureOf(apiRoot)).resolves.toBeUndefined();
    expect(JSON.parse(lastBody)).toEqual({
      chat_id: "42",
      text: "Thông báo: hồ sơ đã có kết quả.",
    });
  });

  it("reads a 429 as telegraf's TelegramError with retry_after: rate limited", async () => {
    answer = {
      status: 429,
      type: "application/json",
      body: JSON.stringify({
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 7",
        parameters: { retry_after: 7 },
      }),
    };
    const error = await failureOf(apiRoot);
    expect(error).toBeInstanceOf(TelegramError);
    expect(error).toMatchObject({ code: 429, parameters: { retry_after: 7 } });
    expect(classifySendError(error)).toMatchObject({ kind: "rate_limited", retryAfterMs: 7000 });
  });

  it("reads a 403 block as blocked, and a 400 as permanent", async () => {
    answer = {
      status: 403,
      type: "application/json",
      body: JSON.stringify({
        ok: false,
        error_code: 403,
        description: "Forbidden: bot was blocked by the user",
      }),
    };
    expect(classifySendError(await failureOf(apiRoot))).toMatchObject({ kind: "blocked" });
    answer = {
      status: 400,
      type: "application/json",
      body: JSON.stringify({
        ok: false,
        error_code: 400,
        description: "Bad Request: can't parse entities",
      }),
    };
    expect(classifySendError(await failureOf(apiRoot))).toMatchObject({ kind: "permanent" });
  });

  it("reads a proxy's 502 page (no JSON) as a transient TelegramError", async () => {
    answer = { status: 502, type: "text/html", body: "<html><h1>502 Bad Gateway</h1></html>" };
    const error = await failureOf(apiRoot);
    expect(error).toBeInstanceOf(TelegramError);
    expect(error).toMatchObject({ code: 502, description: "Bad Gateway" });
    expect(classifySendError(error)).toMatchObject({ kind: "transient" });
  });

  it("reads a 200 that is not JSON as transient, and never shows the token", async () => {
    answer = { status: 200, type: "text/html", body: "<html>captive portal</html>" };
    const error = await failureOf(apiRoot);
    expect(classifySendError(error)).toMatchObject({ kind: "transient" });
    expect(String((error as Error).message)).not.toContain(TOKEN.split(":")[1]);
  });

  it("reads a refused connection as a transient network failure, without the token", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failureOf(`http://127.0.0.1:${port}`);
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
    expect(classifySendError(error)).toMatchObject({ kind: "transient" });
    expect(String((error as Error).message)).not.toContain(TOKEN.split(":")[1]);
  });
});
