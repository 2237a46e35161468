import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Mode, startBot, startWorld, type TestBot, type World } from "./telegram-harness.js";

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

describe.each<Mode>(["polling", "webhook"])("Telegram channel, %s: conversations", (mode) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot(world, mode);
  });
  afterAll(() => bot.stop());

  it("greets with help on /start", async () => {
    const [help] = await bot.phone.ask(101, "/start");
    expect(help).toContain("Tra cứu hồ sơ");
  });

  it("looks up a dossier: code, then secret, then the status", async () => {
    const { code, secret } = sample("dang_xu_ly");
    expect(await bot.phone.ask(102, "/tracuu")).toEqual([expect.stringContaining("mã hồ sơ")]);
    expect(await bot.phone.ask(102, code)).toEqual([expect.stringContaining("mã tra cứu")]);
    const [status] = await bot.phone.ask(102, secret);
    expect(status).toContain(`Hồ sơ ${code}`);
    expect(status).toContain("Trạng thái: Đang xử lý");
  });

  it("answers a wrong secret politely", async () => {
    const { code } = sample("da_tiep_nhan");
    await bot.phone.ask(103, `/tracuu ${code}`);
    expect(await bot.phone.ask(103, "SAI-MA-TRA-CUU")).toEqual([
      expect.stringContaining("Không tìm thấy hồ sơ"),
    ]);
  });

  it("browses directives and follows an area with inline buttons", async () => {
    bot.phone.say(104, "/chithi");
    const [pick] = await bot.phone.next(104);
    const province = pick?.buttons.flat().find((b) => b.text === "Tỉnh Lam Giang");
    expect(province?.callbackData).toBe("dir:area:99");
    // Every press is answered, so the user's spinner stops.
    expect(await bot.phone.press(104, pick?.messageId ?? 0, "dir:area:99")).toEqual({
      showAlert: false,
    });
    const [list] = await bot.phone.next(104);
    expect(list?.text).toContain("Văn bản chỉ đạo mới nhất cho Tỉnh Lam Giang:");
    const follow = list?.buttons[0]?.[0];
    expect(follow?.callbackData).toBe("dir:follow:99");
    await bot.phone.press(104, list?.messageId ?? 0, follow?.callbackData ?? "");
    const [followed] = await bot.phone.next(104);
    expect(followed?.text).toContain("Đã theo dõi Tỉnh Lam Giang");
  });

  it("links a staff member with a code, lists tasks and acts on one with buttons", async () => {
    const { code } = await world.admin.docs.staff.createLinkCode("stf_staffsnv01");
    expect(await bot.phone.ask(105, `/lienket ${code}`)).toEqual([
      expect.stringMatching(/Đã liên kết tài khoản .+Sở Nội vụ/),
    ]);
    bot.phone.say(105, "/viec");
    const [listing] = await bot.phone.next(105);
    expect(listing?.text).toMatch(/Công việc của bạn \(\d+\):/);
    const first = listing?.buttons[0]?.[0];
    expect(first?.callbackData).toMatch(/^task:tsk_/);
    await bot.phone.press(105, listing?.messageId ?? 0, first?.callbackData ?? "");
    const [detail] = await bot.phone.next(105);
    expect(detail?.text).toContain("Tiến độ:");
    const progress = detail?.buttons[0]?.[0];
    await bot.phone.press(105, detail?.messageId ?? 0, progress?.callbackData ?? "");
    expect((await bot.phone.next(105))[0]?.text).toContain("Nhập tiến độ");
    expect(await bot.phone.ask(105, "70%")).toEqual([
      expect.stringContaining("Đã cập nhật tiến độ 70%"),
    ]);
  });

  it("switches to English with /lang en, and takes the app language as the first hint", async () => {
    expect(await bot.phone.ask(106, "/lang en")).toEqual(["Switched to English."]);
    expect((await bot.phone.ask(106, "/start"))[0]).toContain("look up");
    bot.phone.say(107, "hello there", { languageCode: "en-GB" });
    expect((await bot.phone.next(107))[0]?.text).toContain("did not understand");
  });

  it("answers garbage text and unknown buttons politely", async () => {
    const [garbage] = await bot.phone.ask(108, "asdfgh qwerty");
    expect(garbage).toContain("chưa hiểu");
    const [shown] = world.sandbox.telegram.messages(108, { token: bot.token });
    expect(await bot.phone.press(108, shown?.messageId ?? 0, "bogus:1")).toBeDefined();
    expect((await bot.phone.next(108))[0]?.text).toContain("chưa hiểu");
  });
});
