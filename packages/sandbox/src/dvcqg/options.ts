import { DVCQG_PROGRESS_BATCH } from "@vnegov/domain";

/** The account the emulator's `/dvcqg/auth` accepts. */
export interface DvcqgCredentials {
  username: string;
  password: string;
}

/** Options of the DVCQG emulator. */
export interface DvcqgEmulatorOptions {
  credentials: DvcqgCredentials;
  /** Lifetime of a session from login. Default 1800 s. */
  sessionTtlSeconds: number;
  /** Most `CapNhatTienDoHoSoMC` items per call; larger batches are refused. Default 10. */
  maxProgressBatch: number;
  /** Most `DongBoHoSoMC` records per call. Default 50. */
  maxSyncBatch: number;
}

/** What `startSandbox({ dvcqg })` takes: any field, with the rest defaulted. */
export interface DvcqgEmulatorInit {
  credentials?: Partial<DvcqgCredentials>;
  sessionTtlSeconds?: number;
  maxProgressBatch?: number;
  maxSyncBatch?: number;
}

/** Fictional credentials of the sandbox's provincial DVCQG adapter account. */
export const DEFAULT_DVCQG_CREDENTIALS: DvcqgCredentials = {
  username: "sandbox-lamgiang-dvcqg",
  password: "sandbox-dvcqg-password-R4n8Vt",
};

/** The emulator's options: `init` over the defaults. */
export function dvcqgOptions(init: DvcqgEmulatorInit = {}): DvcqgEmulatorOptions {
  return {
    credentials: { ...DEFAULT_DVCQG_CREDENTIALS, ...init.credentials },
    sessionTtlSeconds: init.sessionTtlSeconds ?? 1800,
    maxProgressBatch: init.maxProgressBatch ?? DVCQG_PROGRESS_BATCH,
    maxSyncBatch: init.maxSyncBatch ?? 50,
  };
}
