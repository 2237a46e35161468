import { Hono } from "hono";
import type { Logger } from "pino";
import type { World } from "../world.js";

/** Options of the Lgsp emulator. */
export type LgspEmulatorInit = {};

/** The Lgsp emulator over the sandbox's world. */
export class LgspEmulator {
  constructor(
    readonly world: World,
    readonly init: LgspEmulatorInit = {},
  ) {}

  async close(): Promise<void> {}
}

/** Every route of the Lgsp emulator. */
export function lgspRoutes(_emulator: LgspEmulator, _log: Logger): Hono {
  return new Hono();
}
