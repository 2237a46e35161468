import type { Hono } from "hono";
import { bodyOf, controlApp, num, ok, str } from "../emulators/control-http.js";
import type { IgateEmulator } from "./emulator.js";

/**
 * Test controls of the iGate emulator over HTTP, under `/_emulator/igate`, for a sandbox in
 * another process. Answers `{ ok: true, result }`, or `{ ok: false, description }` with 400.
 */
export function igateControlRoutes(emulator: IgateEmulator): Hono {
  const app = controlApp();

  app.get("/credentials", () => ok(emulator.credentials));
  app.get("/stats", () => ok(emulator.stats));

  /** Every token issued so far expires now: the next API call with one gets a 401. */
  app.post("/tokens/expire", () => ok({ expired: emulator.expireTokens() }));

  /** `{ id, name? }`: report this raw `dossierStatus` for the dossier (e.g. an id we do not map). */
  app.put("/dossiers/:code/status", async (c) => {
    const body = await bodyOf(c);
    const id = num(body.id);
    if (id === undefined) throw new TypeError("Send { id } (an integer) and optionally { name }.");
    emulator.overrideStatus(c.req.param("code"), {
      id,
      name: str(body.name) ?? `Trạng thái ${id}`,
    });
    return ok(true);
  });
  app.delete("/dossiers/:code/status", (c) => {
    emulator.overrideStatus(c.req.param("code"), undefined);
    return ok(true);
  });
  return app;
}
