import type { IgateEmulator, Sandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, seededSandbox, submittableProcedures, validSubmission } from "./helpers.js";

let sandbox: Sandbox;
let igate: IgateEmulator;
let token: string;
const admin = () => sandbox.credentials.admin.apiKey;

const TOKEN_PATH = "/igate/auth/realms/digo/protocol/openid-connect/token";
const ISO_VN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/;
/** The assumed table, spelled out: the emulator must serve exactly these ids. */
const STATUS_IDS: Record<string, number> = {
  moi_dang_ky: 0,
  da_tiep_nhan: 1,
  dang_xu_ly: 2,
  yeu_cau_bo_sung: 3,
  nghia_vu_tai_chinh: 4,
  da_xu_ly_xong: 5,
  khong_tiep_nhan: 6,
  da_rut: 7,
  dung_xu_ly: 8,
  da_tra_ket_qua: 9,
};
const CHANNEL_IDS: Record<string, number> = { truc_tiep: 0, truc_tuyen: 1, buu_chinh: 2 };

beforeAll(async () => {
  sandbox = await seededSandbox();
  igate = sandbox.igate;
  token = await fetchToken();
});
afterAll(() => sandbox.close());

function basic(id: string, secret: string) {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

async function tokenCall(form: Record<string, string>, headers: Record<string, string> = {}) {
  return call(sandbox, TOKEN_PATH, {
    method: "POST",
    rawBody: new URLSearchParams(form),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
}

async function fetchToken(): Promise<string> {
  const { clientId, clientSecret } = igate.credentials;
  const res = await tokenCall(
    { grant_type: "client_credentials" },
    { authorization: basic(clientId, clientSecret) },
  );
  return res.body.access_token;
}

/** A gateway GET with the shared token. */
function api(path: string, bearer = token) {
  return call(sandbox, `/igate${path}`, { key: bearer });
}

function db<T>(sql: string, ...args: unknown[]): T[] {
  return sandbox.db.prepare(sql).all(...args) as T[];
}

/** Every page of a search, walked by page number until `last`. */
async function allPages(query: string, size: number) {
  const items: any[] = [];
  for (let page = 0; page < 100; page++) {
    const { body } = await api(`/pa/dossier/search?spec=slice&size=${size}&page=${page}&${query}`);
    items.push(...body.content);
    if (body.last) return { items, pages: page + 1 };
  }
  throw new Error("never reached the last page");
}

describe("Keycloak token endpoint", () => {
  it("grants client credentials given by HTTP Basic, in Keycloak's shape", async () => {
    const { clientId, clientSecret } = igate.credentials;
    const res = await tokenCall(
      { grant_type: "client_credentials" },
      { authorization: basic(clientId, clientSecret) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({
      expires_in: 300,
      refresh_expires_in: 0,
      token_type: "Bearer",
      "not-before-policy": 0,
    });
    const [, payload] = (res.body.access_token as string).split(".");
    const claims = JSON.parse(Buffer.from(payload as string, "base64url").toString("utf8"));
    expect(claims).toMatchObject({ azp: clientId, iss: `${sandbox.url}/igate/auth/realms/digo` });
    expect(claims.exp - claims.iat).toBe(300);
  });

  it("grants client credentials given as form fields", async () => {
    const { clientId, clientSecret } = igate.credentials;
    const res = await tokenCall({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(res.status).toBe(200);
    expect(typeof res.body.access_token).toBe("string");
  });

  it("answers a wrong secret with 401 invalid_client", async () => {
    const res = await tokenCall(
      { grant_type: "client_credentials" },
      { authorization: basic(igate.credentials.clientId, "wrong") },
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("invalid_client");
    const none = await tokenCall({ grant_type: "client_credentials" });
    expect(none.status).toBe(401);
  });

  it("refuses other grants and malformed requests as Keycloak does", async () => {
    const auth = {
      authorization: basic(igate.credentials.clientId, igate.credentials.clientSecret),
    };
    const code = await tokenCall({ grant_type: "authorization_code" }, auth);
    expect(code.status).toBe(400);
    expect(code.body.error).toBe("unsupported_grant_type");
    const password = await tokenCall(
      { grant_type: "password", username: "a", password: "b" },
      auth,
    );
    expect(password.status).toBe(400);
    expect(password.body.error).toBe("unauthorized_client");
    const json = await call(sandbox, TOKEN_PATH, {
      body: { grant_type: "client_credentials" },
      headers: auth,
    });
    expect(json.status).toBe(400);
    expect(json.body.error).toBe("invalid_request");
    const realm = await call(sandbox, "/igate/auth/realms/other/protocol/openid-connect/token", {
      method: "POST",
      rawBody: new URLSearchParams({ grant_type: "client_credentials" }),
      headers: { "content-type": "application/x-www-form-urlencoded", ...auth },
    });
    expect(realm.status).toBe(404);
    expect(realm.body).toEqual({ error: "Realm does not exist" });
  });
});

describe("API gateway authentication", () => {
  it("answers a missing or forged token with Spring Security's 401", async () => {
    const missing = await call(sandbox, "/igate/pa/dossier/search?code=x");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    expect(missing.body).toMatchObject({
      status: 401,
      error: "Unauthorized",
      path: "/pa/dossier/search",
    });
    expect(Date.parse(missing.body.timestamp)).not.toBeNaN();
    const forged = await api("/pa/dossier/search", `${token.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
  });

  it("expires every token on demand; a new one works", async () => {
    const stale = await fetchToken();
    expect((await api("/pa/dossier/search?size=1", stale)).status).toBe(200);
    const expire = await call(sandbox, "/_emulator/igate/tokens/expire", { method: "POST" });
    expect(expire.body.ok).toBe(true);
    const refused = await api("/pa/dossier/search?size=1", stale);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/^Jwt expired at /);
    token = await fetchToken();
    expect((await api("/pa/dossier/search?size=1")).status).toBe(200);
  });

  it("expires tokens by their lifetime", async () => {
    const short = await seededSandbox({ seed: false, igate: { accessTokenTtlSeconds: 0.3 } });
    try {
      const res = await fetch(`${short.url}${TOKEN_PATH}`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: basic(
            short.igate.credentials.clientId,
            short.igate.credentials.clientSecret,
          ),
        },
        body: "grant_type=client_credentials",
      });
      const { access_token } = (await res.json()) as { access_token: string };
      const search = () =>
        fetch(`${short.url}/igate/pa/dossier/search`, {
          headers: { authorization: `Bearer ${access_token}` },
        });
      expect((await search()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await search()).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe("dossier search", () => {
  it("finds a seeded dossier by code, in iGate's shape, from the shared world", async () => {
    const sample = sandbox.samples.da_tra_ket_qua?.[0];
    if (!sample) throw new Error("no sample");
    const [row] = db<any>("SELECT * FROM dossiers WHERE code = ?", sample.code);
    const res = await api(`/pa/dossier/search?page=0&size=20&spec=slice&code=${sample.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      number: 0,
      size: 20,
      numberOfElements: 1,
      first: true,
      last: true,
    });
    expect(res.body).not.toHaveProperty("totalElements");
    const [dossier] = res.body.content;
    const applicant = JSON.parse(row.applicant);
    expect(dossier).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      code: sample.code,
      procedure: { code: row.procedure_code, translate: [{ languageId: 228 }] },
      agency: { code: row.agency_code, name: [{ languageId: 228 }] },
      applicant: {
        data: {
          fullname: applicant.fullName,
          identityNumber: row.applicant_id_number,
          phoneNumber: applicant.phone,
        },
      },
      dossierStatus: { id: 9, name: [{ languageId: 228, name: "Đã trả kết quả" }] },
      applyMethod: { id: CHANNEL_IDS[row.channel] },
      statusCurrentTask: expect.any(String),
    });
    // Vietnamese survives the trip.
    const [procedure] = db<any>("SELECT name FROM procedures WHERE code = ?", row.procedure_code);
    expect(dossier.procedure.translate[0].name).toBe(procedure.name);
    for (const field of [
      "appliedDate",
      "acceptedDate",
      "appointmentDate",
      "completedDate",
      "updatedDate",
    ])
      expect(dossier[field]).toMatch(ISO_VN);
    expect(Date.parse(dossier.appliedDate)).toBe(row.submitted_at);
    expect(Date.parse(dossier.appointmentDate)).toBe(row.appointment_at);
  });

  it("reports every status with the table's id", async () => {
    for (const [status, id] of Object.entries(STATUS_IDS)) {
      const code = sandbox.samples[status as keyof typeof sandbox.samples]?.[0]?.code;
      const res = await api(`/pa/dossier/search?code=${code}`);
      expect(res.body.content[0].dossierStatus.id, status).toBe(id);
    }
  });

  it("answers without spec as a Page with totals", async () => {
    const res = await api("/pa/dossier/search?size=7");
    const n = db<{ n: number }>("SELECT COUNT(*) AS n FROM dossiers")[0]?.n ?? 0;
    expect(n).toBeGreaterThan(100);
    expect(res.body).toMatchObject({ totalElements: n, totalPages: Math.ceil(n / 7), size: 7 });
  });

  it("filters by identity number", async () => {
    // Seeded applicants apply once each; this one applies three times.
    const row = { id: "079188005678" };
    const [procedure] = await submittableProcedures(sandbox, admin());
    for (let i = 0; i < 3; i++) {
      const body = await validSubmission(sandbox, admin(), procedure.code);
      body.applicant.idNumber = row.id;
      expect((await call(sandbox, "/portal/v1/dossiers", { key: admin(), body })).status).toBe(201);
    }
    const expected = db<any>("SELECT code FROM dossiers WHERE applicant_id_number = ?", row.id);
    expect(expected).toHaveLength(3);
    const { items, pages } = await allPages(`identity-number=${row.id}`, 1);
    expect(pages).toBe(3);
    expect(items.map((d) => d.code).sort()).toEqual(expected.map((r) => r.code).sort());
    for (const d of items) expect(d.applicant.data.identityNumber).toBe(row.id);
  });

  it("filters by a list of status ids and walks pages without overlap", async () => {
    const expected = db<any>(
      "SELECT code FROM dossiers WHERE status IN ('dang_xu_ly', 'da_tra_ket_qua')",
    );
    const { items, pages } = await allPages("dossier-status=2,9&sort=appointmentDate,asc", 10);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(items.map((d) => d.code)).size).toBe(items.length);
    expect(items.map((d) => d.code).sort()).toEqual(expected.map((r) => r.code).sort());
    for (const d of items) expect([2, 9]).toContain(d.dossierStatus.id);
    const due = items.map((d) => (d.appointmentDate ? Date.parse(d.appointmentDate) : -1));
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it("filters by accepted date range, bare dates covering whole Vietnamese days", async () => {
    const [row] = db<any>(
      "SELECT received_at FROM dossiers WHERE received_at IS NOT NULL ORDER BY received_at LIMIT 1 OFFSET 40",
    );
    const from = new Date(row.received_at + 7 * 3_600_000).toISOString().slice(0, 10);
    const toMs = row.received_at + 10 * 86_400_000;
    const to = new Date(toMs + 7 * 3_600_000).toISOString().slice(0, 10);
    const startMs = Date.parse(`${from}T00:00:00+07:00`);
    const endMs = Date.parse(`${to}T00:00:00+07:00`) + 86_400_000 - 1;
    const expected = db<any>(
      "SELECT code FROM dossiers WHERE received_at BETWEEN ? AND ?",
      startMs,
      endMs,
    );
    expect(expected.length).toBeGreaterThan(5);
    const { items } = await allPages(`accepted-from=${from}&accepted-to=${to}`, 5);
    expect(items.map((d) => d.code).sort()).toEqual(expected.map((r) => r.code).sort());
    const instant = await api(
      `/pa/dossier/search?size=100&accepted-from=${encodeURIComponent(`${from}T00:00:00.000+07:00`)}&accepted-to=${encodeURIComponent(new Date(endMs).toISOString())}`,
    );
    expect(instant.body.content.length).toBe(Math.min(100, expected.length));
  });

  it("bends bad paging to Spring's defaults but refuses unconvertible filters", async () => {
    const odd = await api("/pa/dossier/search?page=-3&size=abc&spec=slice");
    expect(odd.status).toBe(200);
    expect(odd.body).toMatchObject({ number: 0, size: 20, numberOfElements: 20 });
    const big = await api("/pa/dossier/search?size=5000&spec=slice");
    expect(big.body.size).toBe(100);
    for (const query of [
      "dossier-status=2,x",
      "accepted-from=24/05/2024",
      "sort=fee,asc",
      "sort=code,up",
    ]) {
      const res = await api(`/pa/dossier/search?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({
        status: 400,
        error: "Bad Request",
        path: "/pa/dossier/search",
      });
    }
  });

  it("gives one dossier by id at /--online; an unknown id is a Spring 404", async () => {
    const code = sandbox.samples.dang_xu_ly?.[0]?.code;
    const listed = (await api(`/pa/dossier/search?code=${code}`)).body.content[0];
    const one = await api(`/pa/dossier/${listed.id}/--online`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(listed);
    const missing = await api("/pa/dossier/0123456789abcdef01234567/--online");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, error: "Not Found" });
  });

  it("shows dossiers submitted and moved through the canonical API", async () => {
    const [procedure] = await submittableProcedures(sandbox, admin());
    const submitted = await call(sandbox, "/portal/v1/dossiers", {
      key: admin(),
      body: await validSubmission(sandbox, admin(), procedure.code),
    });
    const code = submitted.body.dossier.code;
    const before = await api(`/pa/dossier/search?code=${code}`);
    expect(before.body.content[0]).toMatchObject({
      dossierStatus: { id: 0 },
      applicant: { data: { fullname: "Nguyễn Thị Thử", identityNumber: "079203004567" } },
      acceptedDate: null,
    });
    await call(sandbox, `/portal/v1/dossiers/${code}/transitions`, {
      key: admin(),
      body: { status: "da_tiep_nhan" },
    });
    const after = await api(`/pa/dossier/search?code=${code}`);
    expect(after.body.content[0].dossierStatus.id).toBe(1);
    expect(after.body.content[0].acceptedDate).toMatch(ISO_VN);
  });
});

describe("controls and options", () => {
  it("forces a raw status id onto a dossier, searchable by that id, and clears it", async () => {
    const code = sandbox.samples.dung_xu_ly?.[0]?.code as string;
    const set = await call(sandbox, `/_emulator/igate/dossiers/${code}/status`, {
      method: "PUT",
      body: { id: 17, name: "Chờ phê duyệt" },
    });
    expect(set.body).toEqual({ ok: true, result: true });
    const hit = await api(`/pa/dossier/search?code=${code}`);
    expect(hit.body.content[0].dossierStatus).toMatchObject({
      id: 17,
      name: [{ name: "Chờ phê duyệt" }],
    });
    const by17 = await api("/pa/dossier/search?dossier-status=17");
    expect(by17.body.content.map((d: any) => d.code)).toEqual([code]);
    const by8 = await allPages("dossier-status=8", 100);
    expect(by8.items.map((d) => d.code)).not.toContain(code);
    await call(sandbox, `/_emulator/igate/dossiers/${code}/status`, { method: "DELETE" });
    expect((await api(`/pa/dossier/search?code=${code}`)).body.content[0].dossierStatus.id).toBe(8);
    const bad = await call(sandbox, "/_emulator/igate/dossiers/nope/status", {
      method: "PUT",
      body: { id: 1 },
    });
    expect(bad.status).toBe(400);
  });

  it("counts token requests and served calls", async () => {
    const before = (await call(sandbox, "/_emulator/igate/stats")).body.result;
    await fetchToken();
    await api("/pa/dossier/search?size=1");
    const after = (await call(sandbox, "/_emulator/igate/stats")).body.result;
    expect(after.tokenRequests - before.tokenRequests).toBe(1);
    expect(after.apiRequests - before.apiRequests).toBe(1);
  });

  it("serves a deployment's own status ids", async () => {
    const custom = await seededSandbox({
      igate: { statusIds: { dang_xu_ly: 16, da_xu_ly_xong: 17 } },
    });
    try {
      const { clientId, clientSecret } = custom.igate.credentials;
      const granted = await fetch(`${custom.url}${TOKEN_PATH}`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: basic(clientId, clientSecret),
        },
        body: "grant_type=client_credentials",
      });
      const { access_token } = (await granted.json()) as { access_token: string };
      const code = custom.samples.dang_xu_ly?.[0]?.code;
      const res = await fetch(`${custom.url}/igate/pa/dossier/search?code=${code}`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      const body = (await res.json()) as any;
      expect(body.content[0].dossierStatus.id).toBe(16);
    } finally {
      await custom.close();
    }
  });
});
