import { NotFoundError } from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, type ChatDriver, type Reply } from "./chat-drivers.js";
import { pngOf, startWorld, type World } from "./telegram-harness.js";

/**
 * Every citizen and staff conversation, driven end to end through each platform's emulator
 * (updates in, replies out) against the sandbox portal: one suite, every channel.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

const sample = (status: "dang_xu_ly" | "da_tiep_nhan") => {
  const s = world.sandbox.samples[status]?.[0];
  if (!s) throw new Error(`no sample in ${status}`);
  return s;
};

describe.each(CHANNELS)("%s: conversations", (_, startDriver) => {
  let user: ChatDriver;
  let chats = 100;
  /** A chat nobody has used yet (Telegram wants numbers; Zalo takes them too). */
  const newChat = () => String(++chats);

  beforeAll(async () => {
    user = await startDriver(world);
  });
  afterAll(() => user.stop());

  async function next(chat: string, count = 1): Promise<Reply[]> {
    const replies = await user.next(chat, count);
    expect(replies).toHaveLength(count);
    return replies;
  }
  async function ask(chat: string, text: string, count = 1): Promise<Reply[]> {
    user.say(chat, text);
    return next(chat, count);
  }
  async function say(chat: string, text: string): Promise<Reply> {
    return (await ask(chat, text))[0] as Reply;
  }
  async function press(chat: string, reply: Reply, label: string, count = 1) {
    await user.press(chat, reply, label);
    return next(chat, count);
  }
  async function answer(chat: string, steps: readonly (readonly [string, string])[]) {
    for (const [text, reply] of steps) expect((await say(chat, text)).text).toContain(reply);
  }

  it("greets with help on /start", async () => {
    expect((await say(newChat(), "/start")).text).toContain("Tra cứu hồ sơ");
  });

  it("looks up a dossier: code, then secret, then status and latest steps", async () => {
    const chat = newChat();
    const { code, secret } = sample("dang_xu_ly");
    expect((await say(chat, "tra cứu hồ sơ")).text).toContain("mã hồ sơ");
    expect((await say(chat, code)).text).toContain("mã tra cứu");
    const status = await say(chat, secret);
    expect(status.text).toContain(`Hồ sơ ${code}`);
    expect(status.text).toContain("Trạng thái: Đang xử lý");
    expect(status.text).toContain("Các bước gần nhất:");
    expect(status.buttons).toContain("Theo dõi hồ sơ này");
    expect((await press(chat, status, "Theo dõi hồ sơ này"))[0]?.text).toContain(
      `Đã theo dõi hồ sơ ${code}`,
    );
  });

  it("answers a wrong secret politely, without diacritics in the request", async () => {
    const chat = newChat();
    const { code } = sample("da_tiep_nhan");
    await ask(chat, `tra cuu ho so ${code}`);
    expect((await say(chat, "SAI-MA-TRA-CUU")).text).toContain("Không tìm thấy hồ sơ");
  });

  it("browses directives and follows an area with buttons", async () => {
    const chat = newChat();
    const pick = await say(chat, "/chithi");
    expect(pick.buttons).toContain("Tỉnh Lam Giang");
    const [list] = await press(chat, pick, "Tỉnh Lam Giang");
    expect(list?.text).toContain("Văn bản chỉ đạo mới nhất cho Tỉnh Lam Giang:");
    const [followed] = await press(chat, list as Reply, list?.buttons[0] ?? "");
    expect(followed?.text).toContain("Đã theo dõi Tỉnh Lam Giang");
    expect((await say(chat, "/theodoi")).text).toContain("Tỉnh Lam Giang");
  });

  it("links a staff member with a code, lists tasks and updates one", async () => {
    const chat = newChat();
    const { code } = await world.admin.docs.staff.createLinkCode("stf_staffsnv01");
    expect((await say(chat, `/lienket ${code}`)).text).toMatch(/Đã liên kết tài khoản .+Sở Nội vụ/);
    const listing = await say(chat, "/viec");
    expect(listing.text).toMatch(/Công việc của bạn \(\d+\):/);
    const [detail] = await press(chat, listing, listing.buttons[0] ?? "");
    expect(detail?.text).toContain("Tiến độ:");
    const [prompt] = await press(chat, detail as Reply, detail?.buttons[0] ?? "");
    expect(prompt?.text).toContain("Nhập tiến độ");
    expect((await say(chat, "70%")).text).toContain("Đã cập nhật tiến độ 70%");
  });

  it("switches to English with /lang en", async () => {
    const chat = newChat();
    expect((await say(chat, "/lang en")).text).toContain("Switched to English.");
    expect((await say(chat, "/start")).text).toContain("look up");
  });

  it("answers garbage politely and goes on", async () => {
    const chat = newChat();
    expect((await say(chat, "asdfgh qwerty")).text).toContain("chưa hiểu");
    expect((await say(chat, "/start")).text).toContain("Tra cứu hồ sơ");
  });

  it("submits a form with a photo, confirms, and gets a code the portal knows", async () => {
    const chat = newChat();
    const found = await say(chat, "nop ho so khai sinh");
    expect(found.text).toMatch(/^1\. Đăng ký khai sinh — /m);
    const [intro, first] = await press(chat, found, found.buttons[0] ?? "", 2);
    expect(intro?.text).toContain("Thủ tục: Đăng ký khai sinh");
    expect(first?.text).toContain("(1/12) Họ và tên người nộp hồ sơ");
    await answer(chat, [
      ["Trần Thị Bình", "(2/12)"],
      ["12345", "Số CCCD/định danh cá nhân phải gồm đúng 12 chữ số."],
      [`0011900${chat.padStart(5, "0")}`, "(3/12)"],
      ["+84 912 345 678", "(4/12)"],
    ]);
    const gender = await say(chat, "Lê Minh Khang");
    expect(gender.text).toContain("(5/12) Giới tính");
    expect((await press(chat, gender, "Nữ"))[0]?.text).toContain("(6/12) Ngày, tháng, năm sinh");
    await answer(chat, [
      ["hai mươi tháng năm", "Ngày chưa hợp lệ"],
      ["20/5/2024", "(7/12) Nơi sinh"],
      ["Bệnh viện Đa khoa tỉnh Lam Giang", "(8/12) Họ và tên cha"],
      ["/boqua", "(9/12) Họ và tên mẹ"],
      ["Trần Thị Bình", "(10/12)"],
      ["001190000201", "(11/12) Giấy chứng sinh"],
    ]);
    user.photo(chat, pngOf(800, 600));
    expect((await next(chat))[0]?.text).toContain("(12/12) Số điện thoại liên hệ");
    const summary = await say(chat, "0912 345 678");
    expect(summary.text).toContain("• Giới tính: Nữ");
    expect(summary.text).toContain("• Họ và tên cha: (bỏ trống)");
    expect(summary.text).toMatch(/• Giấy chứng sinh: \S+\.png \(2 KB\)/);

    const [receipt] = await press(chat, summary, "Xác nhận nộp");
    expect(receipt?.text).toContain("Đã nộp hồ sơ thành công!");
    const code = /Mã hồ sơ: (\S+)/.exec(receipt?.text ?? "")?.[1] ?? "";
    const secret = /Mã tra cứu: (\S+)/.exec(receipt?.text ?? "")?.[1] ?? "";
    const dossier = await world.sdk.portal.dossiers.get(code, { secret });
    expect(dossier).toMatchObject({
      procedureCode: "1.001193",
      formData: { childFullName: "Lê Minh Khang", gender: "nu", dateOfBirth: "2024-05-20" },
    });
    expect(dossier.attachments?.map((a) => [a.contentType, a.size])).toEqual([["image/png", 2048]]);
    await expect(
      world.sdk.portal.dossiers.get(code, { secret: "SAI-MA-TRA-CUU" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
