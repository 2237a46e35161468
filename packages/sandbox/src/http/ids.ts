import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A source of random bytes (crypto, or seeded for the sample world). */
export type RandomBytes = (size: number) => Uint8Array;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random characters from `alphabet`, unbiased (rejection sampling). */
export function randomString(
  length: number,
  alphabet = ALPHABET,
  random: RandomBytes = randomBytes,
): string {
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A type-prefixed opaque id, e.g. `dos_3kTMd92hQ0aLp7Zx`. */
export function newId(prefix: string, random: RandomBytes = randomBytes): string {
  return `${prefix}_${randomString(20, ALPHABET, random)}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Hash of a credential or verification secret, as stored. */
export function hashSecret(secret: string): string {
  return createHmac("sha256", "vnegov-sandbox").update(secret).digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
