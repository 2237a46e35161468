import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../src/index.js";
import {
  startBot,
  startWorld,
  type TestBot,
  WEBHOOK_SECRET,
  type World,
} from "./telegram-harness.js";

let world: World;
let bot: TestBot;
beforeAll(async () => {
  world = await startWorld();
  bot = await startBot(world, "webhook");
});
afterAll(async () => {
  await bot.stop();
  await world.close();
});

/** A request to the bot's webhook as anyone on the internet could send it. */
const post = (body: string, secret?: string) =>
  fetch(bot.webhookUrl ?? "", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret !== undefined && { "x-telegram-bot-api-secret-token": secret }),
    },
    body,
  });

const textUpdate = (updateId: number, chatId: number, text: string) =>
  JSON.stringify({
    update_id: updateId,
    message: {
      message_id: 1000 + updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Lan" },
      from: { id: chatId, is_bot: false, first_name: "Lan", language_code: "vi" },
      text,
    },
  });

describe("Telegram channel: webhook security and lifecycle", () => {
  it("registers its webhook with the secret token on start", () => {
    expect(world.sandbox.telegram.webhookInfo({ token: bot.token })).toMatchObject({
      url: bot.webhookUrl,
      allowed_updates: ["message", "callback_query"],
    });
  });

  it("refuses forged requests: no or wrong secret 401, bodies that are no update 400", async () => {
    const body = textUpdate(90_001, 301, "/start");
    expect((await post(body)).status).toBe(401);
    expect((await post(body, "wrong-secret")).status).toBe(401);
    expect((await post(body, `${WEBHOOK_SECRET}x`)).status).toBe(401);
    expect((await post("{not json", WEBHOOK_SECRET)).status).toBe(400);
    expect((await post(JSON.stringify({ message: {} }), WEBHOOK_SECRET)).status).toBe(400);
    expect(world.sandbox.telegram.messages(301, { token: bot.token })).toEqual([]);
  });

  it("handles a redelivered update once, and ignores kinds it does not serve", async () => {
    bot.phone.say(302, "hi");
    await bot.phone.next(302);
    const update = textUpdate(90_002, 302, "/start");
    expect((await post(update, WEBHOOK_SECRET)).status).toBe(200);
    expect((await post(update, WEBHOOK_SECRET)).status).toBe(200);
    const edited = JSON.stringify({
      update_id: 90_003,
      edited_message: JSON.parse(textUpdate(0, 302, "/start")).message,
    });
    expect((await post(edited, WEBHOOK_SECRET)).status).toBe(200);
    expect(world.sandbox.telegram.messages(302, { token: bot.token })).toHaveLength(2);
  });

  it("checks its options and token", async () => {
    const engine = { handle: async () => [] };
    expect(() =>
      createTelegramChannel({
        engine,
        token: bot.token,
        mode: { type: "webhook", url: "https://bot.example/telegram", secretToken: "" },
      }),
    ).toThrow(RangeError);
    const polling = createTelegramChannel({
      engine,
      token: "not-a-token",
      apiRoot: world.sandbox.url,
      mode: { type: "polling" },
    });
    await expect(polling.start()).rejects.toThrow("401");
    // A polling channel serves no webhook.
    const response = await polling.handleWebhook(new Request("http://x/", { method: "POST" }));
    expect(response.status).toBe(404);
  });

  it("stops polling at once, confirming the updates it handled", async () => {
    const polling = await startBot(world, "polling");
    const tg = world.sandbox.telegram;
    polling.phone.say(304, "/start");
    await polling.phone.next(304);
    const started = Date.now();
    await polling.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(tg.webhookInfo({ token: polling.token }).pending_update_count).toBe(0);
    // Nobody polls any more: a new message waits at Telegram.
    polling.phone.say(304, "còn ai không?");
    await new Promise((r) => setTimeout(r, 50));
    expect(tg.webhookInfo({ token: polling.token }).pending_update_count).toBe(1);
    expect(tg.messages(304, { token: polling.token })).toHaveLength(1);
  });

  it("answers 503 after stop(), so Telegram keeps the update for later", async () => {
    const other = await startBot(world, "webhook");
    await other.stop();
    const response = await other.channel.handleWebhook(
      new Request("http://x/telegram", {
        method: "POST",
        headers: { "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
        body: textUpdate(1, 303, "hi"),
      }),
    );
    expect(response.status).toBe(503);
  });
});
