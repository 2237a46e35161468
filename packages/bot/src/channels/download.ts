/** The user sent a file over the limit; nothing was downloaded past it. */
export class AttachmentTooLargeError extends Error {
  override readonly name = "AttachmentTooLargeError";
  constructor(readonly limitBytes: number) {
    super(`An attachment exceeds ${limitBytes} bytes.`);
  }
}

/**
 * Downloads a file a user sent, stopping as soon as it passes `maxBytes`
 * ({@link AttachmentTooLargeError}). `platform` names the source in errors; the URL is never
 * put in one (Telegram's holds the bot token).
 */
export async function downloadLimited(
  url: URL | string,
  maxBytes: number,
  platform: string,
): Promise<{ data: Uint8Array; contentType: string | undefined }> {
  const response = await fetch(url);
  if (!response.ok || !response.body)
    throw new Error(`${platform} file download failed with HTTP ${response.status}.`);
  if (Number(response.headers.get("content-length") ?? 0) > maxBytes)
    throw new AttachmentTooLargeError(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // Leaving the loop cancels the rest of the download.
    if (size > maxBytes) throw new AttachmentTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim();
  return { data: new Uint8Array(Buffer.concat(chunks)), contentType: contentType || undefined };
}
