/**
 * `@vnegov/sdk/lgsp`: the provincial data-sharing platform's document exchange (LGSP
 * "trục liên thông văn bản", LGSP Lạng Sơn REST shape), carrying edXML (QCVN 102:2016)
 * envelopes between agencies.
 *
 * @example
 * ```ts
 * import { Lgsp } from "@vnegov/sdk/lgsp";
 * const lgsp = new Lgsp({ baseURL, username, password, applicationCode, systemId, secretKey });
 * const { docId } = await lgsp.edocs.send(message); // an EdxmlMessage
 * for (const item of await lgsp.edocs.received({ from: "2025-07-01", to: new Date() })) {
 *   if (item.kind === "edoc") {
 *     const edoc = await lgsp.edocs.get(item.docId); // edoc.message: EdxmlMessage
 *     await lgsp.edocs.updateStatus(item.docId, "03");
 *   }
 * }
 * ```
 */
import { LgspAgencies } from "./agencies.js";
import { LgspEdocs } from "./edocs.js";
import { LgspHttp } from "./http.js";
import type { LgspOptions } from "./types.js";

export { LgspAgencies } from "./agencies.js";
export { LgspEdocs } from "./edocs.js";
export { LGSP_ERRORS, type LgspErrorRule } from "./errors.js";
// Every type of types.ts is public: options, results and the list's items.
export type * from "./types.js";

/**
 * A client of one system registered on LGSP. It logs in with the account, keeps the token fresh
 * (renewed before its `exp`; one new login when LGSP answers 401), and sends `X-SystemId` and
 * `X-SecretKey` on every call. LGSP's error codes become the SDK's typed errors with `code`
 * `lgsp:<code>` (see {@link LGSP_ERRORS}).
 *
 * @throws ValidationError when a required option is missing.
 */
export class Lgsp {
  /** edXML documents: send, list received, fetch, report status. */
  readonly edocs: LgspEdocs;
  /** The units LGSP connects. */
  readonly agencies: LgspAgencies;
  private readonly http: LgspHttp;

  constructor(options: LgspOptions) {
    this.http = new LgspHttp(options);
    this.edocs = new LgspEdocs(this.http, options.statusForm ?? "code");
    this.agencies = new LgspAgencies(this.http);
  }

  /** Releases the rate limiters (and a clustered limiter's Redis connection). */
  close(): Promise<void> {
    return this.http.close();
  }
}
