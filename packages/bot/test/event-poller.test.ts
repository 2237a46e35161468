import { join } from "node:path";
import type { Directive, DirectiveInput } from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventPoller, SqliteSubscriptionStore } from "../src/index.js";
import { OutboxNotifier, SqliteOutbox } from "../src/notify/outbox/index.js";
import { startWorld, type World } from "./telegram-harness.js";

let world: World;
let subscriptions: SqliteSubscriptionStore;

beforeAll(async () => {
  world = await startWorld();
  subscriptions = new SqliteSubscriptionStore(":memory:");
  await subscriptions.add("telegram:4242", { kind: "area", code: "99", name: "Huyện" });
});

afterAll(async () => {
  subscriptions?.close();
  await world?.close();
});

const publish = (numberNotation: string): Promise<Directive> => {
  const input: DirectiveInput = {
    numberNotation,
    type: "thong_bao",
    issuerName: "UBND tỉnh Lam Giang",
    subject: "Về lịch tiếp công dân",
    signer: { fullName: "Trần Văn Ký", position: "Chủ tịch" },
    issuedAt: "2026-11-23",
    urgency: "thuong",
    audiences: [{ kind: "area", code: "99" }],
    effectiveFrom: "2026-11-23T00:00:00+07:00",
  };
  return world.admin.docs.directives.publish(input);
};

/** The directive numbers the outbox has broadcasts for. */
const broadcastLabels = (outbox: SqliteOutbox) =>
  outbox.broadcastStatus({ limit: 100 }).map((b) => b.label.split(" ")[0]);

describe("EventPoller (the webhook fallback)", () => {
  it("skips history on a first run, then picks up what happened while the bot was down, once", async () => {
    const file = join(world.dir, "poller-outbox.sqlite");
    let outbox = new SqliteOutbox(file);
    const poller = (o: SqliteOutbox) =>
      new EventPoller({
        sdk: world.sdk,
        notifier: new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox: o }),
        cursor: o.cursor("events"),
      });

    // Published before the bot was ever set up: not replayed.
    await publish("01/TB-UBND");
    const first = poller(outbox);
    expect(await first.poll()).toBe(0);
    expect(await outbox.cursor("events").read()).toMatch(/\S/);

    await publish("02/TB-UBND");
    expect(await first.poll()).toBe(1);
    expect(broadcastLabels(outbox)).toEqual(["02/TB-UBND"]);
    // Nothing new: nothing notified, the cursor stays.
    const cursor = await outbox.cursor("events").read();
    expect(await first.poll()).toBe(0);
    expect(await outbox.cursor("events").read()).toBe(cursor);

    // The bot goes down; two directives are published meanwhile; it starts again.
    outbox.close();
    await publish("03/TB-UBND");
    await publish("04/TB-UBND");
    outbox = new SqliteOutbox(file);
    const restarted = poller(outbox);
    expect(await restarted.poll()).toBe(2);
    expect(broadcastLabels(outbox).sort()).toEqual(["02/TB-UBND", "03/TB-UBND", "04/TB-UBND"]);
    expect(outbox.deliveries({ chatKey: "telegram:4242" })).toHaveLength(3);

    // A webhook that brought an event already: the feed's copy is dropped by its id.
    await publish("05/TB-UBND");
    const [event] = await world.sdk.events
      .list({ after: (await outbox.cursor("events").read()) ?? "", types: ["directive.published"] })
      .toArray();
    if (!event) throw new Error("the feed has no new event");
    await new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox }).notify(event);
    expect(await restarted.poll()).toBe(1);
    expect(outbox.deliveries({ chatKey: "telegram:4242" })).toHaveLength(4);
    outbox.close();
  });

  it("polls on a timer until stopped, and reports a failing feed without stopping", async () => {
    const outbox = new SqliteOutbox(join(world.dir, "poller-timer.sqlite"));
    const errors: unknown[] = [];
    const poller = new EventPoller({
      sdk: world.sdk,
      notifier: new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox }),
      cursor: {
        // The second read fails (a locked disk, a Redis blip); later ones work again.
        read: (() => {
          let reads = 0;
          return async () => {
            reads += 1;
            if (reads === 2) throw new Error("cursor unavailable");
            return outbox.cursor("events").read();
          };
        })(),
        write: (id) => outbox.cursor("events").write(id),
      },
      intervalMs: 50,
      onError: (error) => errors.push(error),
    });
    poller.start();
    await new Promise((r) => setTimeout(r, 200));
    await publish("06/TB-UBND");
    const deadline = Date.now() + 5000;
    while (!broadcastLabels(outbox).includes("06/TB-UBND") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await poller.stop();
    expect(broadcastLabels(outbox)).toEqual(["06/TB-UBND"]);
    expect(errors.map((e) => (e as Error).message)).toEqual(["cursor unavailable"]);
    outbox.close();
  });
});
