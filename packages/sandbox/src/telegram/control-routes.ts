import { type Context, Hono } from "hono";
import { WaitTimeoutError } from "./chat-state.js";
import type { TelegramEmulator, UserFileOptions } from "./emulator.js";
import { BotApiError } from "./errors.js";
import type { TelegramRateLimitOptions } from "./options.js";
import type { Update } from "./types.js";
import type { ChatFile, ChatMessage } from "./views.js";

type Body = Record<string, unknown>;

const ok = (result: unknown) => Response.json({ ok: true, result });
const fail = (status: number, description: string) =>
  Response.json({ ok: false, description }, { status });

/** File bytes travel as base64 in JSON. */
function jsonFile(file: ChatFile | undefined) {
  return file && { ...file, data: Buffer.from(file.data).toString("base64") };
}
const jsonMessage = (m: ChatMessage) => ({
  ...m,
  photo: jsonFile(m.photo),
  document: jsonFile(m.document),
});

const str = (value: unknown) => (typeof value === "string" ? value : undefined);
const num = (value: unknown) => (typeof value === "number" ? value : undefined);

/** The user-side options in a request body. */
function userOptions(token: string, body: Body): UserFileOptions {
  return {
    token,
    ...(body.from !== null && typeof body.from === "object" && { from: body.from }),
    ...(str(body.languageCode) && { languageCode: str(body.languageCode) }),
    ...(str(body.fileName) && { fileName: str(body.fileName) }),
    ...(str(body.mimeType) && { mimeType: str(body.mimeType) }),
    ...(str(body.caption) !== undefined && { caption: str(body.caption) }),
  };
}

async function bodyOf(c: Context): Promise<Body> {
  const body = await c.req.json().catch(() => undefined);
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new TypeError("Send a JSON object.");
  return body as Body;
}

function chatIdOf(c: Context): number {
  const id = Number(c.req.param("chatId"));
  if (!Number.isSafeInteger(id) || id === 0)
    throw new TypeError("chatId must be a non-zero integer.");
  return id;
}

/**
 * The user's side of the emulator over HTTP, under `/_emulator/telegram`, for a sandbox in
 * another process (benchmarks, the CLI). Answers `{ ok: true, result }`, or
 * `{ ok: false, description }` with 400 (bad input), 408 (waited in vain) or Telegram's own
 * error status. See docs/sandbox.md for the endpoints.
 */
export function controlRoutes(emulator: TelegramEmulator): Hono {
  const app = new Hono();
  const chat = "/bots/:token/chats/:chatId";

  app.post(`${chat}/messages`, async (c) => {
    const body = await bodyOf(c);
    const options = userOptions(c.req.param("token"), body);
    const id = chatIdOf(c);
    if (str(body.photo)) return ok(emulator.sendPhoto(id, base64(body.photo), options));
    if (str(body.document)) return ok(emulator.sendDocument(id, base64(body.document), options));
    if (str(body.text) === undefined) throw new TypeError("Send text, photo or document.");
    return ok(emulator.sendText(id, str(body.text) ?? "", options));
  });

  app.get(`${chat}/messages`, async (c) => {
    const token = c.req.param("token");
    const count = Number(c.req.query("count") ?? "0");
    const timeoutMs = Number(c.req.query("timeoutMs") ?? "5000");
    const messages =
      count > 0
        ? await emulator.waitForMessages(chatIdOf(c), count, { token, timeoutMs })
        : emulator.messages(chatIdOf(c), { token });
    return ok(messages.map(jsonMessage));
  });

  app.post(`${chat}/messages/next`, async (c) => {
    const body = await bodyOf(c);
    const messages = await emulator.nextMessages(chatIdOf(c), num(body.count) ?? 1, {
      token: c.req.param("token"),
      ...(num(body.timeoutMs) !== undefined && { timeoutMs: num(body.timeoutMs) }),
    });
    return ok(messages.map(jsonMessage));
  });

  app.post(`${chat}/callbacks`, async (c) => {
    const body = await bodyOf(c);
    const messageId = num(body.messageId);
    const data = str(body.data);
    if (messageId === undefined || data === undefined)
      throw new TypeError("Send messageId and data.");
    const answer = await emulator.pressButton(chatIdOf(c), messageId, data, {
      ...userOptions(c.req.param("token"), body),
      ...(num(body.timeoutMs) !== undefined && { timeoutMs: num(body.timeoutMs) }),
    });
    return ok(answer ?? null);
  });

  app.post("/bots/:token/updates", async (c) => {
    const update = (await bodyOf(c)) as Omit<Update, "update_id">;
    return ok(emulator.injectUpdate(update, { token: c.req.param("token") }) ?? null);
  });

  app.get("/bots/:token/webhook", (c) => ok(emulator.webhookInfo({ token: c.req.param("token") })));

  app.put("/rate-limits", async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body !== false && (!body || typeof body !== "object"))
      throw new TypeError("Send false or an object of limits.");
    emulator.setRateLimits(body as Partial<TelegramRateLimitOptions> | false);
    return ok(true);
  });

  app.onError((error) => {
    if (error instanceof WaitTimeoutError) return fail(408, error.message);
    if (error instanceof BotApiError) return fail(error.errorCode, error.description);
    return fail(400, (error as Error).message);
  });
  return app;
}

function base64(value: unknown): Uint8Array {
  return Buffer.from(String(value), "base64");
}
