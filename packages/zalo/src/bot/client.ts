import {
  ApiError,
  ConcurrencyLimiter,
  ConflictError,
  ConnectionError,
  type Outcome,
  type RawResponse,
  type RequestInfo,
  type RetryOptions,
  splitText,
  TimeoutError,
  Transport,
  type TransportRequest,
  ValidationError,
} from "@vnegov/sdk";
import { ZaloWebhookConflictError } from "./errors.js";
import {
  type GetUpdatesOptions,
  type SendChatActionParams,
  type SendMessageParams,
  type SendPhotoParams,
  type SendStickerParams,
  type SetWebhookParams,
  type StartPollingOptions,
  ZALO_BOT_API_URL,
  type ZaloBotOptions,
  type ZaloCallOptions,
} from "./options.js";
import { parseZaloUpdate } from "./parse-update.js";
import { runPolling } from "./polling.js";
import { readZaloAnswer } from "./read-answer.js";
import type {
  ZaloBotInfo,
  ZaloChatAction,
  ZaloSentMessage,
  ZaloUpdate,
  ZaloWebhookInfo,
} from "./types.js";
import {
  checkId,
  checkSecretToken,
  checkText,
  checkToken,
  checkUrl,
  ZALO_TEXT_LIMIT,
} from "./validate.js";

const VERSION = "0.0.0";
const CHAT_ACTIONS: ReadonlySet<string> = new Set<ZaloChatAction>(["typing", "upload_photo"]);

interface Call extends ZaloCallOptions {
  body?: Record<string, unknown>;
  /** Safe to repeat after a failure (reads, settings); sends are not. */
  replayable: boolean;
  transport?: Transport;
  maxRetries?: number;
  read?: TransportRequest["read"];
}

/**
 * A client of the Zalo Bot API (`https://bot-api.zaloplatforms.com/bot<token>/<method>`), on the
 * shared {@link Transport}: limiter, retries with backoff, rate-limit pauses and hooks as in
 * `@vnegov/sdk`, and the same error classes. Zalo's `{ ok: false, error_code, description }`
 * becomes `ValidationError` (400), `AuthenticationError` (401), `PermissionError` (403),
 * `NotFoundError` (404), `RateLimitError` (429) or `ServerError` (5xx), each with
 * `code: "zalo_<error_code>"`; a body that is not JSON becomes `ConnectionError`.
 *
 * Sends are not repeated after a failure that may have delivered them (a 5xx, a dropped
 * connection); reads and settings are.
 *
 * @example
 * ```ts
 * const bot = new ZaloBot({ token: process.env.ZALO_BOT_TOKEN! });
 * await bot.startPolling(async (update) => {
 *   if (isKnownZaloUpdate(update) && update.event_name === "message.text.received")
 *     await bot.sendText({ chatId: update.message.chat.id, text: `Bạn vừa gửi: ${update.message.text}` });
 * }, { signal, onError: (error) => log.warn({ err: error }, "zalo update failed") });
 * ```
 */
export class ZaloBot {
  readonly #token: string;
  readonly #api: Transport;
  /** Long polls: no timeout of their own and a lane of their own, so they hold no send slot. */
  readonly #poller: Transport;
  readonly #retry: RetryOptions;
  readonly #graceMs: number;

  constructor(options: ZaloBotOptions) {
    const token = checkToken(options?.token);
    this.#token = token;
    this.#retry = options.retry ?? {};
    this.#graceMs = options.timeout ?? 30_000;
    const common = {
      baseURL: options.baseURL ?? ZALO_BOT_API_URL,
      retry: options.retry,
      hooks: options.hooks,
      userAgent: `vnegov-zalo/${VERSION} node/${process.versions.node}`,
      read: (response: RawResponse, request: RequestInfo) =>
        readZaloAnswer(response, request, token),
    };
    this.#api = new Transport({ ...common, timeout: options.timeout, limiter: options.limiter });
    this.#poller = new Transport({ ...common, timeout: 0, limiter: new ConcurrencyLimiter(1) });
  }

  /** The bot's own account. */
  async getMe(options: ZaloCallOptions = {}): Promise<ZaloBotInfo> {
    return this.#call("getMe", { ...options, replayable: true });
  }

  /**
   * Waits up to `timeout` seconds for the next update; `undefined` when none came (Zalo's
   * error 408). Zalo hands out one update per call and forgets it once answered. Polls go one
   * at a time. Throws {@link ZaloWebhookConflictError} while a webhook is set.
   */
  async getUpdates(options: GetUpdatesOptions = {}): Promise<ZaloUpdate | undefined> {
    const timeout = options.timeout ?? 30;
    if (!Number.isInteger(timeout) || timeout < 0)
      throw new ValidationError("timeout must be a whole number of seconds, at least 0.", {
        fieldErrors: [{ field: "timeout", code: "invalid", message: "must be an integer ≥ 0" }],
      });
    const route = "/bot{token}/getUpdates";
    const deadlineMs = timeout * 1000 + this.#graceMs;
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    let result: unknown;
    try {
      result = await this.#call("getUpdates", {
        body: { timeout: String(timeout) },
        signal,
        replayable: true,
        transport: this.#poller,
        // The caller's loop polls again anyway; a retry inside would outlive the deadline.
        maxRetries: 0,
        read: (response, request) => noUpdateOn408(readZaloAnswer(response, request, this.#token)),
      });
    } catch (error) {
      if (deadline.aborted && !options.signal?.aborted)
        throw new TimeoutError(
          `POST ${route}: no answer within ${deadlineMs} ms.`,
          { method: "POST", path: route },
          { cause: error },
        );
      if (isWebhookConflict(error)) throw new ZaloWebhookConflictError({ cause: error });
      throw error;
    }
    if (result === undefined || result === null) return undefined;
    const update = parseZaloUpdate(result);
    if (!update)
      throw new ConnectionError(`POST ${route}: Zalo's result is not an update.`, {
        method: "POST",
        path: route,
      });
    return update;
  }

  /**
   * Has Zalo POST updates to `url` with `secretToken` in `X-Bot-Api-Secret-Token` (receive
   * them with `createZaloBotWebhook`). `getUpdates` stops working until `deleteWebhook`.
   */
  async setWebhook(params: SetWebhookParams): Promise<ZaloWebhookInfo> {
    const url = checkUrl("url", params?.url);
    const secretToken = checkSecretToken("secretToken", params.secretToken);
    return this.#call("setWebhook", {
      body: { url, secret_token: secretToken },
      signal: params.signal,
      replayable: true,
    });
  }

  /** Removes the webhook, so `getUpdates` works again. */
  async deleteWebhook(options: ZaloCallOptions = {}): Promise<ZaloWebhookInfo> {
    return this.#call("deleteWebhook", { ...options, replayable: true });
  }

  /** The webhook now set; `url` is `""` when none. */
  async getWebhookInfo(options: ZaloCallOptions = {}): Promise<ZaloWebhookInfo> {
    return this.#call("getWebhookInfo", { ...options, replayable: true });
  }

  /**
   * Sends one text of 1–2000 UTF-16 code units (checked before any request: a
   * `ValidationError`). Plain text: Zalo renders no markup. For longer texts use
   * {@link ZaloBot.sendText}.
   */
  async sendMessage(params: SendMessageParams): Promise<ZaloSentMessage> {
    const chatId = checkId("chatId", params?.chatId);
    const text = checkText("text", params.text);
    return this.#call("sendMessage", {
      body: { chat_id: chatId, text },
      signal: params.signal,
      replayable: false,
    });
  }

  /**
   * Sends a text of any length as messages of at most 2000 UTF-16 code units, in order,
   * split at paragraph, line or word boundaries and never inside a letter with its
   * combining marks or an emoji. A failure stops the rest (the pieces before it are sent).
   */
  async sendText(params: SendMessageParams): Promise<ZaloSentMessage[]> {
    const chatId = checkId("chatId", params?.chatId);
    if (typeof params.text !== "string" || params.text === "") checkText("text", params.text);
    const sent: ZaloSentMessage[] = [];
    for (const text of splitText(params.text, ZALO_TEXT_LIMIT))
      sent.push(await this.sendMessage({ chatId, text, signal: params.signal }));
    return sent;
  }

  /** Sends a photo by URL, with an optional caption (1–2000 UTF-16 code units). */
  async sendPhoto(params: SendPhotoParams): Promise<ZaloSentMessage> {
    const chatId = checkId("chatId", params?.chatId);
    const photo = checkUrl("photo", params.photo);
    const caption = params.caption === undefined ? undefined : checkText("caption", params.caption);
    return this.#call("sendPhoto", {
      body: { chat_id: chatId, photo, ...(caption !== undefined && { caption }) },
      signal: params.signal,
      replayable: false,
    });
  }

  /** Sends a sticker by id. */
  async sendSticker(params: SendStickerParams): Promise<ZaloSentMessage> {
    const chatId = checkId("chatId", params?.chatId);
    const sticker = checkId("sticker", params.sticker);
    return this.#call("sendSticker", {
      body: { chat_id: chatId, sticker },
      signal: params.signal,
      replayable: false,
    });
  }

  /** Shows "typing…" (or `upload_photo`) in the chat for up to 5 s or until the next message. */
  async sendChatAction(params: SendChatActionParams): Promise<void> {
    const chatId = checkId("chatId", params?.chatId);
    if (!CHAT_ACTIONS.has(params.action))
      throw new ValidationError('action must be "typing" or "upload_photo".', {
        fieldErrors: [
          { field: "action", code: "invalid", message: "must be typing or upload_photo" },
        ],
      });
    await this.#call("sendChatAction", {
      body: { chat_id: chatId, action: params.action },
      signal: params.signal,
      replayable: true,
    });
  }

  /**
   * Long-polls until `options.signal` aborts, handing each update to `onUpdate` and awaiting
   * it (one at a time, in order). "No update" polls again; a failed poll is reported to
   * `onError` and retried with backoff (or after a 429's `Retry-After`); a failed `onUpdate` is
   * reported and the loop goes on. Rejects with {@link ZaloWebhookConflictError} while a webhook
   * is set, and with the error for a refused token (401), a host without `getUpdates` (404) or
   * a rejected request (400). Resolves once the signal aborts.
   */
  startPolling(
    onUpdate: (update: ZaloUpdate) => unknown,
    options: StartPollingOptions = {},
  ): Promise<void> {
    return runPolling(
      (timeout, signal) => this.getUpdates({ timeout, signal }),
      onUpdate,
      options,
      this.#retry,
    );
  }

  async #call<T>(method: string, call: Call): Promise<T> {
    const transport = call.transport ?? this.#api;
    try {
      return await transport.request<T>({
        method: "POST",
        path: `/bot${this.#token}/${method}`,
        route: `/bot{token}/${method}`,
        body: call.body,
        replayable: call.replayable,
        signal: call.signal,
        maxRetries: call.maxRetries,
        read: call.read,
      });
    } catch (error) {
      throw withoutToken(error, this.#token);
    }
  }
}

/** In `getUpdates`, Zalo's 408 means "no update this time", not a failure. */
function noUpdateOn408(outcome: Outcome): Outcome {
  if (!outcome.ok && outcome.error instanceof ApiError && outcome.error.status === 408)
    return { ok: true, value: undefined };
  return outcome;
}

/**
 * Zalo refuses `getUpdates` while a webhook is set. The emulator (like node-zalo-bot's
 * polling, inherited from node-telegram-bot-api) uses 409; other fakes answer 400 with a
 * description naming the webhook. Both count.
 */
function isWebhookConflict(error: unknown): boolean {
  if (error instanceof ConflictError) return true;
  return error instanceof ValidationError && error.status === 400 && /webhook/i.test(error.message);
}

/**
 * A connection error whose cause (axios's error) holds the request config, URL and token
 * included, is rebuilt with a cause that keeps only the message and code.
 */
function withoutToken(error: unknown, token: string): unknown {
  if (!(error instanceof ConnectionError)) return error;
  const scrub = (text: string) => text.split(token).join("<token>");
  const cause = error.cause as { message?: unknown; code?: unknown } | undefined;
  const safeCause =
    cause === undefined
      ? undefined
      : Object.assign(new Error(scrub(String(cause.message ?? cause))), {
          ...(typeof cause.code === "string" && { code: cause.code }),
        });
  const Kind = error.constructor as typeof ConnectionError;
  const clean = new Kind(scrub(error.message), error.request, { cause: safeCause });
  clean.stack = scrub(error.stack ?? "");
  return clean;
}
