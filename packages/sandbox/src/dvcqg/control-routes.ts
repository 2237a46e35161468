import type { Hono } from "hono";
import { bodyOf, controlApp, ok } from "../emulators/control-http.js";
import type { DvcqgEmulator } from "./emulator.js";

/**
 * Test controls under `/_emulator/dvcqg`, for a sandbox in another process: the credentials,
 * ending every session, a raw status override, created dossiers' secrets and the call log.
 */
export function dvcqgControlRoutes(emulator: DvcqgEmulator): Hono {
  const app = controlApp();

  app.get("/credentials", () => ok(emulator.credentials));
  app.post("/sessions/expire", () => ok({ expired: emulator.expireSessions() }));

  app.put("/dossiers/:code/wire-status", async (c) => {
    const body = await bodyOf(c);
    if (body.status !== null && typeof body.status !== "string")
      throw new TypeError("Send { status } (a string, or null for the world's own).");
    emulator.setWireStatus(c.req.param("code"), body.status);
    return ok(true);
  });

  app.get("/dossiers/:code/secret", (c) => {
    const secret = emulator.verificationSecret(c.req.param("code"));
    if (secret === undefined) throw new TypeError("DongBoHoSoMC created no such dossier.");
    return ok({ secret });
  });

  app.get("/calls", () => ok(emulator.calls()));
  app.delete("/calls", () => {
    emulator.clearCalls();
    return ok(true);
  });

  return app;
}
