import { Hono } from "hono";
import type { Logger } from "pino";
import { controlRoutes } from "./control-routes.js";
import type { TelegramEmulator } from "./emulator.js";
import { botApiRoutes } from "./routes.js";

/** Every route of the Telegram emulator: the Bot API and its `/_emulator/telegram` controls. */
export function telegramRoutes(emulator: TelegramEmulator, log: Logger): Hono {
  const app = new Hono();
  app.route("/", botApiRoutes(emulator, log));
  app.route("/_emulator/telegram", controlRoutes(emulator));
  return app;
}
