/** The OA's OAuth tokens. The refresh token is single-use: every refresh returns a new pair. */
export interface OaTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working, in epoch ms. */
  accessTokenExpiresAt: number;
}

/**
 * Where the OA's tokens live. `write` must replace both tokens together (never one without the
 * other): a refresh token that was used but whose successor was lost cannot be recovered
 * without the OA admin authorising the app again.
 */
export interface OaTokenStore {
  /** The saved tokens, or `undefined` before the first authorisation. */
  read(): Promise<OaTokens | undefined>;
  /** Saves both tokens atomically. */
  write(tokens: OaTokens): Promise<void>;
  /**
   * Optional: runs `critical` while holding a lock shared by every process using this store,
   * so two processes never spend the same refresh token. {@link FileTokenStore} has one.
   */
  lock?<T>(critical: () => Promise<T>): Promise<T>;
}

/** Whether `value` has the shape of {@link OaTokens}. */
export function isOaTokens(value: unknown): value is OaTokens {
  if (!value || typeof value !== "object") return false;
  const tokens = value as Record<string, unknown>;
  return (
    typeof tokens.accessToken === "string" &&
    typeof tokens.refreshToken === "string" &&
    typeof tokens.accessTokenExpiresAt === "number" &&
    Number.isFinite(tokens.accessTokenExpiresAt)
  );
}

/**
 * Tokens in memory: for tests and one-off scripts. They are lost when the process ends, and
 * with them the refresh token, so use {@link FileTokenStore} (or your own store) in production.
 */
export class MemoryTokenStore implements OaTokenStore {
  private tokens: OaTokens | undefined;

  constructor(initial?: OaTokens) {
    this.tokens = initial && { ...initial };
  }

  /** A copy of the tokens, or `undefined` when none were written. */
  async read(): Promise<OaTokens | undefined> {
    return this.tokens && { ...this.tokens };
  }

  /** Replaces both tokens. */
  async write(tokens: OaTokens): Promise<void> {
    this.tokens = { ...tokens };
  }
}
