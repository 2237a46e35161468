/**
 * iGate's JSON as the SDK reads it. Every field is optional and loosely typed: the API is not
 * published, deployments differ, and a missing field must give a gap, not a crash.
 */

/** A name in several languages: `[{ languageId: 228, name: "…" }]`. */
export type IgateTranslations = { languageId?: number; name?: string }[];

/** One dossier of `/pa/dossier/search` (and `/pa/dossier/{id}/--online`). */
export interface IgateWireDossier {
  id?: string;
  code?: string;
  procedure?: { id?: string; code?: string; translate?: IgateTranslations };
  agency?: { id?: string; code?: string; name?: IgateTranslations };
  applicant?: {
    data?: {
      fullname?: string;
      identityNumber?: string;
      phoneNumber?: string;
      applicantTypeId?: number | string | null;
    };
  };
  dossierStatus?: { id?: number | string; name?: IgateTranslations; comment?: string };
  statusCurrentTask?: string;
  applyMethod?: { id?: number | string; name?: string };
  appliedDate?: string | null;
  acceptedDate?: string | null;
  appointmentDate?: string | null;
  completedDate?: string | null;
  updatedDate?: string | null;
}

/** A Spring Data `Slice` (`spec=slice`): no totals, only whether it is the last. */
export interface IgateSlice {
  content?: IgateWireDossier[];
  number?: number;
  size?: number;
  numberOfElements?: number;
  first?: boolean;
  last?: boolean;
}

/** Fields `sort` accepts. */
export type IgateSortField =
  | "appliedDate"
  | "acceptedDate"
  | "appointmentDate"
  | "completedDate"
  | "updatedDate"
  | "code";

/** `field,asc` or `field,desc`, e.g. `appointmentDate,asc`. */
export type IgateSort = `${IgateSortField},${"asc" | "desc"}`;
