import type { FormValue } from "@vnegov/domain";
import type { FormField } from "@vnegov/sdk";
import type { StoredFile } from "./questions.js";

/**
 * A form being filled in, kept in the session so it survives restarts and interruptions.
 * The schema is stored with it: answers stay consistent with the questions that were asked
 * even if the portal publishes a new version meanwhile.
 */
export interface FormDraft {
  procedure: { code: string; name: string };
  fields: FormField[];
  /** The question being asked; `total` means the summary is shown. */
  index: number;
  total: number;
  values: Record<string, FormValue>;
  files: Record<string, StoredFile>;
  /** Fixed when the summary is first confirmed, so a repeated confirm submits once. */
  idempotencyKey?: string;
}

/** The draft in a dialog's state, if any. */
export function draftOf(data: Record<string, unknown>): FormDraft | undefined {
  return data.draft as FormDraft | undefined;
}
