/**
 * `@vnegov/sdk/igate`: the public-service portal on VNPT iGate ("digo"), the one-stop system
 * of many provinces, behind the same {@link PortalApi} as the canonical client.
 *
 * iGate publishes no API specification. Paths and fields follow public integrations
 * (`shared/reference/vn-egov.md` §1.9); status and channel ids, the applicant-type field and
 * the date format are assumptions, listed in docs/adapters.md, and a deployment's own status
 * ids can be given with `statusIds`.
 *
 * @example
 * ```ts
 * import { Igate } from "@vnegov/sdk/igate";
 * const igate = new Igate({
 *   baseURL: "https://apigateway.example.gov.vn",
 *   ssoURL: "https://sso.example.gov.vn",
 *   clientId: process.env.IGATE_CLIENT_ID!,
 *   clientSecret: process.env.IGATE_CLIENT_SECRET!,
 * });
 * const dossier = await igate.portal.dossiers.get("000.00.12.H12-240525-0001", { secret: "001203004567" });
 * ```
 */
import { igateDossierStatusTable } from "@vnegov/domain";
import type { RateLimiter } from "../../core/limiter.js";
import { Transport } from "../../core/transport.js";
import { transportDefaults } from "../../core/transport-defaults.js";
import { ValidationError } from "../../errors.js";
import type { PortalApi } from "../portal-api.js";
import { keycloakAuth } from "./auth.js";
import { IgateDossiers } from "./dossiers.js";
import { type IgateOptions, tokenUrlOf } from "./options.js";
import { readIgate } from "./read.js";

export type { IgateDossierFilter } from "./dossiers.js";
export { IgateDossiers } from "./dossiers.js";
export type { IgateOptions } from "./options.js";
export type {
  IgateSlice,
  IgateSort,
  IgateSortField,
  IgateTranslations,
  IgateWireDossier,
} from "./wire-types.js";

/**
 * A client of one iGate deployment. `portal.dossiers` looks dossiers up and searches them;
 * iGate has no procedure catalogue here, so `portal.procedures` is absent.
 */
export class Igate {
  /** The portal as the bot uses it, whichever backend serves it. */
  readonly portal: PortalApi & { readonly dossiers: IgateDossiers };
  private readonly transport: Transport;

  /** @throws ValidationError for missing credentials, bad URLs or unknown option keys. */
  constructor(options: IgateOptions) {
    const tokenURL = tokenUrlOf(options);
    let statuses: ReturnType<typeof igateDossierStatusTable>;
    try {
      statuses = igateDossierStatusTable(options.statusIds);
    } catch (error) {
      throw new ValidationError(`Invalid iGate options: statusIds ${(error as Error).message}.`, {
        fieldErrors: [{ field: "statusIds", code: "invalid", message: (error as Error).message }],
      });
    }
    this.transport = new Transport({
      ...transportDefaults(options, { product: "vnegov-sdk-igate" }),
      auth: keycloakAuth({
        tokenURL,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        timeout: options.timeout,
      }),
      read: readIgate,
    });
    this.portal = {
      dossiers: new IgateDossiers(this.transport, statuses, options.now ?? Date.now),
    };
  }

  get limiter(): RateLimiter {
    return this.transport.limiter;
  }

  /** Releases the rate limiter (and its Redis connection, when clustered). */
  close(): Promise<void> {
    return this.transport.limiter.disconnect();
  }
}
