import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Web chat sessions without server-side state: a session id is 128 random bits and its token
 * an HMAC of the id. Nothing to store or expire, and with a shared `secret` tokens stay valid
 * across restarts and instances.
 */
export class SessionTokens {
  private readonly key: Buffer;

  /** `secret` signs the tokens; without one, a random key lives as long as the process. */
  constructor(secret?: string) {
    this.key = secret === undefined ? randomBytes(32) : Buffer.from(secret, "utf8");
  }

  issue(): { sessionId: string; token: string } {
    const sessionId = randomBytes(16).toString("base64url");
    return { sessionId, token: this.sign(sessionId) };
  }

  /** Whether `token` belongs to `sessionId`, compared in constant time. */
  verify(sessionId: string, token: string): boolean {
    if (!isSessionId(sessionId)) return false;
    const expected = Buffer.from(this.sign(sessionId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(sessionId: string): string {
    return createHmac("sha256", this.key).update(`webchat:${sessionId}`).digest("base64url");
  }
}

/** Whether `value` has the shape of an issued session id (it is also the engine's chat id). */
export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}
