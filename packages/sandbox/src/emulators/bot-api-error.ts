/**
 * A Bot API failure, answered as Telegram's and Zalo's Bot APIs do: `{ ok: false, error_code,
 * description }`, with the HTTP status equal to `error_code`.
 */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    /** Seconds until a 429 may be retried; each platform says so its own way. */
    readonly retryAfter?: number,
  ) {
    super(description);
  }

  toJSON(): Record<string, unknown> {
    return { ok: false, error_code: this.errorCode, description: this.description };
  }
}
