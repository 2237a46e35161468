import { Hono } from "hono";
import type { Logger } from "pino";
import { dvcqgControlRoutes } from "./control-routes.js";
import type { DvcqgEmulator } from "./emulator.js";
import { dvcqgApiRoutes } from "./routes.js";

export { type DvcqgCall, DvcqgEmulator } from "./emulator.js";
export type { DvcqgCredentials, DvcqgEmulatorInit, DvcqgEmulatorOptions } from "./options.js";

/** Every route of the DVCQG emulator: `/dvcqg/…` and the `/_emulator/dvcqg` controls. */
export function dvcqgRoutes(emulator: DvcqgEmulator, log: Logger): Hono {
  const app = new Hono();
  app.route("/", dvcqgApiRoutes(emulator, log));
  app.route("/_emulator/dvcqg", dvcqgControlRoutes(emulator));
  return app;
}
