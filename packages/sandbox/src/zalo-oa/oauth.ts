import { createHash, randomBytes } from "node:crypto";
import { expiredToken, invalidToken, oauthError } from "./errors.js";
import type { ZaloOaEmulatorOptions } from "./options.js";

interface Code {
  redirectUri: string;
  challenge: string | undefined;
  expiresAt: number;
}

interface RefreshToken {
  expiresAt: number;
  used: boolean;
}

/** The answer of a successful grant, as Zalo sends it (`expires_in` is a string). */
export interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires_in: string;
}

const token = (bytes: number) => randomBytes(bytes).toString("base64url");

/**
 * OAuth v4 of the emulated OA: authorisation codes with PKCE, access tokens with a lifetime,
 * and single-use refresh tokens (reuse: -14020). Refreshing leaves earlier access tokens valid
 * until they expire.
 */
export class OaOAuth {
  private readonly codes = new Map<string, Code>();
  private readonly accessTokens = new Map<string, { expiresAt: number }>();
  private readonly refreshTokens = new Map<string, RefreshToken>();

  constructor(private readonly options: ZaloOaEmulatorOptions) {}

  /**
   * The OA admin consents at once: where `/v4/oa/permission` redirects, with `code`, `oa_id`
   * and `state`. Throws for a wrong app id or redirect URI.
   */
  authorize(query: URLSearchParams): string {
    if (query.get("app_id") !== this.options.credentials.appId)
      throw oauthError(-14002, "invalid_app_id", "The app_id is invalid.");
    const redirectUri = query.get("redirect_uri") ?? "";
    let target: URL;
    try {
      target = new URL(redirectUri);
      if (target.protocol !== "https:" && target.protocol !== "http:") throw new Error();
    } catch {
      throw oauthError(-14003, "invalid_redirect_uri", "The redirect_uri is invalid.");
    }
    const code = token(32);
    this.codes.set(code, {
      redirectUri,
      challenge: query.get("code_challenge") || undefined,
      expiresAt: Date.now() + this.options.codeTtlSeconds * 1000,
    });
    target.searchParams.set("code", code);
    target.searchParams.set("oa_id", this.options.credentials.oaId);
    const state = query.get("state");
    if (state !== null) target.searchParams.set("state", state);
    return target.toString();
  }

  /** `POST /v4/oa/access_token`: the authorization_code (with PKCE) and refresh_token grants. */
  grant(form: URLSearchParams, secretKey: string | undefined): TokenAnswer {
    if (secretKey !== this.options.credentials.appSecret)
      throw oauthError(-14004, "invalid_secret_key", "The secret_key header is invalid.");
    if (form.get("app_id") !== this.options.credentials.appId)
      throw oauthError(-14002, "invalid_app_id", "The app_id is invalid.");
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") return this.codeGrant(form);
    if (grantType === "refresh_token") return this.refreshGrant(form.get("refresh_token") ?? "");
    throw oauthError(-14001, "invalid_grant_type", "The grant_type is invalid.");
  }

  /** Throws -216 for an unknown access token, -220 for an expired one. */
  check(accessToken: string | undefined): void {
    const known = accessToken ? this.accessTokens.get(accessToken) : undefined;
    if (!known) throw invalidToken();
    if (known.expiresAt <= Date.now()) throw expiredToken();
  }

  /** Every access token issued so far stops working (refresh tokens still do). */
  expireAccessTokens(): void {
    const now = Date.now();
    for (const entry of this.accessTokens.values())
      entry.expiresAt = Math.min(entry.expiresAt, now);
  }

  private codeGrant(form: URLSearchParams): TokenAnswer {
    const value = form.get("code") ?? "";
    const code = this.codes.get(value);
    // Single use, whatever the outcome.
    this.codes.delete(value);
    if (!code || code.expiresAt <= Date.now())
      throw oauthError(-14019, "invalid_code", "The authorization code is invalid or has expired.");
    if (code.challenge !== undefined) {
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier, "ascii").digest("base64url");
      if (verifier === "" || challenge !== code.challenge)
        throw oauthError(
          -14016,
          "invalid_code_verifier",
          "The code_verifier does not match the code_challenge.",
        );
    }
    return this.issue();
  }

  private refreshGrant(value: string): TokenAnswer {
    const refresh = this.refreshTokens.get(value);
    if (!refresh || refresh.expiresAt <= Date.now())
      throw oauthError(
        -14014,
        "invalid_refresh_token",
        "The refresh token is invalid or has expired.",
      );
    if (refresh.used)
      throw oauthError(-14020, "refresh_token_used", "The refresh token has already been used.");
    refresh.used = true;
    return this.issue();
  }

  private issue(): TokenAnswer {
    const now = Date.now();
    const accessToken = token(48);
    const refreshToken = token(48);
    this.accessTokens.set(accessToken, {
      expiresAt: now + this.options.accessTokenTtlSeconds * 1000,
    });
    this.refreshTokens.set(refreshToken, {
      expiresAt: now + this.options.refreshTokenTtlSeconds * 1000,
      used: false,
    });
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: String(this.options.accessTokenTtlSeconds),
    };
  }
}
