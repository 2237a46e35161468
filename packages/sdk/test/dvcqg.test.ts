import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Dvcqg, type DvcqgDossierRecord } from "../src/adapters/dvcqg/index.js";
import {
  AuthenticationError,
  ConflictError,
  DOSSIER_STATUSES,
  type DossierStatus,
  NotFoundError,
  PermissionError,
  type RequestEvent,
  ValidationError,
  Vnegov,
} from "../src/index.js";
import { dossierFacts } from "./dossier-facts.js";

const REFERENCE_DATE = new Date("2024-05-24T12:00:00+07:00");
let sandbox: Sandbox;
let dvcqg: Dvcqg;
let admin: Vnegov;
let bot: Vnegov;
let madonvi: string;
const requests: RequestEvent[] = [];

/** A seeded dossier in `status` with its applicant's identity number. */
function sample(status: DossierStatus, index = 0) {
  const found = sandbox.samples[status]?.[index];
  if (!found) throw new Error(`no seeded ${status} dossier`);
  const { applicant_id_number } = sandbox.db
    .prepare("SELECT applicant_id_number FROM dossiers WHERE code = ?")
    .get(found.code) as { applicant_id_number: string };
  return { ...found, idNumber: applicant_id_number };
}

function client(overrides: Partial<ConstructorParameters<typeof Dvcqg>[0]> = {}) {
  return new Dvcqg({
    baseURL: `${sandbox.url}/dvcqg`,
    ...sandbox.dvcqg.credentials,
    madonvi,
    retry: { baseDelayMs: 10 },
    ...overrides,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: REFERENCE_DATE,
    rateLimits: { requestsPerSecond: 10_000 },
  });
  madonvi = sample("dang_xu_ly").code.split("-")[0] as string;
  dvcqg = client({ hooks: { onRequest: (e) => requests.push(e) } });
  admin = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.admin.apiKey } });
  bot = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
});
afterAll(async () => {
  await dvcqg.close();
  await admin.close();
  await bot.close();
  await sandbox.close();
});
beforeEach(() => {
  sandbox.dvcqg.clearCalls();
});

describe("procedures", () => {
  it("maps LayThuTuc onto the world's procedure", async () => {
    for await (const summary of admin.portal.procedures.search({ limit: 100 })) {
      const canonical = await admin.portal.procedures.get(summary.code);
      const mapped = await dvcqg.portal.procedures.get(summary.code);
      const { formSchema, ...rest } = canonical;
      expect(mapped).toEqual({ ...rest, formSchema: { version: 0, fields: [] } });
    }
    expect(sandbox.dvcqg.calls().every((c) => c.endpoint === "share")).toBe(true);
  });

  it("reads fractional days from hours and keeps Vietnamese text", async () => {
    const birth = await dvcqg.portal.procedures.get("1.001193");
    expect(birth).toMatchObject({
      name: "Đăng ký khai sinh",
      field: "Hộ tịch",
      processingDays: 0.5,
    });
    expect(birth.requiredPapers[0]).toEqual({
      name: "Tờ khai đăng ký khai sinh",
      originals: 1,
      copies: 0,
    });
  });

  it("answers an unknown procedure with NotFoundError", async () => {
    const error = await dvcqg.portal.procedures.get("9.999999").catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe("dvcqg:result_empty");
  });

  it("searches without diacritics: 'ho tich' finds 'Hộ tịch'", async () => {
    const found = await dvcqg.portal.procedures.search({ q: "ho tich" }).toArray();
    const canonical = await bot.portal.procedures.search({ q: "ho tich" }).toArray();
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((p) => p.field === "Hộ tịch")).toBe(true);
    expect(found.map((p) => p.code)).toEqual(canonical.map((p) => p.code));
  });

  it("pages the dictionary from one fetch", async () => {
    const all = await dvcqg.portal.procedures.search({ q: "ho tich" }).toArray();
    sandbox.dvcqg.clearCalls();
    const first = await dvcqg.portal.procedures.search({ q: "ho tich", limit: 2 });
    expect(first.data).toEqual(all.slice(0, 2));
    expect(first.nextCursor).toBe("2");
    const paged = await dvcqg.portal.procedures.search({ q: "ho tich", limit: 2 }).toArray();
    expect(paged).toEqual(all);
    const second = await dvcqg.portal.procedures.search({ q: "ho tich", limit: 2, cursor: "2" });
    expect(second.data).toEqual(all.slice(2, 4));
    // One LayDanhSachTTHC per search, however many pages.
    expect(sandbox.dvcqg.calls()).toHaveLength(3);
  });
});

describe("dossier look-up", () => {
  it.each(DOSSIER_STATUSES)("a %s dossier reads as the canonical API shows it", async (status) => {
    const { code, idNumber } = sample(status);
    const canonical = await admin.portal.dossiers.get(code, { include: "recentHistory" });
    const viaDvcqg = await dvcqg.portal.dossiers.get(code, {
      secret: idNumber,
      include: "recentHistory",
    });
    const pick = (d: typeof canonical | typeof viaDvcqg) => ({
      ...dossierFacts(d),
      fee: d.fee,
      pendingKind: d.pendingAction?.kind ?? null,
      attachments: d.attachments.map((a) => [a.id, a.fileName]),
      history: d.recentHistory?.map((h) => [h.status, h.previousStatus, h.at, h.note]),
    });
    expect(pick(viaDvcqg)).toEqual(pick(canonical));
    expect(viaDvcqg.applicant.maskedIdNumber).toBe(`********${idNumber.slice(-4)}`);
    expect(viaDvcqg.wireCodes?.status).toBe(String(canonical.statusCode));
    if (status === "yeu_cau_bo_sung")
      expect(viaDvcqg.pendingAction).toEqual(canonical.pendingAction);
  });

  it("needs the applicant's identity number: a wrong one looks like an unknown code", async () => {
    const { code, idNumber } = sample("dang_xu_ly");
    expect(dvcqg.portal.dossiers.lookupSecret).toBe("applicantIdNumber");
    const wrong = await dvcqg.portal.dossiers
      .get(code, { secret: `${idNumber.slice(0, -1)}${(Number(idNumber.at(-1)) + 1) % 10}` })
      .catch((e) => e);
    const unknown = await dvcqg.portal.dossiers
      .get(`${madonvi}-240101-9999`, { secret: idNumber })
      .catch((e) => e);
    const empty = await dvcqg.portal.dossiers.get(code, { secret: "" }).catch((e) => e);
    for (const error of [wrong, unknown, empty]) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.code).toBe("dvcqg:result_empty");
      expect(error.message).toBe(wrong.message);
    }
    // Officers' tools omit the secret.
    await expect(dvcqg.portal.dossiers.get(code)).resolves.toMatchObject({ code });
  });

  it("checks arguments before calling", async () => {
    await expect(dvcqg.portal.dossiers.get("not-a-code")).rejects.toBeInstanceOf(ValidationError);
    expect(sandbox.dvcqg.calls()).toHaveLength(0);
  });

  it("surfaces a status no table knows as unknown with its raw code", async () => {
    const { code, idNumber } = sample("dang_xu_ly", 1);
    try {
      sandbox.dvcqg.setWireStatus(code, "interoperating");
      const unknown = await dvcqg.portal.dossiers.get(code, { secret: idNumber });
      expect(unknown).toMatchObject({
        status: "unknown",
        statusCode: null,
        timeliness: null,
        wireCodes: { status: "interoperating" },
      });
      // DVCQG's own English keys are read through the table.
      sandbox.dvcqg.setWireStatus(code, "waiting");
      const waiting = await dvcqg.portal.dossiers.get(code, { secret: idNumber });
      expect(waiting).toMatchObject({ status: "yeu_cau_bo_sung", statusCode: 5 });
    } finally {
      sandbox.dvcqg.setWireStatus(code, null);
    }
  });
});

/** A record for a new dossier of a seeded procedure. */
function newRecord(sequence: number, overrides: Partial<DvcqgDossierRecord> = {}) {
  const today = "240524";
  return {
    code: `${madonvi}-${today}-${String(9000 + sequence)}`,
    procedureCode: sample("dang_xu_ly").procedureCode,
    procedureName: "(tên do hệ thống một cửa gửi)",
    channel: "truc_tiep",
    status: "da_tiep_nhan",
    applicant: {
      type: "cong_dan",
      fullName: "Nguyễn Thị Ánh Tuyết",
      idNumber: "001190012345",
      phone: "0912345678",
      email: "anh.tuyet@example.vn",
    },
    summary: "Hồ sơ đồng bộ từ hệ thống một cửa tỉnh",
    submittedAt: "2024-05-24T08:15:00+07:00",
    receivedAt: new Date("2024-05-24T08:30:00+07:00"),
    appointmentAt: "2024-05-31T16:00:00+07:00",
    files: [
      {
        id: "tep-1",
        fileName: "to-khai.pdf",
        url: "https://motcua.example.vn/files/tep-1",
        paperCode: "TK01",
      },
    ],
    fees: [{ name: "Lệ phí", amount: 50_000 }],
    ...overrides,
  } satisfies DvcqgDossierRecord;
}

describe("DongBoHoSoMC", () => {
  it("creates dossiers the canonical API sees", async () => {
    const record = newRecord(1);
    await expect(dvcqg.portal.dossiers.sync([record])).resolves.toEqual([
      { code: record.code, action: "created" },
    ]);
    const canonical = await admin.portal.dossiers.get(record.code, { include: "recentHistory" });
    expect(canonical).toMatchObject({
      code: record.code,
      procedureCode: record.procedureCode,
      status: "da_tiep_nhan",
      channel: "truc_tiep",
      applicant: {
        type: "cong_dan",
        fullName: "Nguyễn Thị Ánh Tuyết",
        maskedIdNumber: "********2345",
        maskedPhone: "*******678",
      },
      fee: { amount: 50_000, currency: "VND" },
      submittedAt: "2024-05-24T08:15:00+07:00",
      receivedAt: "2024-05-24T08:30:00+07:00",
      appointmentAt: "2024-05-31T16:00:00+07:00",
    });
    expect(canonical.recentHistory).toHaveLength(1);
    // A citizen opens it with the secret the portal's creation issued.
    const secret = sandbox.dvcqg.verificationSecret(record.code) as string;
    await expect(bot.portal.dossiers.get(record.code, { secret })).resolves.toMatchObject({
      code: record.code,
    });
    // And the portal gives back what only it carries.
    const back = await dvcqg.portal.dossiers.get(record.code, { secret: "001190012345" });
    expect(back.attachments).toEqual([
      {
        id: "tep-1",
        fieldKey: "TK01",
        fileName: "to-khai.pdf",
        contentType: "application/pdf",
        size: 0,
        sha256: "",
      },
    ]);
  });

  it("updates an existing code instead of failing", async () => {
    const record = newRecord(2);
    await dvcqg.portal.dossiers.sync([record]);
    sandbox.dvcqg.clearCalls();
    const done = {
      ...record,
      status: "da_xu_ly_xong",
      completedAt: "2024-05-29T10:00:00+07:00",
      note: "Đã có kết quả",
    } satisfies DvcqgDossierRecord;
    await expect(dvcqg.portal.dossiers.sync([done])).resolves.toEqual([
      { code: record.code, action: "updated" },
    ]);
    expect(sandbox.dvcqg.calls().map((c) => c.errorCode)).toEqual(["-3", "00"]);
    const canonical = await admin.portal.dossiers.get(record.code, { include: "recentHistory" });
    expect(canonical).toMatchObject({
      status: "da_xu_ly_xong",
      completedAt: "2024-05-29T10:00:00+07:00",
      timeliness: "truoc_han",
    });
    expect(canonical.recentHistory?.at(-1)).toMatchObject({
      status: "da_xu_ly_xong",
      previousStatus: "da_tiep_nhan",
      note: "Đã có kết quả",
    });
  });

  it("in create mode an existing code is a ConflictError", async () => {
    const record = newRecord(3);
    await dvcqg.portal.dossiers.sync([record], { mode: "create" });
    const error = await dvcqg.portal.dossiers.sync([record], { mode: "create" }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe("dvcqg:-3");
    expect(error.message).toContain("đã tồn tại");
  });

  it("in update mode a missing code is a NotFoundError", async () => {
    const error = await dvcqg.portal.dossiers
      .sync([newRecord(4)], { mode: "update" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe("dvcqg:-4");
  });

  it("refuses bad records before any call, naming each field", async () => {
    const bad = {
      ...newRecord(5),
      code: "nope",
      submittedAt: "2024-05-24 08:15",
      status: "dang_cho" as DossierStatus,
    };
    const error = await dvcqg.portal.dossiers.sync([newRecord(6), bad]).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.map((f: { field: string }) => f.field)).toEqual([
      "records[1].code",
      "records[1].submittedAt",
      "records[1].status",
    ]);
    expect(sandbox.dvcqg.calls()).toHaveLength(0);
  });

  it("passes the portal's own validation errors on as ValidationError", async () => {
    const error = await dvcqg.portal.dossiers
      .sync([newRecord(7, { procedureCode: "9.999999" })])
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe("dvcqg:-5");
    expect(error.message).toContain("MaTTHC 9.999999 không tồn tại");
  });
});

describe("CapNhatTienDoHoSoMC", () => {
  it("sends 23 steps in 3 batches and the history shows them", async () => {
    const { code } = sample("dang_xu_ly", 2);
    const before = await admin.portal.dossiers.history(code).toArray();
    const start = Date.parse("2024-05-24T13:30:00+07:00");
    const events = Array.from({ length: 23 }, (_, i) => ({
      code,
      status: (i === 22 ? "da_xu_ly_xong" : "dang_xu_ly") as DossierStatus,
      at: new Date(start + i * 60_000),
      // 75 characters: cut to the 50 the portal takes.
      officerName: "Nguyễn Văn Đức ".repeat(5),
      department: "Phòng Tư pháp",
      note: `Bước ${i + 1}: xử lý hồ sơ`,
    }));
    await expect(dvcqg.portal.dossiers.reportProgress(events)).resolves.toEqual({
      events: 23,
      batches: 3,
    });
    const calls = sandbox.dvcqg.calls().filter((c) => c.service === "CapNhatTienDoHoSoMC");
    expect(calls.map((c) => c.items)).toEqual([10, 10, 3]);
    const after = await admin.portal.dossiers.history(code).toArray();
    const added = after.slice(before.length);
    expect(added).toHaveLength(23);
    expect(added[0]).toMatchObject({
      status: "dang_xu_ly",
      at: "2024-05-24T13:30:00+07:00",
      note: "Bước 1: xử lý hồ sơ",
      actor: { kind: "officer" },
    });
    expect(added[0]?.actor.name).toBe("Nguyễn Văn Đức ".repeat(4).slice(0, 50));
    expect(added.at(-1)).toMatchObject({ status: "da_xu_ly_xong", previousStatus: "dang_xu_ly" });
    const dossier = await admin.portal.dossiers.get(code);
    expect(dossier).toMatchObject({
      status: "da_xu_ly_xong",
      completedAt: "2024-05-24T13:52:00+07:00",
    });
  });

  it("refuses bad steps before any call", async () => {
    const error = await dvcqg.portal.dossiers
      .reportProgress([{ code: "x", status: "dang_xu_ly", at: "yesterday" }])
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.map((f: { field: string }) => f.field)).toEqual([
      "events[0].code",
      "events[0].at",
    ]);
    expect(sandbox.dvcqg.calls()).toHaveLength(0);
  });
});

describe("session", () => {
  it("logs in once, and again once when the session lapsed", async () => {
    const fresh = client({ hooks: { onRequest: (e) => requests.push(e) } });
    try {
      requests.length = 0;
      const { code } = sample("da_tiep_nhan");
      await fresh.portal.dossiers.get(code);
      await fresh.portal.dossiers.get(code);
      expect(requests.map((r) => r.route)).toEqual([
        "/auth",
        "/integration#TraCuuHoSo",
        "/integration#TraCuuHoSo",
      ]);
      sandbox.dvcqg.clearCalls();
      requests.length = 0;
      expect(sandbox.dvcqg.expireSessions()).toBeGreaterThan(0);
      await expect(fresh.portal.dossiers.get(code)).resolves.toMatchObject({ code });
      expect(requests.map((r) => r.route)).toEqual([
        "/integration#TraCuuHoSo",
        "/auth",
        "/integration#TraCuuHoSo",
      ]);
      expect(sandbox.dvcqg.calls().map((c) => c.errorCode)).toEqual(["-1", "00"]);
    } finally {
      await fresh.close();
    }
  });

  it("shares one login between concurrent first calls", async () => {
    const fresh = client({ hooks: { onRequest: (e) => requests.push(e) } });
    try {
      requests.length = 0;
      const { code } = sample("da_tiep_nhan");
      await Promise.all([fresh.portal.dossiers.get(code), fresh.portal.procedures.get("1.001193")]);
      expect(requests.filter((r) => r.route === "/auth")).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it("wrong credentials are an AuthenticationError", async () => {
    const wrong = client({ password: "not-the-password" });
    try {
      const error = await wrong.portal.procedures.get("1.001193").catch((e) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.code).toBe("dvcqg:-2");
    } finally {
      await wrong.close();
    }
  });

  it("an unknown madonvi is a PermissionError", async () => {
    const stranger = client({ madonvi: "000.00.00.Z00" });
    try {
      const error = await stranger.portal.procedures.get("1.001193").catch((e) => e);
      expect(error).toBeInstanceOf(PermissionError);
      expect(error.code).toBe("dvcqg:-6");
    } finally {
      await stranger.close();
    }
  });

  it("needs its options", () => {
    expect(
      () => new Dvcqg({ baseURL: sandbox.url, username: "", password: "x", madonvi: "" }),
    ).toThrow(ValidationError);
  });
});

describe("other adapters' conventions", () => {
  /** A Thanh Hóa-style adapter: success "0", "3" + "đã tồn tại" on an existing dossier. */
  async function thanhHoaAdapter() {
    const seen: { service?: string; isUpdating?: string; session?: string }[] = [];
    const server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => {
        raw += chunk.toString("utf8");
      });
      req.on("end", () => {
        const body = JSON.parse(raw);
        seen.push(body);
        res.setHeader("content-type", "application/json");
        if (req.url === "/auth") return res.end(JSON.stringify({ session: "s1", error_code: "0" }));
        const exists = body.service === "DongBoHoSoMC" && body.isUpdating === "False";
        res.end(
          JSON.stringify(
            exists
              ? { error_code: "3", message: "Mã hồ sơ đã tồn tại trên hệ thống" }
              : { error_code: "0", message: "OK", result: [] },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it('accepts "0" as success and switches to update on "3 … đã tồn tại"', async () => {
    const adapter = await thanhHoaAdapter();
    const other = new Dvcqg({
      baseURL: adapter.url,
      authPath: "/auth",
      integrationPath: "/api",
      username: "u",
      password: "p",
      madonvi: madonvi,
    });
    try {
      const record = newRecord(8);
      await expect(other.portal.dossiers.sync([record])).resolves.toEqual([
        { code: record.code, action: "updated" },
      ]);
      expect(adapter.seen.map((b) => [b.service, b.isUpdating, b.session])).toEqual([
        [undefined, undefined, undefined],
        ["DongBoHoSoMC", "False", "s1"],
        ["DongBoHoSoMC", "True", "s1"],
      ]);
    } finally {
      await other.close();
      await adapter.close();
    }
  });
});
