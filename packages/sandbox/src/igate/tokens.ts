import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { safeEqual } from "@vnegov/domain";
import { invalidToken, KeycloakError } from "./errors.js";
import type { IgateEmulatorOptions } from "./options.js";

/** Keycloak's answer to a client-credentials grant. */
export interface KeycloakTokenAnswer {
  access_token: string;
  expires_in: number;
  refresh_expires_in: number;
  token_type: "Bearer";
  "not-before-policy": number;
  scope: string;
}

/** Counters of the token endpoint and the API, for tests that count round trips. */
export interface IgateStats {
  /** Every call to the token endpoint, granted or not. */
  tokenRequests: number;
  tokensIssued: number;
  /** API calls refused for a missing, unknown or expired token. */
  rejectedTokens: number;
  /** API calls served. */
  apiRequests: number;
}

const SCOPE = "profile email";
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * The emulated Keycloak realm: client-credentials grants issue JWT-shaped access tokens
 * (HS256 over an emulator key) that the API gateway checks for signature and lifetime.
 * No refresh tokens: Keycloak issues none for client credentials.
 */
export class IgateTokens {
  private readonly key = randomBytes(32);
  /** jti → expiry (epoch ms). */
  private readonly issued = new Map<string, number>();
  readonly stats: IgateStats = {
    tokenRequests: 0,
    tokensIssued: 0,
    rejectedTokens: 0,
    apiRequests: 0,
  };

  constructor(private readonly options: IgateEmulatorOptions) {}

  /**
   * `POST …/protocol/openid-connect/token`. The client authenticates with HTTP Basic or with
   * `client_id`/`client_secret` form fields, as Keycloak allows both.
   */
  grant(
    form: URLSearchParams,
    authorization: string | undefined,
    issuer: string,
  ): KeycloakTokenAnswer {
    this.stats.tokenRequests++;
    const grantType = form.get("grant_type");
    if (!grantType)
      throw new KeycloakError(400, "invalid_request", "Missing form parameter: grant_type");
    const basic = basicCredentials(authorization);
    const candidates = basic ?? [
      { id: form.get("client_id") ?? "", secret: form.get("client_secret") ?? "" },
    ];
    const { clientId, clientSecret } = this.options.credentials;
    if (!candidates.some((c) => safeEqual(clientId, c.id) && safeEqual(clientSecret, c.secret)))
      throw new KeycloakError(
        401,
        "invalid_client",
        "Invalid client or Invalid client credentials",
      );
    if (grantType === "password")
      throw new KeycloakError(
        400,
        "unauthorized_client",
        "Client not allowed for direct access grants",
      );
    if (grantType !== "client_credentials")
      throw new KeycloakError(400, "unsupported_grant_type", "Unsupported grant_type");
    const ttl = this.options.accessTokenTtlSeconds;
    const now = Date.now();
    const jti = randomUUID();
    this.issued.set(jti, now + ttl * 1000);
    this.stats.tokensIssued++;
    const payload = {
      exp: Math.floor(now / 1000 + ttl),
      iat: Math.floor(now / 1000),
      jti,
      iss: `${issuer}/auth/realms/${this.options.realm}`,
      typ: "Bearer",
      azp: clientId,
      scope: SCOPE,
    };
    const unsigned = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(payload)}`;
    return {
      access_token: `${unsigned}.${this.sign(unsigned)}`,
      expires_in: ttl,
      refresh_expires_in: 0,
      token_type: "Bearer",
      "not-before-policy": 0,
      scope: SCOPE,
    };
  }

  /** Checks an `Authorization` header; throws Spring Security's 401 otherwise. */
  check(authorization: string | undefined): void {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
    if (!token) {
      this.stats.rejectedTokens++;
      throw invalidToken("Full authentication is required to access this resource");
    }
    const expiry = this.expiryOf(token);
    if (expiry === undefined) {
      this.stats.rejectedTokens++;
      throw invalidToken("An error occurred while attempting to decode the Jwt: Invalid token");
    }
    if (expiry <= Date.now()) {
      this.stats.rejectedTokens++;
      throw invalidToken(`Jwt expired at ${new Date(expiry).toISOString().slice(0, 19)}Z`);
    }
    this.stats.apiRequests++;
  }

  /** Makes every token issued so far expire now (as if time ran past them). */
  expireAll(): number {
    const now = Date.now();
    for (const jti of this.issued.keys()) this.issued.set(jti, now);
    return this.issued.size;
  }

  private expiryOf(token: string): number | undefined {
    const [header, payload, signature] = token.split(".");
    if (
      !header ||
      !payload ||
      !signature ||
      !safeEqual(this.sign(`${header}.${payload}`), signature)
    )
      return undefined;
    try {
      const { jti } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
        jti?: unknown;
      };
      return typeof jti === "string" ? this.issued.get(jti) : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(text: string): string {
    return createHmac("sha256", this.key).update(text).digest("base64url");
  }
}

/**
 * The id and secret of an HTTP Basic header, as sent and form-decoded (RFC 6749 §2.3.1 asks
 * clients to form-encode both; many, axios among them, do not), or undefined when there is none.
 */
function basicCredentials(
  header: string | undefined,
): { id: string; secret: string }[] | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!encoded) return undefined;
  const text = Buffer.from(encoded, "base64").toString("utf8");
  const colon = text.indexOf(":");
  const raw =
    colon < 0
      ? { id: text, secret: "" }
      : { id: text.slice(0, colon), secret: text.slice(colon + 1) };
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return part;
    }
  };
  return [raw, { id: decode(raw.id), secret: decode(raw.secret) }];
}
