import { Hono } from "hono";
import type { Logger } from "pino";
import type { World } from "../world.js";

/** Options of the Dvcqg emulator. */
export type DvcqgEmulatorInit = {};

/** The Dvcqg emulator over the sandbox's world. */
export class DvcqgEmulator {
  constructor(
    readonly world: World,
    readonly init: DvcqgEmulatorInit = {},
  ) {}

  async close(): Promise<void> {}
}

/** Every route of the Dvcqg emulator. */
export function dvcqgRoutes(_emulator: DvcqgEmulator, _log: Logger): Hono {
  return new Hono();
}
