import { BotApiError } from "../emulators/bot-api-error.js";
import type { ParamErrors } from "../emulators/params.js";

// Zalo's own HTTP statuses are not documented (clients must go by the envelope); the emulator
// answers with the status equal to `error_code`, and a 429's `retryAfter` as `Retry-After`.

/** 400, Zalo's "bad request". */
export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);
/** 401: a malformed token, or another token of a known bot id. */
export const unauthorized = () => new BotApiError(401, "Unauthorized");
/** 404: an unknown method, or a chat no user opened. */
export const notFound = (what = "invalid API name") => new BotApiError(404, `Not Found: ${what}`);
/** 408: a long poll ended without an update. */
export const requestTimeout = () => new BotApiError(408, "Request timeout");
/** 409: `getUpdates` while a webhook is set (the emulator's choice of code). */
export const webhookConflict = () =>
  new BotApiError(
    409,
    "Conflict: can't use getUpdates while a webhook is set; call deleteWebhook first",
  );
/** 413: a request over `maxRequestBytes`. */
export const tooLarge = () => new BotApiError(413, "Request Entity Too Large");
/** 429: past the send quota; `retryAfter` goes out as `Retry-After`. */
export const quotaExceeded = (retryAfter: number) =>
  new BotApiError(429, "Quota exceeded", retryAfter);

/**
 * 403: the user blocked the bot. **[UNCONFIRMED]** Zalo documents no answer for this: its
 * error table lists 403 (labelled, apparently by mistake, "Internal server error") and the
 * Bot API is modelled on Telegram's, which answers `403 Forbidden: bot was blocked by the
 * user`. The emulator answers that shape, with a description naming the block.
 */
export const userBlockedBot = () => new BotApiError(403, "Forbidden: the user has blocked the bot");

/** How the emulator words a request it cannot read. */
export const PARAM_ERRORS: ParamErrors = {
  tooLarge,
  badJson: () => badRequest("can't parse JSON body"),
  notAnObject: () => badRequest("the JSON body must be an object"),
  badMultipart: () => badRequest("can't parse multipart/form-data body"),
};
