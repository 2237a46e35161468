import { type Context, Hono } from "hono";
import type { Logger } from "pino";
import type { LgspEmulator } from "./emulator.js";
import { LgspFailure, LgspGatewayError } from "./errors.js";
import { failure, okStatus, success } from "./wire.js";

/** A JSON object body, or a 400 the gateway's way. */
async function jsonObject(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new LgspGatewayError(400, "Send a JSON object.");
  return body as Record<string, unknown>;
}

/** LGSP's API under `/lgsp/v1`. */
export function lgspApiRoutes(emulator: LgspEmulator, log: Logger): Hono {
  const app = new Hono();
  app.onError((error) => {
    if (!(error instanceof LgspFailure) && !(error instanceof LgspGatewayError))
      log.error({ err: error }, "lgsp emulator: unexpected error");
    return failure(error);
  });
  const caller = (c: Context) =>
    emulator.authenticate({
      authorization: c.req.header("authorization"),
      systemId: c.req.header("x-systemid"),
      secretKey: c.req.header("x-secretkey"),
    });

  app.post("/lgsp/v1/auth/login", async (c) => {
    const { token, expiresAt, system } = emulator.login(await jsonObject(c));
    return success({
      id: system.systemId,
      username: system.username,
      name: system.applicationCode,
      token,
      // Not in the reference's sample; harmless, and saves a client decoding the JWT.
      expiresAt: new Date(expiresAt).toISOString(),
    });
  });

  app.post("/lgsp/v1/sendEdoc", async (c) => {
    const system = caller(c);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const file = form.edocFile;
    const upload =
      file instanceof File
        ? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || null }
        : typeof file === "string"
          ? { bytes: new TextEncoder().encode(file), name: null }
          : undefined;
    const { docId, filePath } = emulator.sendEdoc(system, upload, form.messageType, log);
    return success(okStatus({ docId, filePath }));
  });

  app.get("/lgsp/v1/syncReceivedEdocList", (c) => {
    const system = caller(c);
    const messageType = c.req.query("messageType");
    if (messageType !== undefined && messageType !== "edoc")
      throw new LgspGatewayError(400, `messageType ${messageType} is not supported.`);
    const items = emulator.received(system, c.req.query("fromDate"), c.req.query("toDate"));
    return success(items, { count: items.length });
  });

  app.get("/lgsp/v1/getEdoc", (c) => success(emulator.getEdoc(caller(c), c.req.query("docId"))));

  app.post("/lgsp/v1/updateStatus", async (c) => {
    const system = caller(c);
    const body = await jsonObject(c);
    const { docId } = emulator.updateStatus(system, body.docId, body.status);
    return success(okStatus({ docId }));
  });

  app.get("/lgsp/v1/getAgenciesList", (c) => {
    caller(c);
    return success(emulator.agencies(c.req.query("page"), c.req.query("size")));
  });

  return app;
}
