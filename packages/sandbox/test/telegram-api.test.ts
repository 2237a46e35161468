import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callBot, png, tokenFor } from "./telegram-helpers.js";

let sandbox: Sandbox;
const token = tokenFor(7000000001);
const call = (method: string, params?: Parameters<typeof callBot>[3]) =>
  callBot(sandbox, token, method, params);

beforeAll(async () => {
  sandbox = await startSandbox({ telegram: { rateLimits: false } });
  await call("getMe");
});
afterAll(() => sandbox.close());

const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

describe("Telegram Bot API emulator: the bot's side", () => {
  it("accepts any token of Telegram's shape and answers getMe with the bot it stands for", async () => {
    // The one bot of this file; a test with several bots passes { token } to the user side.
    const { status, body } = await callBot(sandbox, token, "getMe", undefined, {
      httpMethod: "GET",
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      result: expect.objectContaining({
        id: 7000000001,
        is_bot: true,
        username: "vnegov_sandbox_bot",
      }),
    });
    // Method names are case-insensitive, and no portal API key is needed.
    expect((await call("GETME")).status).toBe(200);
  });

  it("answers with Telegram's exact error shapes", async () => {
    expect(await callBot(sandbox, "12345:short", "getMe")).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    // Another secret for a known bot id is a revoked token.
    expect((await callBot(sandbox, `7000000001:${"B".repeat(35)}`, "getMe")).status).toBe(401);
    expect(await call("sendSticker", {})).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found" },
    });
    expect(await call("sendMessage", { chat_id: 42, text: "xin chào" })).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: chat not found" },
    });
    sandbox.telegram.sendText(901, "/start");
    const empty = await call("sendMessage", { chat_id: 901, text: "  " });
    expect(empty.body.description).toBe("Bad Request: message text is empty");
    const long = await call("sendMessage", { chat_id: 901, text: "a".repeat(4097) });
    expect(long.body.description).toBe("Bad Request: message is too long");
    expect((await call("sendMessage", { chat_id: 901, text: "a".repeat(4096) })).status).toBe(200);
    // The sandbox's own routes still answer problem+json.
    const portal = await fetch(`${sandbox.url}/portal/v1/procedures`);
    expect(portal.status).toBe(401);
    expect(portal.headers.get("content-type")).toContain("problem+json");
  });

  it("checks inline keyboards: callback data is at most 64 bytes of UTF-8", async () => {
    sandbox.telegram.sendText(902, "hi");
    const keyboard = (data: string) => ({
      inline_keyboard: [[{ text: "Chọn", callback_data: data }]],
    });
    const tooLong = await call("sendMessage", {
      chat_id: 902,
      text: "Chọn một",
      reply_markup: keyboard("đ".repeat(33)), // 66 bytes, 33 characters
    });
    expect(tooLong).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: BUTTON_DATA_INVALID" },
    });
    const fits = await call("sendMessage", {
      chat_id: 902,
      text: "Chọn một",
      reply_markup: keyboard("đ".repeat(32)),
    });
    expect(fits.body.result.reply_markup).toEqual(keyboard("đ".repeat(32)));
    const bare = await call("sendMessage", {
      chat_id: 902,
      text: "x",
      reply_markup: { inline_keyboard: [[{ text: "no action" }]] },
    });
    expect(bare.body.description).toBe(
      "Bad Request: text buttons are unallowed in the inline keyboard",
    );
    const garbled = await call("sendMessage", { chat_id: 902, text: "x", reply_markup: "{oops" });
    expect(garbled.body.description).toBe(
      "Bad Request: can't parse reply keyboard markup JSON object",
    );
  });

  it("takes url-encoded and multipart parameters, with JSON fields as strings", async () => {
    sandbox.telegram.sendText(903, "hi");
    const form = new URLSearchParams({
      chat_id: "903",
      text: "Chào bạn",
      parse_mode: "HTML",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] }),
    });
    const encoded = await call("sendMessage", form);
    expect(encoded.body.result).toMatchObject({ text: "Chào bạn", chat: { id: 903 } });
    const multipart = new FormData();
    multipart.set("chat_id", "903");
    multipart.set("text", "Lần hai");
    const second = await call("sendMessage", multipart);
    expect(second.body.result.message_id).toBeGreaterThan(encoded.body.result.message_id);
    const query = await callBot(sandbox, token, "sendMessage?chat_id=903&text=ba", undefined, {
      httpMethod: "GET",
    });
    expect(query.body.result.text).toBe("ba");
    expect(
      (await call("sendMessage", { chat_id: 903, text: "x", parse_mode: "BBCode" })).body
        .description,
    ).toBe("Bad Request: unsupported parse_mode");
  });

  it("builds Telegram messages: per-chat ids, seconds, the chat and the bot as sender", async () => {
    const incoming = sandbox.telegram.sendText(904, "/start", { languageCode: "en" });
    expect(incoming).toMatchObject({
      message_id: 1,
      from: { id: 904, is_bot: false, language_code: "en" },
      chat: { id: 904, type: "private" },
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    });
    expect(incoming.date).toBeCloseTo(Date.now() / 1000, -1);
    const { body } = await call("sendMessage", { chat_id: 904, text: "Xin chào" });
    expect(body.result).toMatchObject({
      message_id: 2,
      from: { id: 7000000001, is_bot: true, username: "vnegov_sandbox_bot" },
      chat: { id: 904, type: "private", first_name: expect.any(String) },
      text: "Xin chào",
    });
  });

  it("edits texts and keyboards and refuses edits that change nothing", async () => {
    sandbox.telegram.sendText(905, "hi");
    const markup = { inline_keyboard: [[{ text: "Xem", callback_data: "task:1" }]] };
    const sent = await call("sendMessage", {
      chat_id: 905,
      text: "Bản nháp",
      reply_markup: markup,
    });
    const id = sent.body.result.message_id;
    const same = await call("editMessageText", {
      chat_id: 905,
      message_id: id,
      text: "Bản nháp",
      reply_markup: markup,
    });
    expect(same).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: NOT_MODIFIED },
    });
    const edited = await call("editMessageText", {
      chat_id: 905,
      message_id: id,
      text: "Bản cuối",
    });
    expect(edited.body.result).toMatchObject({ text: "Bản cuối", edit_date: expect.any(Number) });
    expect(edited.body.result.reply_markup).toBeUndefined();
    const [shown] = sandbox.telegram.messages(905);
    expect(shown).toMatchObject({ messageId: id, text: "Bản cuối", edited: true, buttons: [] });

    const rekeyed = await call("editMessageReplyMarkup", {
      chat_id: 905,
      message_id: id,
      reply_markup: markup,
    });
    expect(rekeyed.body.result.reply_markup).toEqual(markup);
    expect(sandbox.telegram.messages(905)[0]?.buttons).toEqual([
      [{ text: "Xem", callbackData: "task:1" }],
    ]);
    expect(
      (await call("editMessageText", { chat_id: 905, message_id: 1, text: "x" })).body.description,
    ).toBe("Bad Request: message can't be edited");
    expect(
      (await call("editMessageText", { chat_id: 905, message_id: 99, text: "x" })).body.description,
    ).toBe("Bad Request: message to edit not found");

    expect((await call("deleteMessage", { chat_id: 905, message_id: id })).body.result).toBe(true);
    expect(sandbox.telegram.messages(905)).toEqual([]);
    expect((await call("deleteMessage", { chat_id: 905, message_id: id })).body.description).toBe(
      "Bad Request: message to delete not found",
    );
  });

  it("turns a button press into a callback query and hands back the bot's answer", async () => {
    sandbox.telegram.sendText(906, "hi");
    const sent = await call("sendMessage", {
      chat_id: 906,
      text: "Chọn",
      reply_markup: { inline_keyboard: [[{ text: "Có", callback_data: "yes" }]] },
    });
    const { update_id } = (await call("getUpdates")).body.result.at(-1);
    const answer = sandbox.telegram.pressButton(906, sent.body.result.message_id, "yes");
    const updates = (await call("getUpdates", { offset: update_id + 1 })).body.result;
    const query = updates[0].callback_query;
    expect(query).toMatchObject({
      from: { id: 906 },
      data: "yes",
      message: { message_id: sent.body.result.message_id, text: "Chọn" },
    });
    expect(
      (await call("answerCallbackQuery", { callback_query_id: query.id, text: "Đã chọn" })).body,
    ).toEqual({ ok: true, result: true });
    expect(await answer).toEqual({ text: "Đã chọn", showAlert: false });
    expect(
      (await call("answerCallbackQuery", { callback_query_id: query.id })).body.description,
    ).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
    await expect(sandbox.telegram.pressButton(906, 1, "yes")).rejects.toThrow("no bot message");
  });

  it("keeps command lists per language, and knows chat actions", async () => {
    const commands = [{ command: "tracuu", description: "Tra cứu hồ sơ" }];
    expect((await call("setMyCommands", { commands })).body.result).toBe(true);
    expect((await call("getMyCommands")).body.result).toEqual(commands);
    expect((await call("getMyCommands", { language_code: "en" })).body.result).toEqual([]);
    const bad = await call("setMyCommands", {
      commands: [{ command: "Tra Cứu", description: "x" }],
    });
    expect(bad.body.description).toBe("Bad Request: BOT_COMMAND_INVALID");
    sandbox.telegram.sendText(907, "hi");
    expect((await call("sendChatAction", { chat_id: 907, action: "typing" })).body.result).toBe(
      true,
    );
    expect(
      (await call("sendChatAction", { chat_id: 907, action: "dancing" })).body.description,
    ).toBe("Bad Request: wrong parameter action in request");
  });
});

describe("Telegram Bot API emulator: files", () => {
  it("round-trips a user's document: update, getFile, download", async () => {
    const data = Buffer.from("%PDF-1.4 tờ khai");
    const message = sandbox.telegram.sendDocument(910, data, {
      fileName: "to-khai.pdf",
      caption: "Hồ sơ của tôi",
    });
    expect(message.document).toMatchObject({
      file_name: "to-khai.pdf",
      mime_type: "application/pdf",
      file_size: data.length,
    });
    const file = await call("getFile", { file_id: message.document?.file_id });
    expect(file.body.result).toMatchObject({
      file_size: data.length,
      file_path: expect.stringMatching(/^documents\/.+\.pdf$/),
    });
    const download = await fetch(`${sandbox.url}/file/bot${token}/${file.body.result.file_path}`);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(data);
    expect((await call("getFile", { file_id: "nope" })).body.description).toBe(
      "Bad Request: invalid file_id",
    );
    const missing = await fetch(`${sandbox.url}/file/bot${token}/documents/none.pdf`);
    expect(await missing.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("gives a user's photo its sizes, smallest first and the original last", async () => {
    const image = png(1000, 500);
    const { photo } = sandbox.telegram.sendPhoto(911, image, { caption: "CCCD" });
    expect(photo?.map((p) => [p.width, p.height])).toEqual([
      [90, 45],
      [320, 160],
      [800, 400],
      [1000, 500],
    ]);
    const largest = await call("getFile", { file_id: photo?.at(-1)?.file_id });
    expect(largest.body.result.file_size).toBe(image.length);
    expect(() => sandbox.telegram.sendPhoto(911, Buffer.from("not an image"))).toThrow(
      "IMAGE_PROCESS_FAILED",
    );
  });

  it("takes the bot's multipart uploads and re-sends by file_id", async () => {
    sandbox.telegram.sendText(912, "hi");
    const form = new FormData();
    form.set("chat_id", "912");
    form.set("caption", "Kết quả");
    form.set("document", new Blob([Buffer.from("%PDF-1.7 kết quả")]), "ket-qua.pdf");
    const sent = await call("sendDocument", form);
    expect(sent.body.result.document).toMatchObject({
      file_name: "ket-qua.pdf",
      mime_type: "application/pdf",
    });
    const again = await call("sendDocument", {
      chat_id: 912,
      document: sent.body.result.document.file_id,
    });
    expect(again.body.result.document.file_id).toBe(sent.body.result.document.file_id);

    const photoForm = new FormData();
    photoForm.set("chat_id", "912");
    photoForm.set("photo", new Blob([png(64, 64)]), "anh.png");
    const photo = await call("sendPhoto", photoForm);
    expect(photo.body.result.photo).toHaveLength(1);
    const [shown] = sandbox.telegram.messages(912).slice(-1);
    expect(shown?.photo).toMatchObject({ width: 64, height: 64, size: png(64, 64).length });
    const notImage = new FormData();
    notImage.set("chat_id", "912");
    notImage.set("photo", new Blob(["text"]), "a.png");
    expect((await call("sendPhoto", notImage)).body.description).toBe(
      "Bad Request: IMAGE_PROCESS_FAILED",
    );
    expect((await call("sendDocument", { chat_id: 912 })).body.description).toBe(
      "Bad Request: there is no document in the request",
    );
  });
});
