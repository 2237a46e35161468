import {
  checkFieldFile,
  checkFieldValue,
  type FieldProblem,
  type FormFieldRules,
  type FormValue,
  foldDiacritics,
  parseDateInput,
} from "@vnegov/domain";
import type { FormField } from "@vnegov/sdk";
import type { IncomingMessage } from "../../engine/messages.js";
import type { Locale, MessageKey } from "../../i18n/translate.js";
import { translate } from "../../i18n/translate.js";

/** One question the bot asks: the applicant's details first, then the procedure's form. */
export interface Question {
  /** `applicant.fullName`… or the form field's key. */
  key: string;
  rules: FormFieldRules;
  label(locale: Locale): string;
  hint?(locale: Locale): string;
  options?: { value: string; label(locale: Locale): string }[];
}

/** A file the citizen sent for a `file` field, kept in the session until submission. */
export interface StoredFile {
  fileName: string;
  contentType: string;
  size: number;
  contentBase64: string;
}

/** What an answer became: a value, a file, or the problem to explain. */
export type Answer =
  | { kind: "value"; value: FormValue }
  | { kind: "file"; file: StoredFile }
  | { kind: "problem"; problem: FieldProblem | { code: "need_file" | "need_text" } };

const applicant = (
  key: "fullName" | "idNumber" | "phone",
  rules: FormFieldRules,
  label: MessageKey,
): Question => ({ key: `applicant.${key}`, rules, label: (locale) => translate(locale, label) });

/** The submission's `applicant` part, asked as ordinary questions. */
const APPLICANT: readonly Question[] = [
  applicant(
    "fullName",
    { type: "text", required: true, minLength: 2, maxLength: 100 },
    "form.applicant.fullName",
  ),
  applicant("idNumber", { type: "cccd", required: true }, "form.applicant.idNumber"),
  applicant("phone", { type: "phone", required: true }, "form.applicant.phone"),
];

/** Every question for a procedure's form schema, in order. */
export function questionsFor(fields: readonly FormField[]): Question[] {
  return [
    ...APPLICANT,
    ...fields.map(
      (field): Question => ({
        key: field.key,
        rules: field,
        label: (locale) => field.label[locale],
        ...(field.hint ? { hint: (locale: Locale) => field.hint?.[locale] ?? "" } : {}),
        ...(field.options
          ? {
              options: field.options.map((o) => ({
                value: o.value,
                label: (locale: Locale) => o.label[locale],
              })),
            }
          : {}),
      }),
    ),
  ];
}

/** Numbers as typed in Vietnam: `1.500.000` (dots group thousands), `2,5` (comma decimal). */
function normaliseNumber(text: string): string {
  const compact = text.replace(/\s+/g, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact))
    return compact.replace(/\./g, "").replace(",", ".");
  return compact.replace(",", ".");
}

/** A select option by its number in the list, its value, or its label without diacritics. */
function pickOption(question: Question, text: string): string | undefined {
  const options = question.options ?? [];
  const index = /^\d+$/.test(text) ? Number(text) - 1 : -1;
  if (options[index]) return options[index].value;
  const folded = foldDiacritics(text);
  return options.find(
    (o) =>
      o.value === text ||
      foldDiacritics(o.label("vi")) === folded ||
      foldDiacritics(o.label("en")) === folded,
  )?.value;
}

/** What people type, in the form the field's rules expect. */
function typedValue(question: Question, text: string): string {
  switch (question.rules.type) {
    case "date":
      return parseDateInput(text) ?? text;
    case "number":
      return normaliseNumber(text);
    case "select":
      return pickOption(question, text) ?? text;
    case "cccd":
      return text.replace(/[\s.-]/g, "");
    default:
      return text;
  }
}

/** Reads the citizen's message as an answer to `question`, with the field's rules applied. */
export function readAnswer(question: Question, message: IncomingMessage): Answer {
  const text = message.text?.trim() ?? "";
  const attachment = message.attachments?.[0];
  if (question.rules.type === "file") {
    if (!attachment) return { kind: "problem", problem: { code: "need_file" } };
    const size = attachment.data.byteLength;
    const problem = checkFieldFile(question.rules, { contentType: attachment.contentType, size });
    if (problem) return { kind: "problem", problem };
    return {
      kind: "file",
      file: {
        fileName: attachment.fileName,
        contentType: attachment.contentType.toLowerCase(),
        size,
        contentBase64: Buffer.from(attachment.data).toString("base64"),
      },
    };
  }
  if (!text) return { kind: "problem", problem: { code: "need_text" } };
  const raw = typedValue(question, text);
  const checked = checkFieldValue(question.rules, raw);
  if (!checked.ok) {
    const { ok: _ok, ...problem } = checked;
    return { kind: "problem", problem };
  }
  return { kind: "value", value: checked.value };
}
