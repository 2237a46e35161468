import type { Hono } from "hono";
import { bodyOf, controlApp, messageRoutes, ok } from "../emulators/control-http.js";
import type { ZaloOaEmulator, ZaloOaUserFile, ZaloOaUserInfo } from "./emulator.js";
import type { ZaloOaBlockError, ZaloOaSendFault } from "./faults.js";
import type { ZaloOaEmulatorLimits } from "./options.js";

const limitValue = (value: unknown, name: string) => {
  if (value === undefined || value === null) return value;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new TypeError(`${name} must be a non-negative number or null.`);
  return value;
};

/**
 * The users' side of the Zalo OA emulator over HTTP, under `/_emulator/zalo-oa`, for a sandbox
 * in another process. Answers `{ ok: true, result }`, or `{ ok: false, description }` with 400
 * (bad input) or 408 (waited in vain). See docs/sandbox.md for the endpoints.
 */
export function zaloOaControlRoutes(emulator: ZaloOaEmulator): Hono {
  const app = controlApp();
  const user = "/users/:userId";

  app.get("/credentials", () => ok(emulator.credentials));

  app.put("/webhook", async (c) => {
    const body = await bodyOf(c);
    if (body.url !== null && typeof body.url !== "string")
      throw new TypeError("Send { url } (a string, or null to remove it).");
    emulator.setWebhook(body.url ?? undefined, {
      ...(typeof body.deliverTwice === "boolean" && { deliverTwice: body.deliverTwice }),
    });
    return ok(true);
  });

  app.post(`${user}/messages`, async (c) => {
    const body = await bodyOf(c);
    const userId = c.req.param("userId");
    if (typeof body.image === "string")
      return ok(await emulator.userSendsImage(userId, body.image));
    if (typeof body.sticker === "string")
      return ok(await emulator.userSendsSticker(userId, body.sticker));
    if (body.file && typeof body.file === "object")
      return ok(await emulator.userSendsFile(userId, body.file as ZaloOaUserFile));
    if (typeof body.text !== "string") throw new TypeError("Send text, image or file.");
    return ok(await emulator.userSendsText(userId, body.text));
  });

  messageRoutes(app, `${user}/messages`, emulator, (c) => [c.req.param("userId"), {}]);

  app.post(`${user}/follow`, async (c) => ok(await emulator.follow(c.req.param("userId"))));
  app.post(`${user}/unfollow`, async (c) => ok(await emulator.unfollow(c.req.param("userId"))));
  app.post(`${user}/info`, async (c) =>
    ok(await emulator.submitInfo(c.req.param("userId"), (await bodyOf(c)) as ZaloOaUserInfo)),
  );
  app.post(`${user}/withdraw`, async (c) => ok(await emulator.withdraw(c.req.param("userId"))));
  app.post(`${user}/faults`, async (c) => {
    emulator.failSends(c.req.param("userId"), (await bodyOf(c)) as ZaloOaSendFault);
    return ok(true);
  });
  app.post(`${user}/block`, async (c) => {
    const { error } = await bodyOf(c).catch(() => ({}) as { error?: unknown });
    emulator.blockOa(c.req.param("userId"), (error ?? -244) as ZaloOaBlockError);
    return ok(true);
  });
  app.post(`${user}/unblock`, (c) => {
    emulator.unblockOa(c.req.param("userId"));
    return ok(true);
  });
  app.get(`${user}/attempts`, (c) => ok(emulator.sendAttempts(c.req.param("userId"))));
  app.get("/stats", () => ok(emulator.stats()));
  app.post(`${user}/rewind`, async (c) => {
    const { ms } = await bodyOf(c);
    if (typeof ms !== "number") throw new TypeError("Send { ms }.");
    emulator.rewindUser(c.req.param("userId"), ms);
    return ok(true);
  });

  app.post("/events", async (c) => {
    const event = await bodyOf(c);
    if (typeof event.event_name !== "string") throw new TypeError("Send an event with event_name.");
    return ok(await emulator.injectEvent(event as { event_name: string }));
  });

  app.get("/zns", () => ok(emulator.zns()));
  app.get("/deliveries", () => ok(emulator.deliveries()));

  app.post("/tokens/expire", () => {
    emulator.expireAccessTokens();
    return ok(true);
  });

  app.put("/limits", async (c) => {
    const body = await bodyOf(c);
    const limits: Partial<ZaloOaEmulatorLimits> = {};
    for (const name of ["perMinute", "perSecond", "quota", "znsDailyQuota"] as const) {
      const value = limitValue(body[name], name);
      if (value !== undefined) limits[name] = value;
    }
    emulator.setLimits(limits);
    return ok(emulator.limits);
  });

  return app;
}
