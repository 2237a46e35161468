import { formatVnDate } from "@vnegov/domain";
import { ConflictError, NotFoundError, PermissionError, type Task } from "@vnegov/sdk";
import type { Dialog, DialogContext } from "../engine/dialog.js";

const due = (ctx: DialogContext, task: Task) =>
  formatVnDate(new Date(task.dueAt), { withTime: true, locale: ctx.session.locale });

/** The linked staff member, or a polite refusal. */
function staffOf(ctx: DialogContext): string | undefined {
  if (!ctx.session.staff) {
    ctx.reply(ctx.t("staff.notLinked"));
    ctx.end();
  }
  return ctx.session.staff?.id;
}

/** Runs a task call; maps "not yours / unlinked / closed" to replies instead of errors. */
async function onTask(ctx: DialogContext, run: (staffId: string) => Promise<void>): Promise<void> {
  const staffId = staffOf(ctx);
  if (!staffId) return;
  try {
    await run(staffId);
  } catch (error) {
    if (error instanceof PermissionError) {
      // The link was removed in the document system: forget it here too.
      delete ctx.session.staff;
      ctx.reply(ctx.t("staff.notLinked"));
    } else if (error instanceof NotFoundError) ctx.reply(ctx.t("tasks.notFound"));
    else if (error instanceof ConflictError) ctx.reply(ctx.t("tasks.closed"));
    else throw error;
    ctx.end();
  }
}

async function showTask(ctx: DialogContext, taskId: string): Promise<void> {
  await onTask(ctx, async (staffId) => {
    const task = await ctx.sdk.docs.tasks.get(taskId, { onBehalfOf: staffId });
    const source = task.sourceDocument;
    const document = !source
      ? ctx.t("tasks.noDocument")
      : source.subject === null
        ? ctx.t("tasks.confidential", { number: source.numberNotation })
        : `${source.numberNotation}: ${source.subject}`;
    ctx.reply({
      text: ctx.t("tasks.detail", {
        title: task.title,
        due: due(ctx, task),
        overdue: task.overdue ? ` ${ctx.t("tasks.overdue")}` : "",
        progress: task.progress,
        document,
      }),
      buttons: [
        [
          { label: ctx.t("tasks.button.progress"), action: `task:${task.id}:progress` },
          { label: ctx.t("tasks.button.done"), action: `task:${task.id}:done` },
        ],
        [{ label: ctx.t("tasks.button.comment"), action: `task:${task.id}:comment` }],
      ],
    });
    ctx.end();
  });
}

/** Staff's tasks: list with deadlines and overdue marks, open one, update progress, finish, comment. */
export const myTasksDialog: Dialog = {
  name: "my-tasks",
  triggers: {
    commands: ["viec", "congviec", "tasks"],
    phrases: ["viec cua toi", "cong viec", "my tasks"],
    actions: ["task"],
  },

  async start(ctx) {
    await onTask(ctx, async (staffId) => {
      const open = [
        ...(await ctx.sdk.docs.tasks
          .list({ onBehalfOf: staffId, status: "pending", limit: 100 })
          .toArray()),
        ...(await ctx.sdk.docs.tasks
          .list({ onBehalfOf: staffId, status: "in_progress", limit: 100 })
          .toArray()),
      ].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      if (open.length === 0) {
        ctx.reply(ctx.t("tasks.none"));
        return;
      }
      const lines = open.map((task, i) => {
        const line = ctx.t("tasks.line", { n: i + 1, title: task.title, due: due(ctx, task) });
        return task.overdue ? `${line} ${ctx.t("tasks.overdue")}` : line;
      });
      ctx.reply({
        text: [ctx.t("tasks.header", { count: open.length }), ...lines].join("\n"),
        buttons: open
          .slice(0, 10)
          .map((task, i) => [
            { label: `${i + 1}. ${task.title.slice(0, 40)}`, action: `task:${task.id}` },
          ]),
      });
    });
  },

  async action(ctx, action) {
    const [, taskId = "", verb] = action.split(":");
    if (!verb) return showTask(ctx, taskId);
    if (verb === "done") {
      return onTask(ctx, async (staffId) => {
        const task = await ctx.sdk.docs.tasks.update(
          taskId,
          { status: "done" },
          { onBehalfOf: staffId },
        );
        ctx.reply(ctx.t("tasks.doneSaved", { title: task.title }));
      });
    }
    if (verb === "progress" || verb === "comment") {
      ctx.goTo(verb, { taskId });
      ctx.reply(ctx.t(verb === "progress" ? "tasks.askProgress" : "tasks.askComment"));
      return;
    }
    ctx.reply(ctx.t("unknown.text"));
  },

  async step(ctx, step, data) {
    const taskId = String(data.taskId);
    const text = ctx.message.text?.trim() ?? "";
    if (step === "progress") {
      const progress = Number(text.replace(/%$/, ""));
      if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
        ctx.reply(ctx.t("tasks.badProgress"));
        return;
      }
      return onTask(ctx, async (staffId) => {
        await ctx.sdk.docs.tasks.update(taskId, { progress }, { onBehalfOf: staffId });
        ctx.reply(ctx.t("tasks.progressSaved", { progress }));
        ctx.end();
      });
    }
    if (step === "comment" && text) {
      return onTask(ctx, async (staffId) => {
        await ctx.sdk.docs.tasks.addComment(taskId, text, { onBehalfOf: staffId });
        ctx.reply(ctx.t("tasks.commentSaved"));
        ctx.end();
      });
    }
    ctx.reply(ctx.t("tasks.askComment"));
  },
};
