const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

/**
 * A name and type for a photo Zalo hands over by URL only: the type the server reported when
 * it is an image (a form may accept PNG but not JPEG), else JPEG, Zalo's usual.
 */
export function photoFile(
  id: string,
  reportedType: string | undefined,
): { fileName: string; contentType: string } {
  const contentType = reportedType && EXTENSIONS[reportedType] ? reportedType : "image/jpeg";
  return { fileName: `zalo-photo-${id}.${EXTENSIONS[contentType]}`, contentType };
}
