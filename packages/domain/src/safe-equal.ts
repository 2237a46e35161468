import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Whether `given` is the `expected` secret (a password, token or identity number), compared in
 * constant time: the SHA-256 digests of both sides are compared with `timingSafeEqual`, so the
 * timing leaks neither the content nor the length of `expected`. `false` when `given` is not
 * a string (a missing header, a number in a JSON body). Strings are compared as UTF-8, as
 * written: no trimming or Unicode normalization.
 */
export function safeEqual(expected: string, given: unknown): boolean {
  return typeof given === "string" && timingSafeEqual(digest(expected), digest(given));
}
