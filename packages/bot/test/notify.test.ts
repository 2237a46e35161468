import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BotEngine,
  type ChannelSender,
  createEventWebhook,
  DirectNotifier,
  DossierWatcher,
  type OutgoingMessage,
  SqliteSessionStorage,
  SqliteSubscriptionStore,
} from "../src/index.js";

/** A channel that keeps what it was asked to deliver, as a chat platform would show it. */
class InboxChannel implements ChannelSender {
  readonly channel = "telegram" as const;
  readonly inbox = new Map<string, OutgoingMessage[]>();
  async send(chatId: string, message: OutgoingMessage): Promise<void> {
    this.inbox.set(chatId, [...(this.inbox.get(chatId) ?? []), message]);
  }
  texts(chatId: string): string[] {
    return (this.inbox.get(chatId) ?? []).map((m) => m.text);
  }
}

let sandbox: Sandbox;
let sdk: Vnegov;
let admin: Vnegov;
let server: ReturnType<typeof serve>;
const sessions = new SqliteSessionStorage(":memory:");
const subscriptions = new SqliteSubscriptionStore(":memory:");
const telegram = new InboxChannel();
let bot: BotEngine;
let notifier: DirectNotifier;

const say = async (chatId: string, text: string, action?: string) =>
  (await bot.handle({ channel: "telegram", chatId, userId: chatId, text, action }))
    .map((m) => m.text)
    .join("\n");

/** Waits for the sandbox's webhook deliveries to reach the receiver. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await sandbox.flush();
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(check()).toBe(true);
}

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
    webhooks: { baseDelayMs: 10, maxDelayMs: 50 },
  });
  sdk = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
  admin = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.admin.apiKey } });
  bot = new BotEngine({ sdk, storage: sessions, subscriptions });
  notifier = new DirectNotifier({ sdk, senders: [telegram], subscriptions, sessions });
  let handler: (request: Request) => Promise<Response> = async () => new Response(null);
  server = serve({ fetch: (request) => handler(request), hostname: "127.0.0.1", port: 0 });
  await new Promise((r) => server.once("listening", r));
  const hook = await sdk.webhooks.create({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/vnegov`,
    events: ["task.assigned", "task.due_soon", "directive.published", "dossier.status_changed"],
  });
  handler = createEventWebhook({ secret: hook.secret, notifier });
});
afterAll(async () => {
  server.close();
  sessions.close();
  subscriptions.close();
  await sdk.close();
  await admin.close();
  await sandbox.close();
});

describe("notifications", () => {
  it("tells a linked staff member about a task assigned to them, with a button to open it", async () => {
    const staffId = "stf_staffsnv02";
    const { code } = await admin.docs.staff.createLinkCode(staffId);
    expect(await say("staff-1", `/lienket ${code}`)).toContain("Đã liên kết");
    const task = await admin.docs.tasks.create({
      title: "Tổng hợp báo cáo phòng chống thiên tai",
      assigneeId: staffId,
      assignedById: "stf_staffubnd01",
      dueAt: "2024-06-03T17:00:00+07:00",
    });
    await until(() => telegram.texts("staff-1").length > 0);
    const [message] = telegram.inbox.get("staff-1") ?? [];
    expect(message?.text).toContain("Công việc mới: Tổng hợp báo cáo phòng chống thiên tai");
    expect(message?.text).toContain("Hạn: 03/06/2024 17:00");
    expect(message?.buttons?.[0]?.[0]?.action).toBe(`task:${task.id}`);
    // The button opens the task in the same chat.
    expect(await say("staff-1", "", `task:${task.id}`)).toContain("Tiến độ: 0%");
  });

  it("sends directives to followers of the addressed area and of areas within it, in their language", async () => {
    await say("province", "", "dir:follow:99");
    await say("ward", "/lang en");
    await say("ward", "", "dir:follow:99001");
    await say("other-district", "", "dir:follow:991");
    await admin.docs.directives.publish({
      numberNotation: "31/CĐ-UBND",
      type: "cong_dien",
      issuerName: "UBND thành phố Lam Giang",
      subject: "Về ứng phó áp thấp nhiệt đới",
      signer: { fullName: "Trần Văn Ký", position: "Chủ tịch" },
      issuedAt: "2024-05-24",
      urgency: "hoa_toc",
      audiences: [{ kind: "area", code: "990" }],
      effectiveFrom: "2024-05-24T00:00:00+07:00",
    });
    await until(() => telegram.texts("ward").length > 0);
    expect(telegram.texts("ward")[0]).toContain("📢 [IMMEDIATE] 31/CĐ-UBND: Về ứng phó áp thấp");
    expect(telegram.texts("ward")[0]).toContain("Issued on 24 May 2024 — UBND thành phố Lam Giang");
    // The province follower and another district's follower are not addressed.
    expect(telegram.texts("province")).toEqual([]);
    expect(telegram.texts("other-district")).toEqual([]);
  });

  it("reports a followed dossier's new status once, whether the watcher or a webhook sees it", async () => {
    const sample = sandbox.samples.da_tiep_nhan?.[0];
    if (!sample) throw new Error("no sample");
    const lookup = await bot.handle({
      channel: "telegram",
      chatId: "citizen",
      userId: "citizen",
      text: `/tracuu ${sample.code} ${sample.secret}`,
    });
    const follow = lookup[0]?.buttons?.[0]?.[0];
    expect(follow?.action).toBe(`dw:follow:${sample.code}:${sample.secret}`);
    expect(await say("citizen", "", follow?.action)).toContain("Đã theo dõi hồ sơ");

    const watcher = new DossierWatcher({ portal: sdk.portal, subscriptions, notifier });
    await watcher.check();
    expect(telegram.texts("citizen")).toEqual([]);
    await admin.portal.dossiers.transition(sample.code, {
      status: "dang_xu_ly",
      note: "Chuyển phòng chuyên môn",
    });
    await watcher.check();
    await watcher.check();
    expect(telegram.texts("citizen")).toEqual([
      `Hồ sơ ${sample.code} đã chuyển sang trạng thái: Đang xử lý.\nNgày hẹn trả: ${
        /Ngày hẹn trả: (.+)/.exec(lookup[0]?.text ?? "")?.[1]
      }`,
    ]);
  });

  it("refuses forged webhook deliveries", async () => {
    const handler = createEventWebhook({ secret: "whsec_real", notifier });
    const forged = await handler(
      new Request("http://bot/hooks/vnegov", {
        method: "POST",
        headers: { "vnegov-signature": `t=${Math.floor(Date.now() / 1000)},v1=00` },
        body: JSON.stringify({ id: "evt_x", type: "task.assigned", data: {} }),
      }),
    );
    expect(forged.status).toBe(400);
    const unsigned = await handler(
      new Request("http://bot/hooks/vnegov", { method: "POST", body: "{}" }),
    );
    expect(unsigned.status).toBe(400);
  });
});
