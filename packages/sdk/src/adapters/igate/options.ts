import type { IgateStatusOverrides } from "@vnegov/domain";
import type { Hooks } from "../../core/hooks.js";
import type { LimiterOptions, RateLimiter } from "../../core/limiter.js";
import type { RetryOptions } from "../../core/retry.js";
import { ValidationError } from "../../errors.js";

/** Options of the {@link Igate} adapter. */
export interface IgateOptions {
  /** The API gateway, e.g. `https://apigateway.example.gov.vn` (paths `/pa/…` go below it). */
  baseURL: string;
  /**
   * The Keycloak token endpoint in full, e.g.
   * `https://sso.example.gov.vn/auth/realms/digo/protocol/openid-connect/token`. Give this, or
   * `ssoURL` (and `realm`).
   */
  tokenURL?: string;
  /** The Keycloak host, e.g. `https://sso.example.gov.vn`; the token URL is built with `realm`. */
  ssoURL?: string;
  /** The Keycloak realm. Default `digo`. */
  realm?: string;
  /** The integration client's id (client credentials, sent with HTTP Basic). */
  clientId: string;
  clientSecret: string;
  /**
   * This deployment's `dossierStatus` ids where they differ from the assumed defaults
   * (`IGATE_DOSSIER_STATUS_IDS`), e.g. `{ dang_xu_ly: 16 }`.
   */
  statusIds?: IgateStatusOverrides;
  /** Per-attempt timeout. Default 30 s. */
  timeout?: number;
  retry?: RetryOptions;
  /** Concurrency/rate limits, or your own {@link RateLimiter}. */
  limiter?: LimiterOptions | RateLimiter;
  /** Appended to the SDK's user-agent. */
  userAgent?: string;
  hooks?: Hooks;
  /** The clock timeliness is judged by. Default `Date.now`. */
  now?: () => number;
}

const KNOWN = new Set<string>([
  "baseURL",
  "tokenURL",
  "ssoURL",
  "realm",
  "clientId",
  "clientSecret",
  "statusIds",
  "timeout",
  "retry",
  "limiter",
  "userAgent",
  "hooks",
  "now",
]);

const isHttpUrl = (value: unknown) => typeof value === "string" && /^https?:\/\/\S+$/.test(value);

/**
 * Checks the options and returns the token URL. Unknown keys are refused (a misspelt
 * `tokenUrl` must not silently fall back to a default), as is a missing credential.
 */
export function tokenUrlOf(options: IgateOptions): string {
  const problems: { field: string; code: string; message: string }[] = [];
  const given = (options ?? {}) as unknown as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (!KNOWN.has(key))
      problems.push({ field: key, code: "unknown", message: "is not an option" });
  if (!isHttpUrl(given.baseURL))
    problems.push({ field: "baseURL", code: "invalid", message: "must be an http(s) URL" });
  for (const field of ["clientId", "clientSecret"] as const)
    if (typeof given[field] !== "string" || given[field] === "")
      problems.push({ field, code: "required", message: "is required" });
  const realm = options?.realm ?? "digo";
  if (!/^[\w.-]+$/.test(realm))
    problems.push({ field: "realm", code: "invalid", message: "must be a realm name" });
  let tokenURL: string | undefined;
  if (options?.tokenURL !== undefined) {
    if (isHttpUrl(options.tokenURL)) tokenURL = options.tokenURL;
    else problems.push({ field: "tokenURL", code: "invalid", message: "must be an http(s) URL" });
  } else if (options?.ssoURL !== undefined) {
    if (isHttpUrl(options.ssoURL))
      tokenURL = `${options.ssoURL.replace(/\/$/, "")}/auth/realms/${realm}/protocol/openid-connect/token`;
    else problems.push({ field: "ssoURL", code: "invalid", message: "must be an http(s) URL" });
  } else {
    problems.push({ field: "tokenURL", code: "required", message: "or ssoURL is required" });
  }
  if (problems.length > 0 || tokenURL === undefined)
    throw new ValidationError(
      `Invalid iGate options: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}.`,
      { fieldErrors: problems },
    );
  return tokenURL;
}
