import type { Sandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, seededSandbox } from "./helpers.js";

let sandbox: Sandbox;
let bot: string;
let admin: string;

beforeAll(async () => {
  sandbox = await seededSandbox({ bodyLimitBytes: 64 * 1024 });
  bot = sandbox.credentials.bot.apiKey;
  admin = sandbox.credentials.admin.apiKey;
});
afterAll(() => sandbox.close());

/** Every failure is problem+json with a code and the request id. */
function expectProblem(
  res: { status: number; headers: Headers; body: any },
  status: number,
  code?: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({
    status,
    type: expect.stringMatching(/^\/problems\//),
    requestId: res.headers.get("x-request-id"),
  });
  if (code) expect(res.body.code).toBe(code);
}

describe("bad input never crashes the server", () => {
  it("malformed JSON → 400", async () => {
    expectProblem(
      await call(sandbox, "/portal/v1/dossiers", {
        key: bot,
        rawBody: '{"procedureCode": ',
        headers: { "content-type": "application/json" },
      }),
      400,
      "malformed_json",
    );
  });

  it("invalid UTF-8 → 400", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    expectProblem(
      await call(sandbox, "/portal/v1/dossiers", {
        key: bot,
        rawBody: bytes,
        headers: { "content-type": "application/json" },
      }),
      400,
      "invalid_encoding",
    );
  });

  it("wrong types and unknown enum values → 422 naming the field", async () => {
    const res = await call(sandbox, "/portal/v1/dossiers", {
      key: bot,
      body: { procedureCode: 1004227, channel: "fax", applicant: { type: "alien" }, formData: [] },
    });
    expectProblem(res, 422, "validation_failed");
    const fields = res.body.errors.map((e: any) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "body.procedureCode",
        "body.channel",
        "body.applicant.type",
        "body.formData",
      ]),
    );
    expect(res.body.errors.find((e: any) => e.field === "body.channel").message).toContain(
      "truc_tuyen",
    );
  });

  it("bad query parameters → 400", async () => {
    expectProblem(
      await call(sandbox, "/portal/v1/procedures?limit=1000", { key: bot }),
      400,
      "invalid_parameter",
    );
    expectProblem(
      await call(sandbox, "/portal/v1/dossiers?status=lost", { key: bot }),
      400,
      "invalid_parameter",
    );
    expectProblem(
      await call(sandbox, "/portal/v1/procedures?cursor=bm90LWEtY3Vyc29y", { key: bot }),
      400,
      "invalid_cursor",
    );
  });

  it("oversized bodies → 413, whether or not Content-Length says so", async () => {
    const big = JSON.stringify({ note: "x".repeat(100 * 1024) });
    expectProblem(
      await call(sandbox, "/portal/v1/dossiers", {
        key: bot,
        rawBody: big,
        headers: { "content-type": "application/json" },
      }),
      413,
      "payload_too_large",
    );
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 100; i++)
          controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const res = await fetch(`${sandbox.url}/portal/v1/dossiers`, {
      method: "POST",
      body: stream,
      headers: { authorization: `Bearer ${bot}`, "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("the wrong media type → 415", async () => {
    expectProblem(
      await call(sandbox, "/portal/v1/dossiers", {
        key: bot,
        rawBody: "a=b",
        headers: { "content-type": "text/plain" },
      }),
      415,
      "unsupported_media_type",
    );
  });

  it("SQL metacharacters are data, not code", async () => {
    const q = encodeURIComponent("'; DROP TABLE dossiers; --");
    const search = await call(sandbox, `/portal/v1/procedures?q=${q}`, { key: bot });
    expect(search.status).toBe(200);
    expect(search.body.data).toEqual([]);
    const wildcard = await call(sandbox, `/portal/v1/procedures?q=${encodeURIComponent("%_")}`, {
      key: bot,
    });
    expect(wildcard.body.data).toEqual([]);
    const path = await call(sandbox, `/portal/v1/dossiers/${encodeURIComponent("x' OR '1'='1")}`, {
      key: admin,
    });
    expectProblem(path, 400, "invalid_parameter");
    expect(
      (await call(sandbox, "/portal/v1/dossiers?limit=1", { key: admin })).body.data.length,
    ).toBe(1);
  });

  it("malformed percent-encoding in the path → 4xx", async () => {
    const res = await call(sandbox, "/portal/v1/procedures/%E0%A4%A", { key: bot });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it("unknown routes → 404 problem", async () => {
    expectProblem(await call(sandbox, "/portal/v2/nothing", { key: bot }), 404, "route_not_found");
  });

  it("a documented directive with an unknown audience or mismatched notation → 422", async () => {
    const res = await call(sandbox, "/docs/v1/directives", {
      key: admin,
      body: {
        numberNotation: "22/QĐ-UBND",
        type: "chi_thi",
        issuerName: "UBND tỉnh Lam Giang",
        subject: "x",
        signer: { fullName: "A", position: "B" },
        issuedAt: "2024-05-24",
        audiences: [
          { kind: "area", code: "12345" },
          { kind: "public", code: "99" },
        ],
        effectiveFrom: "2024-05-24T00:00:00+07:00",
      },
    });
    expectProblem(res, 422);
    expect(res.body.errors.map((e: any) => e.code).sort()).toEqual([
      "notation_type_mismatch",
      "unexpected",
      "unknown_area",
    ]);
  });
});

describe("auth", () => {
  it("no or bad credentials → 401 with WWW-Authenticate", async () => {
    const none = await call(sandbox, "/portal/v1/procedures");
    expectProblem(none, 401, "unauthorized");
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expectProblem(await call(sandbox, "/portal/v1/procedures", { key: "vng_nope" }), 401);
  });

  it("expired access tokens → 401", async () => {
    const local = await seededSandbox({ seed: false, tokenTtlSeconds: 1 });
    try {
      const { clientId, clientSecret } = local.credentials.bot;
      const token = await call(local, "/oauth/token", {
        rawBody: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(token.body.expires_in).toBe(1);
      expect((await call(local, "/healthz", { key: token.body.access_token })).status).toBe(200);
      expect((await call(local, "/v1/webhooks", { key: token.body.access_token })).status).toBe(
        200,
      );
      await new Promise((r) => setTimeout(r, 1100));
      expectProblem(await call(local, "/v1/webhooks", { key: token.body.access_token }), 401);
    } finally {
      await local.close();
    }
  });

  it("a missing scope → 403", async () => {
    const res = await call(sandbox, "/portal/v1/dossiers/000.00.12.H99-240101-0001/transitions", {
      key: bot,
      body: { status: "da_tiep_nhan" },
    });
    expectProblem(res, 403, "insufficient_scope");
  });

  it("OAuth2 client credentials: Basic auth, scope narrowing, wrong secret", async () => {
    const { clientId, clientSecret } = sandbox.credentials.readonly;
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const token = await call(sandbox, "/oauth/token", {
      rawBody: "grant_type=client_credentials&scope=docs%3Aread",
      headers: { ...form, authorization: `Basic ${basic}` },
    });
    expect(token.status).toBe(200);
    expect(token.headers.get("cache-control")).toBe("no-store");
    expect(token.body.scope).toBe("docs:read");
    expect((await call(sandbox, "/docs/v1/areas", { key: token.body.access_token })).status).toBe(
      200,
    );
    expectProblem(
      await call(sandbox, "/portal/v1/procedures", { key: token.body.access_token }),
      403,
    );
    const wrong = await call(sandbox, "/oauth/token", {
      rawBody: `grant_type=client_credentials&client_id=${clientId}&client_secret=nope`,
      headers: form,
    });
    expectProblem(wrong, 401);
    expect(wrong.body.error).toBe("invalid_client");
    const escalate = await call(sandbox, "/oauth/token", {
      rawBody: "grant_type=client_credentials&scope=docs%3Aadmin",
      headers: { ...form, authorization: `Basic ${basic}` },
    });
    expect(escalate.body.error).toBe("invalid_scope");
    expectProblem(
      await call(sandbox, "/oauth/token", { rawBody: "grant_type=password", headers: form }),
      422,
    );
  });

  it("confidential documents stay behind docs:confidential", async () => {
    const open = await call(sandbox, "/docs/v1/documents?limit=100", { key: bot });
    expect(open.body.data.every((d: any) => d.confidentiality === "thuong")).toBe(true);
    const all = await call(sandbox, "/docs/v1/documents?limit=100", { key: admin });
    const secret = all.body.data.find((d: any) => d.confidentiality !== "thuong");
    expect(secret).toBeDefined();
    expectProblem(
      await call(sandbox, `/docs/v1/documents/${secret.id}`, { key: bot }),
      403,
      "confidential_document",
    );
  });

  it("staff commands need a linked staff member; a code works once", async () => {
    const staffId = "stf_staffstp01";
    expectProblem(
      await call(sandbox, "/docs/v1/tasks", { key: bot, headers: { "on-behalf-of": staffId } }),
      403,
      "staff_not_linked",
    );
    const code = (
      await call(sandbox, `/docs/v1/staff/${staffId}/link-codes`, {
        key: admin,
        body: { ttlSeconds: 60 },
      })
    ).body.code;
    expect(
      (
        await call(sandbox, "/docs/v1/staff/link-codes/redeem", {
          key: bot,
          body: { code, channel: "zalo", chatId: "u1" },
        })
      ).status,
    ).toBe(201);
    expectProblem(
      await call(sandbox, "/docs/v1/staff/link-codes/redeem", {
        key: bot,
        body: { code, channel: "zalo", chatId: "u2" },
      }),
      404,
      "link_code_invalid",
    );
    const tasks = await call(sandbox, "/docs/v1/tasks?limit=100", {
      key: bot,
      headers: { "on-behalf-of": staffId },
    });
    expect(tasks.body.data.length).toBeGreaterThan(0);
    expect(tasks.body.data.every((t: any) => t.assignee.id === staffId)).toBe(true);
    const someoneElses = (
      await call(sandbox, "/docs/v1/tasks?assigneeId=stf_staffsnv02&limit=1", { key: admin })
    ).body.data[0].id;
    expectProblem(
      await call(sandbox, `/docs/v1/tasks/${someoneElses}`, {
        key: bot,
        headers: { "on-behalf-of": staffId },
      }),
      404,
    );
  });
});

describe("fault injection and rate limits", () => {
  it("fails the first N requests of a fault id, then recovers", async () => {
    const headers = { "x-sandbox-fault": "status=503; times=2; id=recover-1; retry-after=1" };
    const first = await call(sandbox, "/portal/v1/agencies", { key: bot, headers });
    expectProblem(first, 503, "injected_fault");
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await call(sandbox, "/portal/v1/agencies", { key: bot, headers })).status).toBe(503);
    expect((await call(sandbox, "/portal/v1/agencies", { key: bot, headers })).status).toBe(200);
  });

  it("adds latency, injects 429 and drops connections on request", async () => {
    const started = Date.now();
    expect(
      (await call(sandbox, "/healthz", { headers: { "x-sandbox-fault": "latency=150" } })).status,
    ).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const limited = await call(sandbox, "/healthz", {
      headers: { "x-sandbox-fault": "status=429; retry-after=2" },
    });
    expectProblem(limited, 429, "rate_limited");
    expect(limited.headers.get("retry-after")).toBe("2");
    await expect(
      fetch(`${sandbox.url}/healthz`, { headers: { "x-sandbox-fault": "drop" } }),
    ).rejects.toThrow();
    expectProblem(
      await call(sandbox, "/healthz", { headers: { "x-sandbox-fault": "status=200" } }),
      400,
      "invalid_fault",
    );
  });

  it("limits each client to its rate with 429 and Retry-After", async () => {
    const slow = sandbox.createClient({
      name: "slow",
      scopes: ["portal:read"],
      rateLimitPerSec: 5,
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call(sandbox, "/portal/v1/agencies", { key: slow.apiKey })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBe(5);
    const limited = results.find((r) => r.status === 429);
    expectProblem(limited as any, 429, "rate_limited");
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Other clients are unaffected.
    expect((await call(sandbox, "/portal/v1/agencies", { key: bot })).status).toBe(200);
  });
});
