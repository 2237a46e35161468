import { badRequest } from "./errors.js";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "./types.js";

const MAX_CALLBACK_DATA_BYTES = 64;

/**
 * Checks `reply_markup` as Telegram does and returns the inline keyboard to keep on the
 * message. Reply keyboards and `remove_keyboard` are accepted but not part of a Message.
 */
export function readReplyMarkup(raw: unknown): InlineKeyboardMarkup | undefined {
  if (raw === undefined) return undefined;
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw badRequest("can't parse reply keyboard markup JSON object");
  if (!("inline_keyboard" in raw)) return undefined;
  const rows = raw.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray))
    throw badRequest(
      'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
    );
  return { inline_keyboard: rows.map((row: unknown[]) => row.map(readButton)) };
}

function readButton(raw: unknown): InlineKeyboardButton {
  if (!raw || typeof raw !== "object") throw badRequest("can't parse inline keyboard button");
  const { text, callback_data, url } = raw as Record<string, unknown>;
  if (typeof text !== "string" || text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  if (callback_data !== undefined) {
    if (
      typeof callback_data !== "string" ||
      callback_data === "" ||
      Buffer.byteLength(callback_data) > MAX_CALLBACK_DATA_BYTES
    )
      throw badRequest("BUTTON_DATA_INVALID");
    return { text, callback_data };
  }
  if (url !== undefined) {
    if (typeof url !== "string" || !URL.canParse(url)) throw badRequest("BUTTON_URL_INVALID");
    return { text, url };
  }
  // Login, web-app and inline-query buttons are out of the emulator's scope.
  throw badRequest("text buttons are unallowed in the inline keyboard");
}

/** Whether two keyboards are the same, for "message is not modified". */
export function sameMarkup(
  a: InlineKeyboardMarkup | undefined,
  b: InlineKeyboardMarkup | undefined,
): boolean {
  return JSON.stringify(a?.inline_keyboard ?? []) === JSON.stringify(b?.inline_keyboard ?? []);
}
