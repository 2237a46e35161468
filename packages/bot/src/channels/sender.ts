import type { ChannelName, OutgoingMessage } from "../engine/messages.js";

/**
 * Pushes a message nobody asked for (a notification) to a chat of one channel. Every channel
 * adapter implements it; the notifier only ever talks to this seam.
 */
export interface ChannelSender {
  readonly channel: ChannelName;
  /** Delivers `message` to `chatId`; rejects when the platform refuses it. */
  send(chatId: string, message: OutgoingMessage, options?: SendOptions): Promise<void>;
}

export interface SendOptions {
  /**
   * Wait out the platform's 429s inside the call (default), or reject with the 429 at once:
   * for a caller that paces and retries itself, as the outbox's workers do, so a retry goes
   * through its pacing instead of adding a send the pacing never saw. (Telegram honours it; the
   * Zalo clients always retry a 429 within their own limiter.)
   */
  waitOutRateLimits?: boolean;
}
