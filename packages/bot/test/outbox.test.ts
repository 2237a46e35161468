import { join } from "node:path";
import type { Directive, VnegovEvent } from "@vnegov/sdk";
import { TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChannelSender,
  SqliteSessionStorage,
  SqliteSubscriptionStore,
  type Subscription,
} from "../src/index.js";
import {
  type BroadcastStatus,
  DeliveryWorker,
  OutboxNotifier,
  SqliteOutbox,
} from "../src/notify/outbox/index.js";
import { renderEvent } from "../src/notify/render.js";
import {
  directiveEvent,
  openChats,
  provinceCode,
  sampleDirective,
  telegramSender,
  tokenFor,
  waitFor,
} from "./helpers/outbox-fixtures.js";
import { busiestSecond, startTelegramProxy, type TelegramProxy } from "./helpers/outbox-proxy.js";
import { startWorld, type World } from "./telegram-harness.js";

/**
 * The emulator enforces Telegram's per-chat (1/s, bursts of 3 per 10 s) and per-group
 * (20/min) limits as they are; the per-bot ceiling is raised from 30/s to 100/s so 1 600
 * messages take ~18 s instead of ~55 s, and the worker is told the same ceiling. (Much higher
 * and the test would measure this machine's CPU: emulator, proxy and bot share one process.)
 */
const GLOBAL_PER_SECOND = 100;
const AGENCY = "000.00.00.G99";
/** Chats following the agency too: they get the urgent Công điện and the routine directive. */
const URGENT = 30;
const TOTAL = 1500 + URGENT;

let world: World;
let proxy: TelegramProxy;
let province: string;
let base: Directive;

beforeAll(async () => {
  world = await startWorld();
  world.sandbox.telegram.setRateLimits({ globalPerSecond: GLOBAL_PER_SECOND });
  proxy = await startTelegramProxy(world.sandbox.url);
  province = await provinceCode(world.sdk);
  base = await sampleDirective(world.sdk);
});

afterAll(async () => {
  await proxy?.close();
  await world?.close();
});

const range = (from: number, count: number, step = 1) =>
  Array.from({ length: count }, (_, i) => from + i * step);
const follow = (kind: Subscription["kind"], code: string): Subscription => ({
  kind,
  code,
  name: code,
});
const textOf = (event: VnegovEvent, locale: "vi" | "en" = "vi") =>
  renderEvent(event, locale)?.text ?? "";

describe("durable outbox notifier on the Telegram emulator (limits on)", () => {
  it("fans 1 530 messages out to 1 500 chats at the ceiling: each once, no 429, urgent first", async () => {
    const token = tokenFor(7_100_000_001);
    const privates = range(100_001, 1480);
    const groups = range(-200_001, 20, -1);
    const chats = [...privates, ...groups];
    openChats(world.sandbox, token, chats);
    // Subscriptions and sessions in memory: 1 600 fsynced one-row commits would cost seconds;
    // the outbox, which this is about, is a file. (The crash test shares a subscriptions file.)
    const subscriptions = new SqliteSubscriptionStore(":memory:");
    const sessions = new SqliteSessionStorage(":memory:");
    for (const id of chats) await subscriptions.add(`telegram:${id}`, follow("area", province));
    // 25 private chats and 5 groups also follow the agency the Công điện is addressed to.
    const urgentChats = new Set([...privates.slice(0, URGENT - 5), ...groups.slice(0, 5)]);
    for (const id of urgentChats)
      await subscriptions.add(`telegram:${id}`, follow("agency", AGENCY));
    const english = privates[0] as number;
    await sessions.write(`telegram:${english}`, { locale: "en", dialog: null, failedLookups: [] });

    const outbox = new SqliteOutbox(join(world.dir, "a-outbox.sqlite"));
    const notifier = new OutboxNotifier({ sdk: world.sdk, subscriptions, sessions, outbox });
    const routine = directiveEvent(base, {
      id: "evt_a_routine",
      urgency: "thuong",
      audiences: [{ kind: "area", code: province }],
      numberNotation: "15/CT-UBND",
      subject: "Về tăng cường các biện pháp phòng, chống dịch",
    });
    const urgent = directiveEvent(base, {
      id: "evt_a_urgent",
      urgency: "hoa_toc",
      audiences: [{ kind: "agency", code: AGENCY }],
      numberNotation: "04/CĐ-UBND",
      subject: "Công điện về cách ly y tế trong đêm",
    });
    // The routine directive is queued first; the urgent one must still go out before it.
    expect(await notifier.notify(routine)).toEqual({
      delivered: 1500,
      failed: 0,
      skipped: 0,
      queued: 1500,
      duplicate: false,
      repeated: false,
    });
    expect((await notifier.notify(urgent)).queued).toBe(URGENT);

    const worker = new DeliveryWorker({
      outbox,
      senders: [telegramSender(proxy.url, token)],
      subscriptions,
      limits: { telegram: { perSecond: GLOBAL_PER_SECOND } },
      pollIntervalMs: 50,
    });
    const limitedBefore = proxy.tooManyRequests();
    const started = Date.now();
    worker.start();
    let midway: BroadcastStatus | undefined;
    await waitFor(
      () => {
        if (!midway) {
          const [status] = outbox.broadcastStatus({ eventId: routine.id });
          if (status && status.sent >= 500) midway = status;
        }
        return outbox.pendingCount() === 0;
      },
      45_000,
      "the broadcast",
    );
    const elapsedMs = Date.now() - started;
    await worker.stop();

    // Every chat got each of its messages exactly once, in its language, urgent first.
    const tg = world.sandbox.telegram;
    const wrong: string[] = [];
    let delivered = 0;
    for (const id of chats) {
      const locale = id === english ? "en" : "vi";
      const expected = urgentChats.has(id)
        ? [textOf(urgent, locale), textOf(routine, locale)]
        : [textOf(routine, locale)];
      const got = tg.messages(id, { token }).map((m) => m.text);
      delivered += got.length;
      if (JSON.stringify(got) !== JSON.stringify(expected))
        wrong.push(`${id}: ${got.length} messages`);
    }
    expect(wrong).toEqual([]);
    expect(delivered).toBe(TOTAL);

    // No flood limit was hit: the emulator answered no 429, nor did any reach the worker.
    const sends = proxy.sends.filter((s) => s.token === token);
    const limited = proxy.tooManyRequests() - limitedBefore;
    expect(limited).toBe(0);
    expect(sends.every((s) => s.status === 200)).toBe(true);
    expect(sends).toHaveLength(TOTAL);
    expect(worker.counters()).toMatchObject({ sent: TOTAL, rateLimited: 0, retried: 0 });
    const busiest = busiestSecond(sends);
    expect(busiest).toBeLessThanOrEqual(GLOBAL_PER_SECOND);

    // Priority: the last urgent message left before the first routine one.
    const urgentTexts = new Set([textOf(urgent), textOf(urgent, "en")]);
    const lastUrgent = sends.findLastIndex((s) => urgentTexts.has(s.text));
    const firstRoutine = sends.findIndex((s) => !urgentTexts.has(s.text));
    expect(lastUrgent).toBe(URGENT - 1);
    expect(firstRoutine).toBe(URGENT);

    // Chats that got two messages got them a second apart, groups three seconds apart.
    for (const id of urgentChats) {
      const [first, second] = proxy.sendsTo(id).filter((s) => s.token === token);
      if (!first || !second) throw new Error(`chat ${id} got fewer than two sends`);
      expect(second.at - first.at).toBeGreaterThanOrEqual(id < 0 ? 3000 : 1000);
    }

    // The operator's view, half-way and at the end.
    expect(midway).toBeDefined();
    if (!midway) return;
    expect(midway.queued + midway.sending + midway.sent).toBe(1500);
    expect(midway.ratePerSecond).toBeGreaterThan(0);
    expect(midway.etaMs).toBeGreaterThan(0);
    const [done] = outbox.broadcastStatus({ eventId: routine.id });
    expect(done).toMatchObject({
      total: 1500,
      sent: 1500,
      queued: 0,
      failed: 0,
      done: true,
      etaMs: 0,
    });
    const text = worker.metrics();
    for (const line of text.trimEnd().split("\n"))
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{(\w+="[^"]*",?)*\})? [\d.e+-]+)$/);
    expect(text).toContain("# TYPE vnegov_outbox_send_outcomes_total counter");
    expect(text).toContain(
      `vnegov_outbox_send_outcomes_total{channel="telegram",outcome="sent"} ${TOTAL}`,
    );
    expect(text).toContain(
      'vnegov_outbox_send_outcomes_total{channel="telegram",outcome="rate_limited"} 0',
    );
    expect(text).toContain(`vnegov_outbox_deliveries{channel="telegram",status="sent"} ${TOTAL}`);
    expect(text).toContain("# TYPE vnegov_outbox_send_duration_seconds summary");

    const rate = TOTAL / (elapsedMs / 1000);
    const steady = (TOTAL - 1) / (((sends.at(-1)?.at ?? 0) - (sends[0]?.at ?? 0)) / 1000);
    console.log(
      `[outbox] ${TOTAL} messages to 1500 chats in ${elapsedMs} ms: ${rate.toFixed(1)} msg/s ` +
        `overall, ${steady.toFixed(1)} msg/s first to last send ` +
        `(${((rate / GLOBAL_PER_SECOND) * 100).toFixed(0)}% of the ${GLOBAL_PER_SECOND}/s ceiling, ` +
        `busiest second ${busiest}), 429s: ${limited}, half-way: ${midway.ratePerSecond.toFixed(1)} msg/s, ` +
        `ETA ${midway.etaMs} ms`,
    );
    outbox.close();
    subscriptions.close();
    sessions.close();
  }, 60_000);

  it("retries 500s with backoff, waits out a 429, and deactivates chats that blocked the bot", async () => {
    const token = tokenFor(7_100_000_002);
    const healthy = range(300_001, 20);
    const flaky = range(300_101, 5);
    const broken = 300_201;
    const blockedByUser = [300_301, 300_302];
    const deactivated = 300_303;
    const neverOpened = 300_401;
    const limitedChat = 300_501;
    const opened = [...healthy, ...flaky, broken, ...blockedByUser, deactivated, limitedChat];
    openChats(world.sandbox, token, opened);
    for (const id of flaky) proxy.failNext(id, 2);
    proxy.failNext(broken, 99);
    for (const id of blockedByUser) proxy.block(id);
    proxy.block(deactivated, "Forbidden: user is deactivated");
    const subscriptions = new SqliteSubscriptionStore(join(world.dir, "c-subs.sqlite"));
    const all = [...opened, neverOpened];
    for (const id of all) await subscriptions.add(`telegram:${id}`, follow("area", province));
    const outbox = new SqliteOutbox(join(world.dir, "c-outbox.sqlite"));
    const notifier = new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox });
    const event = directiveEvent(base, {
      id: "evt_c",
      urgency: "khan",
      audiences: [{ kind: "area", code: province }],
      numberNotation: "16/CT-UBND",
      subject: "Về giãn cách xã hội",
    });
    expect((await notifier.notify(event)).queued).toBe(all.length);

    // Test code only: the platform's 429 reaching the worker once (the Telegram channel
    // waits out 429s itself, so the emulator never lets one through).
    const telegram = telegramSender(proxy.url, token);
    let limitedOnce = false;
    const sender: ChannelSender = {
      channel: "telegram",
      async send(chatId, message) {
        if (chatId === String(limitedChat) && !limitedOnce) {
          limitedOnce = true;
          throw new TelegramError({
            error_code: 429,
            description: "Too Many Requests: retry after 1",
            parameters: { retry_after: 1 },
          });
        }
        return telegram.send(chatId, message);
      },
    };
    const worker = new DeliveryWorker({
      outbox,
      senders: [sender],
      subscriptions,
      limits: { telegram: { perSecond: GLOBAL_PER_SECOND } },
      backoff: { baseMs: 100, jitter: 0 },
      maxAttempts: 4,
      pollIntervalMs: 50,
    });
    const started = Date.now();
    worker.start();
    await waitFor(() => outbox.pendingCount() === 0, 20_000, "the deliveries");
    await worker.stop();

    const tg = world.sandbox.telegram;
    const row = (id: number) => outbox.deliveries({ chatKey: `telegram:${id}` })[0];
    const statuses = (id: number) =>
      proxy
        .sendsTo(id)
        .filter((s) => s.token === token)
        .map((s) => s.status);
    for (const id of [...healthy, ...flaky, limitedChat])
      expect(tg.messages(id, { token }).map((m) => m.text)).toEqual([textOf(event)]);
    // 500 twice, then delivered, with 100 ms and 200 ms waits.
    for (const id of flaky) {
      expect(statuses(id)).toEqual([500, 500, 200]);
      expect(row(id)).toMatchObject({ status: "sent", attempts: 3 });
    }
    // 500 every time: given up after four attempts.
    expect(statuses(broken)).toEqual([500, 500, 500, 500]);
    expect(row(broken)).toMatchObject({ status: "failed", attempts: 4 });
    expect(row(broken)?.lastError).toContain("500");
    expect(tg.messages(broken, { token })).toEqual([]);
    // Blocked, deactivated or unknown chats: tried once, blocked, unsubscribed.
    for (const id of [...blockedByUser, deactivated]) expect(statuses(id)).toEqual([403]);
    expect(statuses(neverOpened)).toEqual([400]);
    for (const id of [...blockedByUser, deactivated, neverOpened]) {
      expect(row(id)).toMatchObject({ status: "blocked", attempts: 1 });
      expect(await subscriptions.list(`telegram:${id}`)).toEqual([]);
    }
    expect(row(blockedByUser[0] as number)?.lastError).toContain("bot was blocked by the user");
    expect(row(deactivated)?.lastError).toContain("user is deactivated");
    expect(row(neverOpened)?.lastError).toContain("chat not found");
    // The 429: the attempt was given back and the row waited out retry_after.
    const limitedRow = row(limitedChat);
    expect(limitedRow).toMatchObject({ status: "sent", attempts: 1 });
    expect((limitedRow?.sentAt ?? 0) - started).toBeGreaterThanOrEqual(1000);
    expect(worker.counters()).toMatchObject({
      sent: healthy.length + flaky.length + 1,
      rateLimited: 1,
      retried: flaky.length * 2 + 3,
      failed: 1,
      blocked: 4,
      deactivated: 4,
    });
    const [status] = outbox.broadcastStatus({ eventId: event.id });
    expect(status).toMatchObject({
      total: all.length,
      sent: 26,
      failed: 1,
      blocked: 4,
      done: true,
    });

    // The next directive no longer goes to the chats that blocked the bot.
    const next = directiveEvent(base, {
      id: "evt_c_next",
      urgency: "thuong",
      audiences: [{ kind: "area", code: province }],
      numberNotation: "18/CT-UBND",
      subject: "Về nới lỏng giãn cách",
    });
    expect((await notifier.notify(next)).queued).toBe(all.length - 4);
    outbox.close();
    subscriptions.close();
  }, 30_000);

  it("processes each event once: by id (even arriving twice at once) and by dossier status; stop hands claims back", async () => {
    const token = tokenFor(7_100_000_003);
    const chats = range(400_001, 20);
    openChats(world.sandbox, token, chats);
    const subscriptions = new SqliteSubscriptionStore(join(world.dir, "d-subs.sqlite"));
    for (const id of chats) await subscriptions.add(`telegram:${id}`, follow("area", province));
    const dossierCode = "000.00.12.H12-240525-0001";
    const watcher = chats[0] as number;
    await subscriptions.add(`telegram:${watcher}`, follow("dossier", dossierCode));
    const outbox = new SqliteOutbox(join(world.dir, "d-outbox.sqlite"));
    const notifier = new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox });
    const event = directiveEvent(base, {
      id: "evt_d",
      urgency: "thuong",
      audiences: [{ kind: "area", code: province }],
      numberNotation: "17/TB-UBND",
      subject: "Thông báo làm việc trực tuyến",
    });
    const [one, two] = await Promise.all([notifier.notify(event), notifier.notify(event)]);
    expect([one?.queued, two?.queued].sort()).toEqual([0, 20]);
    expect([one?.duplicate, two?.duplicate].sort()).toEqual([false, true]);
    expect(await notifier.notify(event)).toMatchObject({ delivered: 0, duplicate: true });
    expect(outbox.deliveries({ eventId: event.id })).toHaveLength(20);

    const dossierEvent = (id: string, status: "da_tiep_nhan" | "dang_xu_ly"): VnegovEvent => ({
      id,
      type: "dossier.status_changed",
      createdAt: new Date().toISOString(),
      data: {
        dossierCode,
        procedureCode: "1.004227",
        agencyCode: "000.00.12.H12",
        status,
        statusCode: status === "da_tiep_nhan" ? 2 : 4,
        previousStatus: null,
        timeliness: null,
        appointmentAt: null,
        note: null,
      },
    });
    // The webhook and the dossier watcher report the same change under different ids.
    expect((await notifier.notify(dossierEvent("evt_dossier_1", "da_tiep_nhan"))).queued).toBe(1);
    expect(await notifier.notify(dossierEvent("watch_1", "da_tiep_nhan"))).toMatchObject({
      queued: 0,
      repeated: true,
    });
    expect((await notifier.notify(dossierEvent("evt_dossier_2", "dang_xu_ly"))).queued).toBe(1);

    // A worker stopped mid-way hands back what it claimed but had not sent yet.
    const slow = new DeliveryWorker({
      outbox,
      senders: [telegramSender(proxy.url, token)],
      limits: { telegram: { perSecond: 2, headroom: 1 } },
    });
    slow.start();
    await waitFor(() => slow.counters().sent >= 1, 10_000, "a first send");
    expect(slow.counters().inFlight).toBeGreaterThan(1);
    await slow.stop();
    const rows = outbox.deliveries({ eventId: event.id });
    expect(rows.filter((r) => r.status === "sending")).toEqual([]);
    expect(rows.filter((r) => r.status === "queued").every((r) => r.attempts === 0)).toBe(true);

    const worker = new DeliveryWorker({
      outbox,
      senders: [telegramSender(proxy.url, token)],
      subscriptions,
      limits: { telegram: { perSecond: GLOBAL_PER_SECOND } },
      pollIntervalMs: 50,
    });
    worker.start();
    await waitFor(() => outbox.pendingCount() === 0, 20_000, "the deliveries");
    await worker.stop();
    for (const id of chats) {
      const texts = world.sandbox.telegram.messages(id, { token }).map((m) => m.text);
      expect(texts).toHaveLength(id === watcher ? 3 : 1);
      expect(texts[0]).toBe(textOf(event));
    }
    outbox.close();
    subscriptions.close();
  }, 30_000);
});
