/**
 * A custom dialog: "Bộ phận một cửa có làm việc không?" Answers whether the one-stop desk is
 * open now and, if not, when it next opens, using the same working-time rules as appointment
 * dates. Register it with `new BotEngine({ ..., dialogs: [officeHoursDialog] })`.
 */
import type { Dialog } from "@vnegov/bot";
import { addWorkingMinutes, formatVnDate } from "@vnegov/sdk";

export const officeHoursDialog: Dialog = {
  name: "office-hours",
  triggers: {
    commands: ["giolamviec", "hours"],
    phrases: ["gio lam viec", "co lam viec khong", "office hours"],
  },

  async start(ctx) {
    const now = new Date(ctx.now());
    const vi = ctx.session.locale === "vi";
    // Open exactly when the next working minute ends one minute from now.
    const nextMinute = addWorkingMinutes(now, 1);
    const open = nextMinute.getTime() - now.getTime() === 60_000;
    if (open) {
      ctx.reply(
        vi
          ? "Bộ phận một cửa đang làm việc (07:00–11:30, 13:30–17:00)."
          : "The one-stop desk is open now (07:00–11:30, 13:30–17:00).",
      );
      return;
    }
    const opens = new Date(nextMinute.getTime() - 60_000);
    const when = formatVnDate(opens, { withTime: true, locale: ctx.session.locale });
    ctx.reply(
      vi
        ? `Bộ phận một cửa đang nghỉ. Mở cửa lại lúc ${when}.`
        : `The one-stop desk is closed. It opens again at ${when}.`,
    );
  },

  async step() {},
};
