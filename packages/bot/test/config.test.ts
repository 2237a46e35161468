import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "vnegov-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problems(env: Record<string, string>, file?: string): string[] {
  try {
    loadConfig(env, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("vnegov-bot configuration", () => {
  it("needs nothing: the embedded sandbox, web chat on 127.0.0.1:3000, no Telegram", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      HOST: "127.0.0.1",
      PORT: 3000,
      SANDBOX_DB: ".vnegov/sandbox.sqlite",
      TELEGRAM_MODE: "polling",
      WEBCHAT_ALLOWED_ORIGINS: [],
    });
    expect(config.VNEGOV_BASE_URL).toBeUndefined();
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("reads a JSON file, with the environment winning", () => {
    const file = join(dir, "bot.json");
    writeFileSync(
      file,
      JSON.stringify({ PORT: 8080, WEBCHAT_ALLOWED_ORIGINS: ["https://dichvucong.example.vn"] }),
    );
    const config = loadConfig({ PORT: "9090", WEBCHAT_ALLOWED_ORIGINS: "" }, file);
    expect(config.PORT).toBe(9090);
    expect(config.WEBCHAT_ALLOWED_ORIGINS).toEqual(["https://dichvucong.example.vn"]);
    expect(
      loadConfig({ WEBCHAT_ALLOWED_ORIGINS: "https://a.vn, https://b.vn" }).WEBCHAT_ALLOWED_ORIGINS,
    ).toEqual(["https://a.vn", "https://b.vn"]);
  });

  it("lists every problem at once, naming the setting", () => {
    const found = problems({
      PORT: "http",
      VNEGOV_BASE_URL: "ftp://portal",
      TELEGRAM_BOT_TOKEN: "not-a-token",
      TELEGRAM_MODE: "webhook",
      LOG_LEVEL: "loud",
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: /),
        expect.stringMatching(/^VNEGOV_BASE_URL: /),
        expect.stringMatching(/^TELEGRAM_BOT_TOKEN: must look like/),
        expect.stringMatching(/^LOG_LEVEL: /),
      ]),
    );
    expect(problems({ VNEGOV_BASE_URL: "https://portal.example.vn" })).toEqual([
      expect.stringMatching(/^VNEGOV_API_KEY: is needed with VNEGOV_BASE_URL/),
    ]);
    expect(
      problems({ TELEGRAM_MODE: "webhook", TELEGRAM_BOT_TOKEN: `123:${"A".repeat(35)}` }),
    ).toEqual([
      expect.stringMatching(/^TELEGRAM_WEBHOOK_SECRET: is needed/),
      expect.stringMatching(/^PUBLIC_URL: is needed/),
    ]);
  });

  it("checks the outbox settings: BullMQ needs Redis", () => {
    expect(problems({ OUTBOX: "bullmq" })).toEqual(["REDIS_URL: is needed when OUTBOX=bullmq"]);
    expect(problems({ OUTBOX: "kafka" })).toEqual([expect.stringMatching(/^OUTBOX: /)]);
    expect(problems({ EVENTS_POLL_SECONDS: "1" })).toEqual([
      expect.stringMatching(/^EVENTS_POLL_SECONDS: /),
    ]);
    expect(problems({ OUTBOX: "bullmq", REDIS_URL: "redis://127.0.0.1:6379" })).toEqual([]);
  });

  it("checks the Zalo settings: token shape, webhook needs, OA credentials together, ZNS params", () => {
    expect(problems({ ZALO_BOT_TOKEN: "abc" })).toEqual([
      expect.stringMatching(/^ZALO_BOT_TOKEN: must look like 12345689:abc-xyz/),
    ]);
    expect(problems({ ZALO_BOT_TOKEN: "12345689:abc-xyz-123", ZALO_BOT_MODE: "webhook" })).toEqual([
      expect.stringMatching(/^ZALO_BOT_WEBHOOK_SECRET: is needed/),
      expect.stringMatching(/^PUBLIC_URL: is needed when ZALO_BOT_MODE=webhook/),
    ]);
    expect(problems({ ZALO_OA_APP_ID: "123", PUBLIC_URL: "https://bot.example.vn" })).toEqual([
      expect.stringMatching(/^ZALO_OA_SECRET_KEY: ZALO_OA_APP_ID, ZALO_OA_APP_SECRET and/),
    ]);
    expect(problems({ ZALO_ZNS_PARAMS: "[1, 2]" })).toEqual([
      expect.stringMatching(/^ZALO_ZNS_PARAMS: must be a JSON object of strings/),
    ]);
    const config = loadConfig({
      ZALO_BOT_TOKEN: "12345689:abc-xyz-123",
      ZALO_ZNS_PARAMS: '{"ma_ho_so":"dossierCode"}',
    });
    expect(config).toMatchObject({
      ZALO_BOT_API_URL: "https://bot-api.zaloplatforms.com",
      ZALO_BOT_MODE: "polling",
      ZALO_ZNS_PARAMS: { ma_ho_so: "dossierCode" },
    });
  });

  it("refuses unknown keys and broken JSON in the file", () => {
    const typo = join(dir, "typo.json");
    writeFileSync(typo, JSON.stringify({ PROT: 1 }));
    expect(problems({}, typo)).toEqual(["PROT: unknown setting"]);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ PORT: ");
    expect(problems({}, broken)[0]).toMatch(/broken\.json: /);
    expect(problems({}, join(dir, "missing.json"))[0]).toMatch(/missing\.json: ENOENT/);
  });
});
