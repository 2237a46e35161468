import type { ZaloMessage } from "./types.js";

/** Keys under which payloads have been seen to put an image URL. */
const URL_KEYS = ["url", "photo_url", "image_url", "media_url", "src"] as const;

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function urlIn(record: Record<string, unknown>): string | undefined {
  for (const key of URL_KEYS) {
    const url = nonEmpty(record[key]);
    if (url) return url;
  }
  return undefined;
}

function fromPhoto(photo: unknown): string | undefined {
  if (typeof photo === "string") return nonEmpty(photo);
  if (Array.isArray(photo)) {
    // Sizes, when listed, come smallest first (as on Telegram): prefer the last usable one.
    for (const entry of [...photo].reverse()) {
      const url = typeof entry === "string" ? nonEmpty(entry) : isRecord(entry) && urlIn(entry);
      if (url) return url;
    }
    return undefined;
  }
  return isRecord(photo) ? urlIn(photo) : undefined;
}

function fromAttachments(attachments: unknown): string | undefined {
  if (!Array.isArray(attachments)) return undefined;
  for (const attachment of attachments) {
    if (!isRecord(attachment)) continue;
    const type = `${nonEmpty(attachment.type) ?? ""} ${nonEmpty(attachment.media_type) ?? ""}`
      .trim()
      .toLowerCase();
    // Untyped attachments count; typed ones only when they are images.
    if (type && !type.includes("image") && !type.includes("photo")) continue;
    const url =
      (isRecord(attachment.payload) && urlIn(attachment.payload)) || urlIn(attachment) || undefined;
    if (url) return url;
  }
  return undefined;
}

/**
 * The URL of a message's image, wherever the payload put it: `photo` (the documented place:
 * a URL, or a list of URLs or sizes, or an object with a `url`), then `photo_url`, then an
 * image attachment's `payload.url`. `undefined` when there is none. The top-level `url` is not
 * read: on a sticker message it is the sticker's image.
 */
export function imageUrlOf(message: Partial<ZaloMessage>): string | undefined {
  const record = message as Record<string, unknown>;
  return (
    fromPhoto(record.photo) ?? nonEmpty(record.photo_url) ?? fromAttachments(record.attachments)
  );
}
