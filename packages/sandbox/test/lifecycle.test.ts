import type { Sandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, seededSandbox, submittableProcedures, validSubmission } from "./helpers.js";

/** A settable clock: the server's domain time. */
const clock = { now: Date.parse("2024-05-24T16:00:00+07:00") }; // a Friday afternoon
let sandbox: Sandbox;
let bot: string;
let admin: string;
let procedureCode: string;
let oneDayProcedure: string;

beforeAll(async () => {
  sandbox = await seededSandbox({ now: () => clock.now });
  bot = sandbox.credentials.bot.apiKey;
  admin = sandbox.credentials.admin.apiKey;
  const submittable = await submittableProcedures(sandbox, bot);
  procedureCode = submittable[0].code;
  oneDayProcedure = submittable.find((p: any) => p.processingDays === 1)?.code;
  expect(oneDayProcedure).toBeDefined();
});
afterAll(() => sandbox.close());

async function submit(code = procedureCode, headers: Record<string, string> = {}) {
  return call(sandbox, "/portal/v1/dossiers", {
    key: bot,
    body: await validSubmission(sandbox, bot, code),
    headers,
  });
}

const transition = (code: string, status: string, extra: object = {}) =>
  call(sandbox, `/portal/v1/dossiers/${code}/transitions`, {
    key: admin,
    body: { status, ...extra },
  });

describe("submission", () => {
  it("issues a glossary-format code, a secret and an appointment in working hours", async () => {
    clock.now = Date.parse("2024-05-24T16:00:00+07:00");
    const res = await submit(oneDayProcedure);
    expect(res.status).toBe(201);
    const { dossier, verificationSecret } = res.body;
    expect(dossier.code).toMatch(/^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.H99-240524-[0-9]{4}$/);
    expect(verificationSecret).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(dossier.status).toBe("moi_dang_ky");
    expect(dossier.statusCode).toBe(1);
    // 1 working day = 8 h: Friday 16:00–17:00 (1 h), the weekend skipped, Monday 07:00–11:30 and 13:30–16:00 (7 h).
    expect(dossier.appointmentAt).toBe("2024-05-27T16:00:00+07:00");
    expect(dossier.timeliness).toBe("truoc_han");
    expect(dossier.applicant.maskedIdNumber).toBe("********4567");
    expect(dossier.applicant.maskedPhone).toBe("*******321");
    expect(JSON.stringify(dossier)).not.toContain("079203004567");
    expect(JSON.stringify(dossier)).not.toContain("387654321");
  });

  it("counts intake after 17:00 from the next working morning and skips public holidays", async () => {
    clock.now = Date.parse("2024-04-29T18:30:00+07:00"); // Monday evening before 30/4 and 1/5
    const res = await submit(oneDayProcedure);
    expect(res.body.dossier.appointmentAt).toBe("2024-05-02T17:00:00+07:00");
  });

  it("numbers dossiers per receiving unit and day", async () => {
    clock.now = Date.parse("2024-06-03T09:00:00+07:00");
    const first = (await submit()).body.dossier.code as string;
    const second = (await submit()).body.dossier.code as string;
    expect(first.slice(0, -4)).toBe(second.slice(0, -4));
    expect(Number(second.slice(-4))).toBe(Number(first.slice(-4)) + 1);
    clock.now = Date.parse("2024-06-04T09:00:00+07:00");
    expect((await submit()).body.dossier.code).toMatch(/-240604-0001$/);
  });

  it("rejects form data that breaks the procedure's schema, naming each field", async () => {
    const body = await validSubmission(sandbox, bot, procedureCode);
    const firstKey = Object.keys(body.formData)[0] as string;
    const res = await call(sandbox, "/portal/v1/dossiers", {
      key: bot,
      body: { ...body, formData: { ...body.formData, [firstKey]: undefined, bogusField: "x" } },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const fields = res.body.errors.map((e: any) => `${e.field}:${e.code}`);
    expect(fields).toContain("body.formData.bogusField:unknown_field");
    expect(res.body.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("checks each attachment against its file field's media types and size", async () => {
    const all = await call(sandbox, "/portal/v1/procedures?limit=100", { key: bot });
    const details = await Promise.all(
      all.body.data.map((p: any) => call(sandbox, `/portal/v1/procedures/${p.code}`, { key: bot })),
    );
    const withFile = details
      .map((d) => d.body)
      .find(
        (p: any) =>
          p.onlineLevel !== "thong_tin" &&
          p.formSchema.fields.some((f: any) => f.type === "file" && f.maxSizeBytes),
      );
    const field = withFile.formSchema.fields.find((f: any) => f.type === "file" && f.maxSizeBytes);
    const res = await call(sandbox, "/portal/v1/dossiers", {
      key: bot,
      body: {
        procedureCode: withFile.code,
        applicant: {
          type: "cong_dan",
          fullName: "Nguyễn Văn Tệp",
          idNumber: "079203004567",
          phone: "0387654321",
        },
        formData: {},
        attachments: [
          {
            fieldKey: field.key,
            fileName: "virus.exe",
            contentType: "application/x-msdownload",
            contentBase64: "TVqQ",
          },
          {
            fieldKey: field.key,
            fileName: "big.pdf",
            contentType: field.accept[0],
            contentBase64: Buffer.alloc(field.maxSizeBytes + 1).toString("base64"),
          },
          {
            fieldKey: field.key,
            fileName: "bad.pdf",
            contentType: field.accept[0],
            contentBase64: "not base64!",
          },
          {
            fieldKey: "noSuchField",
            fileName: "x.pdf",
            contentType: "application/pdf",
            contentBase64: "",
          },
        ],
      },
    });
    expect(res.status).toBe(422);
    const codes = res.body.errors.map((e: any) => `${e.field}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "body.attachments.0.contentType:file_type",
        "body.attachments.1.contentBase64:file_too_large",
        "body.attachments.2.contentBase64:invalid_base64",
        "body.attachments.3.fieldKey:not_a_file_field",
      ]),
    );
  });

  it("refuses submission to an information-only procedure", async () => {
    const all = await call(sandbox, "/portal/v1/procedures?onlineLevel=thong_tin", { key: bot });
    const res = await call(sandbox, "/portal/v1/dossiers", {
      key: bot,
      body: {
        ...(await validSubmission(sandbox, bot, procedureCode)),
        procedureCode: all.body.data[0].code,
        formData: {},
        attachments: [],
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("procedure_not_online");
  });
});

describe("idempotency", () => {
  it("creates exactly one dossier for repeated requests with one key", async () => {
    const body = await validSubmission(sandbox, bot, procedureCode);
    const headers = { "idempotency-key": "idem-42" };
    const before = (await call(sandbox, "/portal/v1/dossiers?limit=100", { key: bot })).body.data
      .length;
    const results = await Promise.all(
      [1, 2, 3].map(() => call(sandbox, "/portal/v1/dossiers", { key: bot, body, headers })),
    );
    expect(new Set(results.map((r) => r.body.dossier.code)).size).toBe(1);
    expect(results.map((r) => r.headers.get("idempotent-replayed")).sort()).toEqual([
      "false",
      "true",
      "true",
    ]);
    const after = (await call(sandbox, "/portal/v1/dossiers?limit=100", { key: bot })).body.data
      .length;
    expect(after).toBe(before + 1);
  });

  it("refuses a key reused with another body", async () => {
    const body = await validSubmission(sandbox, bot, procedureCode);
    await call(sandbox, "/portal/v1/dossiers", {
      key: bot,
      body,
      headers: { "idempotency-key": "idem-43" },
    });
    const res = await call(sandbox, "/portal/v1/dossiers", {
      key: bot,
      body: { ...body, channel: "buu_chinh" },
      headers: { "idempotency-key": "idem-43" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("idempotency_key_reused");
  });
});

describe("the officer's lifecycle", () => {
  it("moves through statuses with history, and refuses moves the process does not allow", async () => {
    clock.now = Date.parse("2024-06-10T08:00:00+07:00");
    const { dossier, verificationSecret } = (await submit()).body;
    const code = dossier.code;
    expect((await transition(code, "da_tra_ket_qua")).body.code).toBe("invalid_transition");
    expect(
      (await transition(code, "da_tiep_nhan", { note: "Đã tiếp nhận", officerName: "Cán bộ A" }))
        .body.receivedAt,
    ).toBe("2024-06-10T08:00:00+07:00");
    expect((await transition(code, "dang_xu_ly")).status).toBe(200);
    clock.now = Date.parse("2024-06-11T08:00:00+07:00");
    const done = await transition(code, "da_xu_ly_xong");
    expect(done.body.completedAt).toBe("2024-06-11T08:00:00+07:00");
    expect((await transition(code, "da_tra_ket_qua")).body.statusCode).toBe(10);
    const again = await transition(code, "dang_xu_ly");
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain("final status");

    const history = await call(sandbox, `/portal/v1/dossiers/${code}/history`, {
      key: bot,
      headers: { "x-verification-secret": verificationSecret },
    });
    expect(history.body.data.map((h: any) => h.status)).toEqual([
      "moi_dang_ky",
      "da_tiep_nhan",
      "dang_xu_ly",
      "da_xu_ly_xong",
      "da_tra_ket_qua",
    ]);
    expect(history.body.data[1]).toMatchObject({
      previousStatus: "moi_dang_ky",
      note: "Đã tiếp nhận",
      actor: { kind: "officer", name: "Cán bộ A" },
    });
  });

  it("extends the appointment by the working time spent waiting for a supplement", async () => {
    clock.now = Date.parse("2024-06-17T08:00:00+07:00"); // Monday
    const { dossier, verificationSecret } = (await submit()).body;
    const headers = { "x-verification-secret": verificationSecret };
    await transition(dossier.code, "da_tiep_nhan");
    const asked = await transition(dossier.code, "yeu_cau_bo_sung", { note: "Thiếu bản sao CCCD" });
    expect(asked.body.pendingAction).toMatchObject({
      kind: "supplement",
      note: "Thiếu bản sao CCCD",
    });
    // Waiting from Monday 08:00 to Tuesday 08:00 = 8 working hours (3.5 h + 3.5 h + 1 h).
    clock.now = Date.parse("2024-06-18T08:00:00+07:00");
    const supplemented = await call(sandbox, `/portal/v1/dossiers/${dossier.code}/supplement`, {
      key: bot,
      headers,
      body: { note: "Đã bổ sung" },
    });
    expect(supplemented.status).toBe(200);
    expect(supplemented.body.status).toBe("dang_xu_ly");
    expect(supplemented.body.pendingAction).toBeNull();
    const shifted = Date.parse(supplemented.body.appointmentAt) - Date.parse(dossier.appointmentAt);
    expect(shifted).toBeGreaterThanOrEqual(24 * 3_600_000); // one working day later, same time
    expect(new Date(supplemented.body.appointmentAt).getUTCHours()).toBe(
      new Date(dossier.appointmentAt).getUTCHours(),
    );
    const twice = await call(sandbox, `/portal/v1/dossiers/${dossier.code}/supplement`, {
      key: bot,
      headers,
      body: { note: "Lại" },
    });
    expect(twice.body.code).toBe("not_awaiting_supplement");
  });

  it("lets the citizen withdraw until a result is ready, then not", async () => {
    const { dossier, verificationSecret } = (await submit()).body;
    const headers = { "x-verification-secret": verificationSecret };
    const withdrawn = await call(sandbox, `/portal/v1/dossiers/${dossier.code}/withdraw`, {
      key: bot,
      headers,
      body: { reason: "Nộp nhầm thủ tục" },
    });
    expect(withdrawn.body.status).toBe("da_rut");
    expect(withdrawn.body.timeliness).toBeNull();
    const again = await call(sandbox, `/portal/v1/dossiers/${dossier.code}/withdraw`, {
      key: bot,
      headers,
      body: { reason: "x" },
    });
    expect(again.body.code).toBe("not_withdrawable");
  });

  it("marks an open dossier past its appointment as qua_han", async () => {
    clock.now = Date.parse("2024-07-01T08:00:00+07:00");
    const { dossier, verificationSecret } = (await submit(oneDayProcedure)).body;
    clock.now = Date.parse("2024-07-05T08:00:00+07:00");
    const later = await call(sandbox, `/portal/v1/dossiers/${dossier.code}`, {
      key: bot,
      headers: { "x-verification-secret": verificationSecret },
    });
    expect(later.body.timeliness).toBe("qua_han");
  });
});

describe("privacy of look-ups", () => {
  it("answers a wrong secret exactly like an unknown code, and officers need none", async () => {
    const sample = sandbox.samples.dang_xu_ly?.[0];
    expect(sample).toBeDefined();
    const code = sample?.code as string;
    const wrong = await call(sandbox, `/portal/v1/dossiers/${code}`, {
      key: bot,
      headers: { "x-verification-secret": "AAAAAA" },
    });
    const unknown = await call(sandbox, "/portal/v1/dossiers/000.00.12.H99-240101-9999", {
      key: bot,
      headers: { "x-verification-secret": "AAAAAA" },
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(
      (
        await call(sandbox, `/portal/v1/dossiers/${code}`, {
          key: bot,
          headers: { "x-verification-secret": sample?.secret.toLowerCase() as string },
        })
      ).status,
    ).toBe(200);
    expect((await call(sandbox, `/portal/v1/dossiers/${code}`, { key: admin })).status).toBe(200);
  });

  it("lists only the client's own dossiers unless it is an officer", async () => {
    const other = sandbox.createClient({
      name: "another bot",
      scopes: ["portal:read", "portal:write"],
    });
    const mine = await call(sandbox, "/portal/v1/dossiers", { key: other.apiKey });
    expect(mine.body.data).toEqual([]);
    const officer = await call(sandbox, "/portal/v1/dossiers?status=dang_xu_ly&limit=5", {
      key: admin,
    });
    expect(officer.body.data.length).toBe(5);
    expect(officer.body.nextCursor).not.toBeNull();
  });

  it("stops a client that keeps guessing secrets", async () => {
    const guesser = sandbox.createClient({ name: "guesser", scopes: ["portal:read"] });
    const code = sandbox.samples.da_tiep_nhan?.[0]?.code as string;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await call(sandbox, `/portal/v1/dossiers/${code}`, {
            key: guesser.apiKey,
            headers: { "x-verification-secret": `X${i}` },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    const blocked = await call(sandbox, `/portal/v1/dossiers/${code}`, {
      key: guesser.apiKey,
      headers: { "x-verification-secret": sandbox.samples.da_tiep_nhan?.[0]?.secret as string },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("pagination", () => {
  it("walks every dossier exactly once with cursors", async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await call(
        sandbox,
        `/portal/v1/dossiers?limit=50${cursor ? `&cursor=${cursor}` : ""}`,
        { key: admin },
      );
      for (const d of res.body.data) {
        expect(seen.has(d.code)).toBe(false);
        seen.add(d.code);
      }
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(240);
    expect(pages).toBeGreaterThan(4);
  });
});
