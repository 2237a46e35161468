import {
  AuthenticationError,
  ConnectionError,
  createLimiter,
  type RateLimiter,
  type RequestInfo,
  splitText,
  Transport,
  type TransportRequest,
  toInternationalPhone,
  ValidationError,
} from "@vnegov/sdk";
import {
  checkQuickReplies,
  fileMessage,
  imageMessage,
  TEXT_LIMIT,
  textMessage,
  wireRecipient,
} from "./messages.js";
import { readOaAnswer } from "./read.js";
import { OaSession } from "./session.js";
import type { OaTokens } from "./tokens.js";
import type {
  OaQuota,
  OaRecipient,
  OaUser,
  SendImageOptions,
  SendTextOptions,
  ZaloOaBaseURLs,
  ZaloOaOptions,
  ZnsMessage,
  ZnsResult,
} from "./types.js";

const VERSION = "0.0.0";
/** Zalo's default access-token lifetime, used when an answer omits `expires_in`. */
const DEFAULT_EXPIRES_IN_S = 90_000;
const IMAGE_LIMIT_BYTES = 1024 * 1024;
const FILE_LIMIT_BYTES = 5 * 1024 * 1024;

const DEFAULT_BASE_URLS: Required<ZaloOaBaseURLs> = {
  openApi: "https://openapi.zalo.me",
  oauth: "https://oauth.zaloapp.com",
  business: "https://business.openapi.zalo.me",
};

const TOKEN_PATH = "/v4/oa/access_token";
const MIME_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
};

type Body = Record<string, unknown>;
type Call = Omit<TransportRequest, "headers">;

const isObject = (value: unknown): value is Body =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown) =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
const number = (value: unknown) => {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
};

/** The answer's `data` object; a malformed answer is a {@link ConnectionError}. */
function dataOf(body: Body, info: RequestInfo): Body {
  if (isObject(body.data)) return body.data;
  throw new ConnectionError("Zalo's answer has no data object.", info);
}

/** Whether the error says the access token was refused (so a fresh one may succeed). */
function refusedToken(error: unknown): boolean {
  return (
    error instanceof AuthenticationError &&
    (error.code === "zalo_-216" || error.code === "zalo_-220" || error.status === 401)
  );
}

/**
 * Client of the Zalo Official Account Open API v3, OAuth v4 (with PKCE) and ZNS.
 *
 * Every call carries a valid `access_token`: it is refreshed a minute before it expires, and
 * once more when Zalo refuses it (-216/-220/HTTP 401). Refreshes are serialised (one at a time
 * per process, and across processes with {@link FileTokenStore}'s lock); the single-use
 * refresh token is rotated and the new pair saved before the new access token is used.
 *
 * @example
 * ```ts
 * const oa = new ZaloOa({ appId, appSecret, tokens: new FileTokenStore("zalo-oa.json") });
 * // once, by an OA admin in a browser:
 * const { codeVerifier, codeChallenge } = createPkcePair();
 * redirect(oa.authorizationUrl({ redirectUri, codeChallenge, state }));
 * // …in the callback:
 * await oa.exchangeCode({ code, codeVerifier });
 * // then, as often as needed:
 * await oa.sendText({ messageId: event.message.msg_id }, "Hồ sơ của bạn đã được tiếp nhận.");
 * ```
 */
export class ZaloOa {
  readonly #appId: string;
  readonly #appSecret: string;
  readonly #baseURLs: Required<ZaloOaBaseURLs>;
  readonly #openApi: Transport;
  readonly #business: Transport;
  readonly #oauth: Transport;
  readonly #session: OaSession;

  constructor(options: ZaloOaOptions) {
    for (const key of ["appId", "appSecret"] as const) {
      if (typeof options?.[key] !== "string" || options[key] === "")
        throw new ValidationError(`${key} is required.`, {
          fieldErrors: [{ field: key, code: "required", message: "is required" }],
        });
    }
    if (!options.tokens || typeof options.tokens.read !== "function")
      throw new ValidationError("tokens must be an OaTokenStore.", {
        fieldErrors: [{ field: "tokens", code: "required", message: "must be an OaTokenStore" }],
      });
    this.#appId = options.appId;
    this.#appSecret = options.appSecret;
    this.#baseURLs = { ...DEFAULT_BASE_URLS, ...stripUndefined(options.baseURLs) };
    // One limiter for the Open API and ZNS, so a -32 pause holds both; OAuth has its own,
    // so a refresh is never stuck behind that pause.
    const limiter: RateLimiter =
      options.limiter && "schedule" in options.limiter
        ? options.limiter
        : createLimiter(options.limiter);
    const common = {
      timeout: options.timeout,
      retry: options.retry,
      hooks: options.hooks,
      userAgent: `vnegov-zalo/${VERSION} node/${process.versions.node}`,
      read: readOaAnswer,
    };
    this.#openApi = new Transport({ ...common, baseURL: this.#baseURLs.openApi, limiter });
    this.#business = new Transport({ ...common, baseURL: this.#baseURLs.business, limiter });
    this.#oauth = new Transport({ ...common, baseURL: this.#baseURLs.oauth });
    this.#session = new OaSession(
      options.tokens,
      (refreshToken) => this.#grant(refreshToken),
      () =>
        new AuthenticationError(
          "The OA has no tokens yet: an OA admin must authorise the app (authorizationUrl, then exchangeCode).",
          {
            status: 401,
            code: "zalo_not_authorized",
            request: { method: "POST", path: TOKEN_PATH },
          },
        ),
    );
  }

  /**
   * The URL an OA admin opens to let the app act for the OA. Zalo redirects to `redirectUri`
   * with `code`, `oa_id` and your `state`; check `state`, then call {@link ZaloOa.exchangeCode}.
   */
  authorizationUrl(options: { redirectUri: string; codeChallenge: string; state: string }): string {
    const query = new URLSearchParams({
      app_id: this.#appId,
      redirect_uri: options.redirectUri,
      code_challenge: options.codeChallenge,
      state: options.state,
    });
    return `${this.#baseURLs.oauth.replace(/\/$/, "")}/v4/oa/permission?${query}`;
  }

  /** Trades the callback's `code` (valid about 10 minutes) for tokens, and stores them. */
  async exchangeCode(options: { code: string; codeVerifier: string }): Promise<OaTokens> {
    const tokens = await this.#tokenRequest({
      code: options.code,
      app_id: this.#appId,
      grant_type: "authorization_code",
      code_verifier: options.codeVerifier,
    });
    await this.#session.replace(tokens);
    return tokens;
  }

  /**
   * Rotates the tokens now and returns the new pair (saved already). Concurrent callers share
   * one refresh. A reused refresh token (-14020) is an {@link AuthenticationError}: an OA admin
   * must authorise the app again.
   */
  refreshTokens(): Promise<OaTokens> {
    return this.#session.refresh();
  }

  /**
   * Sends a consultation text, split at 2000 characters (never inside a letter or emoji), one
   * message per piece in order; quick replies go under the last piece. Reply with
   * `{ messageId }` (the user's `msg_id`) to use the free window: 8 replies within 48 h of the
   * user writing. If a piece fails, the pieces before it stay sent.
   *
   * @throws {ZaloOutsideWindowError} when the user has not interacted within 7 days.
   */
  async sendText(
    recipient: OaRecipient,
    text: string,
    options: SendTextOptions = {},
  ): Promise<{ messageId: string }[]> {
    const to = wireRecipient(recipient);
    if (typeof text !== "string" || text.trim() === "")
      throw new ValidationError("text must not be empty.", {
        fieldErrors: [{ field: "text", code: "required", message: "must not be empty" }],
      });
    checkQuickReplies(options.quickReplies);
    const pieces = splitText(text, TEXT_LIMIT);
    const sent: { messageId: string }[] = [];
    for (const [i, piece] of pieces.entries()) {
      const message = textMessage(piece, {
        quickReplies: i === pieces.length - 1 ? options.quickReplies : undefined,
        quoteMessageId: i === 0 ? options.quoteMessageId : undefined,
      });
      sent.push(await this.#sendMessage(to, message));
    }
    return sent;
  }

  /** Sends an image by public URL or by the `attachmentId` of {@link ZaloOa.uploadImage}. */
  sendImage(
    recipient: OaRecipient,
    image: { url: string } | { attachmentId: string },
    options: SendImageOptions = {},
  ): Promise<{ messageId: string }> {
    return this.#sendMessage(wireRecipient(recipient), imageMessage(image, options.caption));
  }

  /** Sends a file by the `token` of {@link ZaloOa.uploadFile}. */
  sendFile(recipient: OaRecipient, file: { token: string }): Promise<{ messageId: string }> {
    return this.#sendMessage(wireRecipient(recipient), fileMessage(file));
  }

  /** Uploads a JPG or PNG image (at most 1 MB) for {@link ZaloOa.sendImage}. */
  async uploadImage(data: Uint8Array, filename: string): Promise<{ attachmentId: string }> {
    const route = "/v2.0/oa/upload/image";
    const result = await this.#upload(route, data, filename, IMAGE_LIMIT_BYTES);
    const attachmentId = text(result.attachment_id);
    if (!attachmentId)
      throw new ConnectionError("Zalo's answer has no attachment_id.", {
        method: "POST",
        path: route,
      });
    return { attachmentId };
  }

  /** Uploads a PDF, DOC, DOCX or CSV file (at most 5 MB) for {@link ZaloOa.sendFile}. */
  async uploadFile(data: Uint8Array, filename: string): Promise<{ token: string }> {
    const route = "/v2.0/oa/upload/file";
    const result = await this.#upload(route, data, filename, FILE_LIMIT_BYTES);
    const token = text(result.token);
    if (!token)
      throw new ConnectionError("Zalo's answer has no token.", { method: "POST", path: route });
    return { token };
  }

  /** A user's profile as the OA sees it. */
  async getUser(userId: string): Promise<OaUser> {
    const route = "/v3.0/oa/user/detail";
    requireId("userId", userId);
    const body = await this.#call<Body>(this.#openApi, {
      method: "GET",
      path: route,
      route,
      query: { data: JSON.stringify({ user_id: userId }) },
    });
    const data = dataOf(body, { method: "GET", path: route });
    const shared = isObject(data.shared_info) ? data.shared_info : undefined;
    return {
      userId: text(data.user_id) ?? userId,
      ...(text(data.user_id_by_app) && { userIdByApp: text(data.user_id_by_app) }),
      displayName: text(data.display_name) ?? "",
      ...(text(data.avatar) && { avatar: text(data.avatar) }),
      isFollower: data.user_is_follower === true,
      ...(typeof data.is_sensitive === "boolean" && { isSensitive: data.is_sensitive }),
      ...(text(data.user_last_interaction_date) && {
        lastInteractionDate: text(data.user_last_interaction_date),
      }),
      ...(shared && {
        sharedInfo: Object.fromEntries(
          ["name", "phone", "address", "city", "district"].flatMap((key) =>
            text(shared[key]) ? [[key, text(shared[key])]] : [],
          ),
        ),
      }),
      raw: data,
    };
  }

  /** How many messages the OA may still send the user, and when they last interacted. */
  async getQuota(userId: string): Promise<OaQuota> {
    const route = "/v3.0/oa/quota/message";
    requireId("userId", userId);
    const body = await this.#call<Body>(this.#openApi, {
      method: "POST",
      path: route,
      route,
      body: { user_id: userId },
      replayable: true,
    });
    const data = dataOf(body, { method: "POST", path: route });
    const reply = isObject(data.cs_reply) ? data.cs_reply : undefined;
    const remain = number(reply?.remain);
    const total = number(reply?.total);
    const last = number(data.last_interaction);
    return {
      userId: text(data.user_id) ?? userId,
      ...(last !== undefined && { lastInteractionAt: last }),
      ...(remain !== undefined && total !== undefined && { csReply: { remain, total } }),
      raw: data,
    };
  }

  /**
   * Sends a ZNS template message by phone number: the way to reach a citizen outside the
   * consultation window. The phone is normalised to `84xxxxxxxxx`. The delivery receipt comes
   * later as a `user_received_message` event carrying `trackingId`. Never retried (a repeat
   * would be charged and delivered twice).
   */
  async sendZns(message: ZnsMessage): Promise<ZnsResult> {
    const route = "/message/template";
    const phone = typeof message?.phone === "string" ? toInternationalPhone(message.phone) : null;
    if (phone === null)
      throw new ValidationError("phone is not a Vietnamese mobile number.", {
        fieldErrors: [
          { field: "phone", code: "invalid", message: "not a Vietnamese mobile number" },
        ],
      });
    requireId("templateId", message.templateId);
    requireId("trackingId", message.trackingId);
    if (!isObject(message.templateData))
      throw new ValidationError("templateData must be an object.", {
        fieldErrors: [{ field: "templateData", code: "invalid", message: "must be an object" }],
      });
    const body = await this.#call<Body>(this.#business, {
      method: "POST",
      path: route,
      route,
      body: {
        phone,
        template_id: message.templateId,
        template_data: message.templateData,
        tracking_id: message.trackingId,
      },
    });
    const info = { method: "POST", path: route };
    const data = dataOf(body, info);
    const msgId = text(data.msg_id);
    if (!msgId) throw new ConnectionError("Zalo's answer has no msg_id.", info);
    const quota = isObject(data.quota) ? data.quota : undefined;
    const dailyQuota = number(quota?.dailyQuota);
    const remainingQuota = number(quota?.remainingQuota);
    return {
      msgId,
      sentTime: text(data.sent_time) ?? "",
      ...(dailyQuota !== undefined &&
        remainingQuota !== undefined && { quota: { dailyQuota, remainingQuota } }),
    };
  }

  async #sendMessage(recipient: Body, message: Body): Promise<{ messageId: string }> {
    const route = "/v3.0/oa/message/cs";
    const body = await this.#call<Body>(this.#openApi, {
      method: "POST",
      path: route,
      route,
      body: { recipient, message },
    });
    const info = { method: "POST", path: route };
    const messageId = text(dataOf(body, info).message_id);
    if (!messageId) throw new ConnectionError("Zalo's answer has no message_id.", info);
    return { messageId };
  }

  async #upload(route: string, data: Uint8Array, filename: string, limit: number): Promise<Body> {
    if (!(data instanceof Uint8Array) || data.byteLength === 0)
      throw new ValidationError("data must be non-empty bytes.", {
        fieldErrors: [{ field: "data", code: "invalid", message: "must be non-empty bytes" }],
      });
    if (data.byteLength > limit)
      throw new ValidationError(`The file is larger than Zalo's ${limit / 1024 / 1024} MB.`, {
        fieldErrors: [{ field: "data", code: "too_large", message: `over ${limit} bytes` }],
      });
    requireId("filename", filename);
    const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
    const form = new FormData();
    const blob = new Blob([new Uint8Array(data)], {
      type: MIME_TYPES[extension] ?? "application/octet-stream",
    });
    form.append("file", blob, filename);
    const body = await this.#call<Body>(this.#openApi, {
      method: "POST",
      path: route,
      route,
      body: form,
    });
    return dataOf(body, { method: "POST", path: route });
  }

  /** One API call with a valid token; once more with a fresh one if Zalo refuses it. */
  async #call<T>(transport: Transport, call: Call): Promise<T> {
    let token = await this.#session.accessToken();
    try {
      return await transport.request<T>({ ...call, headers: { access_token: token } });
    } catch (error) {
      // The Transport's own "reauthenticate" cannot tell which token a response refused, and
      // a second refresh would spend the new single-use refresh token: so it is done here.
      if (!refusedToken(error)) throw error;
      token = (await this.#session.refresh(token)).accessToken;
      return transport.request<T>({ ...call, headers: { access_token: token } });
    }
  }

  /** The refresh-token grant. */
  async #grant(refreshToken: string): Promise<OaTokens> {
    if (!refreshToken)
      throw new AuthenticationError(
        "The OA has no refresh token (unverified OAs may not get one): an OA admin must authorise the app again.",
        {
          status: 401,
          code: "zalo_no_refresh_token",
          request: { method: "POST", path: TOKEN_PATH },
        },
      );
    return this.#tokenRequest({
      refresh_token: refreshToken,
      app_id: this.#appId,
      grant_type: "refresh_token",
    });
  }

  /** POST /v4/oa/access_token. Never retried: a grant spends its code or refresh token. */
  async #tokenRequest(form: Record<string, string>): Promise<OaTokens> {
    const sent = Date.now();
    const body = await this.#oauth.request<Body>({
      method: "POST",
      path: TOKEN_PATH,
      route: TOKEN_PATH,
      body: new URLSearchParams(form),
      headers: { secret_key: this.#appSecret },
    });
    const accessToken = text(body.access_token);
    if (!accessToken)
      throw new ConnectionError("Zalo's token answer has no access_token.", {
        method: "POST",
        path: TOKEN_PATH,
      });
    const expiresIn = number(body.expires_in) ?? DEFAULT_EXPIRES_IN_S;
    return {
      accessToken,
      refreshToken: text(body.refresh_token) ?? "",
      // From when the request left: the token's clock started no earlier.
      accessTokenExpiresAt: sent + expiresIn * 1000,
    };
  }
}

function requireId(field: string, value: unknown): void {
  if (typeof value !== "string" || value.trim() === "")
    throw new ValidationError(`${field} is required.`, {
      fieldErrors: [{ field, code: "required", message: "is required" }],
    });
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
