import { CredentialCache, type FreshCredential } from "../../core/credential-cache.js";
import type { Transport, TransportAuth } from "../../core/transport.js";
import { AuthenticationError } from "../../errors.js";

/** The login account and the system identity every call carries. */
export interface LgspCredentials {
  username: string;
  password: string;
  applicationCode: string;
  systemId: string;
  secretKey: string;
}

/** LGSP Lạng Sơn's tokens last about 30 minutes; assumed when a token does not say. */
const DEFAULT_TTL_MS = 30 * 60_000;
const LOGIN_ROUTE = "/v1/auth/login";

/**
 * LGSP's session: a bearer token from `POST /v1/auth/login`, cached and renewed a little
 * before it expires (its JWT `exp`, else ~30 min), with `X-SystemId`/`X-SecretKey` on every
 * call. However many calls wait, one login is in flight. `invalidate` drops a token LGSP
 * refused (HTTP 401), so the transport logs in again once.
 */
export class LgspSession implements TransportAuth {
  private readonly tokens = new CredentialCache((signal) => this.login(signal));

  constructor(
    private readonly credentials: LgspCredentials,
    /** A transport without auth (its own limiter: logins happen inside the API's limiter slot). */
    private readonly loginTransport: Transport,
    private readonly tokenTtlMs = DEFAULT_TTL_MS,
  ) {}

  async headers(signal?: AbortSignal): Promise<Record<string, string>> {
    const token = await this.tokens.get(signal);
    return {
      authorization: `Bearer ${token}`,
      "x-systemid": this.credentials.systemId,
      "x-secretkey": this.credentials.secretKey,
    };
  }

  invalidate(): void {
    this.tokens.invalidate();
  }

  private async login(signal?: AbortSignal): Promise<FreshCredential<string>> {
    const { username, password, applicationCode } = this.credentials;
    const body = await this.loginTransport.request<{ data?: { token?: unknown } }>({
      method: "POST",
      path: LOGIN_ROUTE,
      query: { allow_anonymous: true },
      route: LOGIN_ROUTE,
      body: {
        username,
        password,
        applicationCode,
        otp: null,
        twoFactorProvider: null,
        typeObjs: [0, 1],
      },
      // A login creates nothing: repeating one after a dropped connection is safe.
      replayable: true,
      signal,
    });
    const token = body.data?.token;
    if (typeof token !== "string" || token === "") {
      throw new AuthenticationError("LGSP login answered without a token.", {
        status: 200,
        code: "lgsp:no_token",
        request: { method: "POST", path: LOGIN_ROUTE },
      });
    }
    return { value: token, expiresAt: jwtExpiry(token) ?? Date.now() + this.tokenTtlMs };
  }
}

/** The `exp` of a JWT, in epoch ms, or undefined when the token is not a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const exp = (claims as { exp?: unknown } | null)?.exp;
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
