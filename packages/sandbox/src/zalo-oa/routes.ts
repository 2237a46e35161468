import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import type { ZaloOaEmulator } from "./emulator.js";
import { invalidParam, ZaloOaApiError } from "./errors.js";

/** Uploads are 1 MB (images) and 5 MB (files); anything much larger is refused unread. */
const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;

type Handler = (c: Context) => unknown | Promise<unknown>;

/** Zalo's answer to a failure: HTTP 200 with `{ error, message }`, unless a test asked otherwise. */
function failure(c: Context, error: ZaloOaApiError): Response {
  const { status = 200, retryAfter } = error.http;
  return c.json(
    error.toJSON(),
    status as ContentfulStatusCode,
    retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
  );
}

/** Zalo answers its own failures with HTTP 200 and `{ error, message }`. */
function api(log: Logger, handler: Handler) {
  return async (c: Context) => {
    try {
      const data = await handler(c);
      return c.json({ data, error: 0, message: "Success" });
    } catch (error) {
      if (error instanceof ZaloOaApiError) return failure(c, error);
      log.error({ err: error, path: c.req.path }, "zalo oa emulator failed");
      return c.json({ error: -1, message: "Internal server error" }, 500);
    }
  };
}

async function jsonBody(c: Context): Promise<unknown> {
  return c.req.json().catch(() => {
    throw invalidParam("body is not JSON");
  });
}

async function upload(c: Context): Promise<{ file: File | undefined; data: Uint8Array }> {
  const length = Number(c.req.header("content-length"));
  if (Number.isFinite(length) && length > MAX_UPLOAD_BYTES) throw invalidParam("file is too large");
  const form = await c.req.raw.formData().catch(() => {
    throw invalidParam("body is not multipart/form-data");
  });
  const file = form.get("file");
  if (!(file instanceof File)) return { file: undefined, data: new Uint8Array(0) };
  return { file, data: new Uint8Array(await file.arrayBuffer()) };
}

const token = (c: Context) => c.req.header("access_token");

/**
 * The three Zalo hosts: `/zalo-oa/openapi` (https://openapi.zalo.me), `/zalo-oa/oauth`
 * (https://oauth.zaloapp.com) and `/zalo-oa/business` (https://business.openapi.zalo.me).
 */
export function zaloOaApiRoutes(emulator: ZaloOaEmulator, log: Logger): Hono {
  const openApi = new Hono();
  openApi.post(
    "/v3.0/oa/message/cs",
    api(log, async (c) => emulator.api.sendCs(token(c), await jsonBody(c))),
  );
  openApi.get(
    "/v3.0/oa/user/detail",
    api(log, (c) => emulator.api.userDetail(token(c), c.req.query("data"))),
  );
  openApi.post(
    "/v3.0/oa/quota/message",
    api(log, async (c) => emulator.api.quota(token(c), await jsonBody(c))),
  );
  openApi.post(
    "/v2.0/oa/upload/image",
    api(log, async (c) => {
      emulator.oauth.check(token(c));
      const { file, data } = await upload(c);
      return emulator.api.uploadImage(token(c), file, data);
    }),
  );
  openApi.post(
    "/v2.0/oa/upload/file",
    api(log, async (c) => {
      emulator.oauth.check(token(c));
      const { file, data } = await upload(c);
      return emulator.api.uploadFile(token(c), file, data);
    }),
  );

  const business = new Hono();
  business.post(
    "/message/template",
    api(log, async (c) => emulator.api.sendZns(token(c), await jsonBody(c))),
  );

  const oauth = new Hono();
  // The OA admin's consent page: consents at once and redirects back.
  oauth.get("/v4/oa/permission", (c) => {
    try {
      return c.redirect(emulator.oauth.authorize(new URL(c.req.url).searchParams), 302);
    } catch (error) {
      if (error instanceof ZaloOaApiError) return c.json(error.toJSON(), 400);
      throw error;
    }
  });
  oauth.post("/v4/oa/access_token", async (c) => {
    try {
      const form = new URLSearchParams(await c.req.text());
      return c.json(emulator.oauth.grant(form, c.req.header("secret_key")));
    } catch (error) {
      if (error instanceof ZaloOaApiError) return c.json(error.toJSON());
      log.error({ err: error }, "zalo oa emulator failed");
      return c.json({ error: -1, message: "Internal server error" }, 500);
    }
  });

  const app = new Hono();
  app.route("/zalo-oa/openapi", openApi);
  app.route("/zalo-oa/business", business);
  app.route("/zalo-oa/oauth", oauth);
  return app;
}
