import { toVnIso } from "@vnegov/domain";
import { sqlLimit, Where } from "../db/where.js";
import { newId, randomString } from "../http/ids.js";
import { decodeCursor, toPage } from "../http/pagination.js";
import { notFound } from "../http/problem.js";
import type { Principal, World } from "../world.js";

interface StaffRow {
  id: string;
  full_name: string;
  position: string;
  agency_code: string;
  agency_name: string;
  email: string | null;
}

const SELECT =
  "SELECT s.*, a.name AS agency_name FROM staff s JOIN agencies a ON a.code = s.agency_code";

const staffView = (r: StaffRow) => ({
  id: r.id,
  fullName: r.full_name,
  position: r.position,
  agencyCode: r.agency_code,
  agencyName: r.agency_name,
  email: r.email,
});

export function getStaff(world: World, id: string) {
  const row = world.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StaffRow | undefined;
  if (!row) throw notFound(`No staff member ${id}.`);
  return staffView(row);
}

export function createLinkCode(world: World, staffId: string, ttlSeconds = 900) {
  getStaff(world, staffId);
  const code = randomString(8, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", world.randomBytes);
  const expiresAt = world.now() + ttlSeconds * 1000;
  world.db
    .prepare("INSERT INTO link_codes (code, staff_id, expires_at) VALUES (?, ?, ?)")
    .run(code, staffId, expiresAt);
  return { code, staffId, expiresAt: toVnIso(expiresAt) };
}

interface LinkRow {
  id: string;
  staff_id: string;
  channel: string;
  chat_id: string;
  created_at: number;
}

const linkView = (world: World, r: LinkRow) => ({
  id: r.id,
  staff: getStaff(world, r.staff_id),
  channel: r.channel,
  chatId: r.chat_id,
  createdAt: toVnIso(r.created_at),
});

/** Redeems a one-time code; `null` when it is unknown, used or expired. */
export function redeemLinkCode(
  world: World,
  principal: Principal,
  input: { code: string; channel: string; chatId: string },
) {
  const { db } = world;
  const now = world.now();
  const used = db
    .prepare(
      "UPDATE link_codes SET used_at = ? WHERE code = ? AND used_at IS NULL AND expires_at > ? RETURNING staff_id",
    )
    .get(now, input.code, now) as { staff_id: string } | undefined;
  if (!used) return null;
  db.prepare("DELETE FROM staff_links WHERE client_id = ? AND channel = ? AND chat_id = ?").run(
    principal.clientId,
    input.channel,
    input.chatId,
  );
  const id = newId("lnk", world.randomBytes);
  db.prepare(
    "INSERT INTO staff_links (id, client_id, staff_id, channel, chat_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(id, principal.clientId, used.staff_id, input.channel, input.chatId, now);
  return linkView(world, db.prepare("SELECT * FROM staff_links WHERE id = ?").get(id) as LinkRow);
}

export function listLinks(
  world: World,
  principal: Principal,
  filter: { channel?: string; chatId?: string; staffId?: string },
  cursor: string | undefined,
  limit: number,
) {
  const where = new Where().add("client_id = ?", principal.clientId);
  if (filter.channel) where.add("channel = ?", filter.channel);
  if (filter.chatId) where.add("chat_id = ?", filter.chatId);
  if (filter.staffId) where.add("staff_id = ?", filter.staffId);
  const after = decodeCursor(cursor, 1);
  if (after) where.add("id > ?", String(after[0]));
  const rows = world.db
    .prepare(`SELECT * FROM staff_links ${where} ORDER BY id ${sqlLimit(limit + 1)}`)
    .all(...where.args) as LinkRow[];
  return toPage(
    rows,
    limit,
    (r) => [r.id],
    (r) => linkView(world, r),
  );
}

export function deleteLink(world: World, principal: Principal, linkId: string): void {
  const result = world.db
    .prepare("DELETE FROM staff_links WHERE id = ? AND client_id = ?")
    .run(linkId, principal.clientId);
  if (result.changes === 0) throw notFound(`No link ${linkId} of this client.`);
}
