import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotEngine, type OutgoingMessage, SqliteSessionStorage } from "../src/index.js";

let sandbox: Sandbox;
let sdk: Vnegov;
let admin: Vnegov;
let storage: SqliteSessionStorage;
let bot: BotEngine;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
    now: () => Date.parse("2024-05-24T12:00:00+07:00"),
  });
  sdk = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
  admin = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.admin.apiKey } });
  storage = new SqliteSessionStorage(":memory:");
  bot = new BotEngine({ sdk, storage });
});
afterAll(async () => {
  storage.close();
  await sdk.close();
  await admin.close();
  await sandbox.close();
});

function chat(chatId: string) {
  const send = (input: { text?: string; action?: string }) =>
    bot.handle({ channel: "telegram", chatId, userId: chatId, ...input });
  const text = (replies: OutgoingMessage[]) => replies.map((r) => r.text).join("\n");
  return {
    say: async (t: string) => text(await send({ text: t })),
    press: async (a: string) => send({ action: a }),
    send,
  };
}

describe("staff flows", () => {
  it("refuses staff commands until a chat is linked, and rejects bad codes politely", async () => {
    const { say } = chat("s0");
    expect(await say("/viec")).toContain("dành cho cán bộ");
    expect(await say("/lienket ABC")).toContain("Mã liên kết không đúng");
    expect(await say("/lienket ZZZZZZZZ")).toContain("Mã liên kết không đúng");
  });

  it("links with a one-time code, lists tasks with overdue marks, and acts on one", async () => {
    const staffId = "stf_staffsnv01";
    const { code } = await admin.docs.staff.createLinkCode(staffId);
    const { say, press } = chat("s1");
    expect(await say(`/lienket ${code.toLowerCase()}`)).toMatch(
      /Đã liên kết tài khoản .+Sở Nội vụ/,
    );
    // The code was single-use.
    expect(await chat("s1b").say(`/lienket ${code}`)).toContain("Mã liên kết không đúng");

    expect((await press("task:tsk_notmine0000"))[0]?.text).toContain("Không tìm thấy công việc");
    const listing = (await chat("s1").send({ text: "/viec" }))[0];
    expect(listing?.text).toMatch(/Công việc của bạn \(\d+\):/);
    expect(listing?.text).toMatch(/hạn \d{2}\/\d{2}\/\d{4}/);
    const open = await sdk.docs.tasks.list({ onBehalfOf: staffId }).toArray();
    const overdue = open.find((t) => t.overdue && t.status !== "done");
    if (overdue) expect(listing?.text).toContain("⚠️ quá hạn");
    const first = listing?.buttons?.[0]?.[0];
    expect(first?.action).toMatch(/^task:tsk_/);
    expect(Buffer.byteLength(first?.action ?? "")).toBeLessThanOrEqual(64);

    const detail = await press(first?.action as string);
    expect(detail[0]?.text).toContain("Tiến độ:");
    const [progressButton, doneButton] = detail[0]?.buttons?.[0] ?? [];
    expect((await press(progressButton?.action as string))[0]?.text).toContain("Nhập tiến độ");
    expect(await say("150")).toContain("từ 0 đến 100");
    expect(await say("70%")).toContain("Đã cập nhật tiến độ 70%");
    const commentButton = detail[0]?.buttons?.[1]?.[0];
    await press(commentButton?.action as string);
    expect(await say("Đã gửi báo cáo cho lãnh đạo")).toContain("Đã gửi bình luận");
    const taskId = String(first?.action).split(":")[1] as string;
    const comments = await sdk.docs.tasks.comments(taskId, { onBehalfOf: staffId }).toArray();
    expect(comments.at(-1)?.body).toBe("Đã gửi báo cáo cho lãnh đạo");
    expect((await press(doneButton?.action as string))[0]?.text).toContain(
      "Đã đánh dấu hoàn thành",
    );
    expect((await press(doneButton?.action as string))[0]?.text).toContain("đã kết thúc");

    expect(await say("/huylienket")).toContain("Đã hủy liên kết");
    expect(await say("/viec")).toContain("dành cho cán bộ");
  });

  it("never shows the subject of a confidential source document", async () => {
    const confidential = (await admin.docs.tasks.list({ limit: 100 }).toArray()).find(
      (t) =>
        t.sourceDocument && t.sourceDocument.confidentiality !== "thuong" && t.status !== "done",
    );
    expect(confidential).toBeDefined();
    const staffId = confidential?.assignee.id as string;
    const { code } = await admin.docs.staff.createLinkCode(staffId);
    const { say, press } = chat("s2");
    await say(`/lienket ${code}`);
    const detail = (await press(`task:${confidential?.id}`))[0]?.text ?? "";
    expect(detail).toContain("văn bản mật, không hiển thị nội dung");
    const secret = await admin.docs.documents.get(confidential?.sourceDocument?.id as string);
    expect(detail).not.toContain(secret.subject);
  });

  it("answers unknown buttons politely", async () => {
    expect((await chat("s3").press("bogus:1"))[0]?.text).toContain("chưa hiểu");
  });
});
