import { Transport } from "../../core/transport.js";
import { transportDefaults } from "../../core/transport-defaults.js";
import { ValidationError } from "../../errors.js";
import { readLgsp } from "./read.js";
import { LgspSession } from "./session.js";
import type { LgspOptions, LgspRequestOptions } from "./types.js";

/** LGSP's calls: the shared transport with LGSP's session and way of reporting errors. */
export class LgspHttp {
  private readonly transport: Transport;
  private readonly logins: Transport;

  constructor(options: LgspOptions) {
    checkOptions(options);
    const base = { ...transportDefaults(options, { comment: "lgsp" }), read: readLgsp };
    // Logins get a default limiter of their own: they happen inside an API call's limiter slot.
    this.logins = new Transport({ ...base, limiter: undefined });
    const session = new LgspSession(options, this.logins, options.tokenTtlMs);
    this.transport = new Transport({ ...base, auth: session });
  }

  /** Releases both rate limiters (and a clustered limiter's Redis connection). */
  async close(): Promise<void> {
    await Promise.all([this.transport.limiter.disconnect(), this.logins.limiter.disconnect()]);
  }

  get<T>(
    route: string,
    query: Record<string, string | number | undefined>,
    options: LgspRequestOptions = {},
  ): Promise<T> {
    return this.transport.request<T>({ method: "GET", path: route, route, query, ...options });
  }

  /** `replayable`: LGSP would treat a repeat the same (a status update), so it may be retried. */
  post<T>(
    route: string,
    body: unknown,
    replayable: boolean,
    options: LgspRequestOptions = {},
  ): Promise<T> {
    return this.transport.request<T>({
      method: "POST",
      path: route,
      route,
      body,
      replayable,
      ...options,
    });
  }
}

function checkOptions(options: LgspOptions): void {
  const fields = [
    "baseURL",
    "username",
    "password",
    "applicationCode",
    "systemId",
    "secretKey",
  ] as const;
  const missing = fields.filter((f) => typeof options?.[f] !== "string" || options[f] === "");
  if (missing.length > 0) {
    throw new ValidationError(`Lgsp needs ${missing.join(", ")}.`, {
      fieldErrors: missing.map((field) => ({ field, code: "required", message: "is required" })),
    });
  }
  if (
    options.statusForm !== undefined &&
    options.statusForm !== "code" &&
    options.statusForm !== "keyword"
  ) {
    throw new ValidationError('statusForm must be "code" or "keyword".', {
      fieldErrors: [
        { field: "statusForm", code: "invalid", message: 'must be "code" or "keyword"' },
      ],
    });
  }
}
