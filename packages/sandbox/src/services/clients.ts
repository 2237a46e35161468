import { safeEqual } from "@vnegov/domain";
import { hashSecret, newId } from "../http/ids.js";
import { ApiProblem } from "../http/problem.js";
import type { Principal, World } from "../world.js";

/** Every scope of the contract. */
export const ALL_SCOPES = [
  "portal:read",
  "portal:write",
  "portal:officer",
  "docs:read",
  "docs:write",
  "docs:tasks",
  "docs:confidential",
  "docs:admin",
  "webhooks",
] as const;

export type Scope = (typeof ALL_SCOPES)[number];

export interface NewClient {
  name: string;
  scopes: readonly Scope[];
  /** Requests per second; the server default when absent. */
  rateLimitPerSec?: number;
  /** A fixed API key (seeded, documented keys); random when absent. */
  apiKey?: string;
  /** OAuth2 client secret; the client cannot use `/oauth/token` without one. */
  clientSecret?: string;
  id?: string;
}

/** Registers a client and its API key. */
export function createClient(world: World, input: NewClient): { clientId: string; apiKey: string } {
  const clientId = input.id ?? newId("cli", world.randomBytes);
  const apiKey = input.apiKey ?? `vng_${world.randomBytes(24).toString("base64url")}`;
  world.db.transaction(() => {
    world.db
      .prepare(
        "INSERT INTO clients (id, name, scopes, secret_hash, rate_limit_per_sec, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(
        clientId,
        input.name,
        input.scopes.join(" "),
        input.clientSecret ? hashSecret(input.clientSecret) : null,
        input.rateLimitPerSec ?? null,
        world.now(),
      );
    world.db
      .prepare("INSERT INTO api_keys (key_hash, client_id) VALUES (?, ?)")
      .run(hashSecret(apiKey), clientId);
  })();
  return { clientId, apiKey };
}

interface ClientRow {
  id: string;
  scopes: string;
  secret_hash: string | null;
  rate_limit_per_sec: number | null;
}

/** The principal behind a bearer token (API key or access token), or null. */
export function authenticate(world: World, token: string): Principal | null {
  const hash = hashSecret(token);
  const viaKey = world.db
    .prepare("SELECT c.* FROM api_keys k JOIN clients c ON c.id = k.client_id WHERE k.key_hash = ?")
    .get(hash) as ClientRow | undefined;
  if (viaKey) return principalOf(viaKey, viaKey.scopes);
  const viaToken = world.db
    .prepare(
      "SELECT c.*, t.scopes AS token_scopes FROM access_tokens t JOIN clients c ON c.id = t.client_id WHERE t.token_hash = ? AND t.expires_at > ?",
    )
    .get(hash, Date.now()) as (ClientRow & { token_scopes: string }) | undefined;
  return viaToken ? principalOf(viaToken, viaToken.token_scopes) : null;
}

function principalOf(row: ClientRow, scopes: string): Principal {
  return {
    clientId: row.id,
    scopes: new Set(scopes.split(" ").filter(Boolean)),
    rateLimitPerSec: row.rate_limit_per_sec,
  };
}

function oauthError(status: number, error: string, description: string): ApiProblem {
  return new ApiProblem(
    status,
    error,
    status === 401 ? "Unauthorized" : "Bad Request",
    description,
    {
      extra: { error, error_description: description },
      headers: status === 401 ? { "WWW-Authenticate": 'Basic realm="vnegov"' } : {},
    },
  );
}

/** RFC 6749 §4.4: exchanges client credentials for a bearer token. */
export function issueToken(
  world: World,
  credentials: { clientId?: string; clientSecret?: string; scope?: string },
  ttlSeconds: number,
) {
  if (!credentials.clientId || !credentials.clientSecret) {
    throw oauthError(
      401,
      "invalid_client",
      "Send client_id and client_secret (HTTP Basic or form body).",
    );
  }
  const row = world.db.prepare("SELECT * FROM clients WHERE id = ?").get(credentials.clientId) as
    | ClientRow
    | undefined;
  if (!row?.secret_hash || !safeEqual(row.secret_hash, hashSecret(credentials.clientSecret))) {
    throw oauthError(401, "invalid_client", "Unknown client or wrong secret.");
  }
  const granted = new Set(row.scopes.split(" "));
  const requested = credentials.scope ? credentials.scope.split(" ").filter(Boolean) : [...granted];
  const denied = requested.filter((s) => !granted.has(s));
  if (denied.length > 0)
    throw oauthError(400, "invalid_scope", `Not granted to this client: ${denied.join(" ")}.`);
  const token = `vat_${world.randomBytes(32).toString("base64url")}`;
  world.db
    .prepare(
      "INSERT INTO access_tokens (token_hash, client_id, scopes, expires_at) VALUES (?, ?, ?, ?)",
    )
    .run(hashSecret(token), row.id, requested.join(" "), Date.now() + ttlSeconds * 1000);
  return {
    access_token: token,
    token_type: "Bearer",
    expires_in: ttlSeconds,
    scope: requested.join(" "),
  };
}
