import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { AuthenticationError, ConnectionError } from "../errors.js";

/** API key auth: the key is sent as a bearer token. */
export interface ApiKeyAuth {
  apiKey: string;
}

/** OAuth2 client credentials (RFC 6749 §4.4) against the server's `/oauth/token`. */
export interface ClientCredentialsAuth {
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for; all the client's scopes when absent. */
  scope?: string;
  /** Token endpoint; default `${baseURL}/oauth/token`. */
  tokenURL?: string;
}

export type AuthOptions = ApiKeyAuth | ClientCredentialsAuth;

interface TokenBody {
  access_token?: unknown;
  expires_in?: unknown;
  error?: string;
  error_description?: string;
}

/** Supplies the `Authorization` header for each request. */
export interface AuthProvider {
  authorization(signal?: AbortSignal): Promise<string>;
  /** Forget a token the server rejected, so the next call fetches a new one. */
  invalidate(): void;
}

export function createAuth(
  options: AuthOptions,
  baseURL: string,
  http: AxiosInstance,
): AuthProvider {
  if ("apiKey" in options) {
    const header = `Bearer ${options.apiKey}`;
    return { authorization: async () => header, invalidate: () => {} };
  }
  return new TokenCache(
    options,
    options.tokenURL ?? `${baseURL.replace(/\/$/, "")}/oauth/token`,
    http,
  );
}

/**
 * Caches the access token and refreshes it a little before it expires. However many
 * requests wait, only one token request is in flight.
 */
class TokenCache implements AuthProvider {
  private token: { header: string; refreshAt: number } | undefined;
  private inflight: Promise<string> | undefined;

  constructor(
    private readonly options: ClientCredentialsAuth,
    private readonly tokenURL: string,
    private readonly http: AxiosInstance,
  ) {}

  authorization(signal?: AbortSignal): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return Promise.resolve(this.token.header);
    this.inflight ??= this.fetchToken(signal).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  invalidate(): void {
    this.token = undefined;
  }

  private async fetchToken(signal?: AbortSignal): Promise<string> {
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (this.options.scope) form.set("scope", this.options.scope);
    const request = { method: "POST", path: "/oauth/token" };
    let response: AxiosResponse<TokenBody | undefined>;
    try {
      response = await this.http.post(this.tokenURL, form.toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        auth: { username: this.options.clientId, password: this.options.clientSecret },
        validateStatus: () => true,
        // The shared instance reads raw bytes; the token endpoint's JSON is read here.
        responseType: "json",
        signal,
      });
    } catch (error) {
      if (axios.isCancel(error)) throw error;
      throw new ConnectionError(
        `Could not reach the token endpoint: ${(error as Error).message}`,
        request,
        { cause: error },
      );
    }
    const body = typeof response.data === "object" ? response.data : undefined;
    if (response.status !== 200 || typeof body?.access_token !== "string") {
      throw new AuthenticationError(
        `Token request failed (${response.status}): ${body?.error_description ?? body?.error ?? "no access token in the response"}`,
        { status: response.status, code: body?.error ?? "token_request_failed", request },
      );
    }
    const ttl = typeof body.expires_in === "number" ? body.expires_in : 300;
    // Refresh at 90 % of the lifetime (at most a minute early) so requests never carry a token about to lapse.
    const early = Math.min(60, ttl * 0.1);
    this.token = {
      header: `Bearer ${body.access_token}`,
      refreshAt: Date.now() + (ttl - early) * 1000,
    };
    return this.token.header;
  }
}
