import type { TransportOptions } from "./transport.js";

const VERSION = "0.0.0";

/** What every client's options say about its transport. */
export type ClientTransportOptions = Pick<
  TransportOptions,
  "baseURL" | "timeout" | "retry" | "limiter" | "hooks"
> & {
  /** Appended to the SDK's user-agent. */
  userAgent?: string;
};

/** How a client names itself in the user-agent header. */
export interface UserAgentName {
  /** Default `vnegov-sdk`. */
  product?: string;
  /** The wire, e.g. `dvcqg`: written `(dvcqg)` after the version. */
  comment?: string;
}

/**
 * The user-agent header of a client: `vnegov-sdk/<version> [(<comment>)] node/<version>`,
 * then the application's own `extra`, if any.
 *
 * @example
 * userAgent("my-bot/1.0", { comment: "lgsp" }); // "vnegov-sdk/0.0.0 (lgsp) node/20.11.0 my-bot/1.0"
 */
export function userAgent(extra: string | undefined, name: UserAgentName = {}): string {
  const { product = "vnegov-sdk", comment } = name;
  return `${product}/${VERSION}${comment ? ` (${comment})` : ""} node/${process.versions.node}${extra ? ` ${extra}` : ""}`;
}

/**
 * The {@link TransportOptions} a client takes from its own options as they are: base URL,
 * timeout, retries, limiter and hooks, with its {@link userAgent}. The client adds `read`
 * and `auth`.
 */
export function transportDefaults(
  options: ClientTransportOptions,
  name: UserAgentName = {},
): Omit<TransportOptions, "read" | "auth"> {
  return {
    baseURL: options.baseURL,
    timeout: options.timeout,
    retry: options.retry,
    limiter: options.limiter,
    hooks: options.hooks,
    userAgent: userAgent(options.userAgent, name),
  };
}
