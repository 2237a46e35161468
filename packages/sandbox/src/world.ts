import type { WorkingTimeOptions } from "@vnegov/domain";
import type { Db } from "./db/database.js";

/**
 * What every service works with: the database, the clock and the calendar. Passing these in
 * (rather than importing globals) lets tests pin time and run several sandboxes at once.
 */
export interface World {
  db: Db;
  now: () => number;
  /** Days off for working-time arithmetic (appointment dates). */
  calendar: Required<WorkingTimeOptions>;
  /** Source of ids and secrets; seeded while building the sample world, so it is repeatable. */
  randomBytes: (size: number) => Buffer;
  /** Called after a change committed events, so delivery starts without waiting a tick. */
  onEvents: () => void;
}

/** The authenticated caller. */
export interface Principal {
  clientId: string;
  scopes: ReadonlySet<string>;
  rateLimitPerSec: number | null;
}
