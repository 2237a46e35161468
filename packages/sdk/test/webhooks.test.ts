import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  constructEvent,
  SignatureVerificationError,
  Vnegov,
  type VnegovEvent,
} from "../src/index.js";

let sandbox: Sandbox;
let client: Vnegov;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
    webhooks: { pollIntervalMs: 50 },
  });
  client = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.admin.apiKey } });
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});

describe("constructEvent", () => {
  it("verifies real deliveries from the sandbox and narrows the event type", async () => {
    const received: { body: string; headers: IncomingHttpHeaders }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ body, headers: req.headers });
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const hook = await client.webhooks.create({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      events: ["dossier.status_changed"],
    });
    const code = sandbox.samples.moi_dang_ky?.[0]?.code as string;
    await client.portal.dossiers.transition(code, { status: "da_tiep_nhan", note: "Tiếp nhận" });
    for (let i = 0; i < 100 && received.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    const delivery = received[0];
    expect(delivery).toBeDefined();
    const event: VnegovEvent = client.webhooks.constructEvent(
      delivery?.body as string,
      delivery?.headers ?? {},
      hook.secret,
    );
    if (event.type !== "dossier.status_changed") throw new Error(`unexpected ${event.type}`);
    expect(event.data).toMatchObject({
      dossierCode: code,
      status: "da_tiep_nhan",
      previousStatus: "moi_dang_ky",
    });

    const headers = delivery?.headers ?? {};
    expect(() => constructEvent(`${delivery?.body} `, headers, hook.secret)).toThrow(
      SignatureVerificationError,
    );
    expect(() => constructEvent(delivery?.body as string, headers, "whsec_other")).toThrow(
      SignatureVerificationError,
    );
    expect(() =>
      constructEvent(delivery?.body as string, headers, hook.secret, {
        now: Date.now() + 10 * 60_000,
      }),
    ).toThrow(/old/);
    expect(() => constructEvent(delivery?.body as string, {}, hook.secret)).toThrow(/missing/);
    expect(() =>
      constructEvent(delivery?.body as string, { "vnegov-signature": "garbage" }, hook.secret),
    ).toThrow(/malformed/);
    server.close();
  });
});
