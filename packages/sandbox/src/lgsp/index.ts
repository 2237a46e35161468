import { Hono } from "hono";
import type { Logger } from "pino";
import { lgspControlRoutes } from "./control-routes.js";
import type { LgspEmulator } from "./emulator.js";
import { lgspApiRoutes } from "./routes.js";

export type { LgspAgencyView } from "./agencies.js";
export { LgspEmulator, type LgspFault } from "./emulator.js";
export {
  LGSP_DEFAULT_SYSTEMS,
  type LgspEmulatorInit,
  type LgspEmulatorOptions,
  type LgspSystem,
} from "./options.js";
export type { LgspEdocView, LgspReceivedItem, LgspStoredEdoc } from "./views.js";

/** Every route of the LGSP emulator: the API under `/lgsp/v1` and `/_emulator/lgsp` controls. */
export function lgspRoutes(emulator: LgspEmulator, log: Logger): Hono {
  const app = new Hono();
  app.route("/", lgspApiRoutes(emulator, log));
  app.route("/_emulator/lgsp", lgspControlRoutes(emulator));
  return app;
}
