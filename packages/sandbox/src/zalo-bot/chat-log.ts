import { MessageLog } from "../emulators/message-log.js";
import { ChatFaults } from "./faults.js";
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
  /** What the bot sent, with the waits on it. */
  readonly sent: MessageLog<ZaloBotChatMessage>;
  /** Failures injected for this chat, the user's block, and every send attempt. */
  readonly faults = new ChatFaults();

  constructor(readonly chat: Chat) {
    this.sent = new MessageLog(
      (wanted, sent, timeoutMs) =>
        `Zalo chat ${chat.id}: waited ${timeoutMs} ms for bot message ${wanted}, the bot has sent ${sent}.`,
    );
  }
}
