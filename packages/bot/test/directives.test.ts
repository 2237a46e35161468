import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotEngine, SqliteSessionStorage, SqliteSubscriptionStore } from "../src/index.js";

let sandbox: Sandbox;
let sdk: Vnegov;
let sessions: SqliteSessionStorage;
let subscriptions: SqliteSubscriptionStore;
let bot: BotEngine;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
  });
  sdk = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
  sessions = new SqliteSessionStorage(":memory:");
  subscriptions = new SqliteSubscriptionStore(":memory:");
  bot = new BotEngine({ sdk, storage: sessions, subscriptions });
});
afterAll(async () => {
  sessions.close();
  subscriptions.close();
  await sdk.close();
  await sandbox.close();
});

const send = (chatId: string, input: { text?: string; action?: string }) =>
  bot.handle({ channel: "zalo", chatId, userId: chatId, ...input });

describe("directives", () => {
  it("offers areas, lists an area's latest directives with urgency, and follows it", async () => {
    const [pick] = await send("d1", { text: "/chithi" });
    expect(pick?.text).toContain("Chọn khu vực");
    const province = pick?.buttons?.flat().find((b) => b.label === "Tỉnh Lam Giang");
    expect(province?.action).toBe("dir:area:99");
    const [list] = await send("d1", { action: province?.action as string });
    expect(list?.text).toContain("Văn bản chỉ đạo mới nhất cho Tỉnh Lam Giang:");
    expect(list?.text?.split("\n").filter((l) => l.startsWith("• ")).length).toBe(5);
    const latest = await sdk.docs.directives.list({ areaCode: "99", limit: 5 });
    for (const d of latest.data) expect(list?.text).toContain(d.numberNotation);
    if (latest.data.some((d) => d.urgency === "hoa_toc")) expect(list?.text).toContain("[HỎA TỐC]");

    const [followed] = await send("d1", { action: "dir:follow:99" });
    expect(followed?.text).toContain("Đã theo dõi Tỉnh Lam Giang");
    expect(await subscriptions.followers("area", "99")).toEqual(["zalo:d1"]);
    const [mine] = await send("d1", { text: "/theodoi" });
    expect(mine?.text).toContain("• Tỉnh Lam Giang");
    const [stopped] = await send("d1", { action: mine?.buttons?.[0]?.[0]?.action as string });
    expect(stopped?.text).toContain("Đã bỏ theo dõi Tỉnh Lam Giang");
    expect((await send("d1", { text: "theo doi" }))[0]?.text).toContain("chưa theo dõi");
  });

  it("finds an area by name without diacritics, or by a commune code", async () => {
    const [byName] = await send("d2", { text: "chi thi lam giang" });
    expect(byName?.text).toContain("Tỉnh Lam Giang");
    const [byCode] = await send("d2", { text: "/chithi 99001" });
    expect(byCode?.text).toMatch(/Văn bản chỉ đạo mới nhất cho .+:/);
    const [unknown] = await send("d2", { text: "/chithi sao hoả" });
    expect(unknown?.text).toContain("Không tìm thấy khu vực");
    expect((await send("d2", { action: "dir:area:00000" }))[0]?.text).toContain(
      "Không tìm thấy khu vực",
    );
  });
});
