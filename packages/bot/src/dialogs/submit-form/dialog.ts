import { randomUUID } from "node:crypto";
import { foldDiacritics, formatVnDate } from "@vnegov/domain";
import { type ProcedureSummary, ValidationError } from "@vnegov/sdk";
import type { Dialog, DialogContext } from "../../engine/dialog.js";
import { draftOf, type FormDraft } from "./draft.js";
import { type Answer, type Question, questionsFor, readAnswer } from "./questions.js";
import { ask, explain, summary } from "./render.js";

const CHOICES = 5;
/** Parked drafts older than this are not offered again. */
const DRAFT_TTL_MS = 7 * 24 * 3_600_000;
const BACK = ["/quaylai", "/back", "quay lai", "back"];
const SKIP = ["/boqua", "/skip", "bo qua", "skip"];
const RESUME = ["1", "tiep tuc", "continue"];
const RESTART = ["2", "lam moi", "moi", "new"];
const CONFIRM = ["dong y", "xac nhan", "co", "nop", "yes", "confirm", "ok"];

type Candidate = Pick<ProcedureSummary, "code" | "name" | "agencyName">;

async function search(ctx: DialogContext, query: string): Promise<void> {
  // Procedures that only publish information cannot take a dossier online.
  const page = await ctx.sdk.portal.procedures.search({ q: query, limit: 20 });
  const candidates: Candidate[] = page.data
    .filter((p) => p.onlineLevel !== "thong_tin")
    .slice(0, CHOICES)
    .map(({ code, name, agencyName }) => ({ code, name, agencyName }));
  if (candidates.length === 0) {
    ctx.reply(ctx.t("form.noMatch", { query }));
    ctx.goTo("search");
    return;
  }
  ctx.goTo("pick", { candidates });
  ctx.reply({
    text: [
      ctx.t("form.pick"),
      ...candidates.map((c, i) => `${i + 1}. ${c.name} — ${c.agencyName}`),
    ].join("\n"),
    buttons: candidates.map((c, i) => [
      { label: `${i + 1}. ${c.name}`, action: `form:pick:${c.code}` },
    ]),
  });
}

async function pick(ctx: DialogContext, code: string): Promise<void> {
  const procedure = await ctx.sdk.portal.procedures.get(code);
  if (procedure.onlineLevel === "thong_tin") {
    ctx.reply(ctx.t("form.notOnline", { name: procedure.name }));
    ctx.goTo("search");
    return;
  }
  const fields = procedure.formSchema.fields;
  const draft: FormDraft = {
    procedure: { code: procedure.code, name: procedure.name },
    fields,
    index: 0,
    total: questionsFor(fields).length,
    values: {},
    files: {},
  };
  ctx.reply(
    ctx.t("form.intro", {
      name: procedure.name,
      agency: procedure.agencyName,
      days: procedure.processingDays,
      fee:
        procedure.fee.amount > 0
          ? ctx.t("form.fee", { amount: procedure.fee.amount.toLocaleString("vi-VN") })
          : ctx.t("form.free"),
      count: draft.total,
    }),
  );
  show(ctx, draft);
}

/** Saves the draft and shows its current question, or the summary after the last one. */
function show(ctx: DialogContext, draft: FormDraft): void {
  const questions = questionsFor(draft.fields);
  const question = questions[draft.index];
  if (question) {
    ctx.goTo("field", { draft });
    ctx.reply(ask(ctx, draft, question));
    return;
  }
  draft.idempotencyKey ??= randomUUID();
  ctx.goTo("confirm", { draft });
  ctx.reply(summary(ctx, draft, questions));
}

/** Records an answer (or a skip) and moves on; any change means a new submission. */
function advance(
  ctx: DialogContext,
  draft: FormDraft,
  question: Question,
  answer?: Exclude<Answer, { kind: "problem" }>,
): void {
  delete draft.values[question.key];
  delete draft.files[question.key];
  if (answer?.kind === "value") draft.values[question.key] = answer.value;
  if (answer?.kind === "file") draft.files[question.key] = answer.file;
  delete draft.idempotencyKey;
  draft.index += 1;
  show(ctx, draft);
}

function back(ctx: DialogContext, draft: FormDraft): void {
  if (draft.index === 0) {
    ctx.reply(ctx.t("form.askKeyword"));
    ctx.goTo("search", { draft: undefined });
    return;
  }
  draft.index -= 1;
  show(ctx, draft);
}

function answerField(ctx: DialogContext, draft: FormDraft, input: string): void {
  const question = questionsFor(draft.fields)[draft.index];
  const folded = foldDiacritics(input);
  if (!question) show(ctx, draft);
  else if (BACK.includes(folded)) back(ctx, draft);
  else if (SKIP.includes(folded)) {
    if (question.rules.required) ctx.reply(ctx.t("form.cannotSkip"));
    else advance(ctx, draft, question);
  } else {
    const answer = readAnswer(question, ctx.message);
    if (answer.kind === "problem") ctx.reply(explain(ctx, question, answer.problem));
    else advance(ctx, draft, question, answer);
  }
}

async function submit(ctx: DialogContext, draft: FormDraft): Promise<void> {
  const formData = Object.fromEntries(
    Object.entries(draft.values).filter(([key]) => !key.startsWith("applicant.")),
  );
  try {
    const receipt = await ctx.sdk.portal.dossiers.submit(
      {
        procedureCode: draft.procedure.code,
        channel: "truc_tuyen",
        applicant: {
          type: "cong_dan",
          fullName: String(draft.values["applicant.fullName"]),
          idNumber: String(draft.values["applicant.idNumber"]),
          phone: String(draft.values["applicant.phone"]),
        },
        formData,
        attachments: Object.entries(draft.files).map(([fieldKey, f]) => ({
          fieldKey,
          fileName: f.fileName,
          contentType: f.contentType,
          contentBase64: f.contentBase64,
        })),
      },
      { idempotencyKey: draft.idempotencyKey ?? randomUUID() },
    );
    const { dossier, verificationSecret } = receipt;
    ctx.reply({
      text: ctx.t("form.submitted", {
        code: dossier.code,
        secret: verificationSecret,
        appointment: dossier.appointmentAt
          ? formatVnDate(new Date(dossier.appointmentAt), {
              withTime: true,
              locale: ctx.session.locale,
            })
          : ctx.t("lookup.none"),
      }),
      buttons: [
        [
          {
            label: ctx.t("dossier.button.follow"),
            action: `dw:follow:${dossier.code}:${verificationSecret}`,
          },
        ],
      ],
    });
    ctx.end();
  } catch (error) {
    if (!(error instanceof ValidationError) || error.status === undefined) throw error;
    // The portal's own checks can be stricter than the schema: send the citizen back to the
    // first answer it refused.
    const questions = questionsFor(draft.fields);
    const refused = error.fieldErrors
      .map((e) =>
        questions.findIndex((q) => e.field.endsWith(`.${q.key}`) || e.field.includes(`[${q.key}]`)),
      )
      .find((i) => i >= 0);
    ctx.reply(
      ctx.t("form.rejected", {
        label: questions[refused ?? 0]?.label(ctx.session.locale) ?? "",
        reason: error.fieldErrors[0]?.message ?? error.message,
      }),
    );
    draft.index = refused ?? 0;
    delete draft.idempotencyKey;
    show(ctx, draft);
  }
}

/** Offers to continue a form parked earlier; true when it did. */
function offerParked(ctx: DialogContext, argument: string): boolean {
  const parked = ctx.session.parked;
  const draft = parked?.name === "submit-form" ? draftOf(parked.data) : undefined;
  if (!parked || !draft || ctx.now() - parked.at > DRAFT_TTL_MS) {
    delete ctx.session.parked;
    return false;
  }
  ctx.goTo("resume", { argument });
  ctx.reply({
    text: ctx.t("form.resume", {
      name: draft.procedure.name,
      answered: draft.index,
      total: draft.total,
    }),
    buttons: [
      [
        { label: ctx.t("form.button.resume"), action: "form:resume" },
        { label: ctx.t("form.button.restart"), action: "form:restart" },
      ],
    ],
  });
  return true;
}

async function begin(ctx: DialogContext, argument: string): Promise<void> {
  if (argument.trim()) return search(ctx, argument.trim());
  ctx.reply(ctx.t("form.askKeyword"));
  ctx.goTo("search");
}

/**
 * Submitting a dossier: search a procedure → walk its form field by field (validated, with
 * files) → summary → confirm → submit once (idempotency key) → dossier code and secret.
 */
export const submitFormDialog: Dialog = {
  name: "submit-form",
  triggers: {
    commands: ["nophoso", "nop", "submit"],
    phrases: ["nop ho so", "nop truc tuyen", "submit a dossier", "submit dossier"],
    actions: ["form"],
  },
  capturesText: true,
  keepsDraft: true,

  async start(ctx, argument) {
    if (offerParked(ctx, argument)) return;
    return begin(ctx, argument);
  },

  async action(ctx, action) {
    const [, verb, value = ""] = action.split(":");
    const data = ctx.session.dialog?.data ?? {};
    const draft = draftOf(data);
    if (verb === "pick") return pick(ctx, value);
    if (verb === "resume" || verb === "restart") {
      const parked = ctx.session.parked;
      delete ctx.session.parked;
      const parkedDraft = parked && draftOf(parked.data);
      if (verb === "resume" && parkedDraft) return show(ctx, parkedDraft);
      return begin(ctx, String(data.argument ?? ""));
    }
    if (verb === "cancel") {
      ctx.reply(ctx.t("cancel.done"));
      ctx.end();
      return;
    }
    if (!draft) {
      ctx.reply(ctx.t("form.nothingPending"));
      return;
    }
    if (verb === "back") return back(ctx, draft);
    if (verb === "confirm" && draft.index >= draft.total) return submit(ctx, draft);
    const question = questionsFor(draft.fields)[draft.index];
    if (verb === "skip" && question && !question.rules.required)
      return advance(ctx, draft, question);
    const option = question?.options?.[Number(value)];
    if (verb === "opt" && question && option)
      return advance(ctx, draft, question, { kind: "value", value: option.value });
    // A stale button from an earlier question: repeat where the citizen is.
    show(ctx, draft);
  },

  async step(ctx, step, data) {
    const text = ctx.message.text?.trim() ?? "";
    const draft = draftOf(data);
    if (step === "search") return text ? search(ctx, text) : begin(ctx, "");
    if (step === "pick") {
      const candidates = (data.candidates ?? []) as Candidate[];
      const chosen = /^\d+$/.test(text) ? candidates[Number(text) - 1] : undefined;
      if (chosen) return pick(ctx, chosen.code);
      return text ? search(ctx, text) : begin(ctx, "");
    }
    if (step === "resume") {
      const folded = foldDiacritics(text);
      if (RESUME.includes(folded)) return this.action?.(ctx, "form:resume");
      if (RESTART.includes(folded)) return this.action?.(ctx, "form:restart");
      ctx.reply(ctx.t("form.resumeChoose"));
      return;
    }
    if (!draft) return begin(ctx, "");
    if (step === "confirm") {
      const folded = foldDiacritics(text);
      if (BACK.includes(folded)) return back(ctx, draft);
      if (CONFIRM.includes(folded)) return submit(ctx, draft);
      ctx.reply(summary(ctx, draft, questionsFor(draft.fields)));
      return;
    }
    answerField(ctx, draft, text);
  },
};
