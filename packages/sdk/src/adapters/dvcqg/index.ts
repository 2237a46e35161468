/**
 * `@vnegov/sdk/dvcqg`: the National Public Service Portal (Cổng Dịch vụ công quốc gia,
 * DVCQG) integration API, as a provincial one-stop system reaches it, behind the same typed
 * resources as the canonical client's `portal`.
 *
 * @example
 * ```ts
 * import { Dvcqg } from "@vnegov/sdk/dvcqg";
 * const dvcqg = new Dvcqg({ baseURL, username, password, madonvi: "000.00.12.H99" });
 * const dossier = await dvcqg.portal.dossiers.get("000.00.12.H99-240524-0001", {
 *   secret: "001203004567", // the applicant's identity number
 *   include: "recentHistory",
 * });
 * await dvcqg.close();
 * ```
 */
import type { PortalApi } from "../portal-api.js";
import { DvcqgDossiers } from "./dossiers.js";
import { type DvcqgOptions, resolveOptions } from "./options.js";
import { DvcqgProcedures } from "./procedures.js";
import { DvcqgSession } from "./session.js";

export { DvcqgDossiers } from "./dossiers.js";
export type { DvcqgOptions } from "./options.js";
export { DvcqgProcedures } from "./procedures.js";
export type * from "./types.js";

/**
 * A DVCQG client. It logs in (`username`/`password` → session) on the first call, sends the
 * session and `madonvi` in every body, and logs in again once when the portal says the
 * session lapsed. Error answers (HTTP 200 with a non-zero `error_code`) become the SDK's typed
 * errors, with `code` `dvcqg:<error_code>`: "đã tồn tại" is a `ConflictError`, a refused
 * login an `AuthenticationError`.
 */
export class Dvcqg {
  /** The portal as the bot uses it (`PortalApi`), plus DVCQG's write services on `dossiers`. */
  readonly portal: PortalApi & {
    readonly dossiers: DvcqgDossiers;
    readonly procedures: DvcqgProcedures;
  };
  private readonly session: DvcqgSession;

  /** @throws ValidationError when `baseURL`, `username`, `password` or `madonvi` is missing. */
  constructor(options: DvcqgOptions) {
    this.session = new DvcqgSession(resolveOptions(options));
    this.portal = {
      dossiers: new DvcqgDossiers(this.session),
      procedures: new DvcqgProcedures(this.session),
    };
  }

  /** Forgets the session and releases the rate limiter. */
  close(): Promise<void> {
    return this.session.close();
  }
}
