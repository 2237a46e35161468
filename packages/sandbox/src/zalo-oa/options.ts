/** The app and OA the emulator plays; clients use these to authorise and verify webhooks. */
export interface ZaloOaCredentials {
  /** The Zalo App's ID. */
  appId: string;
  /** The Zalo App's secret key (OAuth's `secret_key` header). */
  appSecret: string;
  /** The OA Secret Key: signs webhook deliveries only. */
  oaSecretKey: string;
  /** The Official Account's id (`oa_id`, the `recipient.id` of user messages). */
  oaId: string;
}

/** An approved ZNS template: its id and the parameters `template_data` must fill. */
export interface ZaloOaZnsTemplate {
  templateId: string;
  params: string[];
}

/** Limits on what the OA may send; `null` for none. */
export interface ZaloOaEmulatorLimits {
  /** Open API and ZNS calls per minute (past it: -32). Default `null` (no limit). */
  perMinute: number | null;
  /**
   * The same per second (a sliding one-second window; past it: -32, the only rate-limit code
   * Zalo documents), for tests that pace a client at a rate. Default `null` (no limit).
   */
  perSecond: number | null;
  /** Proactive (paid) consultation messages left (past it: -211). Default 1000. */
  quota: number | null;
  /** ZNS messages per day (past it: -211). Default 500. */
  znsDailyQuota: number | null;
}

/** How the emulator delivers webhook events. */
export interface ZaloOaEmulatorWebhookOptions {
  /** Where events go; none are delivered until one is set. */
  url?: string;
  /** Deliver every event twice, as Zalo sometimes does, to test de-duplication. Default false. */
  deliverTwice: boolean;
  /** How long the receiver has to answer. Default 10 s. */
  timeoutMs: number;
}

/** Options of the Zalo OA emulator. */
export interface ZaloOaEmulatorOptions {
  credentials: ZaloOaCredentials;
  /** Lifetime of access tokens. Default 90000 s (25 h), as Zalo's. */
  accessTokenTtlSeconds: number;
  /** Lifetime of refresh tokens. Default 90 days. */
  refreshTokenTtlSeconds: number;
  /** Lifetime of authorisation codes. Default 600 s. */
  codeTtlSeconds: number;
  limits: ZaloOaEmulatorLimits;
  webhook: ZaloOaEmulatorWebhookOptions;
  /** The approved ZNS templates. */
  znsTemplates: ZaloOaZnsTemplate[];
}

/** What `startSandbox({ zaloOa })` takes: any field, with the rest defaulted. */
export interface ZaloOaEmulatorInit {
  credentials?: Partial<ZaloOaCredentials>;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  codeTtlSeconds?: number;
  limits?: Partial<ZaloOaEmulatorLimits>;
  webhook?: Partial<ZaloOaEmulatorWebhookOptions>;
  znsTemplates?: ZaloOaZnsTemplate[];
}

/** Fictional credentials of the sandbox's OA. */
export const DEFAULT_ZALO_OA_CREDENTIALS: ZaloOaCredentials = {
  appId: "3141592653589793238",
  appSecret: "sandbox-zalo-app-secret-K9x2Qm",
  oaSecretKey: "sandbox-zalo-oa-secret-key-T7w4Lp",
  oaId: "2718281828459045235",
};

/** Templates every sandbox OA has approved: a dossier status notice and an OTP. */
export const DEFAULT_ZNS_TEMPLATES: ZaloOaZnsTemplate[] = [
  { templateId: "231001", params: ["ho_ten", "ma_ho_so", "trang_thai"] },
  { templateId: "231002", params: ["otp"] },
];

/** No per-minute or per-second limit, Zalo's 1000 free proactive messages, 500 ZNS a day. */
export const DEFAULT_ZALO_OA_LIMITS: ZaloOaEmulatorLimits = {
  perMinute: null,
  perSecond: null,
  quota: 1000,
  znsDailyQuota: 500,
};

/** The emulator's options: `init` over the defaults. */
export function zaloOaOptions(init: ZaloOaEmulatorInit = {}): ZaloOaEmulatorOptions {
  return {
    credentials: { ...DEFAULT_ZALO_OA_CREDENTIALS, ...init.credentials },
    accessTokenTtlSeconds: init.accessTokenTtlSeconds ?? 90_000,
    refreshTokenTtlSeconds: init.refreshTokenTtlSeconds ?? 90 * 86_400,
    codeTtlSeconds: init.codeTtlSeconds ?? 600,
    limits: { ...DEFAULT_ZALO_OA_LIMITS, ...init.limits },
    webhook: { deliverTwice: false, timeoutMs: 10_000, ...init.webhook },
    znsTemplates: init.znsTemplates ?? DEFAULT_ZNS_TEMPLATES,
  };
}
