import type { ChatMessage } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, startWorld, type TestBot, type World } from "./telegram-harness.js";

let world: World;
let bot: TestBot;
beforeAll(async () => {
  world = await startWorld();
  bot = await startBot(world, "polling");
});
afterAll(async () => {
  await bot?.stop();
  await world?.close();
});

/** The bot's next `count` messages in the chat. */
async function next(chat: number, count = 1): Promise<ChatMessage[]> {
  const messages = await bot.phone.next(chat, count);
  expect(messages).toHaveLength(count);
  return messages;
}

/** Says `text` and returns the bot's one reply. */
async function say(chat: number, text: string): Promise<ChatMessage> {
  bot.phone.say(chat, text);
  const [reply] = await next(chat);
  return reply as ChatMessage;
}

/** The callback data of the button labelled `label` on `message`. */
function buttonOf(message: ChatMessage, label: string): string {
  const data = message.buttons.flat().find((b) => b.text === label)?.callbackData;
  if (!data) throw new Error(`no button "${label}" on: ${message.text}`);
  return data;
}

/** Presses the button labelled `label` on `message` and returns the next `count` replies. */
async function press(
  chat: number,
  message: ChatMessage,
  label: string,
  count = 1,
): Promise<ChatMessage[]> {
  // Every press is answered, so the citizen's spinner stops.
  expect(await bot.phone.press(chat, message.messageId, buttonOf(message, label))).toBeDefined();
  return next(chat, count);
}

/** Sends each answer and checks the reply that follows it. */
async function answer(chat: number, steps: readonly (readonly [string, string])[]) {
  for (const [text, reply] of steps) expect((await say(chat, text)).text).toContain(reply);
}

/** The dossiers the portal holds for an applicant. */
const dossiersOf = (idNumber: string) =>
  world.sdk.portal.dossiers.list({ applicantIdNumber: idNumber }).toArray();

const PDF = new TextEncoder().encode("%PDF-1.4 giấy chứng sinh");

/** Telegram specifics of the form: documents by file name, a double tap on confirm. */
describe("Telegram channel: submitting a dossier form", () => {
  it("explains wrong answers in Vietnamese, goes back with /quaylai, and /huy submits nothing", async () => {
    const chat = 202;
    const found = await say(chat, "nop ho so khai sinh");
    expect(found.text).toMatch(/^1\. Đăng ký khai sinh — /m);
    bot.phone.say(chat, "1");
    expect((await next(chat, 2))[1]?.text).toContain("(1/12)");
    await answer(chat, [
      ["Trần Thị Bình", "(2/12)"],
      ["12345", "Số CCCD/định danh cá nhân phải gồm đúng 12 chữ số."],
      ["001190000202", "(3/12)"],
      ["0212345678", "Số điện thoại di động chưa đúng"],
      ["0912345678", "(4/12)"],
      ["Lê Minh Khang", "(5/12) Giới tính"],
      ["3", "Vui lòng chọn một phương án bằng nút bấm hoặc số thứ tự từ 1 đến 2."],
      ["nam", "(6/12) Ngày, tháng, năm sinh"],
      ["hai mươi tháng năm", "Ngày chưa hợp lệ. Vui lòng nhập theo dạng ngày/tháng/năm"],
      ["20/05/2024", "(7/12) Nơi sinh"],
      // Back to the date, which is answered anew.
      ["/quaylai", "(6/12) Ngày, tháng, năm sinh"],
      ["21/05/2024", "(7/12) Nơi sinh"],
      ["Bệnh viện Đa khoa tỉnh Lam Giang", "(8/12)"],
      ["Lê Văn Cường", "(9/12)"],
      ["Trần Thị Bình", "(10/12)"],
      ["001190000202", "(11/12) Giấy chứng sinh"],
      ["đây là giấy chứng sinh", "Vui lòng gửi ảnh hoặc tệp đính kèm cho mục này."],
    ]);
    bot.phone.document(chat, PDF, { fileName: "giay-chung-sinh.docx" });
    expect((await next(chat))[0]?.text).toContain(
      "Loại tệp chưa được chấp nhận. Chỉ nhận: PDF, JPG, PNG.",
    );
    bot.phone.document(chat, PDF, { fileName: "giay-chung-sinh.pdf" });
    expect((await next(chat))[0]?.text).toContain("(12/12)");
    const summary = await say(chat, "0912345678");
    expect(summary.text).toContain("• Giới tính: Nam");
    expect(summary.text).toContain("• Ngày, tháng, năm sinh: 21/05/2024");
    expect(summary.text).toContain("• Giấy chứng sinh: giay-chung-sinh.pdf (1 KB)");

    expect((await say(chat, "/huy")).text).toContain("Đã hủy thao tác.");
    // The summary's button, pressed after cancelling, finds nothing to submit.
    expect((await press(chat, summary, "Xác nhận nộp"))[0]?.text).toContain(
      "Không có hồ sơ nào đang soạn.",
    );
    expect(await dossiersOf("001190000202")).toEqual([]);
  });

  it("submits one dossier when the confirm button is pressed twice", async () => {
    const chat = 203;
    expect((await say(chat, "/nophoso")).text).toContain("Nhập từ khóa");
    const found = await say(chat, "dang ky khai sinh");
    await press(chat, found, "1. Đăng ký khai sinh", 2);
    await answer(chat, [
      ["Phạm Văn Dũng", "(2/12)"],
      ["001190000203", "(3/12)"],
      ["0987654321", "(4/12)"],
      ["Phạm Minh An", "(5/12)"],
      ["1", "(6/12)"],
      ["01/05/2024", "(7/12)"],
      ["Trạm y tế phường Thanh Lam", "(8/12)"],
      ["/boqua", "(9/12)"],
      ["Nguyễn Thị Hoa", "(10/12)"],
      ["001190000213", "(11/12)"],
    ]);
    bot.phone.document(chat, PDF, { fileName: "chung-sinh.pdf" });
    await next(chat);
    const summary = await say(chat, "0987654321");
    const confirm = buttonOf(summary, "Xác nhận nộp");

    // A double tap: both presses reach the bot before its first answer does.
    const answers = await Promise.all([
      bot.phone.press(chat, summary.messageId, confirm),
      bot.phone.press(chat, summary.messageId, confirm),
    ]);
    expect(answers).toEqual([expect.anything(), expect.anything()]);
    const [receipt, again] = await next(chat, 2);
    expect(receipt?.text).toContain("Đã nộp hồ sơ thành công!");
    expect(again?.text).toContain("Không có hồ sơ nào đang soạn.");
    const code = /Mã hồ sơ: (\S+)/.exec(receipt?.text ?? "")?.[1];
    expect((await dossiersOf("001190000203")).map((d) => d.code)).toEqual([code]);
  });
});
