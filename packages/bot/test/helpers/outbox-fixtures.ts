import type { Sandbox } from "@vnegov/sandbox";
import type { Directive, Vnegov, VnegovEvent } from "@vnegov/sdk";
import { createTelegramChannel, type TelegramChannel } from "../../src/index.js";

/** A bot token the emulator accepts, one bot (and one set of flood limits) per id. */
export const tokenFor = (botId: number) => `${botId}:${"AAE-outbox-test".padEnd(35, "0")}`;

/**
 * Opens each chat in the emulator the way Telegram requires: its user (or a group member)
 * writes first. The updates stay queued; the bot never polls them.
 */
export function openChats(sandbox: Sandbox, token: string, chatIds: readonly number[]): void {
  for (const id of chatIds) sandbox.telegram.sendText(id, "/start", { token });
}

/**
 * The Telegram channel as the bot builds it, used here only for its `send` (notifications):
 * it is never started, so its engine is never asked anything.
 */
export function telegramSender(apiRoot: string, token: string): TelegramChannel {
  return createTelegramChannel({
    engine: { handle: async () => [] },
    token,
    apiRoot,
    mode: { type: "polling" },
  });
}

/** The seeded province's area code (directives to it reach every follower in the province). */
export async function provinceCode(sdk: Vnegov): Promise<string> {
  const areas = await sdk.docs.areas.list({ limit: 100 }).toArray();
  const top = areas.find((a) => a.level === "tinh");
  if (!top) throw new Error("The seeded sandbox has no province.");
  return top.code;
}

/**
 * Makes a Telegram chat of a running bot follow area 99 the way a citizen does: `/chithi`,
 * then the "Theo dõi" button.
 */
export async function followAreaOnTelegram(
  sandbox: Sandbox,
  chatId: number,
  token: string,
): Promise<void> {
  sandbox.telegram.sendText(chatId, "/chithi", { token });
  const [pick] = await sandbox.telegram.nextMessages(chatId, 1, { token });
  await sandbox.telegram.pressButton(chatId, pick?.messageId ?? 0, "dir:follow:99", { token });
  await sandbox.telegram.nextMessages(chatId, 1, { token });
}

/** A published, non-confidential directive of the seeded sandbox, to build events from. */
export async function sampleDirective(sdk: Vnegov): Promise<Directive> {
  const all = await sdk.docs.directives.list({ limit: 50 }).toArray();
  const open = all.find((d) => d.confidentiality === "thuong");
  if (!open) throw new Error("The seeded sandbox has no open directive.");
  return open;
}

/** A `directive.published` event for `audiences`, as the Document API would sign and send it. */
export function directiveEvent(
  base: Directive,
  fields: {
    id: string;
    urgency: Directive["urgency"];
    audiences: Directive["audiences"];
    numberNotation: string;
    subject: string;
  },
): VnegovEvent {
  const { id, ...data } = fields;
  return {
    id,
    type: "directive.published",
    createdAt: new Date().toISOString(),
    // A directive of its own per event: one directive is only ever broadcast once.
    data: { ...base, ...data, id: `doc_${id}`, issuerAgencyCode: null },
  };
}

/** Polls `check` every 50 ms until it holds; throws after `timeoutMs`. */
export async function waitFor(
  check: () => boolean,
  timeoutMs: number,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
