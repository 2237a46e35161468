import type { Hooks } from "../../core/hooks.js";
import type { LimiterOptions, RateLimiter } from "../../core/limiter.js";
import type { RetryOptions } from "../../core/retry.js";
import { ValidationError } from "../../errors.js";

/**
 * How to reach a DVCQG integration adapter. The names follow OpenCPS's configuration keys
 * (`adapter_url`, `auth_endpoint`, `integration_endpoint`, `share_endpoint`, `username`,
 * `password`, `madonvi`).
 */
export interface DvcqgOptions {
  /** The adapter's base URL (`adapter_url`), e.g. the sandbox's `sandbox.url`. */
  baseURL: string;
  /** Login path (`auth_endpoint`). Default `/auth` (the sandbox emulator is at `${sandbox.url}/dvcqg`). */
  authPath?: string;
  /** Dossier services' path (`integration_endpoint`). Default `/integration`. */
  integrationPath?: string;
  /** Dictionaries' path (`share_endpoint`): the procedure catalogue. Default `/share`. */
  sharePath?: string;
  username: string;
  password: string;
  /** Your unit's agency code (mã định danh), sent as `madonvi` with every call. */
  madonvi: string;
  /** Per-attempt timeout. Default 30 s. */
  timeout?: number;
  /** Retries of reads after network errors, 5xx and DVCQG system errors. */
  retry?: RetryOptions;
  /** Concurrency/rate limits, or your own {@link RateLimiter}. */
  limiter?: LimiterOptions | RateLimiter;
  /** Appended to the SDK's user-agent. */
  userAgent?: string;
  hooks?: Hooks;
}

/** The options with defaults filled in, after checking the required ones. */
export type ResolvedDvcqgOptions = Required<
  Pick<
    DvcqgOptions,
    "baseURL" | "authPath" | "integrationPath" | "sharePath" | "username" | "password" | "madonvi"
  >
> &
  DvcqgOptions;

const path = (value: string) => (value.startsWith("/") ? value : `/${value}`);

export function resolveOptions(options: DvcqgOptions): ResolvedDvcqgOptions {
  const missing = (["baseURL", "username", "password", "madonvi"] as const).filter(
    (key) => typeof options?.[key] !== "string" || options[key].trim() === "",
  );
  if (missing.length > 0) {
    throw new ValidationError(`Dvcqg needs ${missing.join(", ")}.`, {
      fieldErrors: missing.map((field) => ({ field, code: "required", message: "is required" })),
    });
  }
  return {
    ...options,
    authPath: path(options.authPath ?? "/auth"),
    integrationPath: path(options.integrationPath ?? "/integration"),
    sharePath: path(options.sharePath ?? "/share"),
    madonvi: options.madonvi.trim(),
  };
}
