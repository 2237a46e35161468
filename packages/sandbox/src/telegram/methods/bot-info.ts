import { badRequest } from "../errors.js";
import type { BotCommand } from "../types.js";
import type { Method, MethodContext } from "./context.js";

const COMMAND = /^[a-z0-9_]{1,32}$/;

/** Command lists are kept per scope and language, as Telegram keeps them. */
function commandsKey(ctx: MethodContext): string {
  const scope = ctx.params.json("scope", "bot command scope") ?? { type: "default" };
  return `${JSON.stringify(scope)}|${ctx.params.string("language_code") ?? ""}`;
}

function readCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse commands JSON object");
  if (raw.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  return raw.map((c: { command?: unknown; description?: unknown }) => {
    if (typeof c?.command !== "string" || !COMMAND.test(c.command))
      throw badRequest("BOT_COMMAND_INVALID");
    if (
      typeof c.description !== "string" ||
      c.description.trim() === "" ||
      c.description.length > 256
    )
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    return { command: c.command, description: c.description };
  });
}

export const botInfoMethods: Record<string, Method> = {
  getMe: (ctx) => ctx.bot.user,

  answerCallbackQuery(ctx) {
    const text = ctx.params.string("text");
    if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
    const url = ctx.params.string("url");
    const answered = ctx.bot.answerCallback(ctx.params.string("callback_query_id") ?? "", {
      showAlert: ctx.params.bool("show_alert"),
      ...(text !== undefined && { text }),
      ...(url !== undefined && { url }),
    });
    if (!answered)
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    return true;
  },

  setMyCommands(ctx) {
    const commands = readCommands(ctx.params.json("commands", "commands"));
    ctx.bot.commands.set(commandsKey(ctx), commands);
    return true;
  },

  getMyCommands: (ctx) => ctx.bot.commands.get(commandsKey(ctx)) ?? [],

  deleteMyCommands(ctx) {
    ctx.bot.commands.delete(commandsKey(ctx));
    return true;
  },
};
