/** What Telegram needs to know about an uploaded photo. */
export interface ImageInfo {
  width: number;
  height: number;
  extension: "png" | "jpg" | "gif";
  mimeType: string;
}

/**
 * Reads the dimensions from a PNG, JPEG or GIF header; `undefined` for anything else, which
 * Telegram refuses as a photo. Nothing past the header is decoded.
 */
export function imageInfo(data: Uint8Array): ImageInfo | undefined {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (
    bytes.length >= 24 &&
    bytes.readUInt32BE(0) === 0x89504e47 &&
    bytes.readUInt32BE(4) === 0x0d0a1a0a
  ) {
    return sized(bytes.readUInt32BE(16), bytes.readUInt32BE(20), "png", "image/png");
  }
  if (bytes.length >= 10 && bytes.toString("latin1", 0, 4) === "GIF8") {
    return sized(bytes.readUInt16LE(6), bytes.readUInt16LE(8), "gif", "image/gif");
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegInfo(bytes);
  return undefined;
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegInfo(bytes: Buffer): ImageInfo | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      return sized(bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5), "jpg", "image/jpeg");
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return undefined;
}

function sized(
  width: number,
  height: number,
  extension: ImageInfo["extension"],
  mimeType: string,
): ImageInfo | undefined {
  return width > 0 && height > 0 ? { width, height, extension, mimeType } : undefined;
}
