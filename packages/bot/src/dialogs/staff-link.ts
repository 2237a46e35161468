import { NotFoundError } from "@vnegov/sdk";
import type { Dialog, DialogContext } from "../engine/dialog.js";

async function redeem(ctx: DialogContext, code: string): Promise<void> {
  try {
    const link = await ctx.sdk.docs.staff.redeemLinkCode({
      code: code.trim(),
      channel: ctx.message.channel,
      chatId: ctx.message.chatId,
    });
    ctx.session.staff = { id: link.staff.id, linkId: link.id, fullName: link.staff.fullName };
    ctx.reply(
      ctx.t("staff.linked", {
        name: link.staff.fullName,
        position: link.staff.position,
        agency: link.staff.agencyName,
      }),
    );
    ctx.end();
  } catch (error) {
    // A malformed code is refused by the SDK before any request; a stale one by the server.
    if (
      !(error instanceof NotFoundError) &&
      (error as { name?: string }).name !== "ValidationError"
    )
      throw error;
    ctx.reply(ctx.t("staff.badCode"));
    ctx.goTo("code");
  }
}

/** Binds this chat to a staff account with the one-time code from the document system. */
export const staffLinkDialog: Dialog = {
  name: "staff-link",
  triggers: { commands: ["lienket", "link"], phrases: ["lien ket tai khoan", "lien ket"] },

  async start(ctx, argument) {
    if (argument.trim()) return redeem(ctx, argument);
    ctx.reply(ctx.t("staff.askCode"));
    ctx.goTo("code");
  },

  async step(ctx) {
    return redeem(ctx, ctx.message.text ?? "");
  },
};

/** Removes the chat's staff link. */
export const staffUnlinkDialog: Dialog = {
  name: "staff-unlink",
  triggers: { commands: ["huylienket", "unlink"], phrases: ["huy lien ket"] },

  async start(ctx) {
    const staff = ctx.session.staff;
    if (!staff) {
      ctx.reply(ctx.t("staff.notLinked"));
      return;
    }
    await ctx.sdk.docs.staff.unlink(staff.linkId).catch((error) => {
      // Already gone on the server (unlinked elsewhere): the chat forgets it all the same.
      if (!(error instanceof NotFoundError)) throw error;
    });
    delete ctx.session.staff;
    ctx.reply(ctx.t("staff.unlinked"));
  },

  async step() {},
};
