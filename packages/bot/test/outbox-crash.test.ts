import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteSubscriptionStore } from "../src/index.js";
import { OutboxNotifier, SqliteOutbox } from "../src/notify/outbox/index.js";
import {
  directiveEvent,
  openChats,
  sampleDirective,
  tokenFor,
  waitFor,
} from "./helpers/outbox-fixtures.js";
import { startTelegramProxy, type TelegramProxy } from "./helpers/outbox-proxy.js";
import { startWorld, type World } from "./telegram-harness.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const GLOBAL_PER_SECOND = 100;
const LEASE_MS = 1000;

let world: World;
let proxy: TelegramProxy;
const children: ChildProcess[] = [];

beforeAll(async () => {
  world = await startWorld();
  world.sandbox.telegram.setRateLimits({ globalPerSecond: GLOBAL_PER_SECOND });
  proxy = await startTelegramProxy(world.sandbox.url);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await proxy?.close();
  await world?.close();
});

interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts the worker script in its own process; resolves once it is delivering. Node runs it
 * with tsx as a loader (not the tsx CLI, which would put a wrapper process in between and
 * take the SIGKILL in the worker's place).
 */
async function startWorker(args: string[]): Promise<Child> {
  const child = spawn(
    process.execPath,
    ["--conditions=source", "--import", "tsx", "test/helpers/outbox-worker.ts", ...args],
    // stdin stays open: the worker exits when it closes, so a dying test leaves no orphan.
    { cwd: packageDir, stdio: ["pipe", "pipe", "pipe"] },
  );
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`worker exited:\n${output}`);
      return output.includes("ready");
    },
    30_000,
    "the worker process",
  );
  return { process: child, output: () => output, exited };
}

describe("outbox crash safety", () => {
  it("kill -9 twice mid-broadcast, restart: nobody lost, repeats only for sends the platform took before the kill", async () => {
    const token = tokenFor(7_100_000_010);
    const chats = [
      ...Array.from({ length: 290 }, (_, i) => 600_001 + i),
      ...Array.from({ length: 10 }, (_, i) => -700_001 - i),
    ];
    openChats(world.sandbox, token, chats);
    const areas = await world.sdk.docs.areas.list({ limit: 100 }).toArray();
    const province = areas.find((a) => a.level === "tinh")?.code ?? "";
    const subscriptionsPath = join(world.dir, "crash-subs.sqlite");
    const outboxPath = join(world.dir, "crash-outbox.sqlite");
    const subscriptions = new SqliteSubscriptionStore(subscriptionsPath);
    for (const id of chats)
      await subscriptions.add(`telegram:${id}`, { kind: "area", code: province, name: "Tỉnh" });
    const outbox = new SqliteOutbox(outboxPath);
    const notifier = new OutboxNotifier({ sdk: world.sdk, subscriptions, outbox });
    const event = directiveEvent(await sampleDirective(world.sdk), {
      id: "evt_crash",
      urgency: "thuong_khan",
      audiences: [{ kind: "area", code: province }],
      numberNotation: "05/CĐ-UBND",
      subject: "Công điện về phòng, chống bão số 9",
    });
    expect((await notifier.notify(event)).queued).toBe(chats.length);

    const args = [
      outboxPath,
      subscriptionsPath,
      proxy.url,
      token,
      String(GLOBAL_PER_SECOND),
      String(LEASE_MS),
    ];
    const tg = world.sandbox.telegram;
    const received = (chatId: string | number) => tg.messages(Number(chatId), { token }).length;
    const status = () => {
      const [s] = outbox.broadcastStatus({ eventId: event.id });
      if (!s) throw new Error("no status");
      return s;
    };

    /** Kills a worker with SIGKILL once `sentAtLeast` rows are marked sent; measures the window. */
    async function killAt(sentAtLeast: number) {
      const worker = await startWorker(args);
      await waitFor(() => status().sent >= sentAtLeast, 30_000, `${sentAtLeast} sent`);
      worker.process.kill("SIGKILL");
      await worker.exited;
      // Let requests already on their way reach the emulator.
      await new Promise((r) => setTimeout(r, 200));
      const rows = outbox.deliveries({ eventId: event.id });
      const held = rows.filter((r) => r.status === "sending");
      // Every sent mark matches a message the platform took (nothing marked before sending).
      const markedUnsent = rows.filter((r) => r.status === "sent" && received(r.chatId) === 0);
      return {
        sentMarked: rows.filter((r) => r.status === "sent").length,
        // Claimed by the dead worker: in its limiter queue or on the wire.
        heldAtKill: held.length,
        // The window: the platform took these, the kill came before their sent mark.
        tookButUnmarked: held.filter((r) => received(r.chatId) > 0).length,
        markedUnsent: markedUnsent.length,
      };
    }

    const first = await killAt(80);
    const second = await killAt(180);
    const last = await startWorker(args);
    await waitFor(() => status().done, 40_000, "the broadcast to finish");
    last.process.kill("SIGTERM");
    expect(await last.exited).toBe(0);

    let lost = 0;
    let repeated = 0;
    for (const id of chats) {
      const count = received(id);
      if (count === 0) lost += 1;
      repeated += Math.max(0, count - 1);
    }
    const window = first.tookButUnmarked + second.tookButUnmarked;
    console.log(
      `[outbox crash] kill 1: ${first.sentMarked} marked sent, ${first.heldAtKill} rows held, ` +
        `${first.tookButUnmarked} taken but unmarked; kill 2: ${second.sentMarked} marked, ` +
        `${second.heldAtKill} held, ${second.tookButUnmarked} unmarked; final: lost ${lost}, ` +
        `repeated ${repeated}, 429s ${proxy.tooManyRequests()}`,
    );
    expect(lost).toBe(0);
    expect(first.markedUnsent + second.markedUnsent).toBe(0);
    // Every repeat is a send a kill caught in the window, and those were among the rows the
    // dead worker held: never more duplicates than sends in flight at the kill.
    expect(repeated).toBe(window);
    expect(first.tookButUnmarked).toBeLessThanOrEqual(first.heldAtKill);
    expect(second.tookButUnmarked).toBeLessThanOrEqual(second.heldAtKill);
    expect(status()).toMatchObject({ total: chats.length, sent: chats.length, done: true });
    expect(proxy.tooManyRequests()).toBe(0);
    outbox.close();
    subscriptions.close();
  }, 90_000);
});
