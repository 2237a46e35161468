import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { waitFor } from "./outbox-fixtures.js";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const started = new Set<ChildProcess>();

/** A delivery worker running `helpers/outbox-worker.ts` in its own process. */
export interface WorkerProcess {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM: the worker stops cleanly and reports its counters. */
  stop(): Promise<{ sent: number }>;
}

/**
 * Starts the worker script in its own process; resolves once it is delivering. Node runs it
 * with tsx as a loader (not the tsx CLI, which would put a wrapper process in between and
 * take a SIGKILL in the worker's place). Its stdin stays open: the worker exits when it
 * closes, so a dying test leaves no orphan.
 */
export async function startWorkerProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions=source", "--import", "tsx", "test/helpers/outbox-worker.ts", ...args],
    { cwd: packageDir, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...env } },
  );
  started.add(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`worker exited:\n${output}`);
      return output.includes("ready");
    },
    30_000,
    "the worker process",
  );
  return {
    process: child,
    output: () => output,
    exited,
    async stop() {
      child.kill("SIGTERM");
      if ((await exited) !== 0) throw new Error(`worker failed:\n${output}`);
      const line = output.split("\n").find((l) => l.startsWith("stopped "));
      return JSON.parse(line?.slice("stopped ".length) ?? "{}");
    },
  };
}

/** Kills every worker process still running (for `afterAll`). */
export function killWorkerProcesses(): void {
  for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
}
