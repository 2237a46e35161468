import { Transport } from "../../core/transport.js";
import { ValidationError } from "../../errors.js";
import { readLgsp } from "./read.js";
import { LgspSession } from "./session.js";
import type { LgspOptions, LgspRequestOptions } from "./types.js";

const VERSION = "0.0.0";

/** LGSP's calls: the shared transport with LGSP's session and way of reporting errors. */
export class LgspHttp {
  private readonly transport: Transport;

  constructor(options: LgspOptions) {
    checkOptions(options);
    const base = {
      baseURL: options.baseURL,
      timeout: options.timeout,
      retry: options.retry,
      hooks: options.hooks,
      userAgent: `vnegov-sdk/${VERSION} (lgsp) node/${process.versions.node}${options.userAgent ? ` ${options.userAgent}` : ""}`,
      read: readLgsp,
    };
    const session = new LgspSession(options, new Transport(base), options.tokenTtlMs);
    this.transport = new Transport({ ...base, limiter: options.limiter, auth: session });
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
