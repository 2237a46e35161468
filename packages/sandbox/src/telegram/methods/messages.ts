import type { ChatState } from "../chat-state.js";
import { badRequest } from "../errors.js";
import { readReplyMarkup, sameMarkup } from "../keyboard.js";
import type { InlineKeyboardMarkup, Message } from "../types.js";
import {
  checkParseMode,
  type Method,
  type MethodContext,
  messageId,
  postAsBot,
  replyTarget,
  targetChat,
} from "./context.js";

const MAX_TEXT = 4096;
const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

function messageText(ctx: MethodContext): string {
  const text = ctx.params.string("text") ?? "";
  if (text.trim() === "") throw badRequest("message text is empty");
  if (text.length > MAX_TEXT) throw badRequest("message is too long");
  checkParseMode(ctx);
  return text;
}

const markupOf = (ctx: MethodContext) =>
  readReplyMarkup(ctx.params.json("reply_markup", "reply keyboard markup"));

/** A bot message of the chat that may be edited. */
function editable(ctx: MethodContext): { chat: ChatState; message: Message } {
  if (ctx.params.string("inline_message_id")) throw badRequest("MESSAGE_ID_INVALID");
  const chat = targetChat(ctx);
  const found = chat.get(messageId(ctx));
  if (!found) throw badRequest("message to edit not found");
  if (!found.fromBot) throw badRequest("message can't be edited");
  return { chat, message: found.message };
}

function withMarkup(message: Message, markup: InlineKeyboardMarkup | undefined): Message {
  const { reply_markup: _, ...rest } = message;
  return {
    ...rest,
    edit_date: Math.floor(Date.now() / 1000),
    ...(markup && { reply_markup: markup }),
  };
}

export const messageMethods: Record<string, Method> = {
  async sendMessage(ctx) {
    const chat = targetChat(ctx);
    const text = messageText(ctx);
    const markup = markupOf(ctx);
    const replyTo = replyTarget(ctx, chat);
    return postAsBot(ctx, chat, {
      text,
      ...(markup && { reply_markup: markup }),
      ...(replyTo && { reply_to_message: replyTo }),
    });
  },

  async editMessageText(ctx) {
    const { chat, message } = editable(ctx);
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    const text = messageText(ctx);
    const markup = markupOf(ctx);
    if (text === message.text && sameMarkup(markup, message.reply_markup))
      throw badRequest(NOT_MODIFIED);
    await ctx.limits?.consume(ctx.bot.id, chat.chat);
    const edited = { ...withMarkup(message, markup), text };
    chat.replace(edited);
    return edited;
  },

  async editMessageReplyMarkup(ctx) {
    const { chat, message } = editable(ctx);
    const markup = markupOf(ctx);
    if (sameMarkup(markup, message.reply_markup)) throw badRequest(NOT_MODIFIED);
    await ctx.limits?.consume(ctx.bot.id, chat.chat);
    const edited = withMarkup(message, markup);
    chat.replace(edited);
    return edited;
  },

  deleteMessage(ctx) {
    if (!targetChat(ctx).delete(messageId(ctx))) throw badRequest("message to delete not found");
    return true;
  },

  sendChatAction(ctx) {
    targetChat(ctx);
    if (!CHAT_ACTIONS.has(ctx.params.string("action") ?? ""))
      throw badRequest("wrong parameter action in request");
    return true;
  },
};
