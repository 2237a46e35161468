import { type Context, Hono } from "hono";
import type { Logger } from "pino";
import type { DvcqgEmulator } from "./emulator.js";
import { DvcqgFault, invalidData, serverError } from "./errors.js";
import type { DvcqgEndpoint } from "./services.js";

/** The body as JSON, or the portal's "invalid data" answer. */
async function jsonOf(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw invalidData("nội dung yêu cầu không đúng định dạng JSON");
  }
}

/** Errors are HTTP 200 with `{ error_code, message }`; only a crash is a 500. */
function failure(c: Context, log: Logger, error: unknown): Response {
  if (error instanceof DvcqgFault) return c.json(error.toJSON());
  log.error({ err: error, path: c.req.path }, "dvcqg emulator failed");
  return c.json(serverError().toJSON(), 500);
}

/**
 * The portal's three URLs as a provincial adapter sees them (OpenCPS's `auth_endpoint`,
 * `integration_endpoint`, `share_endpoint`), plus `GET /dvcqg/files/:id` serving the world's
 * dossier files that `TaiLieuNop` links to.
 */
export function dvcqgApiRoutes(emulator: DvcqgEmulator, log: Logger): Hono {
  const app = new Hono();

  app.post("/dvcqg/auth", async (c) => {
    try {
      const body = (await jsonOf(c)) as { username?: unknown; password?: unknown } | null;
      const session = emulator.login(body?.username, body?.password);
      // Login answers a numeric 0 (OpenCPS checks `error_code == 0`); services answer "00".
      return c.json({ session, error_code: 0, message: "Đăng nhập thành công" });
    } catch (error) {
      if (error instanceof DvcqgFault) return c.json({ session: null, ...error.toJSON() });
      return failure(c, log, error);
    }
  });

  const endpoint = (name: DvcqgEndpoint) => async (c: Context) => {
    try {
      const body = await jsonOf(c);
      const result = emulator.call(name, body, new URL(c.req.url).origin);
      return c.json({
        error_code: "00",
        message: "Thành công",
        ...(result === undefined ? {} : { result }),
      });
    } catch (error) {
      return failure(c, log, error);
    }
  };
  app.post("/dvcqg/integration", endpoint("integration"));
  app.post("/dvcqg/share", endpoint("share"));

  app.get("/dvcqg/files/:id", (c) => {
    const file = emulator.world.db
      .prepare(
        "SELECT file_name, content_type, content FROM attachments WHERE id = ? AND owner_kind = 'dossier'",
      )
      .get(c.req.param("id")) as
      | { file_name: string; content_type: string; content: Buffer }
      | undefined;
    if (!file) return c.text("Not found", 404);
    return c.body(new Uint8Array(file.content), 200, {
      "content-type": file.content_type,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
    });
  });

  return app;
}
