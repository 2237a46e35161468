import type { InlineKeyboardMarkup } from "telegraf/types";
import type { Button } from "../../engine/messages.js";

/** Telegram refuses callback data over 64 bytes (BUTTON_DATA_INVALID). */
const MAX_CALLBACK_BYTES = 64;

/**
 * Buttons as an inline keyboard, each action as callback data. Throws for an action Telegram
 * would refuse, before anything is sent, so a reply is not left half-delivered.
 */
export function inlineKeyboard(buttons: Button[][] | undefined): InlineKeyboardMarkup | undefined {
  const rows = buttons?.filter((row) => row.length > 0) ?? [];
  if (rows.length === 0) return undefined;
  for (const { label, action } of rows.flat()) {
    const bytes = Buffer.byteLength(action);
    if (bytes === 0 || bytes > MAX_CALLBACK_BYTES)
      throw new RangeError(
        `Button "${label}": its action must be 1–${MAX_CALLBACK_BYTES} bytes of UTF-8, not ${bytes}.`,
      );
  }
  return {
    inline_keyboard: rows.map((row) =>
      row.map(({ label, action }) => ({ text: label, callback_data: action })),
    ),
  };
}
