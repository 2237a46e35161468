/**
 * Strict base64 for `ContentTransferEncoded`. Node's decoder silently skips invalid
 * characters, which would turn a corrupted attachment into different bytes; this one refuses.
 */

/** Line breaks and spaces are tolerated: Java and MIME encoders wrap at 76 columns. */
const WHITESPACE = /[\t\n\r ]+/g;
/**
 * Alphabet plus up to two `=` at the end; with the length a multiple of 4 that is exactly
 * padded base64. (A `(?:[…]{4})*` pattern would say it in one go but backtracks recursively
 * and overflows the stack on multi-megabyte attachments.)
 */
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of standard base64 text (RFC 4648 §4, padded); `null` if it is not that. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(WHITESPACE, "");
  if (compact.length % 4 !== 0 || !BASE64_CHARS.test(compact)) return null;
  // Copy into a plain Uint8Array so callers never hold a pooled Buffer slice.
  return new Uint8Array(Buffer.from(compact, "base64"));
}

/** Standard padded base64 on one line. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}
