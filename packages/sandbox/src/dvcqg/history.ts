import { DOSSIER_STATUS_CODES, type DossierStatus, timelinessOf, toVnIso } from "@vnegov/domain";
import { emitEvent } from "../events/emit.js";
import { newId } from "../http/ids.js";
import type { World } from "../world.js";

/** Who a history entry names. */
export interface Actor {
  kind: "citizen" | "officer" | "system";
  name: string | null;
}

interface DossierFacts {
  code: string;
  procedure_code: string;
  agency_code: string;
  status: DossierStatus;
  appointment_at: number | null;
  completed_at: number | null;
  submitted_by: string | null;
}

/**
 * Appends a history entry as the canonical API does (next `seq`), and when the status
 * changed, the `dossier.status_changed` event its webhooks deliver: a dossier the wire
 * moves looks exactly like one an officer moved. Returns the entry's id.
 */
export function recordHistory(
  world: World,
  code: string,
  entry: { status: DossierStatus; previous: DossierStatus | null; at: number; actor: Actor },
  note: string | null,
): string {
  const { db } = world;
  const { n } = db
    .prepare("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM dossier_history WHERE dossier_code = ?")
    .get(code) as { n: number };
  const id = newId("his", world.randomBytes);
  db.prepare(
    `INSERT INTO dossier_history (id, dossier_code, seq, status, previous_status, at, actor_kind, actor_name, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    code,
    n,
    entry.status,
    entry.previous,
    entry.at,
    entry.actor.kind,
    entry.actor.name,
    note,
  );
  if (entry.status !== entry.previous) emitStatusChanged(world, code, entry.previous, note);
  return id;
}

function emitStatusChanged(
  world: World,
  code: string,
  previous: DossierStatus | null,
  note: string | null,
): void {
  const row = world.db
    .prepare(
      "SELECT code, procedure_code, agency_code, status, appointment_at, completed_at, submitted_by FROM dossiers WHERE code = ?",
    )
    .get(code) as DossierFacts;
  // The same payload as the canonical API's, so subscribers cannot tell the source apart.
  emitEvent(world, {
    type: "dossier.status_changed",
    ownerClientId: row.submitted_by,
    data: {
      dossierCode: row.code,
      procedureCode: row.procedure_code,
      agencyCode: row.agency_code,
      status: row.status,
      statusCode: DOSSIER_STATUS_CODES[row.status],
      previousStatus: previous,
      timeliness: timelinessOf(row.status, row.appointment_at, row.completed_at, world.now()),
      appointmentAt: row.appointment_at === null ? null : toVnIso(row.appointment_at),
      note,
    },
  });
}
