import { toVnIso } from "@vnegov/domain";
import { sqlLimit } from "../db/where.js";
import { canSee } from "../events/visibility.js";
import { newId } from "../http/ids.js";
import { decodeCursor, encodeCursor, toPage } from "../http/pagination.js";
import { notFound } from "../http/problem.js";
import type { Principal, World } from "../world.js";

interface WebhookRow {
  id: string;
  url: string;
  events: string;
  description: string | null;
  secret: string;
  created_at: number;
}

function webhookView(world: World, r: WebhookRow) {
  const state = world.db
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending') AS pending,
         (SELECT MAX(delivered_at) FROM webhook_deliveries WHERE webhook_id = ?) AS last_delivery,
         (SELECT last_error FROM webhook_deliveries WHERE webhook_id = ? AND last_error IS NOT NULL
            ORDER BY next_attempt_at DESC LIMIT 1) AS last_error`,
    )
    .get(r.id, r.id, r.id) as {
    pending: number;
    last_delivery: number | null;
    last_error: string | null;
  };
  return {
    id: r.id,
    url: r.url,
    events: JSON.parse(r.events) as string[],
    description: r.description,
    createdAt: toVnIso(r.created_at),
    pendingDeliveries: state.pending,
    lastDeliveryAt: state.last_delivery === null ? null : toVnIso(state.last_delivery),
    lastError: state.last_error,
  };
}

export function createWebhook(
  world: World,
  principal: Principal,
  input: { url: string; events: string[]; description?: string },
) {
  const id = newId("whk", world.randomBytes);
  const secret = `whsec_${world.randomBytes(24).toString("base64url")}`;
  world.db
    .prepare(
      "INSERT INTO webhooks (id, client_id, url, events, description, secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .run(
      id,
      principal.clientId,
      input.url,
      JSON.stringify(input.events),
      input.description ?? null,
      secret,
      world.now(),
    );
  return { ...webhookView(world, loadOwn(world, principal, id)), secret };
}

function loadOwn(world: World, principal: Principal, id: string): WebhookRow {
  const row = world.db
    .prepare("SELECT * FROM webhooks WHERE id = ? AND client_id = ?")
    .get(id, principal.clientId) as WebhookRow | undefined;
  if (!row) throw notFound(`No webhook ${id} of this client.`);
  return row;
}

export function getWebhook(world: World, principal: Principal, id: string) {
  return webhookView(world, loadOwn(world, principal, id));
}

export function listWebhooks(
  world: World,
  principal: Principal,
  cursor: string | undefined,
  limit: number,
) {
  const after = decodeCursor(cursor, 1);
  const rows = world.db
    .prepare(
      `SELECT * FROM webhooks WHERE client_id = ? AND id > ? ORDER BY id ${sqlLimit(limit + 1)}`,
    )
    .all(principal.clientId, after ? String(after[0]) : "") as WebhookRow[];
  return toPage(
    rows,
    limit,
    (r) => [r.id],
    (r) => webhookView(world, r),
  );
}

export function deleteWebhook(world: World, principal: Principal, id: string): void {
  loadOwn(world, principal, id);
  world.db.transaction(() => {
    world.db
      .prepare("DELETE FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending'")
      .run(id);
    world.db.prepare("DELETE FROM webhooks WHERE id = ?").run(id);
  })();
}

interface EventRow {
  seq: number;
  id: string;
  type: string;
  payload: string;
  owner_client_id: string | null;
  staff_id: string | null;
  confidential: number;
}

/**
 * The event feed in order. Rows this client may not see are skipped but still advance the
 * cursor, so a page may hold fewer than `limit` events while `nextCursor` is set.
 */
export function listEvents(
  world: World,
  principal: Principal,
  filter: { after?: string; types?: string[] },
  cursor: string | undefined,
  limit: number,
) {
  const decoded = decodeCursor(cursor, 1);
  let from = decoded ? Number(decoded[0]) : 0;
  if (!decoded && filter.after) {
    const anchor = world.db.prepare("SELECT seq FROM events WHERE id = ?").get(filter.after) as
      | { seq: number }
      | undefined;
    if (!anchor) throw notFound(`No event ${filter.after}.`);
    from = anchor.seq;
  }
  const scan = Math.max(limit * 5, 100);
  const rows = world.db
    .prepare(`SELECT * FROM events WHERE seq > ? ORDER BY seq ${sqlLimit(scan)}`)
    .all(from) as EventRow[];
  const visible = rows.filter(
    (r) =>
      (!filter.types || filter.types.includes(r.type)) &&
      canSee(world.db, principal.clientId, principal.scopes, r),
  );
  const page = visible.slice(0, limit);
  const lastScanned = page.length === limit ? page[page.length - 1] : rows[rows.length - 1];
  const more =
    page.length === limit ? visible.length > limit || rows.length === scan : rows.length === scan;
  return {
    data: page.map((r) => JSON.parse(r.payload) as unknown),
    nextCursor: more && lastScanned ? encodeCursor([lastScanned.seq]) : null,
  };
}

export function getEvent(world: World, principal: Principal, id: string) {
  const row = world.db.prepare("SELECT * FROM events WHERE id = ?").get(id) as EventRow | undefined;
  if (!row || !canSee(world.db, principal.clientId, principal.scopes, row))
    throw notFound(`No event ${id}.`);
  return JSON.parse(row.payload) as unknown;
}
