import { safeEqual } from "@vnegov/domain";
import { RecentIds } from "../shared/recent-ids.js";
import { dedupeKeyOf, parseZaloUpdate } from "./parse-update.js";
import { report } from "./polling.js";
import type { ZaloUpdate } from "./types.js";
import { checkSecretToken } from "./validate.js";

/** The header Zalo sends the webhook's secret in. */
export const ZALO_SECRET_HEADER = "x-bot-api-secret-token";

/** Options of {@link createZaloBotWebhook}. */
export interface ZaloBotWebhookOptions {
  /** The `secretToken` given to `setWebhook` (8–256 characters). */
  secretToken: string;
  /**
   * Handles one update. Runs after the answer is sent, so it may take its time; Zalo is not
   * kept waiting and does not redeliver.
   */
  onUpdate(update: ZaloUpdate): unknown;
  /** Told when `onUpdate` fails. Default: `console.error`. */
  onError?(error: unknown, update?: ZaloUpdate): void;
  /** How long a repeated `event_name` + `message_id` is dropped. Default 5 min. */
  dedupeWindowMs?: number;
  /** Largest body accepted; larger ones get 413. Default 1 MB. */
  maxBodyBytes?: number;
}

const answer = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });

class TooLarge extends Error {}

/** The raw body, refused past `limit` bytes (by Content-Length, or counted as it streams). */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw new TooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A Fetch-API handler for the bot's webhook (Hono, Next.js, Bun, Deno, or Node through an
 * adapter). It checks `X-Bot-Api-Secret-Token` in constant time (401 when missing or wrong),
 * reads the raw body (413 past `maxBodyBytes`, 400 when it is not JSON or not an update),
 * accepts both the wrapped `{ ok: true, result: {…} }` and the bare `{ event_name, message }`
 * form, drops repeats of an `event_name` + `message_id`, answers 200 at once and then runs
 * `onUpdate`; its errors go to `onError`. Unknown events are handed over like any other.
 *
 * @example
 * ```ts
 * const handle = createZaloBotWebhook({ secretToken, onUpdate: (u) => engine.handle(u) });
 * app.post("/zalo/webhook", (c) => handle(c.req.raw));
 * await bot.setWebhook({ url: "https://bot.example.gov.vn/zalo/webhook", secretToken });
 * ```
 */
export function createZaloBotWebhook(
  options: ZaloBotWebhookOptions,
): (request: Request) => Promise<Response> {
  const secret = checkSecretToken("secretToken", options.secretToken);
  const seen = new RecentIds(options.dedupeWindowMs ?? 5 * 60_000);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const { onUpdate, onError } = options;

  return async (request) => {
    if (request.method !== "POST") return answer(405, { ok: false, error: "method not allowed" });
    if (!safeEqual(secret, request.headers.get(ZALO_SECRET_HEADER)))
      return answer(401, { ok: false, error: "invalid secret token" });
    let raw: Uint8Array;
    try {
      raw = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof TooLarge) return answer(413, { ok: false, error: "body too large" });
      throw error;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(raw).toString("utf8"));
    } catch {
      return answer(400, { ok: false, error: "malformed JSON" });
    }
    const update = parseZaloUpdate(payload);
    if (!update) return answer(400, { ok: false, error: "not a Zalo update" });
    const key = dedupeKeyOf(update);
    if (key !== undefined && !seen.add(key)) return answer(200, { ok: true, duplicate: true });
    // After the answer: Zalo must not wait for the bot's work.
    setImmediate(() => {
      Promise.resolve()
        .then(() => onUpdate(update))
        .catch((error: unknown) => report(onError, error, update));
    });
    return answer(200, { ok: true });
  };
}
