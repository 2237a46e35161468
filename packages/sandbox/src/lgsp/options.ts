/**
 * A system registered on the LGSP: one unit's document-management software. It logs in with an
 * account (`username`/`password`/`applicationCode`) and identifies itself on every call with
 * `X-SystemId`/`X-SecretKey`; it sends and receives for exactly one agency of the world.
 * Everything in the defaults is fictional.
 */
export interface LgspSystem {
  /** `X-SystemId`. */
  systemId: string;
  /** `X-SecretKey`. */
  secretKey: string;
  /** The agency (mã định danh, from the world's `agencies`) this system speaks for. */
  agencyCode: string;
  /** Login account. */
  username: string;
  password: string;
  applicationCode: string;
}

/** What `startSandbox({ lgsp })` takes: any field, with the rest defaulted. */
export interface LgspEmulatorInit {
  /** The registered systems. Default {@link LGSP_DEFAULT_SYSTEMS}. */
  systems?: LgspSystem[];
  /** Lifetime of login tokens. Default 1800 s (30 min), as LGSP Lạng Sơn's JWT. */
  tokenTtlSeconds?: number;
  /** Largest `size` of `getAgenciesList`. Default 100. */
  maxPageSize?: number;
  /**
   * Also record each delivered edoc as an incoming document in the world's `documents` table
   * (so the canonical Document API sees it). Default true.
   */
  recordIncomingDocuments?: boolean;
}

/** Resolved options of the LGSP emulator. */
export type LgspEmulatorOptions = Required<LgspEmulatorInit>;

/**
 * Three units of the seeded province "Lam Giang": Sở Tư pháp, UBND tỉnh and Sở Nội vụ. Their
 * agency codes exist in the seeded world; an unseeded world has no agencies, so sends fail
 * with `18` there.
 */
export const LGSP_DEFAULT_SYSTEMS: readonly LgspSystem[] = Object.freeze([
  {
    systemId: "H99.STP.QLVB",
    secretKey: "lgsp-sandbox-secret-stp",
    agencyCode: "000.00.12.H99",
    username: "vanthu.stp",
    password: "LgspSandbox@STP",
    applicationCode: "QLVB_STP",
  },
  {
    systemId: "H99.UBND.QLVB",
    secretKey: "lgsp-sandbox-secret-ubnd",
    agencyCode: "000.00.00.H99",
    username: "vanthu.ubnd",
    password: "LgspSandbox@UBND",
    applicationCode: "QLVB_UBND",
  },
  {
    systemId: "H99.SNV.QLVB",
    secretKey: "lgsp-sandbox-secret-snv",
    agencyCode: "000.00.11.H99",
    username: "vanthu.snv",
    password: "LgspSandbox@SNV",
    applicationCode: "QLVB_SNV",
  },
]);

export function lgspOptions(init: LgspEmulatorInit = {}): LgspEmulatorOptions {
  const systems = (init.systems ?? LGSP_DEFAULT_SYSTEMS).map((s) => ({ ...s }));
  const ids = new Set<string>();
  for (const s of systems) {
    if (!s.systemId || !s.secretKey || !s.agencyCode || !s.username)
      throw new TypeError("Each LGSP system needs systemId, secretKey, agencyCode and username.");
    if (ids.has(s.systemId)) throw new TypeError(`LGSP system ${s.systemId} is listed twice.`);
    ids.add(s.systemId);
  }
  const ttl = init.tokenTtlSeconds ?? 1800;
  if (!(ttl > 0)) throw new TypeError("tokenTtlSeconds must be positive.");
  return {
    systems,
    tokenTtlSeconds: ttl,
    maxPageSize: init.maxPageSize ?? 100,
    recordIncomingDocuments: init.recordIncomingDocuments ?? true,
  };
}
