import { BotApiError } from "../emulators/bot-api-error.js";
import type { ParamErrors } from "../emulators/params.js";

/** Telegram's failure envelope also carries `parameters.retry_after` with a 429. */
class TelegramApiError extends BotApiError {
  override toJSON() {
    return {
      ...super.toJSON(),
      ...(this.retryAfter !== undefined && { parameters: { retry_after: this.retryAfter } }),
    };
  }
}

export const badRequest = (what: string) => new TelegramApiError(400, `Bad Request: ${what}`);
export const unauthorized = () => new TelegramApiError(401, "Unauthorized");
export const notFound = () => new TelegramApiError(404, "Not Found");
export const conflict = (what: string) => new TelegramApiError(409, `Conflict: ${what}`);
export const tooManyRequests = (retryAfter: number) =>
  new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
export const tooLarge = () => new TelegramApiError(413, "Request Entity Too Large");

export const chatNotFound = () => badRequest("chat not found");

/** How Telegram words a request it cannot read. */
export const PARAM_ERRORS: ParamErrors = {
  tooLarge,
  badJson: () => badRequest("can't parse JSON object"),
  notAnObject: () => badRequest("can't parse JSON object"),
  badMultipart: () => badRequest("can't parse multipart/form-data request"),
};
