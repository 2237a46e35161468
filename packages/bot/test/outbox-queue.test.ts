import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteSubscriptionStore } from "../src/index.js";
import { OutboxNotifier } from "../src/notify/outbox/index.js";
import { BullmqOutbox, QueueDeliveryWorker } from "../src/notify/queue/index.js";
import {
  directiveEvent,
  openChats,
  provinceCode,
  sampleDirective,
  telegramSender,
  tokenFor,
} from "./helpers/outbox-fixtures.js";
import { busiestSecond, startTelegramProxy, type TelegramProxy } from "./helpers/outbox-proxy.js";
import { killWorkerProcesses, startWorkerProcess } from "./helpers/worker-process.js";
import { startWorld, type World } from "./telegram-harness.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** The emulator's per-bot ceiling, and the workers': raised from 30/s so the test is short. */
const GLOBAL_PER_SECOND = 40;

let world: World;
let proxy: TelegramProxy;
let redis: Redis;
let province: string;
const prefixes: string[] = [];

beforeAll(async () => {
  world = await startWorld();
  world.sandbox.telegram.setRateLimits({ globalPerSecond: GLOBAL_PER_SECOND });
  proxy = await startTelegramProxy(world.sandbox.url);
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  province = await provinceCode(world.sdk);
});

afterAll(async () => {
  killWorkerProcesses();
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  await redis?.quit();
  await proxy?.close();
  await world?.close();
});

/** A fresh key prefix per scenario: nothing shared with other runs on the same Redis. */
function freshPrefix(): string {
  const prefix = `vnegov-test:${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  return prefix;
}

/** `count` chats opened for `token`, each following the province in a subscriptions file. */
async function audience(name: string, token: string, chats: number[]) {
  openChats(world.sandbox, token, chats);
  const path = join(world.dir, `${name}-subs.sqlite`);
  const subscriptions = new SqliteSubscriptionStore(path);
  for (const id of chats)
    await subscriptions.add(`telegram:${id}`, { kind: "area", code: province, name: "Tỉnh" });
  return { path, subscriptions };
}

async function directive(id: string) {
  return directiveEvent(await sampleDirective(world.sdk), {
    id,
    urgency: "thuong_khan",
    audiences: [{ kind: "area", code: province }],
    numberNotation: "07/CĐ-UBND",
    subject: "Công điện về ứng phó mưa lũ",
  });
}

/** Polls the async `check` every 100 ms until it holds; throws after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("BullMQ outbox on Redis", () => {
  it("delivers each notification once: dedupe, 500s retried, blocked chats deactivated", async () => {
    const token = tokenFor(7_100_000_020);
    const chats = Array.from({ length: 200 }, (_, i) => 810_001 + i);
    const [flaky, blocked] = chats as [number, number];
    const { subscriptions } = await audience("queue-a", token, chats);
    const outbox = new BullmqOutbox({ redis: REDIS_URL, prefix: freshPrefix() });
    const notifier = new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox });
    const event = await directive("evt_queue_a");
    expect(await notifier.notify(event)).toMatchObject({ queued: chats.length, duplicate: false });
    // The portal retrying its webhook: the same event id queues nothing.
    expect(await notifier.notify(event)).toMatchObject({ queued: 0, duplicate: true });
    // The same state under another event id (the dossier watcher and the webhook): nothing.
    const state = { key: "dossier:G01.99-261123-0001", value: "da_tiep_nhan" };
    const statusEvent = { type: "dossier.status_changed", priority: 0 };
    const first = await outbox.enqueue({
      event: { id: "evt_s1", ...statusEvent },
      recipients: [],
      state,
    });
    const again = await outbox.enqueue({
      event: { id: "evt_s2", ...statusEvent },
      recipients: [],
      state,
    });
    expect([first.repeated, again.repeated]).toEqual([false, true]);

    proxy.failNext(flaky, 2);
    proxy.block(blocked);
    const worker = new QueueDeliveryWorker({
      outbox,
      senders: [telegramSender(proxy.url, token)],
      subscriptions,
      limits: { telegram: { perSecond: GLOBAL_PER_SECOND } },
      backoff: { baseMs: 100, maxMs: 500 },
    });
    worker.start();
    const status = async () => (await outbox.broadcastStatus({ eventId: event.id }))[0];
    await until(async () => (await status())?.done === true, 30_000, "the broadcast");
    await worker.stop();

    const received = (id: number) => world.sandbox.telegram.messages(id, { token }).length;
    expect(chats.filter((id) => id !== blocked && received(id) !== 1)).toEqual([]);
    expect(received(blocked)).toBe(0);
    // Blocked: tried once, never again; its subscriptions are gone.
    expect(proxy.sendsTo(blocked)).toHaveLength(1);
    expect(await subscriptions.list(`telegram:${blocked}`)).toEqual([]);
    // The flaky chat: two 500s, then delivered.
    expect(proxy.sendsTo(flaky).map((s) => s.status)).toEqual([500, 500, 200]);
    expect(await status()).toMatchObject({
      total: chats.length,
      sent: chats.length - 1,
      blocked: 1,
      failed: 0,
      done: true,
    });
    expect(worker.counters()).toMatchObject({ sent: chats.length - 1, retried: 2, blocked: 1 });
    expect(await worker.metrics()).toContain(
      'vnegov_outbox_deliveries{channel="telegram",status="sent"} 199',
    );
    await outbox.close();
    subscriptions.close();
  }, 60_000);

  it("a stop mid-broadcast hands every unsent job back at once; the next worker finishes, once each", async () => {
    const token = tokenFor(7_100_000_022);
    const chats = Array.from({ length: 150 }, (_, i) => 830_001 + i);
    const { subscriptions } = await audience("queue-c", token, chats);
    const outbox = new BullmqOutbox({ redis: REDIS_URL, prefix: freshPrefix() });
    const notifier = new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox });
    const event = await directive("evt_queue_c");
    await notifier.notify(event);
    const worker = () =>
      new QueueDeliveryWorker({
        outbox,
        senders: [telegramSender(proxy.url, token)],
        subscriptions,
        limits: { telegram: { perSecond: GLOBAL_PER_SECOND } },
      });
    const status = async () => (await outbox.broadcastStatus({ eventId: event.id }))[0];
    const first = worker();
    first.start();
    await until(async () => ((await status())?.sent ?? 0) >= 40, 20_000, "40 sent");
    const stopping = Date.now();
    await first.stop();
    const stopMs = Date.now() - stopping;
    // Nothing left locked by the stopped worker: the rest is waiting for the next one.
    expect(await outbox.queue("telegram").getActiveCount()).toBe(0);
    const sentByFirst = first.counters().sent;
    expect(sentByFirst).toBeLessThan(chats.length);
    expect(stopMs).toBeLessThan(5000);

    const second = worker();
    second.start();
    await until(async () => (await status())?.done === true, 30_000, "the broadcast");
    await second.stop();
    const received = chats.map((id) => world.sandbox.telegram.messages(id, { token }).length);
    expect(received.filter((n) => n !== 1)).toEqual([]);
    expect(sentByFirst + second.counters().sent).toBe(chats.length);
    await outbox.close();
    subscriptions.close();
  }, 60_000);

  it("two bot processes share the work and the ceiling: no 429, no repeat, never over the limit", async () => {
    const token = tokenFor(7_100_000_021);
    const chats = Array.from({ length: 600 }, (_, i) => 820_001 + i);
    const { path, subscriptions } = await audience("queue-b", token, chats);
    const prefix = freshPrefix();
    const outbox = new BullmqOutbox({ redis: REDIS_URL, prefix });
    const notifier = new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox });
    const event = await directive("evt_queue_b");
    expect((await notifier.notify(event)).queued).toBe(chats.length);

    // Two event loops and a Redis round trip sit between a departure slot and the wire, on a
    // 2-core machine shared with the emulator: 10 % headroom instead of 3 % absorbs that.
    const args = [REDIS_URL, path, proxy.url, token, String(GLOBAL_PER_SECOND), "5000", "0.9"];
    const workers = await Promise.all([
      startWorkerProcess(args, { OUTBOX_PREFIX: prefix }),
      startWorkerProcess(args, { OUTBOX_PREFIX: prefix }),
    ]);
    const status = async () => (await outbox.broadcastStatus({ eventId: event.id }))[0];
    await until(async () => (await status())?.done === true, 60_000, "the broadcast");
    const counters = await Promise.all(workers.map((w) => w.stop()));

    const received = chats.map((id) => world.sandbox.telegram.messages(id, { token }).length);
    const sends = proxy.sends.filter((s) => s.token === token);
    const seconds = ((sends.at(-1)?.at ?? 0) - (sends[0]?.at ?? 0)) / 1000;
    console.log(
      `[outbox scale-out] ${sends.length} sends in ${seconds.toFixed(1)} s by two processes ` +
        `(${counters.map((c) => c.sent).join(" + ")}), busiest second ${busiestSecond(sends)}, ` +
        `ceiling ${GLOBAL_PER_SECOND}/s, 429s ${proxy.tooManyRequests()}`,
    );
    expect(received.filter((n) => n !== 1)).toEqual([]);
    expect(sends).toHaveLength(chats.length);
    // Both processes took part, and together they stayed under the one ceiling.
    expect(counters.every((c) => c.sent > 0)).toBe(true);
    expect(counters.reduce((sum, c) => sum + c.sent, 0)).toBe(chats.length);
    expect(busiestSecond(sends)).toBeLessThanOrEqual(GLOBAL_PER_SECOND);
    expect(proxy.tooManyRequests()).toBe(0);
    expect(await status()).toMatchObject({ sent: chats.length, done: true });
    await outbox.close();
    subscriptions.close();
  }, 90_000);
});
