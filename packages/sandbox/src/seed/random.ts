import { createHash } from "node:crypto";

/**
 * Repeatable bytes for ids and secrets: SHA-256 in counter mode over the seed. Not for real
 * secrets; the sample world only needs the same bytes for the same seed.
 */
export function seededBytes(seed: number): (size: number) => Buffer {
  let counter = 0;
  return (size) => {
    const chunks: Buffer[] = [];
    let length = 0;
    while (length < size) {
      const block = createHash("sha256").update(`${seed}:${counter++}`).digest();
      chunks.push(block);
      length += block.length;
    }
    return Buffer.concat(chunks).subarray(0, size);
  };
}
