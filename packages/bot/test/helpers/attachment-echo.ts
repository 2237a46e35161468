import type { Dialog } from "../../src/index.js";

/** Test-only: `/guitep`, then a file; answers with what arrived. */
export const attachmentEcho: Dialog = {
  name: "attachment-echo",
  triggers: { commands: ["guitep"], phrases: [] },
  async start(ctx) {
    ctx.reply("Hãy đính kèm tệp.");
    ctx.goTo("file");
  },
  async step(ctx) {
    const file = ctx.message.attachments?.[0];
    if (!file) return ctx.reply("Chưa có tệp.");
    ctx.reply(`Đã nhận tệp ${file.fileName} (${file.data.byteLength} byte, ${file.contentType})`);
    ctx.end();
  },
};
