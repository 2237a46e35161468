import type { DossierStatus } from "@vnegov/domain";
import {
  emitStatusChanged,
  type HistoryActor,
  type StatusFacts,
  writeHistory,
} from "../services/dossiers.js";
import type { World } from "../world.js";

/** Who a history entry names. */
export type Actor = HistoryActor;

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
  const id = writeHistory(world, code, entry.status, entry.previous, entry.at, entry.actor, note);
  if (entry.status !== entry.previous) {
    const row = world.db
      .prepare(
        "SELECT code, procedure_code, agency_code, status, appointment_at, completed_at, submitted_by FROM dossiers WHERE code = ?",
      )
      .get(code) as StatusFacts;
    emitStatusChanged(world, row, entry.previous, note);
  }
  return id;
}
