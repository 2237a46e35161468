/**
 * A failure as Zalo answers it: HTTP 200 with `{ error: <negative number>, message }` (the
 * Open API and ZNS), or OAuth's `{ error, error_name, error_description }`.
 */
export class ZaloOaApiError extends Error {
  constructor(
    readonly error: number,
    message: string,
    /** OAuth's `error_name`, when this is an OAuth failure. */
    readonly errorName?: string,
    /**
     * How the answer departs from Zalo's usual HTTP 200: another status (a gateway's 5xx) or a
     * `Retry-After` header (only for faults a test injects; Zalo sends none).
     */
    readonly http: { status?: number; retryAfter?: number } = {},
  ) {
    super(message);
  }

  toJSON() {
    return this.errorName === undefined
      ? { error: this.error, message: this.message }
      : {
          error: this.error,
          error_name: this.errorName,
          error_reason: this.message,
          error_description: this.message,
        };
  }
}

/** -201: a parameter is missing or wrong. */
export const invalidParam = (what: string) =>
  new ZaloOaApiError(-201, `Parameter is invalid: ${what}`);
/** -216: the access token is unknown or missing. */
export const invalidToken = () => new ZaloOaApiError(-216, "Access token is invalid");
/** -220: the access token has expired. */
export const expiredToken = () =>
  new ZaloOaApiError(-220, "Access token has expired or been removed");
/** -32: too many calls this minute. */
export const perMinuteLimit = () =>
  new ZaloOaApiError(-32, "Exceeded the number of API calls per minute");
/**
 * -32 for the emulator's per-second limit too: Zalo documents only the per-minute code, and
 * clients treat both alike (wait, then try again).
 */
export const perSecondLimit = () =>
  new ZaloOaApiError(-32, "Exceeded the number of API calls per second");
/** -213: the user does not follow the OA (or unfollowed it). */
export const notFollowing = () => new ZaloOaApiError(-213, "User has not followed the OA");
/** -227: the user has not used Zalo for more than 45 days. */
export const inactiveUser = () =>
  new ZaloOaApiError(-227, "User has been inactive for more than 45 days");
/** -244: the user restricted (blocked) this kind of message from the OA. */
export const restrictedByUser = () =>
  new ZaloOaApiError(-244, "User has restricted receiving this type of message from the OA");
/** -211: no quota left. */
export const outOfQuota = () => new ZaloOaApiError(-211, "Out of quota");
/** -230: the user has not interacted within 7 days. */
export const outsideWindow = () =>
  new ZaloOaApiError(-230, "User has not interacted with the OA in the last 7 days");
/** -232: a reply by message id outside the window (the emulator's use of this code). */
export const replyOutsideWindow = () =>
  new ZaloOaApiError(-232, "The message is outside the interaction window of this user");

/** OAuth failures. Only -14020 is from Zalo's documentation; the other numbers are the emulator's. */
export const oauthError = (error: number, name: string, description: string) =>
  new ZaloOaApiError(error, description, name);
