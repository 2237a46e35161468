import { join } from "node:path";
import type { Directive, VnegovEvent } from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteSubscriptionStore, type Subscription } from "../src/index.js";
import {
  type BroadcastStatus,
  DeliveryWorker,
  OutboxNotifier,
  SqliteOutbox,
} from "../src/notify/outbox/index.js";
import { renderEvent } from "../src/notify/render.js";
import {
  directiveEvent,
  provinceCode,
  sampleDirective,
  waitFor,
} from "./helpers/outbox-fixtures.js";
import {
  type Seen,
  type ZaloPlatform,
  zaloBotPlatform,
  zaloOaPlatform,
} from "./helpers/outbox-zalo.js";
import { startWorld, type World } from "./telegram-harness.js";

/**
 * Issue 7 on Zalo: the durable outbox fanning one directive out through the Zalo Bot channel
 * and the Zalo OA channel, with the sandbox's emulators enforcing a send limit and recording
 * every send they answer.
 *
 * Rates: shipped, the worker paces Zalo Bot at 1/s (`ZALO_BOT_LIMITS`) and the OA at 5/s
 * (`ZALO_OA_LIMITS`), which would make 1 000 messages take 17 and 3 minutes. The worker's
 * ceiling and the emulator's limit are raised together to `RATE`/s instead: the emulator counts
 * arrivals in a one-second window (and `RATE` × 60 per minute), the worker paces departures at
 * that ceiling × the channel's default headroom. The semantics are the same as at 1/s or 5/s,
 * at a pace a test can afford (much faster and the test would measure this machine's CPU: the
 * emulator, the clients and the worker share one process).
 */
const RATE = 100;
const FANOUT = 800;

let world: World;
let province: string;
let base: Directive;
const platforms: ZaloPlatform[] = [];

beforeAll(async () => {
  world = await startWorld();
  province = await provinceCode(world.sdk);
  base = await sampleDirective(world.sdk);
});

afterAll(async () => {
  for (const platform of platforms) await platform.close();
  await world?.close();
});

const follow = (code: string): Subscription => ({ kind: "area", code, name: code });
const textOf = (event: VnegovEvent) => renderEvent(event, "vi")?.text ?? "";
const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(4, "0")}`);

/**
 * A broadcast ready to go: every chat of `channel` follows the province (in files named after
 * `name`), and a directive to the province, `evt_<name>`, waits to be notified.
 */
async function directiveTo(
  channel: string,
  chats: string[],
  name: string,
  directive: { urgency: Directive["urgency"]; numberNotation: string; subject: string },
) {
  const subscriptions = new SqliteSubscriptionStore(join(world.dir, `${name}-subs.sqlite`));
  for (const id of chats) await subscriptions.add(`${channel}:${id}`, follow(province));
  const outbox = new SqliteOutbox(join(world.dir, `${name}-outbox.sqlite`));
  const notifier = new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox });
  const event = directiveEvent(base, {
    id: `evt_${name}`,
    audiences: [{ kind: "area", code: province }],
    ...directive,
  });
  return { subscriptions, outbox, notifier, event };
}

/** Each platform's scenarios run on their own chats and bot (or OA client). */
const PLATFORMS: [string, (scenario: string) => Promise<ZaloPlatform>][] = [
  ["Zalo Bot API", async (scenario) => zaloBotPlatform(world, scenario === "fanout" ? 71 : 72)],
  ["Zalo OA", (scenario) => zaloOaPlatform(world, `oa-${scenario}`)],
];

async function platformFor(
  make: (scenario: string) => Promise<ZaloPlatform>,
  scenario: string,
): Promise<ZaloPlatform> {
  const platform = await make(scenario);
  platforms.push(platform);
  return platform;
}

describe.each(PLATFORMS)("durable outbox notifier on the %s emulator (limit on)", (_, make) => {
  it(`fans one directive out to ${FANOUT} chats at the ceiling: each once, no rate-limit answer`, async () => {
    const platform = await platformFor(make, "fanout");
    const prefix = platform.channel === "zalo" ? "zb-fan-" : "9100";
    const chats = ids(prefix, FANOUT);
    await platform.open(chats);
    platform.limit(RATE);
    const { subscriptions, outbox, notifier, event } = await directiveTo(
      platform.channel,
      chats,
      `${platform.channel}_fanout`,
      { urgency: "thuong", numberNotation: "21/CT-UBND", subject: "Về phòng, chống bão số 3" },
    );
    expect(await notifier.notify(event)).toMatchObject({ queued: FANOUT, duplicate: false });

    const before = platform.stats();
    const worker = new DeliveryWorker({
      outbox,
      senders: [platform.sender],
      subscriptions,
      limits: { [platform.channel]: { perSecond: RATE } },
      pollIntervalMs: 50,
    });
    const started = Date.now();
    worker.start();
    let midway: BroadcastStatus | undefined;
    await waitFor(
      () => {
        if (!midway) {
          const [status] = outbox.broadcastStatus({ eventId: event.id });
          if (status && status.sent >= FANOUT / 2) midway = status;
        }
        return outbox.pendingCount() === 0;
      },
      // ~10 s at the ceiling; the rest is for a loaded machine.
      45_000,
      "the broadcast",
    );
    const elapsedMs = Date.now() - started;
    await worker.stop();

    // The emulator's record: every chat got the directive exactly once (0 lost, 0 duplicated),
    // with one send each, and its limit never answered.
    const expected = textOf(event);
    const wrong = chats.filter((id) => {
      const got = platform.received(id);
      return got.length !== 1 || got[0] !== expected || platform.seen(id).length !== 1;
    });
    expect(wrong).toEqual([]);
    const after = platform.stats();
    expect(after.sent - before.sent).toBe(FANOUT);
    expect(after.attempts - before.attempts).toBe(FANOUT);
    expect(after.rateLimited - before.rateLimited).toBe(0);
    expect(worker.counters()).toMatchObject({
      sent: FANOUT,
      rateLimited: 0,
      retried: 0,
      failed: 0,
      blocked: 0,
    });
    expect(outbox.broadcastStatus({ eventId: event.id })[0]).toMatchObject({
      total: FANOUT,
      sent: FANOUT,
      queued: 0,
      failed: 0,
      blocked: 0,
      done: true,
    });
    expect(midway?.ratePerSecond).toBeGreaterThan(0);
    console.log(
      `[outbox-zalo] ${platform.name}: ${FANOUT} messages in ${elapsedMs} ms ` +
        `(${(FANOUT / (elapsedMs / 1000)).toFixed(1)} msg/s of the ${RATE}/s ceiling), ` +
        `rate-limit answers: ${after.rateLimited - before.rateLimited}`,
    );
    outbox.close();
    subscriptions.close();
  }, 60_000);

  it("waits out rate limits, retries 500s, gives up on a broken chat, and unsubscribes users who blocked the bot", async () => {
    const platform = await platformFor(make, "faults");
    const prefix = platform.channel === "zalo" ? "zb-flt-" : "9200";
    const [healthy, limited, flaky, rest] = [
      ids(`${prefix}1`, 15),
      ids(`${prefix}2`, 3),
      ids(`${prefix}3`, 3),
      ids(`${prefix}4`, 4),
    ];
    // The first rate-limited chat is absorbed by the client (one answer, then its retry);
    // the second outlasts the client's tries (the first and 2 retries), so the 429 reaches
    // the worker, which pauses the channel and tries the row again without spending an attempt.
    const [limitedOnce, limitedLong, limitedTwice] = limited as [string, string, string];
    const [broken, ...blocked] = rest as [string, string, string, string];
    const chats = [...healthy, ...limited, ...flaky, ...rest];
    await platform.open(chats);
    platform.limit(RATE);
    platform.rateLimit(limitedOnce, 1);
    platform.rateLimit(limitedTwice, 2);
    platform.rateLimit(limitedLong, 3);
    for (const id of flaky) platform.fail(id, 2);
    platform.fail(broken, 99);
    for (const id of blocked) platform.block(id);
    const { subscriptions, outbox, notifier, event } = await directiveTo(
      platform.channel,
      chats,
      `${platform.channel}_faults`,
      { urgency: "khan", numberNotation: "22/CT-UBND", subject: "Về sơ tán dân khỏi vùng sạt lở" },
    );
    expect((await notifier.notify(event)).queued).toBe(chats.length);

    const before = platform.stats();
    const worker = new DeliveryWorker({
      outbox,
      senders: [platform.sender],
      subscriptions,
      limits: { [platform.channel]: { perSecond: RATE } },
      backoff: { baseMs: 100, jitter: 0 },
      maxAttempts: 4,
      pollIntervalMs: 50,
    });
    const started = Date.now();
    worker.start();
    await waitFor(() => outbox.pendingCount() === 0, 30_000, "the deliveries");
    await worker.stop();

    const expected = textOf(event);
    const row = (id: string) => outbox.deliveries({ chatKey: `${platform.channel}:${id}` })[0];
    const { rateLimitedAs: limit, failedAs: fail, blockedAs: block } = platform;
    // Delivered exactly once, whatever came before.
    for (const id of [...healthy, ...limited, ...flaky])
      expect(platform.received(id), id).toEqual([expected]);
    for (const id of healthy) expect(platform.seen(id)).toEqual(["ok"]);
    // 429 / -32: waited out (1 s) and tried again, by the client and then by the worker.
    expect(platform.seen(limitedOnce)).toEqual<Seen[]>([limit, "ok"]);
    expect(platform.seen(limitedTwice)).toEqual<Seen[]>([limit, limit, "ok"]);
    expect(platform.seen(limitedLong)).toEqual<Seen[]>([limit, limit, limit, "ok"]);
    for (const id of limited) expect(row(id)).toMatchObject({ status: "sent", attempts: 1 });
    const limitedRow = row(limitedLong);
    expect(limitedRow?.lastError).toMatch(/429|-32/);
    // The worker waited the answer's 1 s on top of the client's two 1 s waits.
    expect((limitedRow?.sentAt ?? 0) - started).toBeGreaterThanOrEqual(3000);
    // 500 twice, then delivered after the worker's 100 ms and 200 ms backoffs.
    for (const id of flaky) {
      expect(platform.seen(id)).toEqual<Seen[]>([fail, fail, "ok"]);
      expect(row(id)).toMatchObject({ status: "sent", attempts: 3 });
    }
    // 500 every time: given up after four attempts, the subscription kept.
    expect(platform.seen(broken)).toEqual<Seen[]>([fail, fail, fail, fail]);
    expect(platform.received(broken)).toEqual([]);
    expect(row(broken)).toMatchObject({ status: "failed", attempts: 4 });
    expect(await subscriptions.list(`${platform.channel}:${broken}`)).toHaveLength(1);
    // Blocked: exactly one attempt, the row `blocked`, the chat's subscriptions removed.
    for (const id of blocked) {
      expect(platform.seen(id)).toEqual<Seen[]>([block]);
      expect(platform.received(id)).toEqual([]);
      expect(row(id)).toMatchObject({ status: "blocked", attempts: 1 });
      expect(row(id)?.lastError).toMatch(/block|restricted/i);
      expect(await subscriptions.list(`${platform.channel}:${id}`)).toEqual([]);
    }

    const delivered = healthy.length + limited.length + flaky.length;
    expect(worker.counters()).toMatchObject({
      sent: delivered,
      rateLimited: 1,
      retried: flaky.length * 2 + 3,
      failed: 1,
      blocked: blocked.length,
      deactivated: blocked.length,
    });
    expect(outbox.broadcastStatus({ eventId: event.id })[0]).toMatchObject({
      total: chats.length,
      sent: delivered,
      queued: 0,
      sending: 0,
      failed: 1,
      blocked: blocked.length,
      done: true,
    });
    const after = platform.stats();
    expect(after.sent - before.sent).toBe(delivered);
    // Too few sends to meet the emulator's limit: every refusal was an injected one.
    expect(after.rateLimited - before.rateLimited).toBe(0);

    // The next directive no longer goes to the users who blocked the bot.
    const next = directiveEvent(base, {
      id: `evt_${platform.channel}_faults_next`,
      urgency: "thuong",
      audiences: [{ kind: "area", code: province }],
      numberNotation: "23/CT-UBND",
      subject: "Về khắc phục hậu quả sạt lở",
    });
    expect((await notifier.notify(next)).queued).toBe(chats.length - blocked.length);
    outbox.close();
    subscriptions.close();
  }, 60_000);
});

describe("durable outbox notifier on the Zalo OA emulator, users it cannot reach now", () => {
  it("backs off and fails rows on -211 (quota spent) instead of pausing the channel forever", async () => {
    const platform = await platformFor(
      (scenario) => zaloOaPlatform(world, `oa-${scenario}`),
      "quota",
    );
    const users = ids("9300", 3);
    await platform.open(users);
    const { subscriptions, outbox, notifier, event } = await directiveTo(
      "zalo_oa",
      users,
      "zalo_oa_quota",
      { urgency: "thuong", numberNotation: "24/TB-UBND", subject: "Thông báo lịch tiếp công dân" },
    );
    world.sandbox.zaloOa.setLimits({ quota: 0 });
    try {
      expect((await notifier.notify(event)).queued).toBe(users.length);
      const worker = new DeliveryWorker({
        outbox,
        senders: [platform.sender],
        subscriptions,
        backoff: { baseMs: 50, jitter: 0 },
        maxAttempts: 3,
        pollIntervalMs: 50,
      });
      worker.start();
      await waitFor(() => outbox.pendingCount() === 0, 15_000, "the deliveries");
      await worker.stop();
      for (const id of users) {
        expect(platform.seen(id)).toEqual<Seen[]>([-211, -211, -211]);
        const [row] = outbox.deliveries({ chatKey: `zalo_oa:${id}` });
        expect(row).toMatchObject({ status: "failed", attempts: 3 });
        expect(row?.lastError).toContain("-211");
        // Not the user's fault: still subscribed.
        expect(await subscriptions.list(`zalo_oa:${id}`)).toHaveLength(1);
      }
      expect(worker.counters()).toMatchObject({ rateLimited: 0, failed: users.length });
    } finally {
      world.sandbox.zaloOa.setLimits({ quota: null });
      outbox.close();
      subscriptions.close();
    }
  }, 30_000);

  it("fails users outside the 7-day window at once (-230), keeping their subscriptions", async () => {
    const platform = await platformFor(
      (scenario) => zaloOaPlatform(world, `oa-${scenario}`),
      "window",
    );
    const [inside, outside] = ids("9400", 2) as [string, string];
    await platform.open([inside, outside]);
    world.sandbox.zaloOa.rewindUser(outside, 8 * 86_400_000);
    const { subscriptions, outbox, notifier, event } = await directiveTo(
      "zalo_oa",
      [inside, outside],
      "zalo_oa_window",
      { urgency: "thuong", numberNotation: "25/TB-UBND", subject: "Thông báo nghỉ lễ" },
    );
    expect((await notifier.notify(event)).queued).toBe(2);
    const worker = new DeliveryWorker({
      outbox,
      senders: [platform.sender],
      subscriptions,
      backoff: { baseMs: 50, jitter: 0 },
      pollIntervalMs: 50,
    });
    worker.start();
    await waitFor(() => outbox.pendingCount() === 0, 15_000, "the deliveries");
    await worker.stop();
    expect(platform.received(inside)).toEqual([textOf(event)]);
    expect(platform.seen(outside)).toEqual<Seen[]>([-230]);
    const [row] = outbox.deliveries({ chatKey: `zalo_oa:${outside}` });
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.lastError).toContain("-230");
    expect(await subscriptions.list(`zalo_oa:${outside}`)).toHaveLength(1);
    expect(worker.counters()).toMatchObject({ sent: 1, retried: 0, failed: 1, blocked: 0 });
    outbox.close();
    subscriptions.close();
  }, 30_000);
});
