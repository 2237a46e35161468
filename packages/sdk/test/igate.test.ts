import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Igate, type IgateOptions } from "../src/adapters/igate/index.js";
import {
  AuthenticationError,
  DOSSIER_STATUSES,
  type DossierStatus,
  NotFoundError,
  type PortalDossier,
  ValidationError,
  Vnegov,
} from "../src/index.js";
import { dossierFacts } from "./dossier-facts.js";

const REFERENCE_DATE = new Date("2024-05-24T12:00:00+07:00");
let sandbox: Sandbox;
let canonical: Vnegov;
let igate: Igate;
const clients: { close(): Promise<void> }[] = [];

function igateFor(target: Sandbox, options: Partial<IgateOptions> = {}): Igate {
  const client = new Igate({
    baseURL: `${target.url}/igate`,
    tokenURL: `${target.url}/igate/auth/realms/digo/protocol/openid-connect/token`,
    clientId: target.igate.credentials.clientId,
    clientSecret: target.igate.credentials.clientSecret,
    retry: { baseDelayMs: 20 },
    ...options,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: REFERENCE_DATE,
    rateLimits: { requestsPerSecond: 10_000 },
  });
  canonical = new Vnegov({
    baseURL: sandbox.url,
    auth: { apiKey: sandbox.credentials.bot.apiKey },
  });
  clients.push(canonical);
  igate = igateFor(sandbox);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sandbox.close();
});

/** The applicant's identity number of a dossier: the look-up secret on iGate. */
function idNumberOf(target: Sandbox, code: string): string {
  const row = target.db
    .prepare("SELECT applicant_id_number AS id FROM dossiers WHERE code = ?")
    .get(code) as { id: string };
  return row.id;
}

function sample(status: DossierStatus, index = 0) {
  const found = sandbox.samples[status]?.[index];
  if (!found) throw new Error(`no ${status} sample`);
  return found;
}

function codesWhere(sql: string, ...args: unknown[]): string[] {
  return (
    sandbox.db.prepare(`SELECT code FROM dossiers WHERE ${sql}`).all(...args) as { code: string }[]
  )
    .map((r) => r.code)
    .sort();
}

/** A submission the first fillable procedure accepts, by the applicant with `idNumber`. */
async function submission(idNumber: string) {
  for await (const summary of canonical.portal.procedures.search({ limit: 100 })) {
    if (summary.onlineLevel === "thong_tin") continue;
    const procedure = await canonical.portal.procedures.get(summary.code);
    const fields = procedure.formSchema.fields;
    if (fields.some((f) => f.pattern || f.type === "file")) continue;
    const values: Record<string, string | number> = { number: 1, date: "1990-01-15" };
    const formData: Record<string, string | number> = {};
    for (const f of fields)
      formData[f.key] =
        f.type === "select"
          ? (f.options?.[0]?.value ?? "")
          : f.type === "number"
            ? (f.minimum ?? 1)
            : (values[f.type] ??
              (f.type === "cccd"
                ? idNumber
                : f.type === "phone"
                  ? "0912345678"
                  : f.type === "email"
                    ? "a@example.com"
                    : "Nội dung"));
    return {
      procedureCode: procedure.code,
      applicant: {
        type: "cong_dan" as const,
        fullName: "Lê Văn Thử",
        idNumber,
        phone: "0387654321",
      },
      formData,
    };
  }
  throw new Error("no fillable procedure");
}

/** The fields both backends report the same way. */
function comparable(d: PortalDossier | Awaited<ReturnType<Vnegov["portal"]["dossiers"]["get"]>>) {
  return {
    ...dossierFacts(d),
    updatedAt: d.updatedAt,
    pendingKind: d.pendingAction?.kind ?? null,
  };
}

const stats = (target = sandbox) => target.igate.stats;

describe("look-ups match the canonical API", () => {
  it.each(DOSSIER_STATUSES)("a %s dossier reads the same through iGate", async (status) => {
    const { code, secret } = sample(status);
    const viaIgate = await igate.portal.dossiers.get(code, { secret: idNumberOf(sandbox, code) });
    const viaCanonical = await canonical.portal.dossiers.get(code, { secret });
    expect(comparable(viaIgate)).toEqual(comparable(viaCanonical));
    expect(viaIgate.applicant.maskedIdNumber).toMatch(/^\*+\d{4}$/);
    expect(viaIgate.wireCodes).toMatchObject({
      status: expect.stringMatching(/^\d+$/),
      channel: expect.stringMatching(/^\d$/),
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
  });

  it("keeps Vietnamese names intact", async () => {
    const { code } = sample("dang_xu_ly");
    const dossier = await igate.portal.dossiers.get(code, { secret: idNumberOf(sandbox, code) });
    expect(dossier.procedureName).toMatch(
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
    );
    expect(dossier.agencyName.length).toBeGreaterThan(0);
  });

  it("answers a wrong identity number exactly like an unknown code", async () => {
    const { code } = sample("da_tiep_nhan");
    const right = idNumberOf(sandbox, code);
    const wrong = `${right.slice(0, -1)}${right.endsWith("0") ? "1" : "0"}`;
    const wrongSecret = await igate.portal.dossiers.get(code, { secret: wrong }).catch((e) => e);
    const unknown = await igate.portal.dossiers
      .get("000.00.12.H12-991231-9999", { secret: right })
      .catch((e) => e);
    for (const error of [wrongSecret, unknown]) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ code: "igate:not_found", status: 200 });
    }
    expect(wrongSecret.message).toBe(unknown.message);
    const short = await igate.portal.dossiers.get(code, { secret: "1" }).catch((e) => e);
    expect(short).toBeInstanceOf(NotFoundError);
  });

  it("checks arguments before any request", async () => {
    const before = stats().apiRequests;
    await expect(igate.portal.dossiers.get("not-a-code")).rejects.toBeInstanceOf(ValidationError);
    await expect(
      igate.portal.dossiers.get(sample("dang_xu_ly").code, { secret: " " }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(stats().apiRequests).toBe(before);
  });

  it("looks up without a secret for officers' tools", async () => {
    const { code } = sample("yeu_cau_bo_sung");
    const dossier = await igate.portal.dossiers.get(code);
    expect(dossier.status).toBe("yeu_cau_bo_sung");
    expect(dossier.pendingAction).toMatchObject({ kind: "supplement", note: expect.any(String) });
    const viaCanonical = await canonical.portal.dossiers.get(code, {
      secret: sample("yeu_cau_bo_sung").secret,
    });
    expect(dossier.pendingAction?.note).toBe(viaCanonical.pendingAction?.note);
  });

  it("reports the current step as recent history when asked", async () => {
    const { code } = sample("dang_xu_ly");
    const plain = await igate.portal.dossiers.get(code);
    expect(plain.recentHistory).toBeUndefined();
    const dossier = await igate.portal.dossiers.get(code, { include: "recentHistory" });
    expect(dossier.recentHistory).toEqual([
      expect.objectContaining({
        status: "dang_xu_ly",
        statusCode: 4,
        at: dossier.updatedAt,
        note: expect.any(String),
      }),
    ]);
  });

  it("shows a status id outside the table as unknown with its raw code", async () => {
    const { code } = sample("dung_xu_ly");
    const control = `${sandbox.url}/_emulator/igate/dossiers/${code}/status`;
    await fetch(control, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: 17, name: "Chờ phê duyệt" }),
    });
    try {
      const dossier = await igate.portal.dossiers.get(code, { include: "recentHistory" });
      expect(dossier).toMatchObject({ status: "unknown", statusCode: null, timeliness: null });
      expect(dossier.wireCodes?.status).toBe("17");
      expect(dossier.recentHistory).toEqual([]);
    } finally {
      await fetch(control, { method: "DELETE" });
    }
    expect((await igate.portal.dossiers.get(code)).status).toBe("dung_xu_ly");
  });
});

describe("search", () => {
  it("finds every dossier of an identity number, one page at a time", async () => {
    // Seeded applicants apply once each; this one applies three times.
    const id = "079188001234";
    for (let i = 0; i < 3; i++) await canonical.portal.dossiers.submit(await submission(id));
    const expected = codesWhere("applicant_id_number = ?", id);
    const before = stats();
    const found = await igate.portal.dossiers.search({ identityNumber: id, limit: 1 }).toArray();
    expect(found.map((d) => d.code).sort()).toEqual(expected);
    // One dossier per page: the slice's look-ahead marks the last page, so no empty extra call.
    expect(expected.length).toBeGreaterThan(1);
    expect(stats().apiRequests - before.apiRequests).toBe(expected.length);
    for (const d of found) expect(d.applicant.maskedIdNumber).toBe(`********${id.slice(-4)}`);
  });

  it("filters by a status list across several pages, sorted by appointment", async () => {
    const expected = codesWhere("status IN ('dang_xu_ly', 'yeu_cau_bo_sung')");
    const before = stats();
    const found: PortalDossier[] = [];
    for await (const d of igate.portal.dossiers.search({
      status: ["dang_xu_ly", "yeu_cau_bo_sung"],
      sort: "appointmentDate,asc",
      limit: 7,
    }))
      found.push(d);
    expect(found.map((d) => d.code).sort()).toEqual(expected);
    expect(new Set(found.map((d) => d.code)).size).toBe(found.length);
    expect(stats().apiRequests - before.apiRequests).toBe(Math.floor(expected.length / 7) + 1);
    for (const d of found) expect(["dang_xu_ly", "yeu_cau_bo_sung"]).toContain(d.status);
    const due = found.map((d) => (d.appointmentAt ? Date.parse(d.appointmentAt) : 0));
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it("filters by accepted date range (days or instants)", async () => {
    const { at } = sandbox.db
      .prepare(
        "SELECT received_at AS at FROM dossiers WHERE received_at IS NOT NULL ORDER BY received_at LIMIT 1 OFFSET 30",
      )
      .get() as { at: number };
    const day = new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
    const until = new Date(at + 9 * 86_400_000);
    const expected = codesWhere(
      "received_at BETWEEN ? AND ?",
      Date.parse(`${day}T00:00:00+07:00`),
      until.getTime(),
    );
    expect(expected.length).toBeGreaterThan(6);
    const found = await igate.portal.dossiers
      .search({ acceptedFrom: day, acceptedTo: until, limit: 4 })
      .toArray();
    expect(found.map((d) => d.code).sort()).toEqual(expected);
  });

  it("gives the first page on await, and honours maxItems across pages", async () => {
    const page = await igate.portal.dossiers.search({ sort: "code,asc", limit: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.nextCursor).toBe("5");
    const all = codesWhere("1");
    expect(page.data.map((d) => d.code)).toEqual(all.slice(0, 5));
    const capped = await igate.portal.dossiers
      .search({ sort: "code,asc", limit: 5, maxItems: 13 })
      .toArray();
    expect(capped.map((d) => d.code)).toEqual(all.slice(0, 13));
    const resumed = await igate.portal.dossiers.search({ sort: "code,asc", limit: 4, cursor: "6" });
    expect(resumed.data.map((d) => d.code)).toEqual(all.slice(6, 10));
  });

  it("refuses bad filters before any request, and types the gateway's 400", async () => {
    const before = stats().apiRequests;
    expect(() => igate.portal.dossiers.search({ status: "qua_han" as DossierStatus })).toThrow(
      ValidationError,
    );
    expect(() => igate.portal.dossiers.search({ acceptedFrom: "24/05/2024" })).toThrow(
      ValidationError,
    );
    expect(() => igate.portal.dossiers.search({ limit: 500 })).toThrow(ValidationError);
    expect(stats().apiRequests).toBe(before);
    const error = await igate.portal.dossiers.search({ sort: "fee,asc" as never }).then(
      () => undefined,
      (e) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, code: "igate:bad_request" });
  });
});

describe("Keycloak tokens", () => {
  it("reuses one token across calls", async () => {
    const fresh = igateFor(sandbox);
    const before = stats();
    await Promise.all([
      fresh.portal.dossiers.get(sample("da_rut").code),
      fresh.portal.dossiers.get(sample("da_xu_ly_xong").code),
      fresh.portal.dossiers.search({ limit: 3 }),
    ]);
    await fresh.portal.dossiers.get(sample("moi_dang_ky").code);
    expect(stats().tokenRequests - before.tokenRequests).toBe(1);
  });

  it("fetches a new token once when the gateway refuses an expired one", async () => {
    await igate.portal.dossiers.get(sample("da_tiep_nhan").code);
    sandbox.igate.expireTokens();
    const before = stats();
    const dossier = await igate.portal.dossiers.get(sample("da_tiep_nhan").code);
    expect(dossier.status).toBe("da_tiep_nhan");
    const after = stats();
    expect(after.tokenRequests - before.tokenRequests).toBe(1);
    expect(after.rejectedTokens - before.rejectedTokens).toBe(1);
  });

  it("refreshes before expiry, so short-lived tokens are never refused", async () => {
    const short = await startSandbox({ igate: { accessTokenTtlSeconds: 1 } });
    try {
      const client = igateFor(short);
      const search = () => client.portal.dossiers.search({ limit: 1 }).then((p) => p.data);
      await search();
      await new Promise((resolve) => setTimeout(resolve, 950));
      await search();
      expect(short.igate.stats).toMatchObject({
        tokenRequests: 2,
        rejectedTokens: 0,
        apiRequests: 2,
      });
    } finally {
      await short.close();
    }
  });

  it("builds the token URL from ssoURL and realm", async () => {
    const client = igateFor(sandbox, { tokenURL: undefined, ssoURL: `${sandbox.url}/igate` });
    expect((await client.portal.dossiers.get(sample("da_rut").code)).status).toBe("da_rut");
    const other = igateFor(sandbox, {
      tokenURL: undefined,
      ssoURL: `${sandbox.url}/igate`,
      realm: "khac",
    });
    await expect(other.portal.dossiers.get(sample("da_rut").code)).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });

  it("types a wrong client secret as AuthenticationError", async () => {
    const client = igateFor(sandbox, { clientSecret: "wrong" });
    const error = await client.portal.dossiers.get(sample("da_rut").code).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      code: "igate:invalid_client",
      request: { method: "POST", path: "/igate/auth/realms/digo/protocol/openid-connect/token" },
    });
    expect(error.message).not.toContain("wrong");
  });
});

describe("options", () => {
  it("refuses missing credentials, bad URLs and unknown keys", () => {
    const base = {
      baseURL: "https://api.example.gov.vn",
      tokenURL: "https://sso.example.gov.vn/token",
      clientId: "x",
      clientSecret: "y",
    };
    expect(() => new Igate({ ...base, clientSecret: "" })).toThrow(ValidationError);
    expect(() => new Igate({ ...base, tokenURL: undefined })).toThrow(ValidationError);
    expect(() => new Igate({ ...base, baseURL: "ftp://x" })).toThrow(ValidationError);
    expect(() => new Igate({ ...base, tokenUrl: "https://x" } as IgateOptions)).toThrow(/tokenUrl/);
    expect(() => new Igate({ ...base, statusIds: { dang_xu_ly: 1 } })).toThrow(ValidationError);
    expect(new Igate(base).portal.procedures).toBeUndefined();
  });

  it("reads a deployment's own status ids", async () => {
    const statusIds = { dang_xu_ly: 16, da_xu_ly_xong: 17 } as const;
    const custom = await startSandbox({
      seed: 2021,
      referenceDate: REFERENCE_DATE,
      igate: { statusIds },
    });
    try {
      const { code } = custom.samples.dang_xu_ly?.[0] ?? { code: "" };
      const matching = igateFor(custom, { statusIds });
      const dossier = await matching.portal.dossiers.get(code, {
        secret: idNumberOf(custom, code),
      });
      expect(dossier).toMatchObject({ status: "dang_xu_ly", statusCode: 4 });
      expect(dossier.wireCodes?.status).toBe("16");
      const found = await matching.portal.dossiers
        .search({ status: "dang_xu_ly", limit: 100 })
        .toArray();
      expect(found.length).toBe(
        (
          custom.db
            .prepare("SELECT COUNT(*) AS n FROM dossiers WHERE status = 'dang_xu_ly'")
            .get() as { n: number }
        ).n,
      );
      // A client on the default table does not know 16.
      const defaults = igateFor(custom);
      expect((await defaults.portal.dossiers.get(code)).status).toBe("unknown");
    } finally {
      await custom.close();
    }
  });
});
