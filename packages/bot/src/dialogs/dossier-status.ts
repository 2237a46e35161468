import { formatVnDate } from "@vnegov/domain";
import { NotFoundError, type PortalDossier } from "@vnegov/sdk";
import type { Dialog, DialogContext } from "../engine/dialog.js";

/** Wrong secrets a user may enter per window before the bot stops asking the server. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

const CODE_PATTERN = /[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*-\d{6}-\d{4,5}/;

/** The first dossier code in free text, its agency part upper-cased (people type `h12`). */
export function findDossierCode(text: string): string | undefined {
  const match = CODE_PATTERN.exec(text)?.[0];
  if (!match) return undefined;
  const [agency, ...rest] = match.split("-");
  return [agency?.toUpperCase(), ...rest].join("-");
}

/** Code → verification secret → status, timeliness, appointment, latest steps, what to do next. */
export const dossierStatusDialog: Dialog = {
  name: "dossier-status",
  triggers: {
    commands: ["tracuu", "hoso", "lookup", "status"],
    phrases: [
      "tra cuu ho so",
      "tra cuu",
      "kiem tra ho so",
      "look up dossier",
      "look up",
      "check dossier",
    ],
    actions: ["dw"],
  },

  async start(ctx, argument) {
    const code = findDossierCode(argument);
    if (!code) {
      ctx.reply(
        argument.trim()
          ? ctx.t("lookup.badCode", { code: argument.trim() })
          : ctx.t("lookup.askCode"),
      );
      ctx.goTo("code");
      return;
    }
    // "tra cứu hồ sơ <mã> <mã tra cứu>" in one message.
    const secret = argument
      .slice(argument.toUpperCase().indexOf(code.toUpperCase()) + code.length)
      .trim()
      .split(/\s+/)[0];
    if (secret) return lookUp(ctx, code, secret);
    ctx.goTo("secret", { code });
    ctx.reply(askSecret(ctx, code));
  },

  async action(ctx, action) {
    const [, verb, code = "", secret = ""] = action.split(":");
    if (verb === "unfollow") {
      await ctx.subscriptions.remove(ctx.chatKey, "dossier", code);
      ctx.reply(ctx.t("dossier.unfollowed", { code }));
      return;
    }
    if (verb !== "follow") {
      ctx.reply(ctx.t("unknown.text"));
      return;
    }
    // Button data can be forged on some channels: prove the secret before storing it.
    const dossier = await fetchDossier(ctx, code, secret);
    if (!dossier) return;
    await ctx.subscriptions.add(ctx.chatKey, {
      kind: "dossier",
      code: dossier.code,
      name: dossier.procedureName,
      secret,
    });
    ctx.reply(ctx.t("dossier.followed", { code: dossier.code }));
  },

  async step(ctx, step, data) {
    const text = ctx.message.text?.trim() ?? "";
    if (step === "code") return this.start(ctx, text);
    return lookUp(ctx, String(data.code), text.split(/\s+/)[0] ?? "");
  },
};

/**
 * What proves the user may see the dossier: the mã tra cứu on our portal; on DVCQG and iGate,
 * which issue none, the applicant's identity number.
 */
function askSecret(ctx: DialogContext, code: string): string {
  return ctx.portal.dossiers.lookupSecret === "applicantIdNumber"
    ? ctx.t("lookup.askIdNumber", { code })
    : ctx.t("lookup.askSecret", { code });
}

/**
 * The dossier, or undefined after telling the user why not. Wrong guesses count against a
 * per-chat limit, so codes and secrets cannot be enumerated through the bot.
 */
async function fetchDossier(
  ctx: DialogContext,
  code: string,
  secret: string,
): Promise<PortalDossier | undefined> {
  const now = ctx.now();
  const recent = ctx.session.failedLookups.filter((at) => now - at < FAILURE_WINDOW_MS);
  ctx.session.failedLookups = recent;
  if (recent.length >= MAX_FAILURES) {
    const minutes = Math.ceil((FAILURE_WINDOW_MS - (now - (recent[0] as number))) / 60_000);
    ctx.reply(ctx.t("lookup.tooMany", { minutes }));
    ctx.end();
    return undefined;
  }
  try {
    return await ctx.portal.dossiers.get(code, { secret, include: "recentHistory" });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    recent.push(now);
    ctx.reply(
      ctx.t(
        ctx.portal.dossiers.lookupSecret === "applicantIdNumber"
          ? "lookup.notFoundIdNumber"
          : "lookup.notFound",
      ),
    );
    return undefined;
  }
}

async function lookUp(ctx: DialogContext, code: string, secret: string): Promise<void> {
  const dossier = await fetchDossier(ctx, code, secret);
  if (!dossier) {
    if (ctx.session.dialog) ctx.goTo("secret", { code });
    return;
  }
  const followed = (await ctx.subscriptions.list(ctx.chatKey)).some(
    (s) => s.kind === "dossier" && s.code === dossier.code,
  );
  ctx.reply({
    text: describe(ctx, dossier),
    ...(followed
      ? {}
      : {
          buttons: [
            [
              {
                label: ctx.t("dossier.button.follow"),
                action: `dw:follow:${dossier.code}:${secret}`,
              },
            ],
          ],
        }),
  });
  ctx.end();
}

/** Status, timeliness, appointment, what to do next and the latest steps, in one message. */
function describe(ctx: DialogContext, dossier: PortalDossier): string {
  const lines = [
    ctx.t("lookup.result", {
      code: dossier.code,
      procedure: dossier.procedureName,
      status: statusText(ctx, dossier),
      timeliness: dossier.timeliness
        ? ctx.t(`timeliness.${dossier.timeliness}`)
        : ctx.t("lookup.none"),
      appointment: dossier.appointmentAt
        ? formatVnDate(new Date(dossier.appointmentAt), {
            withTime: true,
            locale: ctx.session.locale,
          })
        : ctx.t("lookup.none"),
    }),
  ];
  const pending = dossier.pendingAction;
  if (pending?.kind === "supplement")
    lines.push(ctx.t("lookup.next.supplement", { note: pending.note }));
  if (pending?.kind === "payment") {
    lines.push(
      ctx.t("lookup.next.payment", {
        amount: (pending.amount?.amount ?? 0).toLocaleString("vi-VN"),
        note: pending.note,
      }),
    );
  }
  const latest = (dossier.recentHistory ?? []).slice(-3);
  if (latest.length > 0) {
    lines.push("", ctx.t("lookup.history"));
    for (const step of latest) {
      const at = formatVnDate(new Date(step.at), { withTime: true, locale: ctx.session.locale });
      lines.push(`• ${at} — ${ctx.t(`status.${step.status}`)}${step.note ? `: ${step.note}` : ""}`);
    }
  }
  return lines.join("\n");
}

/** The status in words; one the backend's tables do not know is named by its raw code. */
function statusText(ctx: DialogContext, dossier: PortalDossier): string {
  if (dossier.status !== "unknown") return ctx.t(`status.${dossier.status}`);
  return ctx.t("status.unknown", { code: dossier.wireCodes?.status ?? "?" });
}
