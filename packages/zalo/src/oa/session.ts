import { VnegovError } from "@vnegov/sdk";
import type { OaTokenStore, OaTokens } from "./tokens.js";

/** An access token with less than this left is refreshed before use. */
export const REFRESH_MARGIN_MS = 60_000;

const usable = (tokens: OaTokens, now: number) =>
  tokens.accessTokenExpiresAt - REFRESH_MARGIN_MS > now;

/**
 * The OA's tokens at run time: hands out a valid access token, and rotates the pair with one
 * refresh at a time. Concurrent callers share the refresh in flight; a caller whose token was
 * refused after someone else already rotated it gets the new token without another refresh
 * (the single-use refresh token must never be spent twice). The new pair is written to the
 * store before any caller sees the new access token; if the write fails, the pair is kept in
 * memory and written again before the next use.
 */
export class OaSession {
  readonly #store: OaTokenStore;
  readonly #grant: (refreshToken: string) => Promise<OaTokens>;
  readonly #missing: () => Error;
  #cached: OaTokens | undefined;
  #unsaved: OaTokens | undefined;
  #refreshing: Promise<OaTokens> | undefined;

  /**
   * @param grant performs the refresh-token grant.
   * @param missing the error to throw when the store holds no tokens yet.
   */
  constructor(
    store: OaTokenStore,
    grant: (refreshToken: string) => Promise<OaTokens>,
    missing: () => Error,
  ) {
    this.#store = store;
    this.#grant = grant;
    this.#missing = missing;
  }

  /** An access token good for at least another minute, refreshing first when needed. */
  async accessToken(): Promise<string> {
    const tokens = await this.#current();
    if (usable(tokens, Date.now())) return tokens.accessToken;
    return (await this.refresh(tokens.accessToken)).accessToken;
  }

  /**
   * Rotates the tokens, or joins the rotation in flight. With `refused` (the access token Zalo
   * just refused), no refresh happens when the store already holds a newer, valid token.
   */
  refresh(refused?: string): Promise<OaTokens> {
    if (!this.#refreshing) {
      const rotate = () => this.#rotate(refused);
      const store = this.#store;
      this.#refreshing = (store.lock ? store.lock(rotate) : rotate()).finally(() => {
        this.#refreshing = undefined;
      });
    }
    return this.#refreshing;
  }

  /** Saves tokens obtained otherwise (the authorisation-code grant). */
  async replace(tokens: OaTokens): Promise<void> {
    this.#unsaved = tokens;
    await this.#saveUnsaved();
  }

  async #current(): Promise<OaTokens> {
    await this.#saveUnsaved();
    if (this.#cached) return this.#cached;
    const stored = await this.#store.read();
    if (!stored) throw this.#missing();
    this.#cached = stored;
    return stored;
  }

  async #rotate(refused: string | undefined): Promise<OaTokens> {
    await this.#saveUnsaved();
    // The store is the truth: another process (or an earlier refresh) may have rotated.
    const stored = (await this.#store.read()) ?? this.#cached;
    if (!stored) throw this.#missing();
    if (refused !== undefined && stored.accessToken !== refused && usable(stored, Date.now())) {
      this.#cached = stored;
      return stored;
    }
    const next = await this.#grant(stored.refreshToken);
    this.#unsaved = next;
    await this.#saveUnsaved();
    return next;
  }

  /** Writes a pair that is not in the store yet; only then may it be used. */
  async #saveUnsaved(): Promise<void> {
    const pending = this.#unsaved;
    if (!pending) return;
    try {
      await this.#store.write(pending);
    } catch (error) {
      throw new VnegovError(
        "The rotated Zalo OA tokens could not be saved; they are kept in memory and saved again before the next call.",
        { cause: error },
      );
    }
    if (this.#unsaved === pending) this.#unsaved = undefined;
    this.#cached = pending;
  }
}
