import type { Hono } from "hono";
import {
  bodyOf,
  controlApp,
  type JsonBody,
  messageRoutes,
  num,
  ok,
  rateLimitsOf,
  str,
} from "../emulators/control-http.js";
import type { ZaloBotEmulator, ZaloBotUserOptions } from "./emulator.js";
import type { ZaloBotRateLimitOptions } from "./options.js";
import type { Update } from "./types.js";

/** The user-side options in a request body. */
function userOptions(token: string, body: JsonBody): ZaloBotUserOptions & { caption?: string } {
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

/**
 * The user's side of the Zalo Bot emulator over HTTP, under `/_emulator/zalo-bot`, for a
 * sandbox in another process. Answers `{ ok: true, result }`, or `{ ok: false, description }`
 * with 400 (bad input) or 408 (waited in vain). See docs/sandbox.md for the endpoints.
 */
export function zaloBotControlRoutes(emulator: ZaloBotEmulator): Hono {
  const app = controlApp();
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

  messageRoutes(app, `${chat}/messages`, emulator, (c) => [
    c.req.param("chatId"),
    { token: c.req.param("token") },
  ]);

  app.get(`${chat}/actions`, (c) =>
    ok(emulator.chatActions(c.req.param("chatId"), { token: c.req.param("token") })),
  );

  app.post(`${chat}/faults`, async (c) => {
    const body = await bodyOf(c);
    emulator.failSends(
      c.req.param("chatId"),
      {
        status: num(body.status) ?? Number.NaN,
        ...(num(body.times) !== undefined && { times: num(body.times) }),
        ...(num(body.retryAfter) !== undefined && { retryAfter: num(body.retryAfter) }),
      },
      { token: c.req.param("token") },
    );
    return ok(true);
  });

  app.post(`${chat}/block`, (c) => {
    emulator.blockBot(c.req.param("chatId"), { token: c.req.param("token") });
    return ok(true);
  });

  app.post(`${chat}/unblock`, (c) => {
    emulator.unblockBot(c.req.param("chatId"), { token: c.req.param("token") });
    return ok(true);
  });

  app.get(`${chat}/attempts`, (c) =>
    ok(emulator.sendAttempts(c.req.param("chatId"), { token: c.req.param("token") })),
  );

  app.get("/bots/:token/stats", (c) => ok(emulator.stats({ token: c.req.param("token") })));

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
    emulator.setRateLimits((await rateLimitsOf(c)) as Partial<ZaloBotRateLimitOptions> | false);
    return ok(true);
  });

  return app;
}
