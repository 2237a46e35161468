import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, startWorld, type TestBot, type World } from "./telegram-harness.js";

/**
 * What only Telegram has: callback queries and the app's language hint. The conversations
 * themselves run on every channel in flows.test.ts.
 */
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

describe("Telegram channel: platform specifics", () => {
  it("answers every button press, so the spinner stops, with compact callback data", async () => {
    bot.phone.say(104, "/chithi");
    const [pick] = await bot.phone.next(104);
    const province = pick?.buttons.flat().find((b) => b.text === "Tỉnh Lam Giang");
    expect(province?.callbackData).toBe("dir:area:99");
    expect(await bot.phone.press(104, pick?.messageId ?? 0, "dir:area:99")).toEqual({
      showAlert: false,
    });
    expect((await bot.phone.next(104))[0]?.text).toContain("Tỉnh Lam Giang");
  });

  it("takes the app language as the first hint", async () => {
    bot.phone.say(107, "hello there", { languageCode: "en-GB" });
    expect((await bot.phone.next(107))[0]?.text).toContain("did not understand");
  });

  it("answers unknown or forged callback data politely", async () => {
    const [garbage] = await bot.phone.ask(108, "asdfgh qwerty");
    expect(garbage).toContain("chưa hiểu");
    const [shown] = world.sandbox.telegram.messages(108, { token: bot.token });
    expect(await bot.phone.press(108, shown?.messageId ?? 0, "bogus:1")).toBeDefined();
    expect((await bot.phone.next(108))[0]?.text).toContain("chưa hiểu");
  });
});
