import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BotEngine,
  type IncomingMessage,
  type OutgoingMessage,
  SqliteSessionStorage,
} from "../src/index.js";

let sandbox: Sandbox;
let sdk: Vnegov;
const dir = mkdtempSync(join(tmpdir(), "vnegov-form-"));
const closers: (() => void)[] = [];

function engine(file = join(dir, "sessions.sqlite")) {
  const storage = new SqliteSessionStorage(file);
  closers.push(() => storage.close());
  return new BotEngine({ sdk, storage });
}

/** PNG signature plus padding: a "photo" of `size` bytes. */
const photo = (size: number) => {
  const data = new Uint8Array(size);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return data;
};

let chat = 0;
function conversation(bot: BotEngine, chatId = `form${++chat}`) {
  const send = (extra: Partial<IncomingMessage>) =>
    bot.handle({ channel: "telegram", chatId, userId: chatId, ...extra });
  const text = (replies: OutgoingMessage[]) => replies.map((m) => m.text).join("\n");
  return {
    chatId,
    say: async (t: string) => text(await send({ text: t })),
    press: async (action: string) => text(await send({ action })),
    raw: send,
    attach: async (fileName: string, contentType: string, data: Uint8Array) =>
      text(await send({ attachments: [{ fileName, contentType, data }] })),
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
  });
  sdk = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
});
afterAll(async () => {
  for (const close of closers) close();
  await sdk.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Walks from the search to the first form question of "Đăng ký khai sinh". */
async function startBirthRegistration(c: ReturnType<typeof conversation>) {
  const found = await c.raw({ text: "nộp hồ sơ khai sinh" });
  expect(found[0]?.text).toContain("Đăng ký khai sinh");
  const pick = found[0]?.buttons?.flat().find((b) => b.label.includes("Đăng ký khai sinh"));
  expect(pick?.action).toBe("form:pick:1.001193");
  const intro = await c.press(pick?.action ?? "");
  expect(intro).toContain("Thời hạn giải quyết");
  expect(intro).toContain("(1/12) Họ và tên người nộp hồ sơ");
}

async function answerApplicant(c: ReturnType<typeof conversation>) {
  expect(await c.say("Trần Thị Bình")).toContain("(2/12)");
  expect(await c.say("001 190 012 345")).toContain("(3/12)");
  expect(await c.say("+84 912 345 678")).toContain("(4/12) Họ, chữ đệm và tên của trẻ");
}

describe("submitting a dossier through the bot", () => {
  it("walks the form field by field, validates in Vietnamese, summarises and submits once", async () => {
    const c = conversation(engine());
    await startBirthRegistration(c);
    expect(await c.say("A")).toContain("Cần ít nhất 2 ký tự");
    await answerApplicant(c);
    const gender = await c.raw({ text: "Lê Minh Khang" });
    expect(gender[0]?.text).toContain("(5/12) Giới tính");
    expect(gender[0]?.buttons?.[0]?.[0]).toEqual({ label: "Nam", action: "form:opt:0" });
    expect(await c.say("3")).toContain("chọn một phương án");
    expect(await c.press("form:opt:0")).toContain("(6/12) Ngày, tháng, năm sinh");
    expect(await c.say("31/02/2024")).toContain("Ngày chưa hợp lệ");
    expect(await c.say("20/5/2024")).toContain("(7/12) Nơi sinh");
    expect(await c.say("Bệnh viện Đa khoa tỉnh Lam Giang")).toContain("Không bắt buộc");
    expect(await c.say("/boqua")).toContain("(9/12) Họ và tên mẹ");
    // Going back returns to the skipped optional question.
    expect(await c.say("/quaylai")).toContain("(8/12) Họ và tên cha");
    expect(await c.say("Lê Văn Cường")).toContain("(9/12)");
    expect(await c.say("Trần Thị Bình")).toContain("(10/12)");
    expect(await c.say("12345")).toContain("12 chữ số");
    expect(await c.say("001190012345")).toContain("(11/12) Giấy chứng sinh");
    expect(await c.say("đây là giấy chứng sinh")).toContain("gửi ảnh hoặc tệp");
    expect(await c.attach("chung-sinh.gif", "image/gif", photo(100))).toContain(
      "Chỉ nhận: PDF, JPG, PNG",
    );
    expect(await c.attach("chung-sinh.png", "image/png", photo(6 * 1024 * 1024))).toContain(
      "tối đa là 5 MB",
    );
    expect(await c.attach("chung-sinh.png", "image/png", photo(2048))).toContain(
      "(12/12) Số điện thoại liên hệ",
    );
    const summary = await c.raw({ text: "0912 345 678" });
    const text = summary[0]?.text ?? "";
    expect(text).toContain("kiểm tra lại hồ sơ Đăng ký khai sinh");
    expect(text).toContain("• Giới tính: Nam");
    expect(text).toContain("• Ngày, tháng, năm sinh: 20/05/2024");
    expect(text).toContain("• Họ và tên cha: Lê Văn Cường");
    expect(text).toContain("• Giấy chứng sinh: chung-sinh.png (2 KB)");
    expect(text).toContain("• Số điện thoại liên hệ: 0912345678");
    expect(summary[0]?.buttons?.[0]?.[0]?.action).toBe("form:confirm");

    const before = await sdk.portal.dossiers.list({ procedureCode: "1.001193" }).toArray();
    const receipt = await c.raw({ action: "form:confirm" });
    const done = receipt[0]?.text ?? "";
    expect(done).toContain("Đã nộp hồ sơ thành công");
    const code = /Mã hồ sơ: (\S+)/.exec(done)?.[1] ?? "";
    const secret = /Mã tra cứu: (\S+)/.exec(done)?.[1] ?? "";
    expect(receipt[0]?.buttons?.[0]?.[0]?.action).toBe(`dw:follow:${code}:${secret}`);
    // A second tap on the same button submits nothing more.
    expect(await c.press("form:confirm")).toContain("Không có hồ sơ nào đang soạn");
    const after = await sdk.portal.dossiers.list({ procedureCode: "1.001193" }).toArray();
    expect(after.length).toBe(before.length + 1);

    const dossier = await sdk.portal.dossiers.get(code, { secret });
    expect(dossier.procedureCode).toBe("1.001193");
    expect(dossier.applicant.fullName).toBe("Trần Thị Bình");
    expect(dossier.formData).toMatchObject({
      childFullName: "Lê Minh Khang",
      gender: "nam",
      dateOfBirth: "2024-05-20",
      fatherFullName: "Lê Văn Cường",
    });
    expect(dossier.attachments?.map((a) => [a.fieldKey, a.size])).toEqual([
      ["birthCertificateFromHospital", 2048],
    ]);
    // Following the new dossier works straight from the receipt's button.
    expect(await c.press(`dw:follow:${code}:${secret}`)).toContain(`Đã theo dõi hồ sơ ${code}`);
    expect(await c.say("/theodoi")).toContain(`Hồ sơ ${code}`);
  });

  it("continues where it was after a restart, and after another dialog interrupted it", async () => {
    const file = join(dir, "resume.sqlite");
    const first = conversation(engine(file), "resume-chat");
    await startBirthRegistration(first);
    await answerApplicant(first);

    // A new engine on the same SQLite file: a restarted bot process.
    const second = conversation(engine(file), "resume-chat");
    expect(await second.say("Lê Minh Khang")).toContain("(5/12) Giới tính");

    // A look-up in the middle parks the form; starting the form again offers to continue.
    const { code, secret } = sandbox.samples.dang_xu_ly?.[0] ?? { code: "", secret: "" };
    expect(await second.say(`/tracuu ${code} ${secret}`)).toContain("Trạng thái: Đang xử lý");
    const offer = await second.raw({ text: "/nophoso" });
    expect(offer[0]?.text).toContain("nộp dở hồ sơ thủ tục Đăng ký khai sinh (đã trả lời 4/12");
    expect(await second.press("form:resume")).toContain("(5/12) Giới tính");
  });

  it("cancels at any step, and free text inside the form is never taken for a command", async () => {
    const c = conversation(engine());
    await startBirthRegistration(c);
    // "tra cứu" would start a look-up outside a form; here it is just a name being typed.
    expect(await c.say("Tra Cứu")).toContain("(2/12)");
    expect(await c.say("/huy")).toContain("Đã hủy thao tác");
    expect(await c.say("Nam")).toContain("chưa hiểu");
  });

  it("searches without diacritics, offers numbered choices and explains empty results", async () => {
    const c = conversation(engine());
    expect(await c.say("/nophoso")).toContain("Nhập từ khóa");
    expect(await c.say("xyz khong co thu tuc nay")).toContain("Không tìm thấy thủ tục");
    const list = await c.say("dang ky khai sinh");
    expect(list).toMatch(/1\. Đăng ký khai sinh/);
    expect(await c.say("1")).toContain("(1/12)");
  });

  it("speaks English after /lang en, and rejects unknown button data politely", async () => {
    const c = conversation(engine());
    await c.say("/lang en");
    const found = await c.say("/submit khai sinh");
    expect(found).toContain("Choose a procedure");
    expect(await c.press("form:pick:1.001193")).toContain("(1/12) Full name of the applicant");
    expect(await c.press("form:opt:99")).toContain("(1/12)");
    expect(await c.press("form:bogus")).toContain("(1/12)");
    expect(await c.say("/cancel")).toContain("Cancelled");
    expect(await c.press("form:confirm")).toContain("no dossier in progress");
  });
});
