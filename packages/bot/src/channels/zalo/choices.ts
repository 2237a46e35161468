import { foldDiacritics } from "@vnegov/domain";
import type { Button, OutgoingMessage } from "../../engine/messages.js";

/** Chats remembered at most; the oldest are forgotten first. */
const MAX_CHATS = 10_000;

/**
 * Zalo has no inline buttons: a reply's buttons are shown as a numbered list (and as quick
 * replies on OA), and the user answers with the number or the label. This remembers, per
 * chat, the buttons of the bot's latest replies, and only those: any next message consumes
 * them, so an old list never captures a later answer.
 */
export class ChoiceMemory {
  private readonly chats = new Map<string, Button[]>();

  /** Remembers the buttons of one batch of replies, numbered 1… across the batch. */
  remember(chatId: string, replies: readonly OutgoingMessage[]): void {
    this.chats.delete(chatId);
    const buttons = replies.flatMap((reply) => reply.buttons?.flat() ?? []);
    if (buttons.length === 0) return;
    this.chats.set(chatId, buttons);
    if (this.chats.size > MAX_CHATS) this.chats.delete(this.chats.keys().next().value as string);
  }

  /**
   * The action `text` picks ("2", "2.", or a label, with or without diacritics), or undefined
   * when it picks none. Either way the chat's choices are used up.
   */
  take(chatId: string, text: string): string | undefined {
    const buttons = this.chats.get(chatId);
    this.chats.delete(chatId);
    if (!buttons) return undefined;
    const answer = text.trim();
    const number = /^(\d{1,2})\.?$/.exec(answer)?.[1];
    if (number) return buttons[Number(number) - 1]?.action;
    const folded = foldDiacritics(answer);
    return buttons.find((b) => foldDiacritics(withoutNumber(b.label)) === folded)?.action;
  }
}

/** A label without the "3. " its dialog may have numbered it with already. */
export function withoutNumber(label: string): string {
  return label.replace(/^\d+\.\s+/, "");
}
