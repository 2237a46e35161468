import {
  DOSSIER_STATUS_CODES,
  type DossierStatus,
  maskIdNumber,
  maskPhone,
  timelinessOf,
  toVnIso,
} from "@vnegov/domain";
import type { ApplicantType } from "../types.js";
import type { PortalDossier } from "./portal-api.js";

/**
 * The parts of a {@link PortalDossier} every adapter derives alike from its wire's record, so
 * a DVCQG dossier and an iGate one read as the canonical API's would.
 */

/**
 * `status`, `statusCode` and `timeliness` of a dossier: from its status when the wire's table
 * knew it (timeliness from the appointment and completion instants), else `"unknown"` and nulls.
 */
export function statusFields(
  known: DossierStatus | null,
  appointmentMs: number | null,
  completedMs: number | null,
  nowMs: number,
): Pick<PortalDossier, "status" | "statusCode" | "timeliness"> {
  if (known === null) return { status: "unknown", statusCode: null, timeliness: null };
  return {
    status: known,
    statusCode: DOSSIER_STATUS_CODES[known],
    timeliness: timelinessOf(known, appointmentMs, completedMs, nowMs),
  };
}

/** The applicant as the canonical API shows it: identity number and phone masked. */
export function maskedApplicant(
  type: ApplicantType,
  fullName: string,
  idNumber: string,
  phone: string,
): PortalDossier["applicant"] {
  return { type, fullName, maskedIdNumber: maskIdNumber(idNumber), maskedPhone: maskPhone(phone) };
}

/** An instant as RFC 3339 in Vietnam time; `null` stays `null`. */
export function vnIsoOrNull(ms: number | null): string | null {
  return ms === null ? null : toVnIso(ms);
}
