import { formatVnDate } from "@vnegov/domain";
import type { DialogContext } from "../../engine/dialog.js";
import type { OutgoingMessage } from "../../engine/messages.js";
import type { FormDraft } from "./draft.js";
import type { Answer, Question } from "./questions.js";

/** `5 MB`, `120 KB`: sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `application/pdf` → `PDF`. */
const shortType = (mediaType: string) =>
  (mediaType.split("/")[1] ?? mediaType).replace("jpeg", "jpg").toUpperCase();

/** The question at `draft.index`, with its hint and the buttons that fit its type. */
export function ask(ctx: DialogContext, draft: FormDraft, question: Question): OutgoingMessage {
  const { locale } = ctx.session;
  const { rules } = question;
  const lines = [
    ctx.t("form.question", {
      n: draft.index + 1,
      total: draft.total,
      label: question.label(locale),
    }),
  ];
  const hint = question.hint?.(locale);
  if (hint) lines.push(hint);
  if (rules.type === "date") lines.push(ctx.t("form.hint.date"));
  if (rules.type === "file")
    lines.push(
      ctx.t("form.hint.file", {
        types: (rules.accept ?? []).map(shortType).join(", "),
        size: formatSize(rules.maxSizeBytes ?? 0),
      }),
    );
  const buttons = (question.options ?? []).map((o, i) => [
    { label: o.label(locale), action: `form:opt:${i}` },
  ]);
  if (question.options)
    lines.push(...question.options.map((o, i) => `${i + 1}. ${o.label(locale)}`));
  const controls = [];
  if (!rules.required) {
    lines.push(ctx.t("form.optional"));
    controls.push({ label: ctx.t("form.button.skip"), action: "form:skip" });
  }
  controls.push({ label: ctx.t("form.button.back"), action: "form:back" });
  return { text: lines.join("\n"), buttons: [...buttons, controls] };
}

/** Why an answer was refused, in the chat's language. */
export function explain(
  ctx: DialogContext,
  question: Question,
  problem: Extract<Answer, { kind: "problem" }>["problem"],
): string {
  switch (problem.code) {
    case "too_small":
    case "too_large":
    case "too_short":
    case "too_long":
      return ctx.t(`form.error.${problem.code}`, { limit: problem.limit });
    case "file_too_large":
      return ctx.t("form.error.file_too_large", { size: formatSize(problem.limit) });
    case "file_type":
      return ctx.t("form.error.file_type", { types: problem.accepted.map(shortType).join(", ") });
    case "invalid_option":
      return ctx.t("form.error.invalid_option", { count: question.options?.length ?? 0 });
    default:
      return ctx.t(`form.error.${problem.code}`);
  }
}

/** An answer as the summary shows it: option labels, Vietnamese dates, file names and sizes. */
function shown(ctx: DialogContext, question: Question, draft: FormDraft): string {
  const file = draft.files[question.key];
  if (file) return `${file.fileName} (${formatSize(file.size)})`;
  const value = draft.values[question.key];
  if (value === undefined) return ctx.t("form.summary.skipped");
  if (question.options)
    return (
      question.options.find((o) => o.value === value)?.label(ctx.session.locale) ?? String(value)
    );
  if (question.rules.type === "date")
    return formatVnDate(new Date(`${value}T00:00:00+07:00`), { locale: ctx.session.locale });
  return String(value);
}

/** Every answer, with the buttons to submit or go back. */
export function summary(
  ctx: DialogContext,
  draft: FormDraft,
  questions: Question[],
): OutgoingMessage {
  return {
    text: [
      ctx.t("form.summary.header", { procedure: draft.procedure.name }),
      ...questions.map((q) => `• ${q.label(ctx.session.locale)}: ${shown(ctx, q, draft)}`),
      ctx.t("form.summary.confirm"),
    ].join("\n"),
    buttons: [
      [{ label: ctx.t("form.button.confirm"), action: "form:confirm" }],
      [
        { label: ctx.t("form.button.back"), action: "form:back" },
        { label: ctx.t("form.button.cancel"), action: "form:cancel" },
      ],
    ],
  };
}
