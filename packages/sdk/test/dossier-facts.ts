import type { PortalDossier } from "../src/index.js";

/**
 * What every backend reports the same way about a dossier: the wires carry no form data,
 * and files, fees and history differ by wire, so tests add those where a wire has them.
 */
export function dossierFacts(d: PortalDossier) {
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    agencyCode: d.agencyCode,
    agencyName: d.agencyName,
    status: d.status,
    statusCode: d.statusCode,
    timeliness: d.timeliness,
    channel: d.channel,
    applicant: d.applicant,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt ?? null,
    appointmentAt: d.appointmentAt,
    completedAt: d.completedAt,
  };
}
