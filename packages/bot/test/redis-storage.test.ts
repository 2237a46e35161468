import { randomUUID } from "node:crypto";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BotEngine, RedisSessionStorage } from "../src/index.js";

let sandbox: Sandbox;
let sdk: Vnegov;
let redis: Redis;
const prefix = `vnegov-test:${randomUUID()}:`;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
  });
  sdk = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
  redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  await redis.connect();
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await sdk.close();
  await sandbox.close();
});

it("lets a second bot process continue a conversation the first one started", async () => {
  const first = new BotEngine({
    sdk,
    storage: new RedisSessionStorage({ client: redis, prefix, ttlSeconds: 60 }),
  });
  const second = new BotEngine({
    sdk,
    storage: new RedisSessionStorage({ client: redis, prefix, ttlSeconds: 60 }),
  });
  const sample = sandbox.samples.dang_xu_ly?.[0];
  const message = { channel: "zalo" as const, chatId: "z1", userId: "z1" };
  const asked = await first.handle({ ...message, text: `/tracuu ${sample?.code}` });
  expect(asked[0]?.text).toContain("mã tra cứu");
  const answered = await second.handle({ ...message, text: sample?.secret });
  expect(answered.map((m) => m.text).join("\n")).toContain("Trạng thái: Đang xử lý");
  expect(await redis.ttl(`${prefix}zalo:z1`)).toBeGreaterThan(0);
});
