import { setTimeout as sleep } from "node:timers/promises";
import { ApiProblem, badRequest } from "./problem.js";

/** Server-wide faults, for chaos runs without touching clients. */
export interface FaultOptions {
  /** Honour the `X-Sandbox-Fault` request header. Default true. */
  header: boolean;
  /** Delay added to every request. Default 0. */
  latencyMs: number;
  /** Share of requests (0–1) answered with `errorStatus`. Default 0. */
  errorRate: number;
  /** Status of random failures. Default 503. */
  errorStatus: number;
}

export const DEFAULT_FAULTS: FaultOptions = {
  header: true,
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 503,
};

/** One request's fault, parsed from `X-Sandbox-Fault`. */
interface Fault {
  status?: number;
  times?: number;
  id: string;
  retryAfter?: number;
  latencyMs: number;
  drop: boolean;
}

const MAX_LATENCY_MS = 30_000;

/**
 * `X-Sandbox-Fault: status=503; times=2; id=t1; retry-after=1; latency=200; drop`.
 * `times` fails only the first N requests carrying the same `id` (default: the header
 * itself), so a retrying client sees N failures and then success.
 */
export function parseFault(header: string): Fault {
  const fault: Fault = { id: header, latencyMs: 0, drop: false };
  for (const part of header.split(/[;,]/)) {
    const [rawKey, rawValue] = part.split("=", 2).map((s) => s.trim());
    if (!rawKey) continue;
    const number = Number(rawValue);
    const bad = () => badRequest("invalid_fault", `X-Sandbox-Fault: bad value for ${rawKey}`);
    switch (rawKey.toLowerCase()) {
      case "status":
        if (!Number.isInteger(number) || (number !== 429 && (number < 500 || number > 599)))
          throw bad();
        fault.status = number;
        break;
      case "times":
        if (!Number.isInteger(number) || number < 1) throw bad();
        fault.times = number;
        break;
      case "id":
        if (!rawValue) throw bad();
        fault.id = rawValue;
        break;
      case "retry-after":
        if (!Number.isInteger(number) || number < 0) throw bad();
        fault.retryAfter = number;
        break;
      case "latency":
        if (!Number.isInteger(number) || number < 0 || number > MAX_LATENCY_MS) throw bad();
        fault.latencyMs = number;
        break;
      case "drop":
        fault.drop = true;
        break;
      default:
        throw badRequest("invalid_fault", `X-Sandbox-Fault: unknown parameter ${rawKey}`);
    }
  }
  return fault;
}

export class FaultInjector {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly options: FaultOptions,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * Applies the configured and requested faults: waits, then throws the injected problem or
   * drops the connection (via `drop`); returns normally when the request should proceed.
   */
  async apply(header: string | undefined, drop: () => void): Promise<"dropped" | undefined> {
    const fault = header && this.options.header ? parseFault(header) : undefined;
    const latency = this.options.latencyMs + (fault?.latencyMs ?? 0);
    if (latency > 0) await sleep(latency);
    if (fault && (fault.status !== undefined || fault.drop) && this.consume(fault)) {
      if (fault.drop) {
        drop();
        return "dropped";
      }
      throw injected(fault.status as number, fault.retryAfter);
    }
    if (this.options.errorRate > 0 && this.random() < this.options.errorRate) {
      throw injected(this.options.errorStatus, 1);
    }
    return undefined;
  }

  private consume(fault: Fault): boolean {
    if (fault.times === undefined) return true;
    const count = (this.seen.get(fault.id) ?? 0) + 1;
    this.seen.set(fault.id, count);
    return count <= fault.times;
  }
}

function injected(status: number, retryAfter: number | undefined): ApiProblem {
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
  const code = status === 429 ? "rate_limited" : "injected_fault";
  return new ApiProblem(
    status,
    code,
    status === 429 ? "Too Many Requests" : "Injected Fault",
    "Fault injected by X-Sandbox-Fault or sandbox config.",
    {
      headers,
      extra: retryAfter === undefined ? {} : { retryAfter },
    },
  );
}
