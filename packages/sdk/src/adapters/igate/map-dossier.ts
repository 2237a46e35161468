import {
  type CodeTable,
  type DossierStatus,
  IGATE_LANGUAGE_VI,
  igateApplicantType,
  igateApplyMethod,
  isUnknownCode,
  parseIgateDate,
} from "@vnegov/domain";
import type { DossierHistoryEntry } from "../../types.js";
import { maskedApplicant, statusFields, vnIsoOrNull } from "../dossier-fields.js";
import type { PortalDossier } from "../portal-api.js";
import type { IgateTranslations, IgateWireDossier } from "./wire-types.js";

/** The Vietnamese entry of a translations list, else the first one, else "". */
export function vietnamese(list: IgateTranslations | undefined): string {
  if (!Array.isArray(list)) return "";
  const vi = list.find((t) => t?.languageId === IGATE_LANGUAGE_VI) ?? list[0];
  return typeof vi?.name === "string" ? vi.name : "";
}

const iso = (text: string | null | undefined): string | null => vnIsoOrNull(parseIgateDate(text));
const str = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * An iGate dossier as a {@link PortalDossier}. Statuses and channels go through the tables
 * (unknown ids → `"unknown"`, raw ids kept in `wireCodes`); identifiers are masked as the
 * canonical API masks them; timeliness is derived from the appointment date. iGate's search
 * carries no form data, attachments or fee: they are empty (`fee.amount` 0).
 */
export function toPortalDossier(
  wire: IgateWireDossier,
  statuses: CodeTable<DossierStatus>,
  nowMs: number,
): PortalDossier {
  const status = statuses.decode(wire.dossierStatus?.id);
  const channel = igateApplyMethod.decode(wire.applyMethod?.id);
  const applicantType = igateApplicantType.decode(wire.applicant?.data?.applicantTypeId);
  const known = isUnknownCode(status) ? null : status.value;
  const appointmentMs = parseIgateDate(wire.appointmentDate);
  const completedMs = parseIgateDate(wire.completedDate);
  const updatedAt = iso(wire.updatedDate);
  const data = wire.applicant?.data ?? {};
  const note = str(wire.dossierStatus?.comment) || str(wire.statusCurrentTask);
  const pendingKind =
    known === "yeu_cau_bo_sung" ? "supplement" : known === "nghia_vu_tai_chinh" ? "payment" : null;
  return {
    code: str(wire.code),
    procedureCode: str(wire.procedure?.code),
    procedureName: vietnamese(wire.procedure?.translate),
    agencyCode: str(wire.agency?.code),
    agencyName: vietnamese(wire.agency?.name),
    ...statusFields(known, appointmentMs, completedMs, nowMs),
    channel: channel.value,
    applicant: maskedApplicant(
      // No type on the wire is read as a citizen, the usual applicant.
      isUnknownCode(applicantType) ? "cong_dan" : applicantType.value,
      str(data.fullname),
      str(data.identityNumber),
      str(data.phoneNumber),
    ),
    formData: {},
    attachments: [],
    fee: { amount: 0, currency: "VND" },
    submittedAt: iso(wire.appliedDate) ?? updatedAt ?? "",
    receivedAt: iso(wire.acceptedDate),
    appointmentAt: vnIsoOrNull(appointmentMs),
    completedAt: vnIsoOrNull(completedMs),
    updatedAt: updatedAt ?? iso(wire.appliedDate) ?? "",
    pendingAction:
      pendingKind === null
        ? null
        : { kind: pendingKind, note, requestedAt: updatedAt ?? iso(wire.appliedDate) ?? "" },
    wireCodes: {
      id: str(wire.id),
      status: status.code,
      channel: channel.code,
      ...(wire.applicant?.data?.applicantTypeId == null
        ? {}
        : { applicantType: applicantType.code }),
    },
  };
}

/**
 * iGate's search has no history; the one step it does show is the current one. With
 * `include: "recentHistory"` the adapter reports that step (status at `updatedDate`, the
 * current task as the note), or nothing when the status is unknown.
 */
export function currentStep(
  dossier: PortalDossier,
  task: string | undefined,
): DossierHistoryEntry[] {
  if (dossier.status === "unknown" || dossier.statusCode === null) return [];
  return [
    {
      id: `igate:${dossier.wireCodes?.id ?? dossier.code}:${dossier.updatedAt}`,
      status: dossier.status,
      statusCode: dossier.statusCode,
      previousStatus: null,
      at: dossier.updatedAt,
      actor: { kind: "officer", name: null },
      note: task ?? null,
    },
  ];
}
