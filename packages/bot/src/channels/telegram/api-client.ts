import http, { STATUS_CODES } from "node:http";
import https from "node:https";
import { Telegram, TelegramError } from "telegraf";
import type { Telegram as Methods, Opts } from "telegraf/types";

/**
 * Methods sent as plain JSON on node:http: the messaging hot path. A text message never holds
 * a file, so no multipart is needed; files, long polling and set-up stay on telegraf's client.
 */
const JSON_METHODS: ReadonlySet<string> = new Set(["sendMessage", "answerCallbackQuery"]);
/** A call that has not been answered by then fails (telegraf waits 500 s). */
const CALL_TIMEOUT_MS = 60_000;

interface BotApiAnswer {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/**
 * telegraf's `Telegram` with its messaging calls made straight on node:http, through the same
 * keep-alive agent. telegraf's client (node-fetch with its Request, Headers and body streams)
 * allocated some 25 KB per call: at a 1 000 msg/s broadcast that garbage meant a young-
 * generation GC every few hundred ms, each holding departures back by several ms. Straight
 * http allocates a fraction of that and loads nothing new (undici would add 6 MB of resident
 * code to a process whose memory the broadcast benchmark budgets).
 *
 * Answers are read as telegraf reads them: the same `TelegramError` on `ok: false` and on a
 * 5xx (code = HTTP status), so callers and `classifySendError` cannot tell the two apart.
 * Network failures reject with Node's error (`code` ECONNREFUSED, ECONNRESET, ETIMEDOUT…).
 */
export class HttpTelegram extends Telegram {
  private readonly urls = new Map<string, URL>();

  override callApi<M extends keyof Methods>(
    method: M,
    payload: Opts<M>,
    options?: Parameters<Telegram["callApi"]>[2],
  ): Promise<ReturnType<Methods[M]>> {
    // webhookReply answers inside the webhook's response, and an abortable call is a long
    // poll: telegraf does those itself.
    if (!JSON_METHODS.has(method) || this.options.webhookReply || options?.signal)
      return super.callApi(method, payload, options);
    return this.callJson(method, payload) as Promise<ReturnType<Methods[M]>>;
  }

  private callJson(method: string, payload: object): Promise<unknown> {
    const body = JSON.stringify(payload);
    const url = this.urlOf(method);
    const request = url.protocol === "https:" ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const call = request(
        url,
        {
          method: "POST",
          agent: this.options.agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
          timeout: CALL_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            try {
              resolve(answerOf(method, payload, response.statusCode ?? 0, Buffer.concat(chunks)));
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      call.on("timeout", () =>
        call.destroy(Object.assign(new Error("Bot API call timed out"), { code: "ETIMEDOUT" })),
      );
      call.on("error", reject);
      call.end(body);
    });
  }

  /** The method's URL, as telegraf builds it; errors never show it (it holds the token). */
  private urlOf(method: string): URL {
    let url = this.urls.get(method);
    if (!url) {
      const { apiMode, apiRoot, testEnv } = this.options;
      url = new URL(`./${apiMode}${this.token}${testEnv ? "/test" : ""}/${method}`, apiRoot);
      this.urls.set(method, url);
    }
    return url;
  }
}

/** The call's result, or telegraf's `TelegramError` for a 5xx or an `ok: false` answer. */
function answerOf(method: string, payload: object, status: number, body: Buffer): unknown {
  if (status >= 500)
    // Not parsed: a proxy's 502 page is no JSON. telegraf answers the same way.
    throw new TelegramError(
      { error_code: status, description: STATUS_CODES[status] ?? "" },
      { method, payload },
    );
  const answer = JSON.parse(body.toString("utf8")) as BotApiAnswer;
  if (!answer.ok)
    throw new TelegramError(
      {
        error_code: answer.error_code ?? status,
        description: answer.description ?? "",
        ...(answer.parameters && { parameters: answer.parameters }),
      },
      { method, payload },
    );
  return answer.result;
}
