import { Hono } from "hono";
import type { Logger } from "pino";
import { lgspControlRoutes } from "./control-routes.js";
import type { LgspEmulator } from "./emulator.js";
import { lgspApiRoutes } from "./routes.js";

export type { LgspAgencyView } from "./agencies.js";
export {
  type LgspEdocView,
  LgspEmulator,
  type LgspFault,
  type LgspReceivedItem,
  type LgspStoredEdoc,
} from "./emulator.js";
export {
  LGSP_DEFAULT_SYSTEMS,
  type LgspEmulatorInit,
  type LgspEmulatorOptions,
  type LgspSystem,
} from "./options.js";

/** Every route of the LGSP emulator: the API under `/lgsp/v1` and `/_emulator/lgsp` controls. */
export function lgspRoutes(emulator: LgspEmulator, log: Logger): Hono {
  const app = new Hono();
  app.route("/", lgspApiRoutes(emulator, log));
  app.route("/_emulator/lgsp", lgspControlRoutes(emulator));
  return app;
}
