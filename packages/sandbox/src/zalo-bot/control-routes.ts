import { type Context, Hono } from "hono";
import { WaitTimeoutError } from "../telegram/chat-state.js";
import type { ZaloBotEmulator, ZaloBotUserOptions } from "./emulator.js";
import { ZaloBotApiError } from "./errors.js";
import type { ZaloBotRateLimitOptions } from "./options.js";
import type { Update } from "./types.js";

type Body = Record<string, unknown>;

const ok = (result: unknown) => Response.json({ ok: true, result });
const fail = (status: number, description: string) =>
  Response.json({ ok: false, description }, { status });

const str = (value: unknown) => (typeof value === "string" ? value : undefined);
const num = (value: unknown) => (typeof value === "number" ? value : undefined);

/** The user-side options in a request body. */
function userOptions(token: string, body: Body): ZaloBotUserOptions & { caption?: string } {
  const chatType = str(body.chatType);
  if (chatType !== undefined && chatType !== "PRIVATE" && chatType !== "GROUP")
    throw new TypeError("chatType must be PRIVATE or GROUP.");
  return {
    token,
    ...(body.from !== null && typeof body.from === "object" && { from: body.from }),
    ...(chatType !== undefined && { chatType }),
    ...(str(body.caption) !== undefined && { caption: str(body.caption) }),
  };
}

async function bodyOf(c: Context): Promise<Body> {
  const body = await c.req.json().catch(() => undefined);
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new TypeError("Send a JSON object.");
  return body as Body;
}

/**
 * The user's side of the Zalo Bot emulator over HTTP, under `/_emulator/zalo-bot`, for a
 * sandbox in another process. Answers `{ ok: true, result }`, or `{ ok: false, description }`
 * with 400 (bad input) or 408 (waited in vain). See docs/sandbox.md for the endpoints.
 */
export function zaloBotControlRoutes(emulator: ZaloBotEmulator): Hono {
  const app = new Hono();
  const chat = "/bots/:token/chats/:chatId";

  app.post(`${chat}/messages`, async (c) => {
    const body = await bodyOf(c);
    const options = userOptions(c.req.param("token"), body);
    const id = c.req.param("chatId");
    if (str(body.photo) !== undefined)
      return ok(emulator.sendImage(id, str(body.photo) ?? "", options));
    if (str(body.sticker) !== undefined)
      return ok(emulator.sendSticker(id, str(body.sticker) ?? "", options));
    if (body.unsupported === true) return ok(emulator.sendUnsupported(id, options));
    const text = str(body.text);
    if (text === undefined) throw new TypeError("Send text, photo, sticker or unsupported: true.");
    return ok(emulator.sendText(id, text, options));
  });

  app.get(`${chat}/messages`, async (c) => {
    const token = c.req.param("token");
    const id = c.req.param("chatId");
    const count = Number(c.req.query("count") ?? "0");
    const timeoutMs = Number(c.req.query("timeoutMs") ?? "5000");
    return ok(
      count > 0
        ? await emulator.waitForMessages(id, count, { token, timeoutMs })
        : emulator.messages(id, { token }),
    );
  });

  app.post(`${chat}/messages/next`, async (c) => {
    const body = await bodyOf(c);
    return ok(
      await emulator.nextMessages(c.req.param("chatId"), num(body.count) ?? 1, {
        token: c.req.param("token"),
        ...(num(body.timeoutMs) !== undefined && { timeoutMs: num(body.timeoutMs) }),
      }),
    );
  });

  app.get(`${chat}/actions`, (c) =>
    ok(emulator.chatActions(c.req.param("chatId"), { token: c.req.param("token") })),
  );

  app.post("/bots/:token/updates", async (c) => {
    const update = await bodyOf(c);
    if (typeof update.event_name !== "string") throw new TypeError("An update needs event_name.");
    return ok(emulator.injectUpdate(update as Update, { token: c.req.param("token") }));
  });

  app.get("/bots/:token/webhook", (c) => {
    const token = c.req.param("token");
    return ok({
      ...emulator.webhookInfo({ token }),
      lastFailure: emulator.lastWebhookFailure({ token }) ?? null,
    });
  });

  app.put("/rate-limits", async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body !== false && (!body || typeof body !== "object"))
      throw new TypeError("Send false or an object of limits.");
    emulator.setRateLimits(body as Partial<ZaloBotRateLimitOptions> | false);
    return ok(true);
  });

  app.onError((error) => {
    if (error instanceof WaitTimeoutError) return fail(408, error.message);
    if (error instanceof ZaloBotApiError) return fail(error.errorCode, error.description);
    return fail(400, (error as Error).message);
  });
  return app;
}
