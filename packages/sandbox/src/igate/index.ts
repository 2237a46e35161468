import { Hono } from "hono";
import type { Logger } from "pino";
import { igateControlRoutes } from "./control-routes.js";
import type { IgateEmulator } from "./emulator.js";
import { igateApiRoutes } from "./routes.js";

export type { IgateDossier, IgateStatusOverride } from "./dossier-view.js";
export { IgateEmulator, type IgateSearchPage } from "./emulator.js";
export {
  DEFAULT_IGATE_CREDENTIALS,
  type IgateCredentials,
  type IgateEmulatorInit,
  type IgateEmulatorOptions,
} from "./options.js";
export type { IgateStats, KeycloakTokenAnswer } from "./tokens.js";

/** Every route of the iGate emulator: Keycloak and the gateway under `/igate`, controls under `/_emulator/igate`. */
export function igateRoutes(emulator: IgateEmulator, log: Logger): Hono {
  const app = new Hono();
  app.route("/", igateApiRoutes(emulator, log));
  app.route("/_emulator/igate", igateControlRoutes(emulator));
  return app;
}
