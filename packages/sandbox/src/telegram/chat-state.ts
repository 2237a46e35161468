import { MessageLog } from "../emulators/message-log.js";
import type { Chat, Message } from "./types.js";

interface StoredMessage {
  message: Message;
  fromBot: boolean;
  deleted: boolean;
}

/**
 * One chat between a bot and its user(s): every message with its current state, and the
 * order the bot sent its own, so tests can wait for replies.
 */
export class ChatState {
  private lastId = 0;
  private readonly messages = new Map<number, StoredMessage>();
  /** Ids of the bot's messages in the order sent; edits change the messages, not the ids. */
  private readonly sent: MessageLog<number>;
  private botSent = 0;

  constructor(readonly chat: Chat) {
    this.sent = new MessageLog(
      (wanted, sent, timeoutMs) =>
        `Chat ${chat.id}: waited ${timeoutMs} ms for bot message ${wanted}, the bot has sent ${sent}.`,
    );
  }

  add(fields: Omit<Message, "message_id" | "chat" | "date">, fromBot: boolean): Message {
    const { from, ...content } = fields;
    // Telegram's field order, so dumps read naturally.
    const message: Message = {
      message_id: ++this.lastId,
      ...(from && { from }),
      chat: this.chat,
      date: Math.floor(Date.now() / 1000),
      ...content,
    };
    this.messages.set(message.message_id, { message, fromBot, deleted: false });
    if (fromBot) {
      this.botSent += 1;
      this.sent.push(message.message_id);
    }
    return message;
  }

  /** How many messages the bot has sent here in all (deleted ones included). */
  get sentByBot(): number {
    return this.botSent;
  }

  /** A message that has not been deleted, and whether the bot sent it. */
  get(messageId: number): { message: Message; fromBot: boolean } | undefined {
    const stored = this.messages.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  replace(message: Message): void {
    const stored = this.messages.get(message.message_id);
    if (stored) stored.message = message;
  }

  delete(messageId: number): boolean {
    const stored = this.messages.get(messageId);
    if (!stored || stored.deleted) return false;
    stored.deleted = true;
    return true;
  }

  /** The bot's messages still in the chat, as they are now (after edits). */
  botMessages(): Message[] {
    return this.sent.all().flatMap((id) => this.get(id)?.message ?? []);
  }

  /** Waits until the bot has sent `count` messages here in all; returns those still there. */
  async waitFor(count: number, timeoutMs: number): Promise<Message[]> {
    await this.sent.waitFor(count, timeoutMs);
    return this.botMessages();
  }

  /** The bot's next `count` messages not yet returned by `next`, waiting for them to come. */
  async next(count: number, timeoutMs: number): Promise<Message[]> {
    const ids = await this.sent.next(count, timeoutMs);
    return ids.flatMap((id) => this.messages.get(id)?.message ?? []);
  }
}
