import { Hono } from "hono";
import type { Logger } from "pino";
import { zaloBotControlRoutes } from "./control-routes.js";
import type { ZaloBotEmulator } from "./emulator.js";
import { zaloBotApiRoutes } from "./routes.js";

/**
 * Every route of the Zalo Bot emulator: the Bot API under `/zalo-bot` (a client's base URL is
 * `${sandbox.url}/zalo-bot`) and its controls under `/_emulator/zalo-bot`.
 */
export function zaloBotRoutes(emulator: ZaloBotEmulator, log: Logger): Hono {
  const app = new Hono();
  app.route("/zalo-bot", zaloBotApiRoutes(emulator, log));
  app.route("/_emulator/zalo-bot", zaloBotControlRoutes(emulator));
  return app;
}
