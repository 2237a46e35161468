import type { Context, Hono } from "hono";
import {
  bodyOf,
  controlApp,
  type JsonBody,
  messageRoutes,
  num,
  ok,
  rateLimitsOf,
  str,
  timeoutOf,
} from "../emulators/control-http.js";
import type { TelegramEmulator, UserFileOptions } from "./emulator.js";
import type { TelegramRateLimitOptions } from "./options.js";
import type { Update } from "./types.js";
import type { ChatFile, ChatMessage } from "./views.js";

/** File bytes travel as base64 in JSON. */
function jsonFile(file: ChatFile | undefined) {
  return file && { ...file, data: Buffer.from(file.data).toString("base64") };
}
const jsonMessage = (m: ChatMessage) => ({
  ...m,
  photo: jsonFile(m.photo),
  document: jsonFile(m.document),
});

/** The user-side options in a request body. */
function userOptions(token: string, body: JsonBody): UserFileOptions {
  return {
    token,
    ...(body.from !== null && typeof body.from === "object" && { from: body.from }),
    ...(str(body.languageCode) && { languageCode: str(body.languageCode) }),
    ...(str(body.fileName) && { fileName: str(body.fileName) }),
    ...(str(body.mimeType) && { mimeType: str(body.mimeType) }),
    ...(str(body.caption) !== undefined && { caption: str(body.caption) }),
  };
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
  const app = controlApp();
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

  messageRoutes(
    app,
    `${chat}/messages`,
    emulator,
    (c) => [chatIdOf(c), { token: c.req.param("token") }],
    jsonMessage,
  );

  app.post(`${chat}/callbacks`, async (c) => {
    const body = await bodyOf(c);
    const messageId = num(body.messageId);
    const data = str(body.data);
    if (messageId === undefined || data === undefined)
      throw new TypeError("Send messageId and data.");
    const answer = await emulator.pressButton(chatIdOf(c), messageId, data, {
      ...userOptions(c.req.param("token"), body),
      ...timeoutOf(body),
    });
    return ok(answer ?? null);
  });

  app.post("/bots/:token/chats", async (c) => {
    const body = await bodyOf(c);
    if (!Array.isArray(body.chatIds)) throw new TypeError("Send chatIds: an array of chat ids.");
    const ids = body.chatIds.map(Number);
    return ok(emulator.openChats(ids, userOptions(c.req.param("token"), body)));
  });

  app.get("/bots/:token/stats", (c) => ok(emulator.stats({ token: c.req.param("token") })));

  app.post("/bots/:token/updates", async (c) => {
    const update = (await bodyOf(c)) as Omit<Update, "update_id">;
    return ok(emulator.injectUpdate(update, { token: c.req.param("token") }) ?? null);
  });

  app.get("/bots/:token/webhook", (c) => ok(emulator.webhookInfo({ token: c.req.param("token") })));

  app.put("/rate-limits", async (c) => {
    emulator.setRateLimits((await rateLimitsOf(c)) as Partial<TelegramRateLimitOptions> | false);
    return ok(true);
  });

  return app;
}

function base64(value: unknown): Uint8Array {
  return Buffer.from(String(value), "base64");
}
