import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dialog } from "../src/index.js";
import {
  type Mode,
  pngOf,
  startBot,
  startWorld,
  type TestBot,
  type World,
} from "./telegram-harness.js";

/** Vietnamese paragraphs past Telegram's 4096-character limit. */
const LONG_TEXT = Array.from(
  { length: 12 },
  (_, i) =>
    `Điều ${i + 1}. ${"Cán bộ, công chức thực hiện nghiêm giãn cách xã hội. ".repeat(8).trim()}`,
).join("\n\n");
const PDF = Buffer.from("%PDF-1.4\n% kết quả giải quyết hồ sơ\n");
const PNG = pngOf(640, 480);

/** Test-only dialogs: echo what files reached the engine, and send long texts and files. */
const echoFiles: Dialog = {
  name: "test-echo-files",
  triggers: { commands: ["guitep"], phrases: [] },
  async start(ctx) {
    ctx.reply("Gửi tệp đi.");
    ctx.goTo("await");
  },
  async step(ctx) {
    const files = ctx.message.attachments ?? [];
    ctx.reply(
      files.map((f) => `${f.fileName} ${f.contentType} ${f.data.byteLength}`).join("\n") ||
        "không có tệp",
    );
    ctx.end();
  },
};
const fixtures: Dialog = {
  name: "test-fixtures",
  triggers: { commands: ["dai", "dai3", "ketqua", "anh"], phrases: [] },
  async start(ctx) {
    const command = ctx.message.text?.slice(1);
    const buttons = [[{ label: "Xong", action: "test:done" }]];
    if (command === "dai") ctx.reply({ text: LONG_TEXT, buttons });
    if (command === "dai3") ctx.reply({ text: `${LONG_TEXT}\n\n${LONG_TEXT}`, buttons });
    if (command === "ketqua")
      ctx.reply({
        text: "Kết quả hồ sơ của bạn.",
        buttons,
        attachment: { fileName: "ket-qua.pdf", contentType: "application/pdf", data: PDF },
      });
    if (command === "anh")
      ctx.reply({
        text: "Ảnh",
        attachment: { fileName: "anh.png", contentType: "image/png", data: PNG },
      });
  },
  async step() {},
};

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

describe.each<Mode>(["polling", "webhook"])("Telegram channel, %s: delivery", (mode) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot(world, mode, { dialogs: [echoFiles, fixtures], maxAttachmentBytes: 4096 });
  });
  afterAll(() => bot.stop());

  it("splits a long text at 4096 characters, with the buttons on the last piece", async () => {
    bot.phone.say(201, "/dai");
    const pieces = await bot.phone.next(201, 2);
    expect(pieces.map((p) => (p.text ?? "").length).every((n) => n <= 4096)).toBe(true);
    expect(pieces.map((p) => p.text).join("\n\n")).toBe(LONG_TEXT);
    expect(pieces[0]?.buttons).toEqual([]);
    expect(pieces[1]?.buttons).toEqual([[{ text: "Xong", callbackData: "test:done" }]]);
  });

  it("hands the engine the largest size of a photo, downloaded", async () => {
    await bot.phone.ask(202, "/guitep");
    bot.phone.photo(202, PNG, { caption: "CCCD mặt trước" });
    const [echo] = await bot.phone.next(202);
    expect(echo?.text).toMatch(new RegExp(`^photo-\\d+\\.png image/png ${PNG.length}$`));
  });

  it("hands the engine a document with its name and type", async () => {
    await bot.phone.ask(203, "/guitep");
    bot.phone.document(203, PDF, { fileName: "to-khai.pdf" });
    expect((await bot.phone.next(203))[0]?.text).toBe(`to-khai.pdf application/pdf ${PDF.length}`);
  });

  it("refuses an attachment over the limit politely, in the user's language", async () => {
    bot.phone.document(204, Buffer.alloc(5000, 1), { fileName: "lon.pdf" });
    expect((await bot.phone.next(204))[0]?.text).toBe(
      "Tệp đính kèm quá lớn, tôi chưa nhận được. Vui lòng gửi tệp tối đa 4 KB.",
    );
    bot.phone.photo(205, pngOf(800, 600, 6000), { languageCode: "en" });
    expect((await bot.phone.next(205))[0]?.text).toContain("too large");
  });

  it("answers a sticker politely and ignores update kinds it does not serve", async () => {
    const tg = world.sandbox.telegram;
    bot.phone.say(206, "hi");
    await bot.phone.next(206);
    const chat = { id: 206, type: "private" as const, first_name: "Lan" };
    const from = { id: 206, is_bot: false, first_name: "Lan", language_code: "vi" };
    tg.injectUpdate(
      {
        message: {
          message_id: 50,
          date: Math.floor(Date.now() / 1000),
          chat,
          from,
          sticker: {
            file_id: "x",
            file_unique_id: "y",
            width: 512,
            height: 512,
            is_animated: false,
          },
        },
      },
      { token: bot.token },
    );
    expect((await bot.phone.next(206))[0]?.text).toContain("chưa hiểu");
    // The channel asked only for messages and button presses.
    expect(
      tg.injectUpdate({ edited_message: { message_id: 1, chat, from } }, { token: bot.token }),
    ).toBeUndefined();
  });

  it("sends files: a PDF as a document with caption and buttons, a PNG as a photo", async () => {
    bot.phone.say(207, "/ketqua");
    const [result] = await bot.phone.next(207);
    expect(result).toMatchObject({
      text: "Kết quả hồ sơ của bạn.",
      buttons: [[{ text: "Xong", callbackData: "test:done" }]],
      document: { fileName: "ket-qua.pdf", mimeType: "application/pdf" },
    });
    expect(Buffer.from(result?.document?.data ?? [])).toEqual(PDF);
    bot.phone.say(207, "/anh");
    const [photo] = await bot.phone.next(207);
    expect(photo?.photo).toMatchObject({ width: 640, height: 480, size: PNG.length });
  });

  it("pushes notifications with send(), and refuses what Telegram would", async () => {
    bot.phone.say(208, "hi");
    await bot.phone.next(208);
    await bot.channel.send("208", {
      text: "Hồ sơ của bạn đã có kết quả.",
      buttons: [[{ label: "Xem", action: "dw:view:1" }]],
    });
    expect((await bot.phone.next(208))[0]).toMatchObject({
      text: "Hồ sơ của bạn đã có kết quả.",
      buttons: [[{ text: "Xem", callbackData: "dw:view:1" }]],
    });
    // A bot cannot start a chat, and a button over Telegram's 64 bytes is refused unsent.
    await expect(bot.channel.send("999999", { text: "x" })).rejects.toThrow("chat not found");
    await expect(
      bot.channel.send("208", { text: "x", buttons: [[{ label: "y", action: "đ".repeat(33) }]] }),
    ).rejects.toThrow(RangeError);
    expect(world.sandbox.telegram.messages(208, { token: bot.token })).toHaveLength(2);
  });

  it("waits out Telegram's flood limit (429 retry_after), keeping the chat's order", async () => {
    world.sandbox.telegram.setRateLimits({ perChatPerSecond: 2, perChatBurst: 0 });
    try {
      const started = Date.now();
      bot.phone.say(209, "/dai3");
      await bot.phone.next(209, 2);
      // The third piece is now waiting out retry_after; a notification queues behind it.
      const notified = bot.channel.send("209", { text: "Thông báo" });
      const [third, notice] = await bot.phone.next(209, 2);
      await notified;
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(third?.buttons).toEqual([[{ text: "Xong", callbackData: "test:done" }]]);
      expect(notice?.text).toBe("Thông báo");
    } finally {
      world.sandbox.telegram.setRateLimits(false);
    }
  });
});
