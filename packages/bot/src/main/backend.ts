import type { Sandbox } from "@vnegov/sandbox";
import type { PortalApi, Vnegov } from "@vnegov/sdk";
import type { BotConfig } from "./config.js";

/** The system citizens' dossier look-ups go to, and how to let it go. */
export interface Backend {
  readonly name: BotConfig["VNEGOV_BACKEND"];
  readonly portal: PortalApi;
  close(): Promise<void>;
}

/**
 * The backend `VNEGOV_BACKEND` names: the canonical portal (`sdk.portal`), or a DVCQG or iGate
 * adapter. With the embedded sandbox, its emulators of those systems stand in, so each backend
 * runs without a real account. Adapters are loaded only when chosen.
 */
export async function openBackend(
  config: BotConfig,
  sdk: Vnegov,
  sandbox: Sandbox | undefined,
): Promise<Backend> {
  switch (config.VNEGOV_BACKEND) {
    case "canonical":
      return { name: "canonical", portal: sdk.portal, close: async () => {} };
    case "dvcqg": {
      const { Dvcqg } = await import("@vnegov/sdk/dvcqg");
      const dvcqg = new Dvcqg(
        sandbox
          ? {
              baseURL: `${sandbox.url}/dvcqg`,
              ...sandbox.dvcqg.credentials,
              madonvi: config.DVCQG_MADONVI ?? (await provinceUnit(sdk)),
            }
          : {
              baseURL: required(config.DVCQG_URL),
              username: required(config.DVCQG_USERNAME),
              password: required(config.DVCQG_PASSWORD),
              madonvi: required(config.DVCQG_MADONVI),
            },
      );
      return { name: "dvcqg", portal: dvcqg.portal, close: () => dvcqg.close() };
    }
    case "igate": {
      const { Igate } = await import("@vnegov/sdk/igate");
      const igate = new Igate(
        sandbox
          ? {
              baseURL: `${sandbox.url}/igate`,
              ssoURL: `${sandbox.url}/igate`,
              ...sandbox.igate.credentials,
            }
          : {
              baseURL: required(config.IGATE_URL),
              tokenURL: required(config.IGATE_TOKEN_URL),
              clientId: required(config.IGATE_CLIENT_ID),
              clientSecret: required(config.IGATE_CLIENT_SECRET),
            },
      );
      return { name: "igate", portal: igate.portal, close: () => igate.close() };
    }
  }
}

/** The province's own unit (mã đơn vị) in the sandbox's world: DVCQG calls are made as it. */
async function provinceUnit(sdk: Vnegov): Promise<string> {
  for await (const agency of sdk.portal.agencies.list({ limit: 100 }))
    if (agency.level === "tinh") return agency.code;
  throw new Error("the sandbox has no province-level agency to call DVCQG as");
}

// The configuration schema already refused a missing setting; this only narrows the type.
function required(value: string | undefined): string {
  if (value === undefined) throw new Error("a setting the configuration requires is missing");
  return value;
}
