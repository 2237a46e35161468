import { Hono } from "hono";
import type { Logger } from "pino";
import { BotApiError } from "../emulators/bot-api-error.js";
import type { TelegramEmulator } from "./emulator.js";
import { notFound, PARAM_ERRORS, unauthorized } from "./errors.js";
import { findMethod } from "./methods/index.js";
import { Params } from "./params.js";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });

/** A token path segment: `bot` and the token, as in `https://api.telegram.org/bot<token>/`. */
const BOT_SEGMENT = ":bot{bot[^/]+}";

/**
 * The Bot API on the sandbox: `GET|POST /bot<token>/<method>` (query, JSON, url-encoded or
 * multipart parameters) and `GET /file/bot<token>/<file_path>` downloads.
 */
export function botApiRoutes(emulator: TelegramEmulator, log: Logger): Hono {
  const app = new Hono();
  app.on(["GET", "POST"], `/${BOT_SEGMENT}/:method`, async (c) => {
    const bot = emulator.botFor(c.req.param("bot").slice(3));
    try {
      if (!bot) throw unauthorized();
      const method = findMethod(c.req.param("method"));
      if (!method) throw notFound();
      const params = await Params.read(c.req.raw, emulator.options.maxRequestBytes, PARAM_ERRORS);
      const result = await method({
        bot,
        params,
        limits: emulator.sendLimits,
        signal: c.req.raw.signal,
      });
      return json(200, { ok: true, result });
    } catch (error) {
      if (error instanceof BotApiError) {
        // Only the flood limits answer 429; counted per bot for `TelegramEmulator.stats`.
        if (error.errorCode === 429) bot?.sendCounters.recordRateLimited();
        return json(error.errorCode, error);
      }
      log.error({ err: error, method: c.req.param("method") }, "telegram emulator failed");
      return json(500, { ok: false, error_code: 500, description: "Internal Server Error" });
    }
  });
  app.get(`/file/${BOT_SEGMENT}/:path{.+}`, (c) => {
    const bot = emulator.botFor(c.req.param("bot").slice(3));
    const file = bot?.files.atPath(c.req.param("path"));
    if (!file) return json(404, notFound());
    return new Response(new Uint8Array(file.data), {
      headers: {
        "content-type": file.mimeType ?? "application/octet-stream",
        "content-length": String(file.data.byteLength),
      },
    });
  });
  return app;
}
