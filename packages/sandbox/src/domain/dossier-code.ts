import { vnYYMMDD } from "./time.js";

/** Mã hồ sơ: `{agency code}-{yyMMdd}-{NNNN}`; the sequence resets daily per receiving unit. */
export function formatDossierCode(
  agencyCode: string,
  submittedMs: number,
  sequence: number,
): string {
  return `${agencyCode}-${vnYYMMDD(submittedMs)}-${String(sequence).padStart(4, "0")}`;
}
