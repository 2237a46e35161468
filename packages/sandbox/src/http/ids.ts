import { createHash, createHmac, createSecretKey, randomFillSync } from "node:crypto";

/** A source of random bytes (crypto, or seeded for the sample world). */
export type RandomBytes = (size: number) => Uint8Array;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const pool = Buffer.alloc(4096);
let pooled = pool.length;

/**
 * Crypto-random bytes from a pooled buffer, as `randomUUID` does: one call into OpenSSL per
 * hundred ids rather than one per id (each request gets an id). Read them at once: the
 * pool is refilled in place.
 */
function pooledRandomBytes(size: number): Uint8Array {
  if (size > pool.length) return randomFillSync(Buffer.alloc(size));
  if (pooled + size > pool.length) {
    randomFillSync(pool);
    pooled = 0;
  }
  pooled += size;
  return pool.subarray(pooled - size, pooled);
}

/** Random characters from `alphabet`, unbiased (rejection sampling). */
export function randomString(
  length: number,
  alphabet = ALPHABET,
  random: RandomBytes = pooledRandomBytes,
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
export function newId(prefix: string, random: RandomBytes = pooledRandomBytes): string {
  return `${prefix}_${randomString(20, ALPHABET, random)}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

// Imported once: a string key is imported afresh by every createHmac (two per look-up).
const SECRET_KEY = createSecretKey(Buffer.from("vnegov-sandbox"));

/** Hash of a credential or verification secret, as stored. */
export function hashSecret(secret: string): string {
  return createHmac("sha256", SECRET_KEY).update(secret).digest("hex");
}
