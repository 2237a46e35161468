import { extname } from "node:path";
import type { Telegram } from "telegraf";
import type { IncomingAttachment } from "../../engine/messages.js";
import { AttachmentTooLargeError, downloadLimited } from "../download.js";
import { withFloodRetry } from "./flood-retry.js";
import type { FileRef } from "./incoming.js";

/** Photo types by the extension of their Telegram file path. */
const PHOTO_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".webp": "image/webp",
};

/**
 * Downloads the files of a message (`getFile`, then the file URL under the API root). Throws
 * {@link AttachmentTooLargeError} as soon as one is known to exceed `maxBytes`: from its
 * reported size, or while reading it.
 */
export async function downloadAttachments(
  telegram: Telegram,
  files: readonly FileRef[],
  maxBytes: number,
): Promise<IncomingAttachment[]> {
  const attachments: IncomingAttachment[] = [];
  for (const ref of files) {
    if ((ref.size ?? 0) > maxBytes) throw new AttachmentTooLargeError(maxBytes);
    const file = await withFloodRetry(() => telegram.getFile(ref.fileId));
    if ((file.file_size ?? 0) > maxBytes) throw new AttachmentTooLargeError(maxBytes);
    const extension = extname(file.file_path ?? "").toLowerCase();
    const photoType = ref.contentType === undefined ? PHOTO_TYPES[extension] : undefined;
    attachments.push({
      fileName: photoType ? `${ref.fileName}${extension}` : ref.fileName,
      contentType: ref.contentType ?? photoType ?? "application/octet-stream",
      data: (await downloadLimited(await telegram.getFileLink(file), maxBytes, "Telegram")).data,
    });
  }
  return attachments;
}
