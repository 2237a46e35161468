import { badRequest } from "./errors.js";
import { type FileStore, mimeTypeOf, type StoredFile } from "./files.js";
import { imageInfo } from "./image-size.js";
import type { Document, PhotoSize } from "./types.js";

/** The sides of the smaller copies Telegram makes of a photo. */
const THUMBNAIL_SIDES = [90, 320, 800];

/** A 1×1 PNG: the emulator does not resize, so smaller copies hold this placeholder. */
const PLACEHOLDER = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * Stores a photo and returns its sizes, smallest first and the original last, as Telegram
 * does. Bytes that are not a PNG, JPEG or GIF are refused like Telegram refuses them.
 */
export function storePhoto(files: FileStore, data: Uint8Array): PhotoSize[] {
  const info = imageInfo(data);
  if (!info) throw badRequest("IMAGE_PROCESS_FAILED");
  const longest = Math.max(info.width, info.height);
  const sizes = THUMBNAIL_SIDES.filter((side) => side < longest).map((side) => {
    const scale = side / longest;
    const file = files.add(
      PLACEHOLDER,
      { folder: "photos", extension: "png" },
      {
        mimeType: "image/png",
      },
    );
    return photoSize(file, Math.round(info.width * scale), Math.round(info.height * scale));
  });
  const original = files.add(
    data,
    { folder: "photos", extension: info.extension },
    {
      mimeType: info.mimeType,
    },
  );
  return [...sizes, photoSize(original, info.width, info.height)];
}

export function storeDocument(
  files: FileStore,
  data: Uint8Array,
  fileName: string,
  mimeType = mimeTypeOf(fileName) ?? "application/octet-stream",
): Document {
  const extension = fileName.includes(".") ? (fileName.split(".").pop() ?? "") : "";
  return documentOf(files.add(data, { folder: "documents", extension }, { mimeType, fileName }));
}

export function documentOf(file: StoredFile): Document {
  return {
    file_id: file.fileId,
    file_unique_id: file.uniqueId,
    ...(file.fileName !== undefined && { file_name: file.fileName }),
    ...(file.mimeType !== undefined && { mime_type: file.mimeType }),
    file_size: file.data.byteLength,
  };
}

function photoSize(file: StoredFile, width: number, height: number): PhotoSize {
  return {
    file_id: file.fileId,
    file_unique_id: file.uniqueId,
    width,
    height,
    file_size: file.data.byteLength,
  };
}
