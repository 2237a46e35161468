import { createHash, timingSafeEqual } from "node:crypto";
import { SignatureVerificationError } from "@vnegov/sdk";
import { OA_USER_MESSAGE_EVENTS, type OaEvent } from "./events.js";

/** Options of {@link constructOaEvent}. */
export interface ConstructOaEventOptions {
  /** The Zalo App's ID: the first part of the signed string. */
  appId: string;
  /** The OA Secret Key from the app's webhook page (not the App secret). */
  oaSecretKey: string;
  /**
   * The `X-ZEvent-Timestamp` header, when your integration receives one: tried as the signed
   * timestamp after the body's `timestamp`.
   */
  timestampHeader?: string;
  /**
   * Largest accepted age (or lead) of the event's timestamp. Default 2 h: Zalo retries a
   * delivery it could not make for about 1 h 50 min (30 s, 5, 15, 30 and 60 min), with the
   * original body.
   */
  toleranceMs?: number;
  /** The current time in ms (for tests). */
  now?: number;
}

/** Default {@link ConstructOaEventOptions.toleranceMs}. */
export const DEFAULT_OA_TOLERANCE_MS = 2 * 60 * 60_000;

const WITH_ATTACHMENTS = new Set(["user_send_image", "user_send_file", "user_send_sticker"]);

type Body = Record<string, unknown>;
const isObject = (value: unknown): value is Body =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const hasId = (value: unknown) => isObject(value) && typeof value.id === "string";

/**
 * Verifies a Zalo OA webhook delivery and returns its event. Pass the **raw** body (never
 * re-serialised JSON) and the `X-ZEvent-Signature` header. The signature is
 * `mac=` + hex SHA-256 of `appId + rawBody + timestamp + oaSecretKey` (plain SHA-256, not an
 * HMAC), where `timestamp` is the body's `timestamp` string; it is compared in constant time.
 *
 * @throws {SignatureVerificationError} when the header is missing or not `mac=<hex>`, the MAC
 *   does not match (wrong key, or the body was changed), the timestamp is outside
 *   `toleranceMs`, or the body is not an event.
 *
 * @example
 * ```ts
 * const event = constructOaEvent(rawBody, req.headers["x-zevent-signature"], {
 *   appId: process.env.ZALO_APP_ID!,
 *   oaSecretKey: process.env.ZALO_OA_SECRET_KEY!,
 * });
 * if (event.event_name === "user_send_text") handle(event.sender.id, event.message.text);
 * ```
 */
export function constructOaEvent(
  rawBody: string | Uint8Array,
  signatureHeader: string | undefined,
  options: ConstructOaEventOptions,
): OaEvent {
  const { appId, oaSecretKey } = options ?? ({} as ConstructOaEventOptions);
  if (typeof appId !== "string" || appId === "")
    throw new SignatureVerificationError("No appId given.");
  if (typeof oaSecretKey !== "string" || oaSecretKey === "")
    throw new SignatureVerificationError("No OA secret key given.");
  if (!signatureHeader)
    throw new SignatureVerificationError("The X-ZEvent-Signature header is missing.");
  const given = /^\s*mac=([0-9a-f]{64})\s*$/i.exec(signatureHeader)?.[1];
  if (!given)
    throw new SignatureVerificationError("The X-ZEvent-Signature header is not mac=<hex>.");

  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  let event: unknown;
  try {
    event = JSON.parse(body.toString("utf8"));
  } catch {
    throw new SignatureVerificationError("The signed body is not JSON.");
  }
  if (!isObject(event)) throw new SignatureVerificationError("The signed body is not an event.");

  const candidates = [timestampOf(event.timestamp), options.timestampHeader?.trim()].filter(
    (t, i, all): t is string => typeof t === "string" && t !== "" && all.indexOf(t) === i,
  );
  if (candidates.length === 0)
    throw new SignatureVerificationError("The event has no timestamp to verify.");
  const expected = Buffer.from(given, "hex");
  const timestamp = candidates.find((candidate) => {
    const mac = createHash("sha256")
      .update(appId, "utf8")
      .update(body)
      .update(candidate, "utf8")
      .update(oaSecretKey, "utf8")
      .digest();
    return timingSafeEqual(mac, expected);
  });
  if (timestamp === undefined)
    throw new SignatureVerificationError(
      "The MAC does not match: wrong app id or OA secret key, or the body was changed.",
    );

  const tolerance = options.toleranceMs ?? DEFAULT_OA_TOLERANCE_MS;
  const age = Math.abs((options.now ?? Date.now()) - Number(timestamp));
  if (!Number.isFinite(age) || age > tolerance)
    throw new SignatureVerificationError(
      `The event timestamp is ${Math.round(age / 1000)} s off (tolerance ${Math.round(tolerance / 1000)} s).`,
    );
  return checked(event);
}

/** The body's timestamp as the string that was signed (Zalo sends a string; tolerate a number). */
function timestampOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The event, once the fields its type promises are there. Unknown kinds pass as they are. */
function checked(event: Body): OaEvent {
  const name = event.event_name;
  if (typeof name !== "string" || name === "")
    throw new SignatureVerificationError("The signed body has no event_name.");
  const malformed = () =>
    new SignatureVerificationError(`The signed body is not a well-formed ${name} event.`);
  if (OA_USER_MESSAGE_EVENTS.has(name)) {
    const message = event.message;
    if (!hasId(event.sender) || !isObject(message) || typeof message.msg_id !== "string")
      throw malformed();
    if (!hasId(event.recipient)) event.recipient = { id: "" };
    if (name === "user_send_text" && typeof message.text !== "string") throw malformed();
    if (WITH_ATTACHMENTS.has(name) && !Array.isArray(message.attachments)) message.attachments = [];
  } else if (name === "follow" || name === "unfollow") {
    // Zalo names the user `follower`; take `sender` when an integration sees that instead.
    if (!hasId(event.follower)) {
      if (!hasId(event.sender)) throw malformed();
      event.follower = event.sender;
    }
  } else if (name === "user_submit_info") {
    if (!hasId(event.sender)) throw malformed();
    if (!hasId(event.recipient)) event.recipient = { id: "" };
    if (!isObject(event.info)) event.info = {};
  } else if (name === "user_received_message") {
    if (!isObject(event.message) || typeof event.message.msg_id !== "string") throw malformed();
  }
  if (typeof event.app_id !== "string") event.app_id = String(event.app_id ?? "");
  event.timestamp = timestampOf(event.timestamp) ?? "";
  return event as unknown as OaEvent;
}
