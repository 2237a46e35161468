import { splitText } from "@vnegov/domain";
import type { ZaloBotChatMessage } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dialog } from "../src/index.js";
import { type ZaloBotDriver, zaloBot } from "./chat-drivers.js";
import { attachmentEcho } from "./helpers/attachment-echo.js";
import { pngOf, startWorld, type World } from "./telegram-harness.js";

/** Vietnamese with combining marks (decomposed) and emoji, so cuts are tested at their edges. */
const LONG = "Hồ sơ đã được tiếp nhận 👨‍👩‍👧 ".normalize("NFD").repeat(120);

/** Test-only: `/anh` answers with a photo, `/dai` with a text longer than Zalo's 2000. */
const sendsThings: Dialog = {
  name: "sends-things",
  triggers: { commands: ["anh", "dai"], phrases: [] },
  async start(ctx) {
    if (ctx.message.text?.startsWith("/anh")) {
      ctx.reply({
        text: "Kết quả",
        attachment: { fileName: "ket-qua.png", contentType: "image/png", data: pngOf(64, 64) },
      });
      return;
    }
    ctx.reply(LONG);
  },
  async step() {},
};

/** What only Zalo has: its disclosure, withheld messages, numbered choices, media by URL. */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

describe.each(["polling", "webhook"] as const)("Zalo Bot channel, %s", (mode) => {
  let user: ZaloBotDriver;
  beforeAll(async () => {
    user = await zaloBot(mode, { maxAttachmentBytes: 4096 })(world, [sendsThings, attachmentEcho]);
  });
  afterAll(() => user.stop());

  it("says once that it is an automated assistant, then answers", async () => {
    user.say("501", "/start");
    const [first] = await user.next("501");
    expect(first?.text).toMatch(/^Tôi là trợ lý tự động/);
    expect(first?.text).toContain("Tra cứu hồ sơ");
    user.say("501", "/start");
    expect((await user.next("501"))[0]?.text).not.toContain("trợ lý tự động");
  });

  it("answers a withheld message (protected sender) politely, pointing elsewhere", async () => {
    world.sandbox.zaloBot.sendUnsupported("502", { token: user.token });
    expect((await user.next("502"))[0]?.text).toContain("bộ phận một cửa");
  });

  it("takes a choice by number or by label, and a stale number is just text", async () => {
    user.say("503", "/chithi");
    const [pick] = await user.next("503");
    expect(pick?.text).toContain("Trả lời bằng số thứ tự:\n1. ");
    user.say("503", "tinh lam giang");
    const [list] = await user.next("503");
    expect(list?.text).toContain("Văn bản chỉ đạo mới nhất cho Tỉnh Lam Giang:");
    user.say("503", "/start");
    await user.next("503");
    // The list above is no longer on screen: "1" now means nothing.
    user.say("503", "1");
    expect((await user.next("503"))[0]?.text).toContain("chưa hiểu");
  });

  it("splits a long reply into pieces of at most 2000 without cutting a letter or emoji", async () => {
    // After the first reply, so the disclosure does not lead the text.
    user.say("504", "/start");
    await user.next("504");
    user.say("504", "/dai");
    const expected = splitText(LONG, 2000);
    expect(expected.length).toBeGreaterThan(2);
    const pieces = (await user.next("504", expected.length)).map((m) => m.text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(2000);
      // No half of a surrogate pair, and no piece starts with a combining mark or a joiner.
      expect(piece).not.toMatch(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
      );
      expect(piece).not.toMatch(/^(?:[\u0300-\u036f]|\u200d)/);
    }
    expect(pieces.join("").replace(/\s+/g, "")).toBe(LONG.replace(/\s+/g, ""));
  });

  it("sends a photo by a URL Zalo can fetch more than once", async () => {
    user.say("505", "/anh");
    const sent = (await user.next("505", 2)).map((m) => m.raw as ZaloBotChatMessage);
    expect(sent.map((m) => m.kind)).toEqual(["photo", "text"]);
    const url = sent[0]?.photo ?? "";
    for (let i = 0; i < 2; i++) {
      const response = await fetch(url);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(pngOf(64, 64)));
    }
    expect((await fetch(`${url}x`)).status).toBe(404);
  });

  it("refuses a photo over the limit politely, without passing it on", async () => {
    user.say("506", "/guitep");
    await user.next("506");
    user.photo("506", pngOf(100, 100, 5000));
    expect((await user.next("506"))[0]?.text).toContain("Tệp quá lớn");
  });
});
