import type { IgateStatusOverrides } from "@vnegov/domain";

/** The client the emulated Keycloak knows; clients use these to fetch tokens. */
export interface IgateCredentials {
  clientId: string;
  clientSecret: string;
}

/** Options of the iGate emulator. */
export interface IgateEmulatorOptions {
  credentials: IgateCredentials;
  /** Keycloak realm in the token URL. Default `digo`. */
  realm: string;
  /** Lifetime of access tokens. Default 300 s, Keycloak's default. */
  accessTokenTtlSeconds: number;
  /** Largest `size` a search honours; larger ones are cut to it, as Spring does. Default 100. */
  maxPageSize: number;
  /** This deployment's status ids where they differ from `IGATE_DOSSIER_STATUS_IDS`. */
  statusIds: IgateStatusOverrides;
}

/** What `startSandbox({ igate })` takes: any field, with the rest defaulted. */
export interface IgateEmulatorInit {
  credentials?: Partial<IgateCredentials>;
  realm?: string;
  accessTokenTtlSeconds?: number;
  maxPageSize?: number;
  statusIds?: IgateStatusOverrides;
}

/** Fictional credentials of the sandbox's iGate integration client. */
export const DEFAULT_IGATE_CREDENTIALS: IgateCredentials = {
  clientId: "vnegov-sandbox",
  clientSecret: "sandbox-igate-secret-Qh7Zr2",
};

/** The emulator's options: `init` over the defaults. */
export function igateOptions(init: IgateEmulatorInit = {}): IgateEmulatorOptions {
  const ttl = init.accessTokenTtlSeconds ?? 300;
  const maxPageSize = init.maxPageSize ?? 100;
  if (!(ttl > 0)) throw new RangeError("igate.accessTokenTtlSeconds must be positive");
  if (!Number.isInteger(maxPageSize) || maxPageSize < 1)
    throw new RangeError("igate.maxPageSize must be a positive integer");
  return {
    credentials: { ...DEFAULT_IGATE_CREDENTIALS, ...init.credentials },
    realm: init.realm ?? "digo",
    accessTokenTtlSeconds: ttl,
    maxPageSize,
    statusIds: init.statusIds ?? {},
  };
}
