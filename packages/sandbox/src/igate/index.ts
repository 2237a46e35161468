import { Hono } from "hono";
import type { Logger } from "pino";
import type { World } from "../world.js";

/** Options of the Igate emulator. */
export type IgateEmulatorInit = {};

/** The Igate emulator over the sandbox's world. */
export class IgateEmulator {
  constructor(
    readonly world: World,
    readonly init: IgateEmulatorInit = {},
  ) {}

  async close(): Promise<void> {}
}

/** Every route of the Igate emulator. */
export function igateRoutes(_emulator: IgateEmulator, _log: Logger): Hono {
  return new Hono();
}
