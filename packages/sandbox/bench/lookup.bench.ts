/**
 * Dossier look-up throughput of the sandbox on loopback, with autocannon as the load
 * generator. The server runs in its own process so the two do not share an event loop.
 * `/healthz` (no auth, no database) is the baseline measured in the same run; every figure
 * is the median of several rounds because shared machines are noisy.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import {
  type BenchRequest,
  CONNECTIONS,
  type Figures,
  printTable,
  ROUNDS,
  rounds,
  SECONDS,
  startProcess,
  stopProcess,
} from "../../../bench.base.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

interface Server {
  url: string;
  process: ChildProcess;
}

async function startServer(db: string, extra: string[]): Promise<Server> {
  const { match, process } = await startProcess(
    packageDir,
    [
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
    /listening on (\S+)/,
  );
  return { url: match, process };
}

/** Cycles through `requests`. */
const cycle = (requests: BenchRequest[]) => {
  let i = 0;
  return () => requests[i++ % requests.length] as BenchRequest;
};

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
    // What the bot asks for: the dossier with its latest history entries.
    const withHistory = lookups.map((r) => ({ ...r, path: `${r.path}?include=recentHistory` }));
    const scenarios: [string, string, BenchRequest[]][] = [
      ["baseline: GET /healthz", validated.url, [{ path: "/healthz", headers: {} }]],
      ["dossier look-up (responses validated)", validated.url, lookups],
      ["dossier look-up (no response validation)", unvalidated.url, lookups],
      ["look-up ?include=recentHistory (validated)", validated.url, withHistory],
    ];
    const results = new Map<string, Figures>();
    for (const [name, url, requests] of scenarios)
      results.set(name, await rounds(url, cycle(requests)));
    printTable(
      `vnegov sandbox look-up benchmark: median of ${ROUNDS} × ${SECONDS}s rounds, ${CONNECTIONS} connections, ${lookups.length} dossiers`,
      results,
      "baseline: GET /healthz",
    );
    if ([...results.values()].some((f) => f.errors > 0)) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => stopProcess(s.process)));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
