import { Hono } from "hono";
import type { Logger } from "pino";
import { zaloOaControlRoutes } from "./control-routes.js";
import type { ZaloOaEmulator } from "./emulator.js";
import { zaloOaApiRoutes } from "./routes.js";

/** Every route of the Zalo OA emulator: the three Zalo hosts and `/_emulator/zalo-oa` controls. */
export function zaloOaRoutes(emulator: ZaloOaEmulator, log: Logger): Hono {
  const app = new Hono();
  app.route("/", zaloOaApiRoutes(emulator, log));
  app.route("/_emulator/zalo-oa", zaloOaControlRoutes(emulator));
  return app;
}
