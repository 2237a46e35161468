import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PRIORITY, SqliteOutbox } from "../src/notify/outbox/index.js";

const dir = mkdtempSync(join(tmpdir(), "vnegov-outbox-store-"));
let files = 0;
const open = () => new SqliteOutbox(join(dir, `outbox-${++files}.sqlite`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = 1_700_000_000_000;
const message = (text: string) => ({ text });
const recipients = (keys: string[], text = "tin") =>
  keys.map((chatKey) => ({ chatKey, message: message(text) }));
const telegramGap = (chatId: string) => (chatId.startsWith("-") ? 3000 : 1000);
const claim = (outbox: SqliteOutbox, owner: string, limit: number, now: number, leaseMs = 5000) =>
  outbox.claim({ channel: "telegram", owner, limit, leaseMs, chatIntervalMs: telegramGap, now });

describe("SqliteOutbox", () => {
  it("writes an event and its rows in one transaction, once per event id", () => {
    const outbox = open();
    const event = { id: "evt_1", type: "directive.published", priority: 0, label: "15/CT-TTg" };
    const first = outbox.enqueue({
      event,
      recipients: recipients(["telegram:1", "telegram:2", "zalo:abc"]),
      now: T0,
    });
    expect(first).toEqual({ duplicate: false, repeated: false, queued: 3 });
    const again = outbox.enqueue({ event, recipients: recipients(["telegram:3"]), now: T0 });
    expect(again).toEqual({ duplicate: true, repeated: false, queued: 0 });
    const rows = outbox.deliveries({ eventId: "evt_1" });
    expect(rows.map((r) => r.idempotencyKey)).toEqual([
      "evt_1:telegram:1",
      "evt_1:telegram:2",
      "evt_1:zalo:abc",
    ]);
    expect(rows.every((r) => r.status === "queued" && r.attempts === 0)).toBe(true);
    expect(rows[2]).toMatchObject({ channel: "zalo", chatId: "abc" });

    // A recipient that cannot be stored rolls the whole fan-out back: no event, no rows.
    expect(() =>
      outbox.enqueue({
        event: { ...event, id: "evt_2" },
        recipients: recipients(["telegram:7", "not-a-chat-key"]),
        now: T0,
      }),
    ).toThrow(/chat key/);
    expect(outbox.hasEvent("evt_2")).toBe(false);
    expect(outbox.deliveries({ chatKey: "telegram:7" })).toEqual([]);
    outbox.close();
  });

  it("hands each claimed row its own message, however many different ones a broadcast holds", () => {
    const outbox = open();
    // Twenty distinct texts (more than the decoder remembers), in turn, and one attachment.
    const texts = Array.from({ length: 20 }, (_, i) => `Thông báo số ${i}: hồ sơ đã có kết quả.`);
    const attachment = {
      fileName: "ket-qua.pdf",
      contentType: "application/pdf",
      data: new Uint8Array([37, 80, 68, 70]),
    };
    outbox.enqueue({
      event: { id: "evt_texts", type: "directive.published", priority: 0 },
      recipients: [
        ...Array.from({ length: 60 }, (_, i) => ({
          chatKey: `telegram:${i + 1}`,
          message: message(texts[i % texts.length] as string),
        })),
        { chatKey: "telegram:61", message: { text: "Kết quả", attachment } },
      ],
      now: T0,
    });
    const claimed = claim(outbox, "w1", 100, T0);
    expect(claimed).toHaveLength(61);
    for (const row of claimed) {
      const n = Number(row.chatId);
      if (n === 61) expect(row.message).toEqual({ text: "Kết quả", attachment });
      else expect(row.message).toEqual({ text: texts[(n - 1) % texts.length] });
    }
    outbox.close();
  });

  it("refuses a page cache that is not a whole number of KiB (64 or more), before opening", () => {
    for (const cacheKiB of [Number.NaN, -1, 0, 63, 100.5, Number.POSITIVE_INFINITY])
      expect(() => new SqliteOutbox(join(dir, "never-made.sqlite"), { cacheKiB })).toThrow(
        /cacheKiB must be a whole number of KiB, 64 or more/,
      );
    expect(existsSync(join(dir, "never-made.sqlite"))).toBe(false);
    const outbox = new SqliteOutbox(join(dir, `outbox-${++files}.sqlite`), { cacheKiB: 64 });
    expect(
      outbox.enqueue({
        event: { id: "e", type: "t", priority: 0 },
        recipients: recipients(["telegram:1"]),
        now: T0,
      }),
    ).toMatchObject({ queued: 1 });
    outbox.close();
  });

  it("skips a repeated state (the same dossier status under another event id)", () => {
    const outbox = open();
    const state = { key: "dossier:000.00.12.H12-240525-0001", value: "da_tiep_nhan" };
    const at = (id: string) => ({
      event: { id, type: "dossier.status_changed", priority: 0 },
      recipients: recipients(["telegram:1"]),
      state,
    });
    expect(outbox.enqueue(at("evt_webhook")).queued).toBe(1);
    expect(outbox.enqueue(at("watch_x")).repeated).toBe(true);
    expect(outbox.hasEvent("watch_x")).toBe(true);
    expect(
      outbox.enqueue({ ...at("evt_next"), state: { ...state, value: "dang_xu_ly" } }).queued,
    ).toBe(1);
    outbox.close();
  });

  it("claims the most urgent first, one row per chat, and keeps each chat's gap", () => {
    const outbox = open();
    outbox.enqueue({
      event: { id: "routine", type: "directive.published", priority: PRIORITY.routine },
      recipients: recipients(["telegram:1", "telegram:2", "telegram:-5"], "routine"),
      now: T0,
    });
    outbox.enqueue({
      event: { id: "urgent", type: "directive.published", priority: PRIORITY.hoaToc },
      recipients: recipients(["telegram:1", "telegram:-5"], "urgent"),
      now: T0 + 1,
    });
    const first = claim(outbox, "a", 10, T0 + 10);
    // Urgent rows first; chats 1 and -5 already have one row each in this claim.
    expect(first.map((r) => [r.chatKey, r.message.text])).toEqual([
      ["telegram:1", "urgent"],
      ["telegram:-5", "urgent"],
      ["telegram:2", "routine"],
    ]);
    expect(first.every((r) => r.attempts === 1 && r.leaseUntil === T0 + 5010)).toBe(true);
    // In flight: nothing more for those chats.
    expect(claim(outbox, "a", 10, T0 + 20)).toEqual([]);
    for (const row of first)
      outbox.markSent(row.id, {
        owner: "a",
        chatKey: row.chatKey,
        chatIntervalMs: telegramGap(row.chatId),
        now: T0 + 100,
      });
    // The private chat's gap is 1 s, the group's 3 s.
    expect(claim(outbox, "a", 10, T0 + 1050)).toEqual([]);
    expect(claim(outbox, "a", 10, T0 + 1100).map((r) => r.chatKey)).toEqual(["telegram:1"]);
    expect(claim(outbox, "a", 10, T0 + 3000)).toEqual([]);
    expect(claim(outbox, "a", 10, T0 + 3100).map((r) => r.chatKey)).toEqual(["telegram:-5"]);
    outbox.close();
  });

  it("marks a group of sends in one commit, each once, and paces their chats from their own time", () => {
    const outbox = open();
    outbox.enqueue({
      event: { id: "g", type: "directive.published", priority: 0 },
      recipients: recipients(["telegram:1", "telegram:2", "telegram:3"]),
      now: T0,
    });
    const rows = claim(outbox, "W", 3, T0 + 1);
    const marks = rows.map((r, i) => ({
      id: r.id,
      owner: "W",
      chatKey: r.chatKey,
      chatIntervalMs: 1000,
      now: T0 + 10 + i,
    }));
    expect(outbox.markSentMany(marks)).toBe(3);
    expect(rows.map((r) => outbox.delivery(r.id)?.status)).toEqual(["sent", "sent", "sent"]);
    // Marked again (a late duplicate of the group): nothing changes.
    expect(outbox.markSentMany(marks)).toBe(0);
    // The chats are free again, each after its own send's gap.
    outbox.enqueue({
      event: { id: "g2", type: "directive.published", priority: 0 },
      recipients: recipients(["telegram:1", "telegram:3"]),
      now: T0 + 20,
    });
    expect(claim(outbox, "W", 5, T0 + 1010)).toHaveLength(1);
    expect(claim(outbox, "W", 5, T0 + 1012).map((r) => r.chatKey)).toEqual(["telegram:3"]);
    outbox.close();
  });

  it("gives a dead worker's claims to another after the lease, never while it is held", () => {
    const path = join(dir, "shared.sqlite");
    const a = new SqliteOutbox(path);
    const b = new SqliteOutbox(path);
    a.enqueue({
      event: { id: "e", type: "directive.published", priority: 0 },
      recipients: recipients(Array.from({ length: 40 }, (_, i) => `telegram:${i + 1}`)),
      now: T0,
    });
    // Two processes claiming in turns never share a row.
    const byA = claim(a, "A", 15, T0 + 10);
    const byB = claim(b, "B", 15, T0 + 10);
    const ids = new Set([...byA, ...byB].map((r) => r.id));
    expect(ids.size).toBe(30);
    // Both renew (they are alive) and keep their rows past the first lease end.
    expect(a.renew("A", 5000, T0 + 4000).size).toBe(15);
    expect(b.renew("B", 5000, T0 + 4000).size).toBe(15);
    expect(claim(b, "B2", 40, T0 + 6000).map((r) => r.id)).toHaveLength(10);
    expect(b.renew("B", 5000, T0 + 8000).size).toBe(15);
    // A dies: its rows come back once its lease ends, with the attempt counted, but each chat
    // only a gap after the hold ended (A may have sent just before dying).
    expect(claim(b, "B3", 40, T0 + 9001)).toHaveLength(0);
    const taken = claim(b, "B3", 40, T0 + 9000 + telegramGap("1"));
    expect(new Set(taken.map((r) => r.id))).toEqual(new Set(byA.map((r) => r.id)));
    expect(taken.every((r) => r.attempts === 2)).toBe(true);
    // A waking up late holds nothing any more; its late "sent" still counts.
    expect(a.renew("A", 5000, T0 + 10_002).size).toBe(0);
    const late = byA[0];
    if (!late) throw new Error("no row");
    expect(
      a.markSent(late.id, {
        owner: "A",
        chatKey: late.chatKey,
        chatIntervalMs: 1000,
        now: T0 + 10_003,
      }),
    ).toBe(true);
    expect(a.delivery(late.id)?.status).toBe("sent");
    // Released rows go back with their attempt refunded.
    const unsent = byB.slice(0, 3).map((r) => r.id);
    expect(b.release("B", unsent, T0 + 10_004)).toBe(3);
    expect(unsent.map((id) => b.delivery(id)?.attempts)).toEqual([0, 0, 0]);
    a.close();
    b.close();
  });

  it("reports a broadcast's progress, rate and ETA, and Prometheus gauges", () => {
    const outbox = open();
    outbox.enqueue({
      event: { id: "bc", type: "directive.published", priority: 30, label: "04/CĐ-UBND" },
      recipients: recipients(Array.from({ length: 100 }, (_, i) => `telegram:${i + 1}`)),
      now: T0,
    });
    const [idle] = outbox.broadcastStatus({ now: T0 + 10 });
    expect(idle).toMatchObject({
      eventId: "bc",
      total: 100,
      queued: 100,
      etaMs: undefined,
      done: false,
    });
    const rows = claim(outbox, "w", 40, T0 + 1000);
    rows.forEach((row, i) => {
      if (i < 30)
        outbox.markSent(row.id, {
          owner: "w",
          chatKey: row.chatKey,
          chatIntervalMs: 1000,
          now: T0 + 1000 + i * 100,
        });
    });
    const [status] = outbox.broadcastStatus({ now: T0 + 4000 });
    // 30 sent between T0+1000 and T0+3900: 30 / 3 s = 10 a second, 70 left → 7 s.
    expect(status).toMatchObject({ total: 100, queued: 60, sending: 10, sent: 30, done: false });
    expect(status?.ratePerSecond).toBeCloseTo(10, 5);
    expect(status?.etaMs).toBe(7000);
    const text = outbox.metrics(T0 + 4000);
    expect(text).toContain("# HELP vnegov_outbox_deliveries ");
    expect(text).toContain("# TYPE vnegov_outbox_deliveries gauge");
    expect(text).toContain('vnegov_outbox_deliveries{channel="telegram",status="sent"} 30');
    expect(text).toContain('vnegov_outbox_deliveries{channel="telegram",status="queued"} 60');
    expect(text).toContain("vnegov_outbox_events 1");
    expect(text).toContain('vnegov_outbox_sent_last_minute{channel="telegram"} 30');
    outbox.close();
  });
});
