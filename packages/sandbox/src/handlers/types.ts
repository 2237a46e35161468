import type { Principal, World } from "../world.js";

/** A validated request, as handlers see it. */
export interface OperationInput {
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: validated against the contract before any handler runs
  body: any;
  /** `null` only for operations without security. */
  principal: Principal | null;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes instead of JSON (attachment downloads). */
  binary?: { data: Buffer; contentType: string };
}

/** What handlers may use beyond the world. */
export interface HandlerContext {
  world: World;
  version: string;
  tokenTtlSeconds: number;
  /** Counts a failed secret or link-code guess; throws 429 when the client guessed too often. */
  recordFailedGuess: (principal: Principal) => void;
}

/** Handlers run synchronously, so an idempotent request and its stored response commit together. */
export type Handler = (input: OperationInput, ctx: HandlerContext) => HandlerResult;

export const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

/** The principal of a secured operation (the router guarantees one). */
export function who(input: OperationInput): Principal {
  if (!input.principal) throw new Error("secured operation reached without a principal");
  return input.principal;
}

export const limitOf = (query: Record<string, string>) => (query.limit ? Number(query.limit) : 20);
