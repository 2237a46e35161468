import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type RunningBot, runBot } from "../src/index.js";
import { followAreaOnTelegram } from "./helpers/outbox-fixtures.js";

/**
 * `vnegov-bot` as configured by settings alone: a portal, Telegram, Zalo Bot and Zalo OA all
 * from one sandbox, and the web chat, in one process.
 */
const packageDir = fileURLToPath(new URL("..", import.meta.url));
let sandbox: Sandbox;
const admin = () =>
  new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.admin.apiKey } });
let bot: RunningBot;
let dir: string;
const TELEGRAM_TOKEN = `555000111:${"T".repeat(35)}`;
const ZALO_TOKEN = "555000222:run-bot-zalo-secret";

/** A port nobody listens on now, so PUBLIC_URL can be known before the bot starts. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2021, telegram: { rateLimits: false } });
  dir = mkdtempSync(join(tmpdir(), "vnegov-run-bot-"));
  const port = await freePort();
  const oa = sandbox.zaloOa.credentials;
  const config = loadConfig({
    VNEGOV_BASE_URL: sandbox.url,
    VNEGOV_API_KEY: sandbox.credentials.bot.apiKey,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}/`,
    DATA_DIR: dir,
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_ROOT: sandbox.url,
    ZALO_BOT_TOKEN: ZALO_TOKEN,
    ZALO_BOT_API_URL: `${sandbox.url}/zalo-bot`,
    ZALO_OA_APP_ID: oa.appId,
    ZALO_OA_APP_SECRET: oa.appSecret,
    ZALO_OA_SECRET_KEY: oa.oaSecretKey,
    ZALO_OA_API_URL: `${sandbox.url}/zalo-oa/openapi`,
    ZALO_OAUTH_URL: `${sandbox.url}/zalo-oa/oauth`,
    ZALO_BUSINESS_URL: `${sandbox.url}/zalo-oa/business`,
  });
  bot = await runBot(config, pino({ level: "silent" }));
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("runBot", () => {
  it("delivers a published directive through the outbox, and reports it to the operator", async () => {
    await followAreaOnTelegram(sandbox, 9004, TELEGRAM_TOKEN);
    await admin().docs.directives.publish({
      numberNotation: "77/CĐ-UBND",
      type: "cong_dien",
      issuerName: "UBND tỉnh Lam Giang",
      subject: "Về phòng, chống bão số 3",
      signer: { fullName: "Trần Văn Ký", position: "Chủ tịch" },
      issuedAt: "2024-05-24",
      urgency: "hoa_toc",
      audiences: [{ kind: "area", code: "99" }],
      effectiveFrom: "2024-05-24T00:00:00+07:00",
    });
    await sandbox.flush();
    const [pushed] = await sandbox.telegram.nextMessages(9004, 1, {
      token: TELEGRAM_TOKEN,
      timeoutMs: 10_000,
    });
    expect(pushed?.text).toContain("77/CĐ-UBND: Về phòng, chống bão số 3");

    // The message is out; its row is marked sent a moment later.
    type Ops = { broadcasts: { sent: number; total: number; done: boolean }[] };
    let ops: Ops = { broadcasts: [] };
    for (const deadline = Date.now() + 5000; !ops.broadcasts[0]?.done && Date.now() < deadline; ) {
      ops = (await (await fetch(new URL("/ops/broadcasts", bot.webChatUrl))).json()) as Ops;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(ops.broadcasts[0]).toMatchObject({ sent: 1, total: 1, done: true });
    const metrics = await (await fetch(new URL("/metrics", bot.webChatUrl))).text();
    expect(metrics).toMatch(/^# TYPE \S+ (counter|gauge)$/m);

    const cli = await promisify(execFile)(
      `${packageDir}/node_modules/.bin/tsx`,
      ["--conditions=source", "src/cli.ts", "broadcast", "status"],
      { cwd: packageDir, env: { ...process.env, DATA_DIR: dir }, timeout: 30_000 },
    );
    expect(cli.stdout).toMatch(/\[█+\] 1\/1 đã gửi · 0 chờ · 0 lỗi · 0 bị chặn/);
  }, 30_000);

  it("starts a broadcast of an older directive from the CLI, with a progress bar, once", async () => {
    const chat = 9006;
    await followAreaOnTelegram(sandbox, chat, TELEGRAM_TOKEN);
    // Published with the seeded world, before the bot ran: the event feed skipped it.
    const older = (
      await admin().docs.directives.list({ areaCode: "99", limit: 50 }).toArray()
    ).find((d) => d.confidentiality === "thuong" && d.numberNotation !== "77/CĐ-UBND");
    if (!older) throw new Error("The seeded sandbox has no open directive for area 99.");
    const start = (ref: string) =>
      promisify(execFile)(
        `${packageDir}/node_modules/.bin/tsx`,
        ["--conditions=source", "src/cli.ts", "broadcast", "start", ref],
        {
          cwd: packageDir,
          env: {
            ...process.env,
            DATA_DIR: dir,
            VNEGOV_BASE_URL: sandbox.url,
            VNEGOV_API_KEY: sandbox.credentials.bot.apiKey,
            TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
          },
          timeout: 30_000,
        },
      );

    // By number, diacritics and case ignored; the running bot's worker delivers it.
    const first = await start(older.numberNotation.toLowerCase());
    expect(first.stdout).toMatch(/\d+ tin đã vào hàng đợi/);
    expect(first.stdout).toMatch(/\[█{24}\] (\d+)\/\1 đã gửi · 0 lỗi · 0 bị chặn .* còn xong/);
    const [pushed] = await sandbox.telegram.nextMessages(chat, 1, { token: TELEGRAM_TOKEN });
    expect(pushed?.text).toContain(older.numberNotation);

    // Never twice: not from the CLI again, nor a directive the webhook already brought.
    expect((await start(older.numberNotation)).stdout).toContain("đã gửi trước đây");
    expect((await start("77/CĐ-UBND")).stdout).toContain("đã gửi trước đây");
    await expect(start("99/XX-YYY")).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('Không tìm thấy chỉ thị "99/XX-YYY"'),
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(
      sandbox.telegram
        .messages(chat, { token: TELEGRAM_TOKEN })
        .filter((m) => m.text?.includes(older.numberNotation)),
    ).toHaveLength(1);
  }, 60_000);

  it("reports which channels run", () => {
    expect(bot.telegram).toBeDefined();
    expect(bot.zalo).toEqual({ bot: true, oa: true });
  });

  it("serves the web chat page", async () => {
    const page = await fetch(bot.webChatUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("webchat.js");
  });

  it("answers on Telegram", async () => {
    sandbox.telegram.sendText(9001, "/start", { token: TELEGRAM_TOKEN });
    const [reply] = await sandbox.telegram.nextMessages(9001, 1, { token: TELEGRAM_TOKEN });
    expect(reply?.text).toContain("Tra cứu hồ sơ");
  });

  it("answers on Zalo Bot", async () => {
    sandbox.zaloBot.sendText("9002", "/start", { token: ZALO_TOKEN });
    const [reply] = await sandbox.zaloBot.nextMessages("9002", 1, { token: ZALO_TOKEN });
    expect(reply?.text).toContain("trợ lý tự động");
  });

  it("connects the Zalo OA through its consent page, then answers there", async () => {
    const consent = await fetch(new URL("/zalo-oa/connect", bot.webChatUrl));
    expect(await consent.text()).toContain("Đã kết nối Zalo OA");
    sandbox.zaloOa.setWebhook(new URL("/hooks/zalo-oa", bot.webChatUrl).href);
    await sandbox.zaloOa.userSendsText("9003", "tra cứu hồ sơ");
    const [reply] = await sandbox.zaloOa.nextMessages("9003", 1);
    expect(reply?.text).toContain("mã hồ sơ");
    // A second consent link cannot be replayed: its state was used up.
    const replay = await fetch(new URL("/zalo-oa/callback?code=x&state=y", bot.webChatUrl));
    expect(replay.status).toBe(400);
  });
});
