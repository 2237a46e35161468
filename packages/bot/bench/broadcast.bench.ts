/**
 * Broadcast benchmark (issue 7): one notification to every subscriber through the sandbox's
 * Telegram emulator with its flood limits on (1 msg/s per chat, as Telegram; the per-bot
 * ceiling at 30 msg/s, then a fast variant at 1 000 msg/s). For each way of sending it prints
 * the achieved rate from the first to the last message the emulator took, as a ratio of the
 * ceiling (goal ≥ 0.95), the 429s the emulator answered, and the chats that lost the message
 * or got it more than once:
 * - vnegov outbox: `SqliteOutbox` (a file in a temporary directory) + `DeliveryWorker`
 *   with `limits.telegram.perSecond` at the ceiling (default headroom);
 * - naive telegraf loop: `await sendMessage` per chat, errors caught and counted (a 429 loses
 *   that message, as naive code does);
 * - grammY throttler: grammY with `@grammyjs/transformer-throttler`, every send at once (its
 *   defaults are 30/s global, 1/s per chat; for other ceilings its global reservoir is set to
 *   the ceiling, as its README shows).
 * Then memory: a child process runs the vnegov broadcast to `BENCH_RSS_SUBSCRIBERS` chats at
 * the fast ceiling and reports its peak RSS (goal < 150 MB).
 *
 * The emulator runs in its own process, so neither its CPU nor its memory is counted. Each
 * scenario is a fresh bot (own limiter windows, own counts) with chats 1…N opened in bulk.
 * Exits non-zero when the vnegov outbox loses or duplicates a message.
 *
 * Environment: BENCH_SUBSCRIBERS (10 000; 0 skips the 30 msg/s variant),
 * BENCH_FAST_SUBSCRIBERS (10 000; 0 skips the fast one), BENCH_FAST_CEILING (1 000),
 * BENCH_RSS_SUBSCRIBERS (100 000; 0 skips), BENCH_BROADCAST_SCENARIOS (`vnegov,telegraf,grammy`),
 * BENCH_BROADCAST_ROUNDS (rounds per scenario, reported as medians; default 1 at 30 msg/s, where
 * a round takes minutes, and 3 for the fast variant, where one stall of the emulator's process
 * (a 429, and a second's pause) decides a single 10-second round).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Bot, GrammyError } from "grammy";
import { Telegraf, TelegramError } from "telegraf";
import { median, startProcess, stopProcess } from "../../../bench.base.js";
import {
  BROADCAST_TEXT,
  EmulatorControl,
  type EmulatorStats,
  type OutboxBroadcast,
  outboxBroadcast,
  tokenFor,
} from "./broadcast-helpers.js";

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
};

const SLOW_CEILING = 30;
const FAST_CEILING = envNumber("BENCH_FAST_CEILING", 1000);
const SUBSCRIBERS = envNumber("BENCH_SUBSCRIBERS", 10_000);
const FAST_SUBSCRIBERS = envNumber("BENCH_FAST_SUBSCRIBERS", 10_000);
const RSS_SUBSCRIBERS = envNumber("BENCH_RSS_SUBSCRIBERS", 100_000);
const roundsAt = (ceiling: number) =>
  Math.max(1, envNumber("BENCH_BROADCAST_ROUNDS", ceiling === SLOW_CEILING ? 1 : 3));
const RATE_GOAL = 0.95;
const RSS_GOAL_MB = 150;
const MB = 1024 * 1024;

const SCENARIOS = {
  vnegov: "vnegov outbox (SQLite + DeliveryWorker)",
  telegraf: "peer: naive telegraf loop",
  grammy: "peer: grammY + transformer-throttler",
} as const;
type ScenarioKey = keyof typeof SCENARIOS;
const chosen = (process.env.BENCH_BROADCAST_SCENARIOS ?? "vnegov,telegraf,grammy")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
for (const key of chosen)
  if (!(key in SCENARIOS))
    throw new Error(`unknown scenario ${key}; know ${Object.keys(SCENARIOS)}`);

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** One broadcast as the emulator saw it, with what the sender was told. */
interface Run {
  stats: EmulatorStats;
  /** Chats that got the message more than once. */
  duplicated: number;
  /** Errors the sending code caught, by Telegram error code (or `network`). */
  errors: Map<string, number>;
  outbox?: OutboxBroadcast;
}

interface Row {
  scenario: ScenarioKey;
  ceiling: number;
  subscribers: number;
  runs: Run[];
}

let nextBotId = 7_300_000_001;

function countError(errors: Map<string, number>, error: unknown): void {
  const code =
    error instanceof TelegramError
      ? String(error.code)
      : error instanceof GrammyError
        ? String(error.error_code)
        : "network";
  errors.set(code, (errors.get(code) ?? 0) + 1);
}

/** `for (const id of chats) await bot.telegram.sendMessage(id, text)`, errors counted. */
async function naiveTelegraf(apiRoot: string, token: string, subscribers: number) {
  const bot = new Telegraf(token, { telegram: { apiRoot } });
  const errors = new Map<string, number>();
  for (let chat = 1; chat <= subscribers; chat++) {
    try {
      await bot.telegram.sendMessage(chat, BROADCAST_TEXT);
    } catch (error) {
      countError(errors, error);
    }
  }
  return errors;
}

/** grammY's throttler at the ceiling; every send handed to it at once. */
async function grammyThrottled(
  apiRoot: string,
  token: string,
  subscribers: number,
  ceiling: number,
) {
  const bot = new Bot(token, { client: { apiRoot } });
  // The throttler's defaults are Telegram's 30/s; for another ceiling its README sets the
  // global reservoir (per-chat 1/s and per-group 20/min stay as they are).
  bot.api.config.use(
    ceiling === 30
      ? apiThrottler()
      : apiThrottler({
          global: {
            reservoir: ceiling,
            reservoirRefreshAmount: ceiling,
            reservoirRefreshInterval: 1000,
          },
        }),
  );
  const errors = new Map<string, number>();
  const chats = Array.from({ length: subscribers }, (_, i) => i + 1);
  await Promise.all(
    chats.map((chat) =>
      bot.api
        .sendMessage(chat, BROADCAST_TEXT)
        .catch((error: unknown) => countError(errors, error)),
    ),
  );
  return errors;
}

async function runOnce(
  control: EmulatorControl,
  scenario: ScenarioKey,
  ceiling: number,
  subscribers: number,
): Promise<Run> {
  const token = tokenFor(nextBotId++);
  await control.openChats(token, subscribers);
  let errors = new Map<string, number>();
  let outbox: OutboxBroadcast | undefined;
  switch (scenario) {
    case "vnegov":
      outbox = await outboxBroadcast({
        apiRoot: control.url,
        token,
        subscribers,
        ceiling,
        timeoutMs: (subscribers / ceiling) * 3000 + 60_000,
      });
      break;
    case "telegraf":
      errors = await naiveTelegraf(control.url, token, subscribers);
      break;
    case "grammy":
      errors = await grammyThrottled(control.url, token, subscribers, ceiling);
      break;
  }
  const stats = await control.stats(token);
  const duplicated =
    stats.sent > stats.chatsReached ? await control.chatsWithRepeats(token, subscribers) : 0;
  return { stats, duplicated, errors, ...(outbox && { outbox }) };
}

/** Figures of one run, from the emulator's counts and clock. */
function figures(run: Run, row: Row) {
  const { sent, chatsReached, rateLimited, firstSentAt = 0, lastSentAt = 0 } = run.stats;
  const seconds = (lastSentAt - firstSentAt) / 1000;
  const rate = seconds > 0 ? (sent - 1) / seconds : 0;
  return {
    sent,
    seconds,
    rate,
    ratio: rate / row.ceiling,
    rateLimited,
    lost: row.subscribers - chatsReached,
    duplicated: run.duplicated,
  };
}

function printTable(rows: Row[]): void {
  const medianOf = (row: Row, pick: (f: ReturnType<typeof figures>) => number) =>
    median(row.runs.map((run) => pick(figures(run, row))));
  const columns: [string, number][] = [
    ["scenario", 40],
    ["ceiling", 8],
    ["chats", 8],
    ["rounds", 7],
    ["sent", 8],
    ["seconds", 9],
    ["msg/s", 9],
    ["×ceiling", 9],
    ["429s", 7],
    ["lost", 7],
    ["dup", 5],
    ["  goal ≥ 0.95", 14],
  ];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(columns[0]?.[1] ?? 0) : c.padStart(columns[i]?.[1] ?? 0)))
      .join("");
  console.log(
    `\nvnegov broadcast benchmark: Telegram emulator, 1 msg/s per chat; figures are medians of each row's rounds; rate = (sent − 1) / (last − first message the emulator took)`,
  );
  console.log(line(columns.map(([name]) => name)));
  for (const row of rows) {
    const ratio = medianOf(row, (f) => f.ratio);
    const limited = medianOf(row, (f) => f.rateLimited);
    const lost = medianOf(row, (f) => f.lost);
    const duplicated = medianOf(row, (f) => f.duplicated);
    const met = ratio >= RATE_GOAL && limited === 0 && lost === 0 && duplicated === 0;
    console.log(
      line([
        SCENARIOS[row.scenario],
        String(row.ceiling),
        String(row.subscribers),
        String(row.runs.length),
        String(medianOf(row, (f) => f.sent)),
        medianOf(row, (f) => f.seconds).toFixed(1),
        medianOf(row, (f) => f.rate).toFixed(1),
        `${ratio.toFixed(3)}×`,
        String(limited),
        String(lost),
        String(duplicated),
        met ? "met" : "missed",
      ]),
    );
  }
  const notes: string[] = [];
  for (const row of rows) {
    const run = row.runs[0];
    if (!run) continue;
    const label = `${SCENARIOS[row.scenario]} @ ${row.ceiling}/s`;
    if (run.errors.size > 0)
      notes.push(
        `${label}: the sender caught ${[...run.errors].map(([code, n]) => `${n} × ${code}`).join(", ")}`,
      );
    if (run.outbox) {
      const { counters, enqueueMs, wallMs, status } = run.outbox;
      notes.push(
        `${label}: enqueue ${enqueueMs.toFixed(0)} ms, enqueue → empty outbox ${(wallMs / 1000).toFixed(1)} s; ` +
          `outbox: ${status.sent} sent, ${status.failed} failed, ${status.blocked} blocked; worker: ` +
          `${counters.sent} sent, ${counters.rateLimited} × 429 reached it, ${counters.retried} retried, ` +
          `mean send ${((counters.sendSeconds / Math.max(1, counters.sends)) * 1000).toFixed(1)} ms`,
      );
    }
  }
  if (rows.some((r) => r.scenario === "grammy" && r.ceiling !== 30))
    notes.push(
      `grammY throttler @ ${FAST_CEILING}/s: global reservoir set to ${FAST_CEILING} per 1000 ms (its README's way); per-chat and group limiters at their defaults`,
    );
  for (const note of notes) console.log(`  · ${note}`);
}

/**
 * `broadcast-rss.ts` bundled with esbuild (tsup's) into one file run by plain node, as the
 * built bot runs: under tsx, its loader thread and the TypeScript sources in memory would add
 * some 35 MB that production does not have. `undefined` when bundling fails (then tsx runs it).
 */
async function bundleRssChild(): Promise<string | undefined> {
  try {
    const require = createRequire(import.meta.url);
    const esbuildPath = createRequire(require.resolve("tsup")).resolve("esbuild");
    const esbuild = (await import(pathToFileURL(esbuildPath).href)) as {
      build(options: Record<string, unknown>): Promise<unknown>;
    };
    const outfile = join(packageDir, "node_modules/.cache/vnegov-bench/broadcast-rss.mjs");
    await esbuild.build({
      entryPoints: [join(packageDir, "bench/broadcast-rss.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      conditions: ["source"],
      // Native: loaded from the package's node_modules, as in production.
      external: ["better-sqlite3"],
      logLevel: "warning",
      banner: {
        js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
      },
    });
    return outfile;
  } catch (error) {
    console.warn(`Bundling broadcast-rss.ts failed, measuring it under tsx: ${String(error)}`);
    return undefined;
  }
}

/** The vnegov broadcast in a child process; its peak RSS and what the emulator took. */
async function measureRss(control: EmulatorControl, subscribers: number) {
  const token = tokenFor(nextBotId++);
  await control.openChats(token, subscribers);
  const bundle = await bundleRssChild();
  const args = [control.url, token, String(subscribers), String(FAST_CEILING)];
  const child = bundle
    ? spawn(process.execPath, [bundle, ...args], {
        cwd: packageDir,
        stdio: ["ignore", "pipe", "pipe"],
      })
    : spawn(
        `${packageDir}/node_modules/.bin/tsx`,
        ["--conditions=source", "bench/broadcast-rss.ts", ...args],
        { cwd: packageDir, stdio: ["ignore", "pipe", "pipe"] },
      );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const line = /^result (.+)$/m.exec(output)?.[1];
  if (code !== 0 || !line) throw new Error(`broadcast-rss.ts failed (${code}):\n${output}`);
  const result = JSON.parse(line) as OutboxBroadcast & {
    startRss: number;
    peakRss: number;
    endRss: number;
    heapUsed: number;
    atPeak: NodeJS.MemoryUsage;
  };
  const stats = await control.stats(token);
  const duplicated =
    stats.sent > stats.chatsReached ? await control.chatsWithRepeats(token, subscribers) : 0;
  return {
    result,
    stats,
    duplicated,
    lost: subscribers - stats.chatsReached,
    runtime: bundle ? "plain node, bundled" : "tsx",
  };
}

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  try {
    const { match, process: sandbox } = await startProcess(
      packageDir,
      ["bench/sandbox-process.ts"],
      /^ready (.+)$/m,
    );
    children.push(sandbox);
    const control = new EmulatorControl((JSON.parse(match) as { url: string }).url);

    const rows: Row[] = [];
    const variants = [
      { ceiling: SLOW_CEILING, subscribers: SUBSCRIBERS },
      { ceiling: FAST_CEILING, subscribers: FAST_SUBSCRIBERS },
    ].filter((v) => v.subscribers > 0);
    for (const { ceiling, subscribers } of variants) {
      await control.setCeiling(ceiling);
      for (const scenario of chosen as ScenarioKey[]) {
        const row: Row = { scenario, ceiling, subscribers, runs: [] };
        for (let round = 0; round < roundsAt(ceiling); round++) {
          const started = Date.now();
          const run = await runOnce(control, scenario, ceiling, subscribers);
          row.runs.push(run);
          const f = figures(run, row);
          console.log(
            `${SCENARIOS[scenario]} @ ${ceiling}/s, ${subscribers} chats: ${f.rate.toFixed(1)} msg/s ` +
              `(${f.ratio.toFixed(3)}× ceiling), ${f.rateLimited} × 429, ${f.lost} lost, ` +
              `${f.duplicated} duplicated (${((Date.now() - started) / 1000).toFixed(0)} s)`,
          );
          if (scenario === "vnegov" && (f.lost > 0 || f.duplicated > 0)) process.exitCode = 1;
        }
        rows.push(row);
      }
    }
    if (rows.length > 0) printTable(rows);

    if (RSS_SUBSCRIBERS > 0) {
      await control.setCeiling(FAST_CEILING);
      const { result, stats, duplicated, lost, runtime } = await measureRss(
        control,
        RSS_SUBSCRIBERS,
      );
      const peak = result.peakRss / MB;
      const seconds = ((stats.lastSentAt ?? 0) - (stats.firstSentAt ?? 0)) / 1000;
      console.log(
        `\nMemory: vnegov outbox broadcast to ${RSS_SUBSCRIBERS} chats at ${FAST_CEILING}/s in a ` +
          `process of its own (${runtime}): peak RSS ${peak.toFixed(1)} MB (goal < ${RSS_GOAL_MB} MB: ` +
          `${peak < RSS_GOAL_MB ? "met" : "missed"}; at the peak V8 heap ${(result.atPeak.heapUsed / MB).toFixed(1)} of ${(result.atPeak.heapTotal / MB).toFixed(1)} MB, ` +
          `off-heap ${(result.atPeak.external / MB).toFixed(1)} MB), ${(result.startRss / MB).toFixed(1)} MB before the broadcast (modules loaded), ` +
          `at the end ${(result.endRss / MB).toFixed(1)} MB (heap ${(result.heapUsed / MB).toFixed(1)} MB); ` +
          `enqueue ${result.enqueueMs.toFixed(0)} ms; ${stats.sent} sent in ${seconds.toFixed(1)} s ` +
          `(${seconds > 0 ? ((stats.sent - 1) / seconds).toFixed(1) : "–"} msg/s), ` +
          `${stats.rateLimited} × 429, ${lost} lost, ${duplicated} duplicated`,
      );
      if (lost > 0 || duplicated > 0) process.exitCode = 1;
    }
    if (process.exitCode === 1)
      console.error("\nThe vnegov outbox lost or duplicated messages: its figures do not count.");
  } finally {
    await Promise.all(children.map(stopProcess));
  }
}

await main();
