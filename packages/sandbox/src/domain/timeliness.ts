import { vnDateString } from "@vnegov/domain";
import { type DossierStatus, isAbandoned, isFinished } from "./dossier-status.js";

export type Timeliness = "truoc_han" | "dung_han" | "qua_han";

/**
 * Derives timeliness from the appointment date; never stored. A finished dossier is judged
 * by its completion day against the appointment day; an open one by today.
 */
export function timelinessOf(
  status: DossierStatus,
  appointmentMs: number | null,
  completedMs: number | null,
  nowMs: number,
): Timeliness | null {
  if (appointmentMs === null || isAbandoned(status)) return null;
  const finished = isFinished(status) && completedMs !== null;
  const reference = finished ? completedMs : nowMs;
  if (reference > appointmentMs) return "qua_han";
  return vnDateString(reference) === vnDateString(appointmentMs) ? "dung_han" : "truoc_han";
}
