import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotEngine, type IncomingMessage, SqliteSessionStorage } from "../src/index.js";

let sandbox: Sandbox;
let sdk: Vnegov;
const dir = mkdtempSync(join(tmpdir(), "vnegov-bot-"));
const storages: SqliteSessionStorage[] = [];

function engine(file = join(dir, "sessions.sqlite"), client = sdk) {
  const storage = new SqliteSessionStorage(file);
  storages.push(storage);
  return new BotEngine({ sdk: client, storage });
}

let chat = 0;
/** A fresh chat: sends texts in order and returns each turn's reply texts joined. */
function conversation(bot: BotEngine, chatId = `c${++chat}`) {
  return async (text: string, extra: Partial<IncomingMessage> = {}) =>
    (await bot.handle({ channel: "telegram", chatId, userId: chatId, text, ...extra }))
      .map((m) => m.text)
      .join("\n");
}

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
  });
  sdk = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
});
afterAll(async () => {
  for (const s of storages) s.close();
  await sdk.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const sample = (status: "dang_xu_ly" | "yeu_cau_bo_sung" | "da_tiep_nhan") => {
  const s = sandbox.samples[status]?.[0];
  if (!s) throw new Error(`no sample in ${status}`);
  return s;
};

describe("dossier status look-up", () => {
  it("asks for the code, then the secret, and answers in Vietnamese with the latest steps", async () => {
    const say = conversation(engine());
    expect(await say("/start")).toContain("Tra cứu hồ sơ");
    expect(await say("/tracuu")).toContain("nhập mã hồ sơ");
    const { code, secret } = sample("dang_xu_ly");
    expect(await say(code)).toContain("mã tra cứu");
    const answer = await say(secret);
    expect(answer).toContain(`Hồ sơ ${code}`);
    expect(answer).toContain("Trạng thái: Đang xử lý");
    expect(answer).toMatch(/Ngày hẹn trả: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(answer).toContain("Các bước gần nhất:");
  });

  it("understands free text without diacritics, code and secret in one message, any case", async () => {
    const say = conversation(engine());
    const { code, secret } = sample("da_tiep_nhan");
    const [agency, ...rest] = code.split("-");
    const answer = await say(
      `tra cuu ho so ${agency?.toLowerCase()}-${rest.join("-")} ${secret.toLowerCase()}`,
    );
    expect(answer).toContain("Trạng thái: Đã tiếp nhận");
    expect(await conversation(engine())(`Tra cứu hồ sơ ${code}`)).toContain("mã tra cứu");
    expect(await conversation(engine())(`cho tôi hỏi hồ sơ ${code} với`)).toContain("mã tra cứu");
  });

  it("tells the citizen what to do next when a supplement is needed", async () => {
    const { code, secret } = sample("yeu_cau_bo_sung");
    expect(await conversation(engine())(`/tracuu ${code} ${secret}`)).toContain(
      "Cần bổ sung hồ sơ:",
    );
  });

  it("answers wrong codes and secrets politely, and stops guessing after five", async () => {
    const say = conversation(engine());
    expect(await say("tra cứu hồ sơ 12345")).toContain("chưa đúng định dạng");
    const { code, secret } = sample("dang_xu_ly");
    expect(await say(code)).toContain("mã tra cứu");
    for (let i = 0; i < 5; i++) expect(await say(`SAI${i}`)).toContain("Không tìm thấy hồ sơ");
    expect(await say(secret)).toMatch(/nhập sai quá nhiều lần.*\d+ phút/);
  });

  it("switches to English with /lang and cancels with /huy", async () => {
    const say = conversation(engine());
    expect(await say("/lang en")).toBe("Switched to English.");
    const { code, secret } = sample("dang_xu_ly");
    expect(await say(`look up dossier ${code} ${secret}`)).toContain("Status: In progress");
    expect(await say("/lookup")).toContain("dossier code");
    expect(await say("/cancel")).toBe("Cancelled. What would you like to do next?");
    expect(await say("/huy")).toBe("There is nothing to cancel.");
    expect(await say("/lang fr")).toContain("not supported");
    expect(await say("asdfgh")).toContain("did not understand");
  });

  it("continues an interrupted look-up after a restart, from the SQLite session", async () => {
    const file = join(dir, "restart.sqlite");
    const { code, secret } = sample("dang_xu_ly");
    expect(await conversation(engine(file), "r1")(`/tracuu ${code}`)).toContain("mã tra cứu");
    expect(await conversation(engine(file), "r1")(secret)).toContain("Trạng thái: Đang xử lý");
  });

  it("handles one chat's messages in order even when they arrive together", async () => {
    const bot = engine();
    const { code, secret } = sample("dang_xu_ly");
    const send = (text: string) =>
      bot.handle({ channel: "web", chatId: "together", userId: "u", text });
    const [first, second] = await Promise.all([send(`/tracuu ${code}`), send(secret)]);
    expect(first?.[0]?.text).toContain("mã tra cứu");
    expect(second?.map((m) => m.text).join("\n")).toContain("Đang xử lý");
  });

  it("apologises instead of crashing when the portal is unreachable", async () => {
    const offline = new Vnegov({
      baseURL: "http://127.0.0.1:9",
      auth: { apiKey: "x" },
      retry: { maxRetries: 0 },
    });
    const { code } = sample("dang_xu_ly");
    expect(await conversation(engine(undefined, offline))(`/tracuu ${code} ABCDEF`)).toContain(
      "đang bận",
    );
    await offline.close();
  });
});
