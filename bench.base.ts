/**
 * What every package's benchmark shares: autocannon rounds, medians (shared machines are
 * noisy) and the results table with ratios against a baseline measured in the same run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import autocannon from "autocannon";

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

/** One HTTP request autocannon sends; `next` is called for each. */
export interface BenchRequest {
  method?: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** One autocannon round against `url`, each request built by `next`. */
export async function measure(url: string, next: () => BenchRequest): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request) => {
          const target = next();
          return {
            ...request,
            method: target.method ?? "GET",
            path: target.path,
            headers: { ...request.headers, ...target.headers },
            ...(target.body === undefined ? {} : { body: target.body }),
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** A warm-up round (JIT, caches), then `ROUNDS` rounds summarised by their medians. */
export async function rounds(url: string, next: () => BenchRequest): Promise<Figures> {
  await measure(url, next);
  const all: Figures[] = [];
  for (let r = 0; r < ROUNDS; r++) all.push(await measure(url, next));
  return {
    rps: median(all.map((f) => f.rps)),
    p50: median(all.map((f) => f.p50)),
    p99: median(all.map((f) => f.p99)),
    errors: all.reduce((n, f) => n + f.errors, 0),
  };
}

/** Prints the results with each scenario's throughput as a ratio of `baseline`'s. */
export function printTable(title: string, results: Map<string, Figures>, baseline: string): void {
  const base = results.get(baseline);
  if (!base) throw new Error(`no baseline ${baseline}`);
  console.log(`\n${title}`);
  console.log(
    [
      "scenario".padEnd(48),
      "req/s".padStart(9),
      "p50 ms".padStart(8),
      "p99 ms".padStart(8),
      "vs baseline".padStart(12),
      "errors".padStart(7),
    ].join(""),
  );
  for (const [name, f] of results)
    console.log(
      [
        name.padEnd(48),
        f.rps.toFixed(0).padStart(9),
        f.p50.toFixed(1).padStart(8),
        f.p99.toFixed(1).padStart(8),
        `${(f.rps / base.rps).toFixed(2)}×`.padStart(12),
        String(f.errors).padStart(7),
      ].join(""),
    );
}

/**
 * Starts `tsx <args>` in `cwd` as its own process (so the load generator and the server do
 * not share an event loop) and resolves with the first capture of `ready` in its output.
 */
export async function startProcess(
  cwd: string,
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<{ match: string; process: ChildProcess }> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each child there, to see where time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(
    `${cwd}/node_modules/.bin/tsx`,
    [...profile, "--conditions=source", ...args],
    {
      cwd,
      env: { ...process.env, ...env },
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  for (const deadline = Date.now() + 120_000; !ready.test(output); ) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`${args.join(" ")} did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { match: (ready.exec(output) as RegExpExecArray)[1] as string, process: child };
}

/** Stops a child started by {@link startProcess} and waits for it to exit (and write profiles). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
