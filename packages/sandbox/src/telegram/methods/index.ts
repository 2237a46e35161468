import { botInfoMethods } from "./bot-info.js";
import type { Method } from "./context.js";
import { mediaMethods } from "./media.js";
import { messageMethods } from "./messages.js";
import { updateMethods } from "./updates.js";

export type { MethodContext } from "./context.js";

const ALL: Record<string, Method> = {
  ...botInfoMethods,
  ...updateMethods,
  ...messageMethods,
  ...mediaMethods,
};

/** Bot API method names are case-insensitive. */
const BY_NAME = new Map(Object.entries(ALL).map(([name, method]) => [name.toLowerCase(), method]));

/** The method called `name`, or `undefined` (404 on Telegram). */
export function findMethod(name: string): Method | undefined {
  return BY_NAME.get(name.toLowerCase());
}
