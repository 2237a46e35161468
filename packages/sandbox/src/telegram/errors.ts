/**
 * A Bot API failure, answered as Telegram does: `{ ok: false, error_code, description,
 * parameters? }` with the HTTP status equal to `error_code`.
 */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }

  toJSON() {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.retryAfter !== undefined && { parameters: { retry_after: this.retryAfter } }),
    };
  }
}

export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);
export const unauthorized = () => new BotApiError(401, "Unauthorized");
export const notFound = () => new BotApiError(404, "Not Found");
export const conflict = (what: string) => new BotApiError(409, `Conflict: ${what}`);
export const tooManyRequests = (retryAfter: number) =>
  new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
export const tooLarge = () => new BotApiError(413, "Request Entity Too Large");

export const chatNotFound = () => badRequest("chat not found");
