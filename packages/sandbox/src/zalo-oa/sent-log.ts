import { WaitTimeoutError } from "../telegram/chat-state.js";
import type { ZaloOaCsMessage } from "./cs.js";

/** The OA's consultation messages per user, with waiting for them. */
export class SentLog {
  private readonly byUser = new Map<string, ZaloOaCsMessage[]>();
  private readonly listeners = new Set<() => void>();
  /** Per user, how many messages `next` has handed out. */
  private readonly read = new Map<string, number>();

  add(message: ZaloOaCsMessage): void {
    const list = this.byUser.get(message.userId) ?? [];
    list.push(message);
    this.byUser.set(message.userId, list);
    for (const listener of [...this.listeners]) listener();
  }

  of(userId: string): ZaloOaCsMessage[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  /** The user's next `count` messages not yet returned by `next`, waiting for them to come. */
  async next(userId: string, count: number, timeoutMs: number): Promise<ZaloOaCsMessage[]> {
    const from = this.read.get(userId) ?? 0;
    const all = await this.waitFor(userId, from + count, timeoutMs);
    this.read.set(userId, from + count);
    return all.slice(from, from + count);
  }

  /** Resolves once the user has `count` messages in all; rejects with WaitTimeoutError. */
  waitFor(userId: string, count: number, timeoutMs: number): Promise<ZaloOaCsMessage[]> {
    if (this.of(userId).length >= count) return Promise.resolve(this.of(userId));
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.of(userId).length < count) return;
        finish();
        resolve(this.of(userId));
      };
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new WaitTimeoutError(
            `Zalo OA user ${userId}: waited ${timeoutMs} ms for message ${count}, the OA has sent ${this.of(userId).length}.`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(check);
    });
  }
}
