/**
 * Dossier look-up throughput of the sandbox on loopback, with autocannon as the load
 * generator. The server runs in its own process so the two do not share an event loop.
 * `/healthz` (no auth, no database) is the baseline measured in the same run; every figure
 * is the median of several rounds because shared machines are noisy.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const packageDir = fileURLToPath(new URL("..", import.meta.url));

interface Server {
  url: string;
  process: ChildProcess;
}

async function startServer(db: string, extra: string[]): Promise<Server> {
  const child = spawn(
    join(packageDir, "node_modules/.bin/tsx"),
    [
      "--conditions=source",
      "src/cli.ts",
      "start",
      "--port",
      "0",
      "--db",
      db,
      "--seed",
      "--rate-limit",
      "1000000",
      "--log-level",
      "warn",
      ...extra,
    ],
    { cwd: packageDir },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  for (const deadline = Date.now() + 60_000; !/listening on (\S+)/.test(output); ) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`sandbox did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: (/listening on (\S+)/.exec(output) as RegExpExecArray)[1] as string,
    process: child,
  };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(
  url: string,
  paths: { path: string; headers: Record<string, string> }[],
): Promise<Figures> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request) => {
          const target = paths[i++ % paths.length] as (typeof paths)[number];
          return {
            ...request,
            path: target.path,
            headers: { ...request.headers, ...target.headers },
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

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

function summarize(rounds: Figures[]): Figures {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "vnegov-bench-"));
  const servers: Server[] = [];
  try {
    const validated = await startServer(join(dir, "a.sqlite"), []);
    const unvalidated = await startServer(join(dir, "b.sqlite"), ["--no-response-validation"]);
    servers.push(validated, unvalidated);
    const samples = JSON.parse(
      (
        new Database(join(dir, "a.sqlite"), { readonly: true })
          .prepare("SELECT value FROM meta WHERE key = 'samples'")
          .get() as { value: string }
      ).value,
    ) as Record<string, { code: string; secret: string }[]>;
    const lookups = Object.values(samples)
      .flat()
      .map((s) => ({
        path: `/portal/v1/dossiers/${s.code}`,
        headers: { authorization: "Bearer vng_sandbox_bot_key", "x-verification-secret": s.secret },
      }));
    const scenarios: [string, string, { path: string; headers: Record<string, string> }[]][] = [
      ["baseline: GET /healthz", validated.url, [{ path: "/healthz", headers: {} }]],
      ["dossier look-up (responses validated)", validated.url, lookups],
      ["dossier look-up (no response validation)", unvalidated.url, lookups],
    ];
    const results = new Map<string, Figures>();
    for (const [name, url, paths] of scenarios) {
      await measure(url, paths); // warm-up: JIT, SQLite page cache, lazily compiled validators
      const rounds: Figures[] = [];
      for (let r = 0; r < ROUNDS; r++) rounds.push(await measure(url, paths));
      results.set(name, summarize(rounds));
    }
    const baseline = results.get("baseline: GET /healthz") as Figures;
    console.log(
      `\nvnegov sandbox look-up benchmark: median of ${ROUNDS} × ${SECONDS}s rounds, ${CONNECTIONS} connections, ${lookups.length} dossiers`,
    );
    console.log(
      [
        "scenario".padEnd(44),
        "req/s".padStart(9),
        "p50 ms".padStart(8),
        "p99 ms".padStart(8),
        "vs baseline".padStart(12),
        "errors".padStart(7),
      ].join(""),
    );
    for (const [name, f] of results) {
      console.log(
        [
          name.padEnd(44),
          f.rps.toFixed(0).padStart(9),
          f.p50.toFixed(1).padStart(8),
          f.p99.toFixed(1).padStart(8),
          `${(f.rps / baseline.rps).toFixed(2)}×`.padStart(12),
          String(f.errors).padStart(7),
        ].join(""),
      );
    }
    if ([...results.values()].some((f) => f.errors > 0)) process.exitCode = 1;
  } finally {
    for (const s of servers) s.process.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
