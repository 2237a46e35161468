import { en } from "./en.js";
import { type MessageKey, vi } from "./vi.js";

export type Locale = "vi" | "en";
export type { MessageKey };

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { vi, en };

/** The catalogue text for `key` with `{name}` placeholders filled. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** `vi` unless the platform hint says English. */
export function localeFromHint(hint: string | undefined): Locale {
  return hint?.toLowerCase().startsWith("en") ? "en" : "vi";
}
