import { MessageLog } from "../emulators/message-log.js";
import type { ZaloOaCsMessage } from "./cs.js";

/** The OA's consultation messages per user, with waiting for them. */
export class SentLog {
  private readonly byUser = new Map<string, MessageLog<ZaloOaCsMessage>>();

  add(message: ZaloOaCsMessage): void {
    this.of(message.userId).push(message);
  }

  /** The user's log, made at first use so a test may wait before the OA sends anything. */
  of(userId: string): MessageLog<ZaloOaCsMessage> {
    let log = this.byUser.get(userId);
    if (!log) {
      log = new MessageLog(
        (wanted, sent, timeoutMs) =>
          `Zalo OA user ${userId}: waited ${timeoutMs} ms for message ${wanted}, the OA has sent ${sent}.`,
      );
      this.byUser.set(userId, log);
    }
    return log;
  }
}
