import { SignatureVerificationError } from "@vnegov/sdk";
import { RecentIds } from "../shared/recent-ids.js";
import { constructOaEvent, DEFAULT_OA_TOLERANCE_MS } from "./construct-event.js";
import { type OaEvent, oaEventUserId } from "./events.js";

/** Options of {@link createZaloOaWebhook}. */
export interface ZaloOaWebhookOptions {
  /** The Zalo App's ID. */
  appId: string;
  /** The OA Secret Key from the app's webhook page. */
  oaSecretKey: string;
  /**
   * Called with each new, verified event after the answer went out (Zalo wants 200 within
   * 2 s). Echoes of the OA's own messages (`oa_send_*`) and repeated deliveries are not passed.
   */
  onEvent(event: OaEvent): void | Promise<void>;
  /**
   * Called when `onEvent` throws (with the event), or a delivery is refused (without one).
   * Default: a line on stderr without the event's content.
   */
  onError?(error: unknown, event?: OaEvent): void;
  /** How long a delivered event is remembered to drop repeats. Default 2 h (Zalo's retry span). */
  dedupeWindowMs?: number;
  /** Largest body accepted. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Passed to {@link constructOaEvent}. Default 2 h. */
  toleranceMs?: number;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const answer = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

function defaultOnError(error: unknown, event?: OaEvent): void {
  const reason = error instanceof Error ? error.message : String(error);
  if (event) console.error(`Zalo OA webhook: onEvent failed for ${event.event_name}: ${reason}`);
  else console.warn(`Zalo OA webhook: delivery refused: ${reason}`);
}

/**
 * A fetch-style handler (`Request` → `Response`) for the OA webhook: reads the raw body (up to
 * `maxBodyBytes`), verifies `X-ZEvent-Signature` with {@link constructOaEvent}, answers 200 at
 * once and runs `onEvent` afterwards. Repeated deliveries are dropped by `message.msg_id` (or
 * by event name, timestamp and user when there is none), and `oa_send_*` echoes are ignored so
 * a bot never answers itself. Unknown event kinds reach `onEvent` as they are.
 *
 * Answers: 200 accepted (also for repeats and echoes), 401 bad signature or malformed event,
 * 405 not a POST, 413 body too large.
 *
 * @example
 * ```ts
 * const webhook = createZaloOaWebhook({ appId, oaSecretKey, onEvent: (e) => queue.push(e) });
 * app.post("/zalo/oa/webhook", (c) => webhook(c.req.raw)); // Hono; any fetch-style server
 * ```
 */
export function createZaloOaWebhook(
  options: ZaloOaWebhookOptions,
): (request: Request) => Promise<Response> {
  if (typeof options?.onEvent !== "function") throw new TypeError("onEvent is required.");
  const { appId, oaSecretKey, onEvent } = options;
  const onError = options.onError ?? defaultOnError;
  const seen = new RecentIds(options.dedupeWindowMs ?? DEFAULT_OA_TOLERANCE_MS);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const report = (error: unknown, event?: OaEvent) => {
    try {
      onError(error, event);
    } catch {
      // A failing logger must not fail the delivery.
    }
  };

  return async (request) => {
    if (request.method !== "POST") return answer(405, "Method Not Allowed");
    const body = await readLimited(request, maxBodyBytes);
    if (!body) return answer(413, "Payload Too Large");
    let event: OaEvent;
    try {
      event = constructOaEvent(body, request.headers.get("x-zevent-signature") ?? undefined, {
        appId,
        oaSecretKey,
        timestampHeader: request.headers.get("x-zevent-timestamp") ?? undefined,
        toleranceMs: options.toleranceMs,
      });
    } catch (error) {
      if (!(error instanceof SignatureVerificationError)) throw error;
      report(error);
      return answer(401, "Invalid signature");
    }
    if (event.event_name.startsWith("oa_send_")) return answer(200, "OK");
    if (!seen.add(dedupeKey(event))) return answer(200, "OK");
    // After the answer: Zalo gives the receiver 2 s and notifies the OA admin when it is late.
    setTimeout(() => {
      Promise.resolve()
        .then(() => onEvent(event))
        .catch((error: unknown) => report(error, event));
    }, 0);
    return answer(200, "OK");
  };
}

/** One key per event, the same for each delivery of it. */
function dedupeKey(event: OaEvent): string {
  const msgId = (event as { message?: { msg_id?: unknown } }).message?.msg_id;
  // With the event name: a receipt and a seen-notice of one message share its msg_id.
  if (typeof msgId === "string" && msgId !== "") return `${event.event_name}:${msgId}`;
  return `${event.event_name}:${event.timestamp}:${oaEventUserId(event) ?? ""}`;
}

/** The body, or `undefined` when it is larger than `max` bytes. */
async function readLimited(request: Request, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) return undefined;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
