import { toVnIso } from "@vnegov/domain";
import { newId } from "../http/ids.js";
import type { World } from "../world.js";
import { canSee } from "./visibility.js";

export interface NewEvent {
  type: string;
  data: unknown;
  /** The client that owns the subject (the dossier's submitter). */
  ownerClientId?: string | null;
  /** The staff member a task event concerns. */
  staffId?: string | null;
  confidential?: boolean;
}

interface WebhookRow {
  id: string;
  client_id: string;
  events: string;
  scopes: string;
}

/**
 * Records an event and queues one delivery per subscription allowed to see it. Call inside
 * the transaction that made the change, so an event exists exactly when the change does.
 */
export function emitEvent(world: World, event: NewEvent): string {
  const { db } = world;
  const id = newId("evt", world.randomBytes);
  const createdAt = world.now();
  const payload = JSON.stringify({
    id,
    type: event.type,
    createdAt: toVnIso(createdAt),
    data: event.data,
  });
  const audience = {
    type: event.type,
    owner_client_id: event.ownerClientId ?? null,
    staff_id: event.staffId ?? null,
    confidential: event.confidential ? 1 : 0,
  };
  db.prepare(
    `INSERT INTO events (id, type, created_at, payload, owner_client_id, staff_id, confidential)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    event.type,
    createdAt,
    payload,
    audience.owner_client_id,
    audience.staff_id,
    audience.confidential,
  );

  const hooks = db
    .prepare(
      `SELECT w.id, w.client_id, w.events, c.scopes FROM webhooks w
       JOIN clients c ON c.id = w.client_id`,
    )
    .all() as WebhookRow[];
  const insert = db.prepare(
    `INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, next_attempt_at)
     VALUES (?, ?, ?, 'pending', ?)`,
  );
  for (const hook of hooks) {
    const types = JSON.parse(hook.events) as string[];
    if (!types.includes(event.type)) continue;
    if (!canSee(db, hook.client_id, new Set(hook.scopes.split(" ")), audience)) continue;
    // Delivery is scheduled on the wall clock, not the domain clock: tests pin domain time,
    // and retries must still come due.
    insert.run(newId("dlv", world.randomBytes), hook.id, id, Date.now());
  }
  return id;
}
