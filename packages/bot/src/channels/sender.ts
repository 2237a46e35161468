import type { ChannelName, OutgoingMessage } from "../engine/messages.js";

/**
 * Pushes a message nobody asked for (a notification) to a chat of one channel. Every channel
 * adapter implements it; the notifier only ever talks to this seam.
 */
export interface ChannelSender {
  readonly channel: ChannelName;
  /** Delivers `message` to `chatId`; rejects when the platform refuses it. */
  send(chatId: string, message: OutgoingMessage): Promise<void>;
}
