/**
 * What one bot sent through the emulator and how often the flood limits refused it, since the
 * bot first called the Bot API (see `TelegramEmulator.stats`).
 */
export interface TelegramSendStats {
  /** Messages the bot sent (`sendMessage`, `sendPhoto`, `sendDocument`); edits not counted. */
  sent: number;
  /** Chats that got at least one of those messages. */
  chatsReached: number;
  /**
   * Bot API calls answered `429 Too Many Requests` because a flood limit was exceeded. Counted
   * over the bot's whole life: `setRateLimits` changes the limits (and starts their windows
   * afresh) but keeps the count; with limits off nothing is added.
   */
  rateLimited: number;
  /** When the first message was sent (epoch ms, millisecond precision); absent before. */
  firstSentAt?: number;
  /** When the latest message was sent (epoch ms); absent before the first. */
  lastSentAt?: number;
}

/** A bot's running {@link TelegramSendStats}. */
export class SendCounters {
  private sent = 0;
  private chatsReached = 0;
  private rateLimited = 0;
  private firstSentAt: number | undefined;
  private lastSentAt: number | undefined;

  /** One message sent; `firstInChat` when the chat had none from the bot before. */
  recordSent(firstInChat: boolean, at = Date.now()): void {
    this.sent += 1;
    if (firstInChat) this.chatsReached += 1;
    this.firstSentAt ??= at;
    this.lastSentAt = at;
  }

  /** One call answered 429. */
  recordRateLimited(): void {
    this.rateLimited += 1;
  }

  snapshot(): TelegramSendStats {
    return {
      sent: this.sent,
      chatsReached: this.chatsReached,
      rateLimited: this.rateLimited,
      ...(this.firstSentAt !== undefined && { firstSentAt: this.firstSentAt }),
      ...(this.lastSentAt !== undefined && { lastSentAt: this.lastSentAt }),
    };
  }
}
