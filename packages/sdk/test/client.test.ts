import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  buildEdxml,
  ConflictError,
  ConnectionError,
  type DossierHistoryEntry,
  documentToEdxml,
  edxmlToDocumentInput,
  NotFoundError,
  PermissionError,
  parseEdxml,
  RateLimitError,
  type RetryEvent,
  ServerError,
  TimeoutError,
  ValidationError,
  Vnegov,
} from "../src/index.js";

const REFERENCE_DATE = new Date("2024-05-24T12:00:00+07:00");
let sandbox: Sandbox;
let bot: Vnegov;
let admin: Vnegov;
const retries: RetryEvent[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: REFERENCE_DATE,
    rateLimits: { requestsPerSecond: 10_000 },
  });
  bot = new Vnegov({
    baseURL: sandbox.url,
    auth: { apiKey: sandbox.credentials.bot.apiKey },
    retry: { baseDelayMs: 20 },
    hooks: { onRetry: (e) => retries.push(e) },
  });
  admin = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.admin.apiKey } });
});
afterAll(async () => {
  await bot.close();
  await admin.close();
  await sandbox.close();
});

/** A submission the first fillable procedure accepts. */
async function submission() {
  for await (const summary of bot.portal.procedures.search({ limit: 100 })) {
    if (summary.onlineLevel === "thong_tin") continue;
    const procedure = await bot.portal.procedures.get(summary.code);
    if (procedure.formSchema.fields.some((f) => f.pattern || f.type === "file")) continue;
    const formData: Record<string, string | number> = {};
    for (const f of procedure.formSchema.fields) {
      formData[f.key] =
        f.type === "number"
          ? (f.minimum ?? 1)
          : f.type === "date"
            ? "1990-01-15"
            : f.type === "select"
              ? (f.options?.[0]?.value ?? "")
              : f.type === "cccd"
                ? "001190012345"
                : f.type === "phone"
                  ? "0912345678"
                  : f.type === "email"
                    ? "a@example.com"
                    : "Nội dung";
    }
    return {
      procedureCode: procedure.code,
      applicant: {
        type: "cong_dan" as const,
        fullName: "Trần Thị Thử",
        idNumber: "079203004567",
        phone: "0387654321",
      },
      formData,
    };
  }
  throw new Error("no fillable procedure");
}

describe("resources against the sandbox", () => {
  it("searches procedures without diacritics and reads one with its form schema", async () => {
    const page = await bot.portal.procedures.search({ q: "khai sinh" });
    expect(page.data[0]?.name).toContain("khai sinh");
    const procedure = await bot.portal.procedures.get(page.data[0]?.code as string);
    expect(procedure.formSchema.fields.length).toBeGreaterThan(0);
  });

  it("submits, looks up with the secret, and maps a wrong secret to NotFoundError", async () => {
    const receipt = await bot.portal.dossiers.submit(await submission());
    const dossier = await bot.portal.dossiers.get(receipt.dossier.code, {
      secret: receipt.verificationSecret,
    });
    expect(dossier.status).toBe("moi_dang_ky");
    const error = await bot.portal.dossiers
      .get(receipt.dossier.code, { secret: "WRONG1" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: "not_found",
      requestId: expect.stringMatching(/^req_/),
    });
    const history = await bot.portal.dossiers
      .history(receipt.dossier.code, { secret: receipt.verificationSecret })
      .toArray();
    expect(history.map((h) => h.status)).toEqual(["moi_dang_ky"]);
  });

  it("includes the latest history in a look-up when asked, and only then", async () => {
    // A dossier that went back and forth has more steps than a look-up includes.
    let done = { code: "", secret: "" };
    let all: DossierHistoryEntry[] = [];
    for (const sample of sandbox.samples.da_tra_ket_qua ?? []) {
      done = sample;
      all = await bot.portal.dossiers.history(done.code, { secret: done.secret }).toArray();
      if (all.length > 5) break;
    }
    expect(all.length).toBeGreaterThan(5);
    const withHistory = await bot.portal.dossiers.get(done.code, {
      secret: done.secret,
      include: "recentHistory",
    });
    expect(withHistory.recentHistory).toEqual(all.slice(-5));
    const plain = await bot.portal.dossiers.get(done.code, { secret: done.secret });
    expect(plain).not.toHaveProperty("recentHistory");
    await expect(
      bot.portal.dossiers.get(done.code, { secret: "WRONG1", include: "recentHistory" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      bot.portal.dossiers.get(done.code, {
        secret: done.secret,
        include: "all" as "recentHistory",
      }),
    ).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ field: "include" })] });
  });

  it("tells hooks the route, status and timing, never keys, secrets or identifiers", async () => {
    const events: unknown[] = [];
    const watched = new Vnegov({
      baseURL: sandbox.url,
      auth: { apiKey: sandbox.credentials.bot.apiKey },
      hooks: {
        onRequest: (e) => events.push(e),
        onResponse: (e) => events.push(e),
        onRetry: (e) => events.push(e),
      },
    });
    const sample = sandbox.samples.dang_xu_ly?.[0];
    await watched.portal.dossiers.get(sample?.code as string, { secret: sample?.secret });
    await watched.portal.dossiers.list({ applicantIdNumber: "079203004567" });
    const logged = JSON.stringify(events);
    expect(events.length).toBe(4);
    expect(logged).toContain("/portal/v1/dossiers/{code}");
    for (const leak of [
      sample?.code,
      sample?.secret,
      sandbox.credentials.bot.apiKey,
      "079203004567",
    ]) {
      expect(logged).not.toContain(leak);
    }
    await watched.close();
  });

  it("maps 403 and 409 to typed errors with the problem attached", async () => {
    const code = sandbox.samples.da_tra_ket_qua?.[0]?.code as string;
    await expect(
      bot.portal.dossiers.transition(code, { status: "dang_xu_ly" }),
    ).rejects.toBeInstanceOf(PermissionError);
    const conflict = await admin.portal.dossiers
      .transition(code, { status: "dang_xu_ly" })
      .catch((e) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.problem.detail).toContain("final status");
  });

  it("reports the server's field errors as ValidationError", async () => {
    const body = await submission();
    const error = await bot.portal.dossiers
      .submit({ ...body, formData: { ...body.formData, bogus: "x" } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toContainEqual(
      expect.objectContaining({ field: "body.formData.bogus", code: "unknown_field" }),
    );
  });

  it("rejects invalid arguments before any request", async () => {
    const before = retries.length;
    await expect(bot.portal.dossiers.get("not a code", { secret: "X" })).rejects.toMatchObject({
      name: "ValidationError",
      fieldErrors: [expect.objectContaining({ field: "dossierCode" })],
    });
    await expect(bot.portal.procedures.get("12")).rejects.toBeInstanceOf(ValidationError);
    await expect(bot.docs.tasks.update("tsk_x", { progress: 140 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(() => bot.portal.dossiers.list({ limit: 500 })).toThrow(ValidationError);
    expect(retries.length).toBe(before);
  });

  it("paginates with for await, limit and maxItems", async () => {
    const seen = new Set<string>();
    for await (const dossier of admin.portal.dossiers.list({ limit: 50 })) seen.add(dossier.code);
    expect(seen.size).toBeGreaterThanOrEqual(240);
    expect(await admin.portal.dossiers.list({ maxItems: 7, limit: 3 }).toArray()).toHaveLength(7);
    const first = await admin.portal.dossiers.list({ limit: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.nextCursor).toEqual(expect.any(String));
  });

  it("acts for a linked staff member", async () => {
    const code = await admin.docs.staff.createLinkCode("stf_staffsnv01");
    const link = await bot.docs.staff.redeemLinkCode({
      code: code.code.toLowerCase(),
      channel: "telegram",
      chatId: "sdk-1",
    });
    const tasks = await bot.docs.tasks.list({ onBehalfOf: link.staff.id }).toArray();
    expect(tasks.length).toBeGreaterThan(0);
    const updated = await bot.docs.tasks.update(
      tasks[0]?.id as string,
      { progress: 60 },
      { onBehalfOf: link.staff.id },
    );
    expect(updated.progress).toBe(60);
    await bot.docs.staff.unlink(link.id);
    await expect(bot.docs.tasks.list({ onBehalfOf: link.staff.id })).rejects.toBeInstanceOf(
      PermissionError,
    );
  });

  it("downloads a document's signed PDF", async () => {
    const document = (await bot.docs.documents.list({ q: "16/CT-TTg" })).data[0];
    const bytes = await bot.docs.documents.downloadAttachment(
      document?.id as string,
      document?.attachments[0]?.id as string,
    );
    expect(bytes.subarray(0, 4).toString()).toBe("%PDF");
  });
});

describe("edXML with the Document API", () => {
  it("sends a real document as edXML and registers it on the receiving side unchanged", async () => {
    const [document] = (await bot.docs.documents.list({ numberNotation: "16/CT-TTg" })).data;
    if (!document) throw new Error("16/CT-TTg is not in the sandbox");
    const pdf = await bot.docs.documents.downloadAttachment(
      document.id,
      document.attachments[0]?.id as string,
    );
    const xml = buildEdxml(
      documentToEdxml(document, {
        from: { organId: "000.00.00.G22", organName: "Văn phòng Chính phủ" },
        to: [{ organId: "000.00.00.H99", organName: "UBND tỉnh Lam Giang" }],
        attachments: [{ fileName: "16-CT-TTg.pdf", contentType: "application/pdf", data: pdf }],
        place: "Hà Nội",
      }),
    );
    expect(xml).toContain("Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19");
    const input = edxmlToDocumentInput(parseEdxml(xml));
    expect(input).toMatchObject({
      direction: "incoming",
      numberNotation: "16/CT-TTg",
      type: "chi_thi",
      subject: document.subject,
      issuedAt: document.issuedAt,
      signer: { fullName: document.signer.fullName, position: document.signer.position },
    });
    expect(Buffer.from(input.attachments?.[0]?.contentBase64 ?? "", "base64").equals(pdf)).toBe(
      true,
    );
    // The sandbox already holds 16/CT-TTg, so the received copy gets its own issuer label
    // (number, issuer and year are unique together).
    const registered = await admin.docs.documents.create({
      ...input,
      issuerName: `${input.issuerName} (liên thông)`,
    });
    expect(registered).toMatchObject({
      numberNotation: "16/CT-TTg",
      type: "chi_thi",
      direction: "incoming",
    });
    const stored = await admin.docs.documents.downloadAttachment(
      registered.id,
      registered.attachments[0]?.id as string,
    );
    expect(stored.equals(pdf)).toBe(true);
  });
});

describe("retries and limits", () => {
  it("recovers from injected 503s with backoff", async () => {
    const before = retries.length;
    const page = await bot.portal.agencies.list({
      headers: { "x-sandbox-fault": "status=503; times=2; id=sdk-503" },
    });
    expect(page.data.length).toBeGreaterThan(0);
    expect(retries.length - before).toBe(2);
  });

  it("waits out a 429 for its Retry-After", async () => {
    const started = Date.now();
    await bot.portal.agencies.list({
      headers: { "x-sandbox-fault": "status=429; times=1; retry-after=1; id=sdk-429" },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("gives up after maxRetries with the last typed error", async () => {
    const error: any = await bot.portal.agencies
      .list({ maxRetries: 1, headers: { "x-sandbox-fault": "status=503; id=sdk-always" } })
      .then(
        () => null,
        (e) => e,
      );
    expect(error).toBeInstanceOf(ServerError);
    const limited: any = await bot.portal.agencies
      .list({
        maxRetries: 0,
        headers: { "x-sandbox-fault": "status=429; retry-after=2; id=sdk-429b" },
      })
      .then(
        () => null,
        (e) => e,
      );
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited.retryAfter).toBe(2);
  });

  it("does not repeat a non-idempotent POST after a server error", async () => {
    const sample = sandbox.samples.dang_xu_ly?.[0];
    const before = retries.length;
    const error = await bot.portal.dossiers
      .withdraw(sample?.code as string, "thử", {
        secret: sample?.secret,
        headers: { "x-sandbox-fault": "status=503; times=1; id=sdk-withdraw" },
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(retries.length).toBe(before);
  });

  it("creates exactly one dossier when a submit is repeated with its idempotency key", async () => {
    const body = await submission();
    const key = `sdk-${Date.now()}`;
    const [a, b] = await Promise.all([
      bot.portal.dossiers.submit(body, { idempotencyKey: key }),
      bot.portal.dossiers.submit(body, { idempotencyKey: key }),
    ]);
    expect(a.dossier.code).toBe(b.dossier.code);
    // A retried submit (503 once, before the server handled it) still makes one dossier.
    const retried = await bot.portal.dossiers.submit(body, {
      headers: { "x-sandbox-fault": "status=503; times=1; id=sdk-submit" },
    });
    const mine = await bot.portal.dossiers.list({ procedureCode: body.procedureCode }).toArray();
    expect(mine.filter((d) => d.code === retried.dossier.code)).toHaveLength(1);
  });
});

describe("transport failures", () => {
  it("times out slow answers with TimeoutError", async () => {
    const slow = new Vnegov({
      baseURL: sandbox.url,
      auth: { apiKey: sandbox.credentials.bot.apiKey },
      timeout: 100,
      retry: { maxRetries: 0 },
    });
    await expect(
      slow.portal.agencies.list({ headers: { "x-sandbox-fault": "latency=400" } }),
    ).rejects.toBeInstanceOf(TimeoutError);
    await slow.close();
  });

  it("raises ConnectionError for dropped connections and refused ports", async () => {
    const client = new Vnegov({
      baseURL: "http://127.0.0.1:9",
      auth: { apiKey: "x" },
      retry: { maxRetries: 1, baseDelayMs: 10 },
    });
    await expect(client.portal.agencies.list()).rejects.toBeInstanceOf(ConnectionError);
    await client.close();
    await expect(
      bot.portal.agencies.list({ maxRetries: 0, headers: { "x-sandbox-fault": "drop" } }),
    ).rejects.toBeInstanceOf(ConnectionError);
  });

  it("raises a typed error, not a TypeError, for malformed bodies", async () => {
    const server = createServer((req, res) => {
      res.writeHead(req.url?.includes("agencies") ? 200 : 500, {
        "content-type": "application/json",
      });
      res.end(req.url?.includes("agencies") ? "{not json" : "<html>oops</html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const client = new Vnegov({
      baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      auth: { apiKey: "x" },
      retry: { maxRetries: 0 },
    });
    await expect(client.portal.agencies.list()).rejects.toBeInstanceOf(ConnectionError);
    const error = await client.portal.procedures.get("1.000001").catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.code).toBe("http_500");
    await client.close();
    server.close();
  });
});

describe("OAuth2 client credentials", () => {
  it("fetches one token for many concurrent calls and refreshes after expiry", async () => {
    const count = () =>
      (sandbox.db.prepare("SELECT COUNT(*) AS n FROM access_tokens").get() as { n: number }).n;
    const before = count();
    const client = new Vnegov({
      baseURL: sandbox.url,
      auth: {
        clientId: sandbox.credentials.bot.clientId,
        clientSecret: sandbox.credentials.bot.clientSecret,
      },
    });
    await Promise.all(Array.from({ length: 10 }, () => client.portal.agencies.list()));
    expect(count() - before).toBe(1);
    await client.close();
  });

  it("refreshes the token before it expires", async () => {
    const shortLived = await startSandbox({ tokenTtlSeconds: 2 });
    const count = () =>
      (shortLived.db.prepare("SELECT COUNT(*) AS n FROM access_tokens").get() as { n: number }).n;
    const client = new Vnegov({
      baseURL: shortLived.url,
      auth: {
        clientId: shortLived.credentials.bot.clientId,
        clientSecret: shortLived.credentials.bot.clientSecret,
      },
    });
    try {
      await client.portal.agencies.list();
      await client.portal.agencies.list();
      expect(count()).toBe(1);
      // Refreshed at 90 % of the 2 s lifetime: the next call gets a fresh token, never a 401.
      await new Promise((r) => setTimeout(r, 1900));
      await client.portal.agencies.list();
      expect(count()).toBe(2);
    } finally {
      await client.close();
      await shortLived.close();
    }
  });

  it("maps wrong client credentials to AuthenticationError", async () => {
    const client = new Vnegov({
      baseURL: sandbox.url,
      auth: { clientId: "cli_sandboxbot", clientSecret: "nope" },
    });
    await expect(client.portal.agencies.list()).rejects.toBeInstanceOf(AuthenticationError);
    await client.close();
  });
});
