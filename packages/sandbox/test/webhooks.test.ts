import { createHmac } from "node:crypto";
import type { Sandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, seededSandbox, submittableProcedures, validSubmission } from "./helpers.js";
import { type Delivery, until, webhookReceiver } from "./http-helpers.js";

/** A webhook receiver that fails the first `failures` deliveries with 500. */
const receiver = (failures = 0) => webhookReceiver(Array(failures).fill(500), 204);

let sandbox: Sandbox;
let bot: string;
let admin: string;
let procedureCode: string;

beforeAll(async () => {
  sandbox = await seededSandbox();
  bot = sandbox.credentials.bot.apiKey;
  admin = sandbox.credentials.admin.apiKey;
  procedureCode = (await submittableProcedures(sandbox, bot))[0].code;
});
afterAll(() => sandbox.close());

describe("webhook deliveries", () => {
  it("are signed with HMAC-SHA256 over timestamp.body and carry a unique event id", async () => {
    const hook = await receiver();
    const created = await call(sandbox, "/v1/webhooks", {
      key: bot,
      body: { url: hook.url, events: ["dossier.status_changed"] },
    });
    expect(created.body.secret).toMatch(/^whsec_/);
    const receipt = await call(sandbox, "/portal/v1/dossiers", {
      key: bot,
      body: await validSubmission(sandbox, bot, procedureCode),
    });
    await call(sandbox, `/portal/v1/dossiers/${receipt.body.dossier.code}/transitions`, {
      key: admin,
      body: { status: "da_tiep_nhan" },
    });
    await until(() => hook.received.length >= 2, 5000);

    const ids = new Set<string>();
    for (const delivery of hook.received) {
      const signature = String(delivery.headers["vnegov-signature"]);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature) ?? [];
      const expected = createHmac("sha256", created.body.secret)
        .update(`${t}.${delivery.raw}`)
        .digest("hex");
      expect(v1).toBe(expected);
      expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
      const event = delivery.body;
      expect(delivery.headers["vnegov-event-id"]).toBe(event.id);
      expect(event.type).toBe("dossier.status_changed");
      ids.add(event.id);
    }
    expect(ids.size).toBe(hook.received.length);
    const statuses = hook.received.map((d) => d.body.data.status);
    expect(statuses).toEqual(["moi_dang_ky", "da_tiep_nhan"]);
    await hook.close();
  });

  it("are retried with growing delays until the receiver accepts", async () => {
    const hook = await receiver(2);
    const created = await call(sandbox, "/v1/webhooks", {
      key: admin,
      body: { url: hook.url, events: ["directive.published"] },
    });
    await call(sandbox, "/docs/v1/directives", {
      key: admin,
      body: {
        numberNotation: "30/CĐ-UBND",
        type: "cong_dien",
        issuerName: "UBND tỉnh Lam Giang",
        subject: "Về ứng phó bão số 3",
        signer: { fullName: "Trần Văn Ký", position: "Chủ tịch" },
        issuedAt: "2024-05-24",
        urgency: "hoa_toc",
        audiences: [{ kind: "area", code: "99" }],
        effectiveFrom: "2024-05-24T00:00:00+07:00",
      },
    });
    await until(() => hook.received.length >= 3, 5000);
    const [first, second, third] = hook.received as [Delivery, Delivery, Delivery];
    expect(first.raw).toBe(second.raw);
    expect(second.raw).toBe(third.raw);
    // Base delay 50 ms, doubling, ±20 % jitter.
    expect(second.at - first.at).toBeGreaterThanOrEqual(35);
    expect(third.at - second.at).toBeGreaterThanOrEqual(75);
    await sandbox.flush();
    const after = await call(sandbox, `/v1/webhooks/${created.body.id}`, { key: admin });
    expect(after.body.pendingDeliveries).toBe(0);
    expect(after.body.lastDeliveryAt).not.toBeNull();
    await hook.close();
  });

  it("gives up after maxAttempts and records the last error", async () => {
    const local = await seededSandbox({
      webhooks: { baseDelayMs: 10, pollIntervalMs: 20, maxAttempts: 3 },
    });
    const hook = await receiver(100);
    const created = await call(local, "/v1/webhooks", {
      key: local.credentials.admin.apiKey,
      body: { url: hook.url, events: ["document.published"] },
    });
    await call(local, "/docs/v1/documents", {
      key: local.credentials.admin.apiKey,
      body: {
        direction: "incoming",
        numberNotation: "77/SYT-NVY",
        type: "cong_van",
        issuerName: "Sở Y tế",
        subject: "V/v thử",
        signer: { fullName: "A", position: "Giám đốc" },
        issuedAt: "2024-05-20",
      },
    });
    await until(() => hook.received.length >= 3, 5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(hook.received.length).toBe(3);
    const state = await call(local, `/v1/webhooks/${created.body.id}`, {
      key: local.credentials.admin.apiKey,
    });
    expect(state.body.pendingDeliveries).toBe(0);
    expect(state.body.lastError).toBe("HTTP 500");
    await hook.close();
    await local.close();
  });

  it("never carries another client's dossier events", async () => {
    const other = sandbox.createClient({
      name: "other",
      scopes: ["portal:read", "portal:write", "webhooks"],
    });
    const hook = await receiver();
    await call(sandbox, "/v1/webhooks", {
      key: other.apiKey,
      body: { url: hook.url, events: ["dossier.status_changed"] },
    });
    await call(sandbox, "/portal/v1/dossiers", {
      key: bot,
      body: await validSubmission(sandbox, bot, procedureCode),
    });
    const own = await call(sandbox, "/portal/v1/dossiers", {
      key: other.apiKey,
      body: await validSubmission(sandbox, other.apiKey, procedureCode),
    });
    await until(() => hook.received.length >= 1, 5000);
    await sandbox.flush();
    expect(hook.received.map((d) => d.body.data.dossierCode)).toEqual([own.body.dossier.code]);
    const feed = await call(sandbox, "/v1/events", { key: other.apiKey });
    expect(feed.body.data.map((e: any) => e.data.dossierCode)).toEqual([own.body.dossier.code]);
    await hook.close();
  });
});

describe("task deadlines", () => {
  it("emits task.due_soon once for a task due within a day", async () => {
    const due = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const task = await call(sandbox, "/docs/v1/tasks", {
      key: admin,
      body: {
        title: "Nộp báo cáo nhanh",
        assigneeId: "stf_staffsyt01",
        assignedById: "stf_staffubnd01",
        dueAt: due,
      },
    });
    expect(task.status).toBe(201);
    await sandbox.flush();
    await sandbox.flush();
    const feed = await call(sandbox, "/v1/events?types=task.due_soon&limit=100", { key: admin });
    const mine = feed.body.data.filter((e: any) => e.data.id === task.body.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].data).toMatchObject({ title: "Nộp báo cáo nhanh", overdue: false });
  });
});

describe("the event feed", () => {
  it("resumes after a known event id without gaps or repeats", async () => {
    const all = await call(sandbox, "/v1/events?limit=100", { key: admin });
    expect(all.body.data.length).toBeGreaterThan(3);
    const pivot = all.body.data[1].id;
    const rest = await call(sandbox, `/v1/events?after=${pivot}&limit=100`, { key: admin });
    expect(rest.body.data.map((e: any) => e.id)).toEqual(
      all.body.data.slice(2).map((e: any) => e.id),
    );
    const typed = await call(sandbox, "/v1/events?types=directive.published", { key: admin });
    expect(typed.body.data.every((e: any) => e.type === "directive.published")).toBe(true);
  });
});
