import { createHash, randomBytes } from "node:crypto";

/** A PKCE verifier and its S256 challenge (RFC 7636), as Zalo's OAuth v4 wants them. */
export interface PkcePair {
  /** Keep it (e.g. in the session) until the callback; sent to {@link ZaloOa.exchangeCode}. */
  codeVerifier: string;
  /** Goes in the authorisation URL: base64url(SHA-256(verifier)), without padding. */
  codeChallenge: string;
}

/**
 * The S256 code challenge of a verifier: base64url(SHA-256(verifier)) without `=` padding.
 *
 * @example
 * ```ts
 * codeChallengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
 * // "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" (RFC 7636, appendix B)
 * ```
 */
export function codeChallengeFor(codeVerifier: string): string {
  return createHash("sha256").update(codeVerifier, "ascii").digest("base64url");
}

/**
 * A fresh PKCE pair: a 43-character random verifier (32 bytes of entropy, base64url) and its
 * challenge. Make one per authorisation attempt.
 *
 * @example
 * ```ts
 * const { codeVerifier, codeChallenge } = createPkcePair();
 * const url = oa.authorizationUrl({ redirectUri, codeChallenge, state });
 * ```
 */
export function createPkcePair(): PkcePair {
  const codeVerifier = randomBytes(32).toString("base64url");
  return { codeVerifier, codeChallenge: codeChallengeFor(codeVerifier) };
}
