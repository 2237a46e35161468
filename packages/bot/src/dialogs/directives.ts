import { foldDiacritics, formatVnDate } from "@vnegov/domain";
import type { Area } from "@vnegov/sdk";
import type { Dialog, DialogContext } from "../engine/dialog.js";
import type { MessageKey } from "../i18n/translate.js";
import type { Subscription } from "../subscriptions/store.js";

const LATEST = 5;

async function areas(ctx: DialogContext): Promise<Area[]> {
  return ctx.sdk.docs.areas.list({ limit: 100 }).toArray();
}

/** An area by code, or by name typed with or without diacritics ("lam giang"). */
function findArea(all: Area[], query: string): Area | undefined {
  const folded = foldDiacritics(query);
  return (
    all.find((a) => a.code === query.trim()) ??
    all.find((a) => foldDiacritics(a.name).includes(folded))
  );
}

async function showArea(ctx: DialogContext, area: Area): Promise<void> {
  const page = await ctx.sdk.docs.directives.list({ areaCode: area.code, limit: LATEST });
  const lines = page.data.map((d) =>
    ctx.t("directives.line", {
      number: d.numberNotation,
      date: formatVnDate(new Date(`${d.issuedAt}T00:00:00+07:00`), { locale: ctx.session.locale }),
      urgency:
        d.urgency === "thuong"
          ? ""
          : ctx.t("directives.urgent", { urgency: ctx.t(`urgency.${d.urgency}` as MessageKey) }),
      subject: d.subject,
    }),
  );
  ctx.reply({
    text: lines.length
      ? [ctx.t("directives.header", { area: area.name }), ...lines].join("\n")
      : ctx.t("directives.none", { area: area.name }),
    buttons: [
      [
        {
          label: ctx.t("directives.button.follow", { area: area.name }),
          action: `dir:follow:${area.code}`,
        },
      ],
    ],
  });
}

/** Latest directives for an area, and following an area's new ones. */
export const directivesDialog: Dialog = {
  name: "directives",
  triggers: {
    commands: ["chithi", "vanban", "directives"],
    phrases: ["chi thi", "cong dien", "van ban chi dao", "directives"],
    actions: ["dir"],
  },

  async start(ctx, argument) {
    const all = await areas(ctx);
    if (argument.trim()) {
      const area = findArea(all, argument);
      if (area) return showArea(ctx, area);
      ctx.reply(ctx.t("directives.unknownArea", { area: argument.trim() }));
    }
    // Province and its districts; communes are reached by name or code.
    const choices = all.filter((a) => a.level !== "xa").slice(0, 8);
    ctx.reply({
      text: ctx.t("directives.pickArea"),
      buttons: choices.map((a) => [{ label: a.name, action: `dir:area:${a.code}` }]),
    });
  },

  async action(ctx, action) {
    const [, verb, code = ""] = action.split(":");
    const area = (await areas(ctx)).find((a) => a.code === code);
    if (!area) {
      ctx.reply(ctx.t("directives.unknownArea", { area: code }));
      return;
    }
    if (verb === "area") return showArea(ctx, area);
    if (verb === "follow") {
      await ctx.subscriptions.add(ctx.chatKey, { kind: "area", code: area.code, name: area.name });
      ctx.reply(ctx.t("directives.followed", { name: area.name }));
    } else if (verb === "unfollow") {
      await ctx.subscriptions.remove(ctx.chatKey, "area", area.code);
      ctx.reply(ctx.t("directives.unfollowed", { name: area.name }));
    } else ctx.reply(ctx.t("unknown.text"));
  },

  async step(ctx) {
    return this.start(ctx, ctx.message.text ?? "");
  },
};

/** A subscription as listed: areas and agencies by name, dossiers by code. */
function label(ctx: DialogContext, s: Subscription): string {
  return s.kind === "dossier" ? ctx.t("dossier.label", { code: s.code }) : s.name;
}

/** `/theodoi`: what this chat follows, with buttons to stop. */
export const subscriptionsDialog: Dialog = {
  name: "subscriptions",
  triggers: { commands: ["theodoi", "following"], phrases: ["theo doi", "dang theo doi"] },

  async start(ctx) {
    const list = await ctx.subscriptions.list(ctx.chatKey);
    if (list.length === 0) {
      ctx.reply(ctx.t("subscriptions.none"));
      return;
    }
    ctx.reply({
      text: [ctx.t("subscriptions.header"), ...list.map((s) => `• ${label(ctx, s)}`)].join("\n"),
      buttons: list.map((s) => [
        {
          label: ctx.t("subscriptions.button.unfollow", { name: label(ctx, s) }),
          action: `${s.kind === "dossier" ? "dw" : "dir"}:unfollow:${s.code}`,
        },
      ]),
    });
  },

  async step() {},
};
