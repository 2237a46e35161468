import type { EmulatedBot } from "../bot.js";
import type { ChatState } from "../chat-state.js";
import { badRequest, chatNotFound } from "../errors.js";
import type { Params } from "../params.js";
import type { SendLimits } from "../rate-limits.js";
import type { Message, User } from "../types.js";

/** What a Bot API method sees of one request. */
export interface MethodContext {
  bot: EmulatedBot;
  params: Params;
  /** Flood limits in force, if any. */
  limits: SendLimits | undefined;
  /** Aborts when the client goes away (ends a long poll early). */
  signal: AbortSignal;
}

export type Method = (ctx: MethodContext) => unknown;

/** The chat `chat_id` names; a bot can only reach chats whose user wrote to it first. */
export function targetChat({ bot, params }: MethodContext): ChatState {
  const raw = params.string("chat_id");
  if (raw === undefined || raw === "") throw badRequest("chat_id is empty");
  const chat = /^-?\d+$/.test(raw) ? bot.chats.get(Number(raw)) : undefined;
  if (!chat) throw chatNotFound();
  return chat;
}

export function messageId(ctx: MethodContext): number {
  const id = ctx.params.int("message_id");
  if (id === undefined) throw badRequest("message identifier is not specified");
  return id;
}

/** The message `reply_to_message_id` (or `reply_parameters.message_id`) points at, if any. */
export function replyTarget(ctx: MethodContext, chat: ChatState): Message | undefined {
  const parameters = ctx.params.json("reply_parameters", "reply parameters") as
    | { message_id?: unknown }
    | undefined;
  const id = ctx.params.int("reply_to_message_id") ?? parameters?.message_id;
  if (id === undefined) return undefined;
  const target = typeof id === "number" ? chat.get(id) : undefined;
  if (!target) throw badRequest("message to be replied not found");
  return target.message;
}

const PARSE_MODES = new Set(["html", "markdown", "markdownv2"]);

/** Accepts Telegram's parse modes; the emulator keeps the text as sent, markup and all. */
export function checkParseMode(ctx: MethodContext): void {
  const mode = ctx.params.string("parse_mode");
  if (mode && !PARSE_MODES.has(mode.toLowerCase())) throw badRequest(`unsupported parse_mode`);
}

/** Adds a message from the bot once the flood limits allow it. */
export async function postAsBot(
  ctx: MethodContext,
  chat: ChatState,
  fields: Omit<Message, "message_id" | "chat" | "date" | "from">,
): Promise<Message> {
  await ctx.limits?.consume(ctx.bot.id, chat.chat);
  const { id, is_bot, first_name, username } = ctx.bot.user;
  const from: User = { id, is_bot, first_name, ...(username !== undefined && { username }) };
  const firstInChat = chat.sentByBot === 0;
  const message = chat.add({ from, ...fields }, true);
  ctx.bot.sendCounters.recordSent(firstInChat);
  return message;
}
