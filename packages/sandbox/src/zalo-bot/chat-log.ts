import { WaitTimeoutError } from "../telegram/chat-state.js";
import type { Chat, Message } from "./types.js";

/** A bot's message as the user's phone shows it. */
export interface ZaloBotChatMessage {
  messageId: string;
  /** Epoch milliseconds. */
  date: number;
  kind: "text" | "photo" | "sticker";
  text?: string;
  /** The photo's URL. */
  photo?: string;
  caption?: string;
  /** Sticker id. */
  sticker?: string;
}

/** A `sendChatAction` the bot made. */
export interface ZaloBotChatAction {
  action: string;
  /** Epoch milliseconds. */
  date: number;
}

/**
 * One chat between a bot and its user(s): what the user wrote and what the bot sent, in
 * order, so tests can wait for replies.
 */
export class ChatLog {
  readonly userMessages: Message[] = [];
  readonly actions: ZaloBotChatAction[] = [];
  private readonly sent: ZaloBotChatMessage[] = [];
  /** How many of `sent` `next()` has handed out. */
  private read = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly chat: Chat) {}

  /** Records a message from the bot. */
  addBotMessage(message: ZaloBotChatMessage): void {
    this.sent.push(message);
    for (const listener of [...this.listeners]) listener();
  }

  botMessages(): ZaloBotChatMessage[] {
    return [...this.sent];
  }

  /** Waits until the bot has sent `count` messages here in all; returns them all. */
  async waitFor(count: number, timeoutMs: number): Promise<ZaloBotChatMessage[]> {
    await this.until(() => this.sent.length >= count, timeoutMs, count);
    return this.botMessages();
  }

  /** The bot's next `count` messages not yet returned by `next`, waiting for them to come. */
  async next(count: number, timeoutMs: number): Promise<ZaloBotChatMessage[]> {
    await this.until(() => this.sent.length >= this.read + count, timeoutMs, this.read + count);
    const messages = this.sent.slice(this.read, this.read + count);
    this.read += count;
    return messages;
  }

  private until(ready: () => boolean, timeoutMs: number, wanted: number): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        finish();
        resolve();
      };
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new WaitTimeoutError(
            `Zalo chat ${this.chat.id}: waited ${timeoutMs} ms for bot message ${wanted}, the bot has sent ${this.sent.length}.`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(check);
    });
  }
}
