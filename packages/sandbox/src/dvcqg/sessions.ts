import { randomBytes } from "node:crypto";

/**
 * Login sessions, carried in the request body as `session`. Expiry runs on the wall clock:
 * tests pin the world's domain clock, and sessions must still lapse.
 */
export class DvcqgSessions {
  private readonly sessions = new Map<string, number>();

  constructor(private readonly ttlSeconds: () => number) {}

  /** A new session token. */
  open(): string {
    const token = randomBytes(24).toString("hex");
    this.sessions.set(token, Date.now() + this.ttlSeconds() * 1000);
    return token;
  }

  /** Whether `token` is a live session; expired ones are forgotten. */
  isLive(token: unknown): boolean {
    if (typeof token !== "string") return false;
    const expiresAt = this.sessions.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.sessions.delete(token);
    return false;
  }

  /** Ends every session now, as a portal restart or a password change would. */
  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  get size(): number {
    return this.sessions.size;
  }
}
