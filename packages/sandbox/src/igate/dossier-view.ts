import { createHash } from "node:crypto";
import {
  type CodeTable,
  type DossierStatus,
  formatIgateDate,
  IGATE_APPLY_METHOD_NAMES,
  IGATE_DOSSIER_STATUS_NAMES,
  IGATE_LANGUAGE_VI,
  type IgateApplicantType,
  type IgateChannel,
  igateApplicantType,
  igateApplyMethod,
} from "@vnegov/domain";
import type { StoredApplicant } from "../services/dossiers.js";

/** The columns of a dossier (with its procedure's and agency's names) the emulator reads. */
export interface IgateDossierRow {
  code: string;
  procedure_code: string;
  procedure_name: string;
  agency_code: string;
  agency_name: string;
  status: DossierStatus;
  channel: IgateChannel;
  applicant: string;
  pending_action: string | null;
  submitted_at: number;
  received_at: number | null;
  appointment_at: number | null;
  completed_at: number | null;
  updated_at: number;
}

/** A raw status a test forced onto a dossier, one iGate has and our world does not. */
export interface IgateStatusOverride {
  id: number;
  name: string;
}

/**
 * A MongoDB-style 24-hex id, stable for a code: iGate identifies records by ObjectId, and the
 * same dossier must keep its id across searches and restarts.
 */
export function objectId(kind: string, code: string): string {
  return createHash("sha1").update(`${kind}:${code}`).digest("hex").slice(0, 24);
}

/** The BPM task a dossier waits in, as `statusCurrentTask` names it (free text on iGate). */
const CURRENT_TASK: Record<DossierStatus, string> = {
  moi_dang_ky: "Tiếp nhận hồ sơ",
  da_tiep_nhan: "Chuyển hồ sơ đến phòng chuyên môn",
  dang_xu_ly: "Thẩm định hồ sơ",
  yeu_cau_bo_sung: "Chờ công dân bổ sung hồ sơ",
  nghia_vu_tai_chinh: "Chờ thực hiện nghĩa vụ tài chính",
  dung_xu_ly: "Dừng xử lý",
  da_xu_ly_xong: "Trả kết quả",
  da_tra_ket_qua: "Kết thúc",
  khong_tiep_nhan: "Kết thúc",
  da_rut: "Kết thúc",
};

const translated = (name: string) => [{ languageId: IGATE_LANGUAGE_VI, name }];
const date = (ms: number | null) => (ms === null ? null : formatIgateDate(ms));

/**
 * A dossier as iGate's `/pa/dossier/search` lists it. Identity numbers and phones are sent in
 * full: this is an integration API behind client credentials, and clients mask for display.
 */
export function igateDossier(
  row: IgateDossierRow,
  statuses: CodeTable<DossierStatus>,
  override: IgateStatusOverride | undefined,
) {
  const applicant = JSON.parse(row.applicant) as StoredApplicant;
  const pending = row.pending_action ? (JSON.parse(row.pending_action) as { note?: string }) : null;
  const type = igateApplicantType.entries[applicant.type as IgateApplicantType];
  return {
    id: objectId("dossier", row.code),
    code: row.code,
    procedure: {
      id: objectId("procedure", row.procedure_code),
      code: row.procedure_code,
      translate: translated(row.procedure_name),
    },
    agency: {
      id: objectId("agency", row.agency_code),
      code: row.agency_code,
      name: translated(row.agency_name),
    },
    applicant: {
      eformId: objectId("eform", row.procedure_code),
      data: {
        fullname: applicant.fullName,
        identityNumber: applicant.idNumber,
        phoneNumber: applicant.phone,
        email: applicant.email ?? null,
        address: applicant.address ?? null,
        applicantTypeId: type === undefined ? null : Number(type),
      },
    },
    dossierStatus: {
      id: override?.id ?? Number(statuses.encode(row.status)),
      name: translated(override?.name ?? IGATE_DOSSIER_STATUS_NAMES[row.status]),
      comment: pending?.note ?? "",
    },
    statusCurrentTask: CURRENT_TASK[row.status],
    applyMethod: {
      id: Number(igateApplyMethod.encode(row.channel)),
      name: IGATE_APPLY_METHOD_NAMES[row.channel],
    },
    appliedDate: date(row.submitted_at),
    acceptedDate: date(row.received_at),
    appointmentDate: date(row.appointment_at),
    completedDate: date(row.completed_at),
    updatedDate: date(row.updated_at),
  };
}

/** One dossier as the API sends it. */
export type IgateDossier = ReturnType<typeof igateDossier>;
