import { Hono } from "hono";
import type { Logger } from "pino";
import { BotApiError } from "../emulators/bot-api-error.js";
import { RequestParams } from "../emulators/params.js";
import type { ZaloBotEmulator } from "./emulator.js";
import { notFound, PARAM_ERRORS, unauthorized } from "./errors.js";
import { findZaloMethod } from "./methods.js";

function envelope(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

function errorAnswer(error: BotApiError): Response {
  return envelope(
    error.errorCode,
    error,
    error.retryAfter === undefined ? {} : { "retry-after": String(error.retryAfter) },
  );
}

/**
 * The Bot API, mounted under `/zalo-bot`: `GET|POST /bot<token>/<method>` with query, JSON,
 * url-encoded or multipart parameters. Answers `{ ok: true, result }` or
 * `{ ok: false, error_code, description }` with the HTTP status equal to `error_code`.
 */
export function zaloBotApiRoutes(emulator: ZaloBotEmulator, log: Logger): Hono {
  const app = new Hono();
  app.on(["GET", "POST"], "/:bot{bot[^/]+}/:method", async (c) => {
    try {
      const bot = emulator.botFor(c.req.param("bot").slice(3));
      if (!bot) throw unauthorized();
      const method = findZaloMethod(c.req.param("method"));
      if (!method) throw notFound();
      const params = await RequestParams.read(
        c.req.raw,
        emulator.options.maxRequestBytes,
        PARAM_ERRORS,
      );
      const result = await method({
        bot,
        params,
        quota: emulator.sendQuota,
        signal: c.req.raw.signal,
      });
      return envelope(200, result === undefined ? { ok: true } : { ok: true, result });
    } catch (error) {
      if (error instanceof BotApiError) return errorAnswer(error);
      // The token is in the path: log the method only.
      log.error({ err: error, method: c.req.param("method") }, "zalo bot emulator failed");
      return envelope(500, { ok: false, error_code: 500, description: "Internal Server Error" });
    }
  });
  app.all("*", () => errorAnswer(notFound()));
  return app;
}
