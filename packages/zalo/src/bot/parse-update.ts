import type { ZaloKnownEventName, ZaloKnownUpdate, ZaloUpdate } from "./types.js";

const KNOWN_EVENTS: ReadonlySet<string> = new Set<ZaloKnownEventName>([
  "message.text.received",
  "message.image.received",
  "message.sticker.received",
  "message.unsupported.received",
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether `update` is of a documented kind. Narrows {@link ZaloUpdate} so that a `switch` on
 * `event_name` then types each `message` exactly.
 */
export function isKnownZaloUpdate(update: ZaloUpdate): update is ZaloKnownUpdate {
  return KNOWN_EVENTS.has(update.event_name);
}

/**
 * An update from a `getUpdates` result or a webhook body, wrapped (`{ ok: true, result }`, as
 * the official docs show) or not (`{ event_name, message }`, as Zalo has been seen to send).
 * `undefined` when it is not an update: no `event_name`, or a documented event without a
 * message and its chat. Unknown events pass as they are.
 */
export function parseZaloUpdate(payload: unknown): ZaloUpdate | undefined {
  const update = isRecord(payload) && payload.ok === true ? payload.result : payload;
  if (!isRecord(update) || typeof update.event_name !== "string") return undefined;
  if (!KNOWN_EVENTS.has(update.event_name)) return update as ZaloUpdate;
  const { message } = update;
  if (!isRecord(message) || !isRecord(message.chat) || message.chat.id === undefined)
    return undefined;
  if (update.event_name === "message.text.received" && typeof message.text !== "string")
    return undefined;
  return update as unknown as ZaloKnownUpdate;
}

/** The key repeats of one delivery share (`event_name` + `message_id`); `undefined` without an id. */
export function dedupeKeyOf(update: ZaloUpdate): string | undefined {
  const id = update.message?.message_id;
  return id === undefined || id === null || id === "" ? undefined : `${update.event_name}:${id}`;
}
