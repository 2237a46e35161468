import { safeEqual } from "@vnegov/domain";
import type { Hono } from "hono";
import type { Outbox, OutboxDelivery } from "../notify/outbox/outbox.js";

/**
 * The operator's view over HTTP: `GET /ops/broadcasts` (per-broadcast progress: queued, sent,
 * failed, blocked, rate, ETA) and `GET /metrics` (Prometheus text format). With `token`, both
 * want `Authorization: Bearer <token>`; without one they are served as is (the default bot
 * listens on 127.0.0.1 only).
 */
export function mountOps(
  app: Hono,
  outbox: Outbox,
  worker: OutboxDelivery,
  token: string | undefined,
): void {
  const allowed = (header: string | undefined) =>
    token === undefined || safeEqual(`Bearer ${token}`, header);
  app.get("/ops/broadcasts", async (c) => {
    if (!allowed(c.req.header("authorization"))) return c.body(null, 401);
    return c.json({ broadcasts: await outbox.broadcastStatus({ limit: 50 }) });
  });
  app.get("/metrics", async (c) => {
    if (!allowed(c.req.header("authorization"))) return c.body(null, 401);
    return c.text(await worker.metrics(), 200, { "content-type": "text/plain; version=0.0.4" });
  });
}
