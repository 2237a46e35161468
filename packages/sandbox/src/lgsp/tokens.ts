import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** What a login token stands for. */
export interface TokenClaims {
  sub: string;
  systemId: string;
  iat: number;
  exp: number;
  /** Tokens of an older generation were revoked (`expireAll`). */
  gen: number;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/**
 * LGSP login tokens: JWT-shaped (`header.payload.signature`, HS256 with a key of this
 * emulator), as LGSP Lạng Sơn's are, so clients can read `exp`. Verified statelessly.
 */
export class LgspTokens {
  private readonly key = randomBytes(32);
  private generation = 0;

  constructor(private readonly ttlSeconds: number) {}

  issue(sub: string, systemId: string): { token: string; claims: TokenClaims } {
    const iat = Math.floor(Date.now() / 1000);
    const claims: TokenClaims = {
      sub,
      systemId,
      iat,
      exp: iat + this.ttlSeconds,
      gen: this.generation,
    };
    const head = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(claims))}`;
    return { token: `${head}.${this.sign(head)}`, claims };
  }

  /** The claims of a valid, unexpired, unrevoked token; undefined otherwise. */
  verify(token: string): TokenClaims | undefined {
    const parts = token.split(".");
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
    } catch {
      return undefined;
    }
    if (claims.gen !== this.generation || claims.exp * 1000 <= Date.now()) return undefined;
    return claims;
  }

  /** Revokes every token issued so far, as if they had all expired. */
  expireAll(): void {
    this.generation++;
  }

  private sign(data: string): string {
    return createHmac("sha256", this.key).update(data).digest("base64url");
  }
}
