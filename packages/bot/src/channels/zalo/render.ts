import type { OutgoingMessage } from "../../engine/messages.js";
import { withoutNumber } from "./choices.js";

/**
 * Zalo renders no markdown and has no inline buttons: the text as is, then the buttons as a
 * numbered list (numbering continues across one batch of replies, as {@link ChoiceMemory}
 * counts). `prompt` introduces the list ("Trả lời bằng số thứ tự:").
 */
export function renderReplies(
  replies: readonly OutgoingMessage[],
  prompt: string,
): { text: string; labels: string[]; reply: OutgoingMessage }[] {
  let number = 0;
  return replies.map((reply) => {
    const labels = (reply.buttons?.flat() ?? []).map((button) => withoutNumber(button.label));
    if (labels.length === 0) return { text: reply.text, labels, reply };
    const lines = labels.map((label) => `${++number}. ${label}`);
    return { text: `${reply.text}\n\n${prompt}\n${lines.join("\n")}`, labels, reply };
  });
}
