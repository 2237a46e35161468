import type { OutgoingMessage } from "../../engine/messages.js";

/** A pushed message with its Server-Sent Events id. */
export interface Notification {
  id: number;
  message: OutgoingMessage;
}

type Listener = (notification: Notification) => void;

/** Notifications kept per chat for a browser that reconnects, and chats that keep them. */
const PER_CHAT = 20;
const CHATS = 10_000;

/**
 * Fans `send()` out to a chat's open event streams and keeps the latest few, so a browser
 * that was reconnecting or closed catches up (`Last-Event-ID`). In memory: one process.
 */
export class NotificationHub {
  private readonly backlog = new Map<string, Notification[]>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private lastId = 0;

  publish(chatId: string, message: OutgoingMessage): void {
    // Clock-based ids keep growing across restarts, so a browser's Last-Event-ID never hides
    // a newer process's notifications.
    this.lastId = Math.max(this.lastId + 1, Date.now());
    const notification = { id: this.lastId, message };
    const kept = this.backlog.get(chatId) ?? [];
    kept.push(notification);
    if (kept.length > PER_CHAT) kept.shift();
    // Re-inserting keeps the map ordered by latest notification, so the stalest chat goes first.
    this.backlog.delete(chatId);
    this.backlog.set(chatId, kept);
    if (this.backlog.size > CHATS) {
      const stalest = this.backlog.keys().next().value;
      if (stalest !== undefined) this.backlog.delete(stalest);
    }
    for (const listener of this.listeners.get(chatId) ?? []) listener(notification);
  }

  /**
   * Listens to `chatId` and returns what it missed after `afterId`, in one step so that no
   * notification falls between the two or arrives twice.
   */
  subscribe(
    chatId: string,
    afterId: number,
    listener: Listener,
  ): { missed: Notification[]; unsubscribe(): void } {
    const listeners = this.listeners.get(chatId) ?? new Set<Listener>();
    listeners.add(listener);
    this.listeners.set(chatId, listeners);
    return {
      missed: (this.backlog.get(chatId) ?? []).filter((n) => n.id > afterId),
      unsubscribe: () => {
        listeners.delete(listener);
        if (listeners.size === 0) this.listeners.delete(chatId);
      },
    };
  }
}
