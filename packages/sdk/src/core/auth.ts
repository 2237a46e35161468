import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { AuthenticationError, ConnectionError } from "../errors.js";
import { CredentialCache, type FreshCredential } from "./credential-cache.js";

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
  private readonly bearer = new CredentialCache((signal) => this.fetchToken(signal));

  constructor(
    private readonly options: ClientCredentialsAuth,
    private readonly tokenURL: string,
    private readonly http: AxiosInstance,
  ) {}

  authorization(signal?: AbortSignal): Promise<string> {
    return this.bearer.get(signal);
  }

  invalidate(): void {
    this.bearer.invalidate();
  }

  private async fetchToken(signal?: AbortSignal): Promise<FreshCredential<string>> {
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
    return { value: `Bearer ${body.access_token}`, expiresAt: Date.now() + ttl * 1000 };
  }
}
