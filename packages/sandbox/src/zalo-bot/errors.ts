/**
 * A Bot API failure, answered as Zalo does: `{ ok: false, error_code, description }`. The
 * emulator's HTTP status equals `error_code` (Zalo's own statuses are not documented; clients
 * must go by the envelope).
 */
export class ZaloBotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    /** Seconds, sent as `Retry-After` with a 429. */
    readonly retryAfter?: number,
  ) {
    super(description);
  }

  toJSON() {
    return { ok: false, error_code: this.errorCode, description: this.description };
  }
}

/** 400, Zalo's "bad request". */
export const badRequest = (what: string) => new ZaloBotApiError(400, `Bad Request: ${what}`);
/** 401: a malformed token, or another token of a known bot id. */
export const unauthorized = () => new ZaloBotApiError(401, "Unauthorized");
/** 404: an unknown method, or a chat no user opened. */
export const notFound = (what = "invalid API name") =>
  new ZaloBotApiError(404, `Not Found: ${what}`);
/** 408: a long poll ended without an update. */
export const requestTimeout = () => new ZaloBotApiError(408, "Request timeout");
/** 409: `getUpdates` while a webhook is set (the emulator's choice of code). */
export const webhookConflict = () =>
  new ZaloBotApiError(
    409,
    "Conflict: can't use getUpdates while a webhook is set; call deleteWebhook first",
  );
/** 413: a request over `maxRequestBytes`. */
export const tooLarge = () => new ZaloBotApiError(413, "Request Entity Too Large");
/** 429: past the send quota; `retryAfter` goes out as `Retry-After`. */
export const quotaExceeded = (retryAfter: number) =>
  new ZaloBotApiError(429, "Quota exceeded", retryAfter);
