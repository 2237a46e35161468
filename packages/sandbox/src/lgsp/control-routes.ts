import type { Hono } from "hono";
import { bodyOf, controlApp, ok } from "../emulators/control-http.js";
import type { LgspEmulator, LgspFault } from "./emulator.js";

/**
 * LGSP's operator side over HTTP, under `/_emulator/lgsp`: credentials, stored edocs, unit
 * locks, token expiry, injected failures and unchecked deliveries. Answers `{ ok, result }`.
 */
export function lgspControlRoutes(emulator: LgspEmulator): Hono {
  const app = controlApp();

  app.get("/credentials", () => ok(emulator.systems));
  app.get("/edocs", () => ok(emulator.storedEdocs()));
  app.get("/edocs/:docId", (c) => {
    const edoc = emulator.storedEdoc(c.req.param("docId"));
    return edoc
      ? ok(edoc)
      : Response.json({ ok: false, description: "No such edoc." }, { status: 404 });
  });
  app.post("/edocs", async (c) => {
    const body = await bodyOf(c);
    const to = body.to;
    if (
      typeof body.edxml !== "string" ||
      typeof body.from !== "string" ||
      !Array.isArray(to) ||
      !to.every((t) => typeof t === "string")
    )
      throw new TypeError("Send { edxml, from, to: [agency codes] }.");
    return ok(emulator.deliver({ edxml: body.edxml, from: body.from, to: to as string[] }));
  });
  app.post("/units/:code/lock", (c) => {
    emulator.lockUnit(c.req.param("code"));
    return ok(true);
  });
  app.post("/units/:code/unlock", (c) => {
    emulator.unlockUnit(c.req.param("code"));
    return ok(true);
  });
  app.post("/tokens/expire", () => {
    emulator.expireTokens();
    return ok(true);
  });
  app.post("/faults", async (c) => {
    const body = await bodyOf(c);
    // Undocumented codes are allowed on purpose: clients must survive them.
    if (typeof body.errorCode !== "string" || !/^[1-9][0-9]{0,3}$/.test(body.errorCode))
      throw new TypeError("Send { errorCode: digits such as 20, times? }.");
    if (body.times !== undefined && (!Number.isInteger(body.times) || (body.times as number) < 1))
      throw new TypeError("times must be a positive integer.");
    emulator.failNext(body as unknown as LgspFault);
    return ok(true);
  });

  return app;
}
