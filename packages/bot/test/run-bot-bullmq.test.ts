import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type RunningBot, runBot } from "../src/index.js";
import { followAreaOnTelegram } from "./helpers/outbox-fixtures.js";

/** `vnegov-bot` with `OUTBOX=bullmq`: notifications through BullMQ on a real Redis. */
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const TELEGRAM_TOKEN = `555000333:${"Q".repeat(35)}`;
const PREFIX = `vnegov-test:run-bot-${randomUUID().slice(0, 8)}`;
let sandbox: Sandbox;
let bot: RunningBot;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2021, telegram: { rateLimits: false } });
  dir = mkdtempSync(join(tmpdir(), "vnegov-run-bot-bullmq-"));
  env = {
    VNEGOV_BASE_URL: sandbox.url,
    VNEGOV_API_KEY: sandbox.credentials.bot.apiKey,
    PORT: "0",
    DATA_DIR: dir,
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_ROOT: sandbox.url,
    OUTBOX: "bullmq",
    REDIS_URL,
    OUTBOX_REDIS_PREFIX: PREFIX,
  };
  bot = await runBot(loadConfig(env), pino({ level: "silent" }));
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe("runBot with OUTBOX=bullmq", () => {
  it("delivers a published directive through BullMQ, and reports it to the operator", async () => {
    const chat = 9104;
    const tg = sandbox.telegram;
    await followAreaOnTelegram(sandbox, chat, TELEGRAM_TOKEN);
    const admin = new Vnegov({
      baseURL: sandbox.url,
      auth: { apiKey: sandbox.credentials.admin.apiKey },
    });
    await admin.docs.directives.publish({
      numberNotation: "88/CĐ-UBND",
      type: "cong_dien",
      issuerName: "UBND tỉnh Lam Giang",
      subject: "Về ứng phó triều cường",
      signer: { fullName: "Trần Văn Ký", position: "Chủ tịch" },
      issuedAt: "2026-11-23",
      urgency: "thuong_khan",
      audiences: [{ kind: "area", code: "99" }],
      effectiveFrom: "2026-11-23T00:00:00+07:00",
    });
    await admin.close();
    await sandbox.flush();
    const [pushed] = await tg.nextMessages(chat, 1, { token: TELEGRAM_TOKEN, timeoutMs: 10_000 });
    expect(pushed?.text).toContain("88/CĐ-UBND: Về ứng phó triều cường");

    type Ops = { broadcasts: { label: string; sent: number; total: number; done: boolean }[] };
    let ops: Ops = { broadcasts: [] };
    for (const deadline = Date.now() + 5000; !ops.broadcasts[0]?.done && Date.now() < deadline; ) {
      ops = (await (await fetch(new URL("/ops/broadcasts", bot.webChatUrl))).json()) as Ops;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(ops.broadcasts).toEqual([
      expect.objectContaining({ label: expect.stringContaining("88/CĐ-UBND"), sent: 1, total: 1 }),
    ]);
    const metrics = await (await fetch(new URL("/metrics", bot.webChatUrl))).text();
    expect(metrics).toContain('vnegov_outbox_deliveries{channel="telegram",status="sent"} 1');
    expect(metrics).toContain(
      'vnegov_outbox_send_outcomes_total{channel="telegram",outcome="sent"} 1',
    );

    // The operator's CLI reads the same Redis.
    const cli = await promisify(execFile)(
      `${packageDir}/node_modules/.bin/tsx`,
      ["--conditions=source", "src/cli.ts", "broadcast", "status"],
      { cwd: packageDir, env: { ...process.env, ...env }, timeout: 30_000 },
    );
    expect(cli.stdout).toMatch(/\[█+\] 1\/1 đã gửi · 0 chờ · 0 lỗi · 0 bị chặn/);
  }, 30_000);
});
