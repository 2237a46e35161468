import { createHash } from "node:crypto";
import { type LgspSystem, type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The LGSP emulator over its wire, with plain fetch: what a system that is not our SDK sees.
 * The SDK's side (typed errors, byte stability through parse/build) is in
 * packages/sdk/test/lgsp.test.ts.
 */

const NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
const STP = "000.00.12.H99";
const UBND = "000.00.00.H99";
const SNV = "000.00.11.H99";

let sandbox: Sandbox;
let api: string;
const tokens = new Map<string, string>();

beforeAll(async () => {
  sandbox = await startSandbox({ seed: true });
  api = `${sandbox.url}/lgsp/v1`;
});
afterAll(() => sandbox.close());

const system = (agency: string): LgspSystem => {
  const found = sandbox.lgsp.systemOf(agency);
  if (!found) throw new Error(`no system for ${agency}`);
  return found;
};

async function login(s: LgspSystem) {
  const response = await fetch(`${api}/auth/login?allow_anonymous=true`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      username: s.username,
      password: s.password,
      applicationCode: s.applicationCode,
      otp: null,
      twoFactorProvider: null,
      typeObjs: [0, 1],
    }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function headersOf(agency: string, override: Record<string, string> = {}) {
  const s = system(agency);
  let token = tokens.get(agency);
  if (!token) {
    token = (await login(s)).body.data.token as string;
    tokens.set(agency, token);
  }
  return {
    authorization: `Bearer ${token}`,
    "x-systemid": s.systemId,
    "x-secretkey": s.secretKey,
    ...override,
  };
}

async function call(agency: string, path: string, init: RequestInit = {}, override = {}) {
  const response = await fetch(`${api}${path}`, {
    ...init,
    headers: { ...(await headersOf(agency, override)), ...(init.headers as object) },
  });
  return { status: response.status, body: (await response.json()) as any };
}

function sendFile(agency: string, bytes: Uint8Array | string, messageType = "edoc", override = {}) {
  const form = new FormData();
  form.append("edocFile", new Blob([bytes], { type: "application/xml" }), "vb.edxml");
  form.append("messageType", messageType);
  return call(agency, "/sendEdoc", { method: "POST", body: form }, override);
}

const today = () =>
  new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "/");
const received = (agency: string) =>
  call(agency, `/syncReceivedEdocList?messageType=edoc&fromDate=${today()}&toDate=${today()}`);

let serial = 0;
/** A hand-written QCVN 102 envelope (the sandbox has no edXML builder of its own). */
function envelope(
  options: {
    from?: string | null;
    to?: string[];
    ns?: string;
    subject?: string;
    attachment?: string;
    number?: string;
  } = {},
): string {
  const number = options.number ?? String(1000 + ++serial);
  const from =
    options.from === null
      ? ""
      : `<e:From><e:OrganId>${options.from ?? STP}</e:OrganId><e:OrganName>Sở Tư pháp tỉnh Lam Giang</e:OrganName></e:From>`;
  const to = (options.to ?? [UBND])
    .map((id) => `<e:To><e:OrganId>${id}</e:OrganId></e:To>`)
    .join("");
  const attachment =
    options.attachment === undefined
      ? ""
      : `<e:AttachmentEncoded><e:Attachment><e:ContentId>cid:1</e:ContentId><e:AttachmentName>Tờ trình.pdf</e:AttachmentName><e:ContentType>application/pdf</e:ContentType><e:ContentTransferEncoded>${options.attachment}</e:ContentTransferEncoded></e:Attachment></e:AttachmentEncoded>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<e:edXMLEnvelope xmlns:e="${options.ns ?? NS}">
  <e:edXMLHeader><e:MessageHeader>${from}${to}
    <e:DocumentId>${STP},2025/07/15,${number}/STP-VP</e:DocumentId>
    <e:Code><e:CodeNumber>${number}</e:CodeNumber><e:CodeNotation>STP-VP</e:CodeNotation></e:Code>
    <e:PromulgationInfo><e:Place>Lam Giang</e:Place><e:PromulgationDate>2025/07/15</e:PromulgationDate></e:PromulgationInfo>
    <e:DocumentType><e:Type>1</e:Type><e:TypeName>Công văn</e:TypeName></e:DocumentType>
    <e:Subject>${options.subject ?? "Về việc đôn đốc &amp; kiểm tra hồ sơ Đắk Lắk"}</e:Subject>
    <e:SignerInfo><e:Competence>KT. GIÁM ĐỐC</e:Competence><e:Position>Phó Giám đốc</e:Position><e:FullName>Đặng Thị Hoà</e:FullName></e:SignerInfo>
    <e:OtherInfo><e:Priority>0</e:Priority></e:OtherInfo>
  </e:MessageHeader></e:edXMLHeader>${attachment}
</e:edXMLEnvelope>
`;
}

describe("login and credentials", () => {
  it("issues a JWT-shaped token that expires in about 30 minutes", async () => {
    const { status, body } = await login(system(STP));
    expect(status).toBe(200);
    expect(body.code).toBe(200);
    const token = body.data.token as string;
    expect(token.split(".")).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString());
    expect(claims.exp - claims.iat).toBe(1800);
  });

  it("hands a client the credentials of an agency's system, and refuses an unknown agency", () => {
    const { agencyCode, ...credentials } = system(STP);
    expect(agencyCode).toBe(STP);
    expect(sandbox.lgsp.credentialsOf(STP)).toEqual(credentials);
    expect(() => sandbox.lgsp.credentialsOf("000.00.99.H99")).toThrow(/No LGSP system/);
  });

  it("refuses a wrong password with 401", async () => {
    const { status, body } = await login({ ...system(STP), password: "sai mật khẩu" });
    expect(status).toBe(401);
    expect(body.code).toBe(401);
    expect(body.data).toBeNull();
  });

  it("answers 401 without a token, and errorCode 15 in a 200 body for a wrong secret", async () => {
    const bare = await fetch(`${api}/getAgenciesList`, {
      headers: { "x-systemid": system(STP).systemId, "x-secretkey": system(STP).secretKey },
    });
    expect(bare.status).toBe(401);
    const wrong = await call(STP, "/getAgenciesList", {}, { "x-secretkey": "not-the-secret" });
    expect(wrong.status).toBe(200);
    expect(wrong.body.data).toMatchObject({ status: "FAIL", errorCode: "15" });
    expect(wrong.body.errorDetail).toEqual([
      expect.objectContaining({ exception: expect.any(String) }),
    ]);
    // A token is bound to its system: another system's id with this token is refused too.
    const other = await call(
      STP,
      "/getAgenciesList",
      {},
      {
        "x-systemid": system(UBND).systemId,
        "x-secretkey": system(UBND).secretKey,
      },
    );
    expect(other.body.data.errorCode).toBe("15");
  });

  it("expires every token on request", async () => {
    const s = system(SNV);
    const token = (await login(s)).body.data.token as string;
    const headers = {
      authorization: `Bearer ${token}`,
      "x-systemid": s.systemId,
      "x-secretkey": s.secretKey,
    };
    expect((await fetch(`${api}/getAgenciesList`, { headers })).status).toBe(200);
    const control = await fetch(`${sandbox.url}/_emulator/lgsp/tokens/expire`, { method: "POST" });
    expect(control.status).toBe(200);
    expect((await fetch(`${api}/getAgenciesList`, { headers })).status).toBe(401);
    tokens.clear();
  });
});

describe("sendEdoc → syncReceivedEdocList → getEdoc", () => {
  it("stores the envelope byte for byte and delivers it to the receiver only", async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x0a]);
    const xml = envelope({ attachment: pdf.toString("base64") });
    const bytes = new TextEncoder().encode(xml);
    const sent = await sendFile(STP, bytes);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      code: 200,
      message: "Success",
      data: { status: "OK", errorCode: "0" },
    });
    const docId = sent.body.data.docId as string;
    expect(docId).toMatch(/^[0-9a-f-]{36}$/);

    const stored = (await (
      await fetch(`${sandbox.url}/_emulator/lgsp/edocs/${docId}`)
    ).json()) as any;
    expect(stored.result.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(stored.result.receipts).toEqual([
      expect.objectContaining({ to: UBND, status: "initial" }),
    ]);

    const inbox = await received(UBND);
    expect(inbox.body.success).toBe(true);
    const line = inbox.body.data.find((d: any) => d.docId === docId);
    expect(line).toMatchObject({
      serviceType: "eDoc",
      messageType: "edoc",
      from: STP,
      to: UBND,
      status: "initial",
    });
    expect(line.createdTime).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(inbox.body.count).toBe(inbox.body.data.length);
    expect((await received(SNV)).body.data.some((d: any) => d.docId === docId)).toBe(false);

    const got = await call(UBND, `/getEdoc?docId=${docId}`);
    expect(got.body.data.edxml).toBe(xml);
    expect(got.body.data).toMatchObject({
      docId,
      from: STP,
      fromName: "Sở Tư pháp tỉnh Lam Giang",
      edocAbstract: "Về việc đôn đốc & kiểm tra hồ sơ Đắk Lắk",
    });
    expect(got.body.data.attachments).toEqual([
      { fileName: "Tờ trình.pdf", fileContent: pdf.toString("base64") },
    ]);

    // Not a receiver (the sender included): no such document for that unit.
    const foreign = await call(SNV, `/getEdoc?docId=${docId}`);
    expect(foreign.status).toBe(200);
    expect(foreign.body).toMatchObject({ code: 404, success: false });
  });

  it("files the edoc as an incoming document of the world", async () => {
    const sent = await sendFile(STP, envelope({ subject: "Về việc phối hợp rà soát thủ tục" }));
    const stored = (await (
      await fetch(`${sandbox.url}/_emulator/lgsp/edocs/${sent.body.data.docId}`)
    ).json()) as any;
    const id = stored.result.worldDocumentId as string;
    expect(id).toBeTruthy();
    const row = sandbox.db.prepare("SELECT * FROM documents WHERE id = ?").get(id) as any;
    expect(row).toMatchObject({
      direction: "incoming",
      subject: "Về việc phối hợp rà soát thủ tục",
      issuer_agency_code: STP,
      issued_at: "2025-07-15",
    });
  });

  it.each([
    ["not XML", "this is not xml <", "10"],
    ["an empty file", "", "10"],
    ["a DOCTYPE", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>`, "10"],
    ["a NUL in a receiver's code", envelope({ to: [`\u0000${UBND}`] }), "10"],
    ["a control character in the text", envelope({ subject: "Về việc khẩn\u0007" }), "10"],
    ["the wrong namespace", envelope({ ns: "http://www.go.vn/eDoc" }), "22"],
    ["another root", `<?xml version="1.0"?><e:edXML xmlns:e="${NS}"/>`, "22"],
    ["no From", envelope({ from: null }), "22"],
    ["no To", envelope({ to: [] }), "22"],
    ["garbage base64", envelope({ attachment: "%%%not base64%%%" }), "22"],
    ["a From of another unit", envelope({ from: SNV }), "19"],
    ["an unknown receiver", envelope({ to: [UBND, "000.00.99.H99"] }), "18"],
  ])("refuses %s with errorCode %s in a 200 body", async (_name, file, code) => {
    const before = sandbox.lgsp.storedEdocs().length;
    const { status, body } = await sendFile(STP, file);
    expect(status).toBe(200);
    expect(body.success).toBe(false);
    expect(body.data).toMatchObject({
      status: "FAIL",
      errorCode: code,
      errorDesc: expect.any(String),
    });
    expect(body.errorDetail[0].exception).toEqual(expect.any(String));
    expect(sandbox.lgsp.storedEdocs()).toHaveLength(before);
  });

  it("refuses a locked receiving unit with 23 until it is unlocked", async () => {
    await fetch(`${sandbox.url}/_emulator/lgsp/units/${SNV}/lock`, { method: "POST" });
    expect((await sendFile(STP, envelope({ to: [SNV] }))).body.data.errorCode).toBe("23");
    await fetch(`${sandbox.url}/_emulator/lgsp/units/${SNV}/unlock`, { method: "POST" });
    expect((await sendFile(STP, envelope({ to: [SNV] }))).body.data.status).toBe("OK");
  });

  it("refuses a message type other than edoc", async () => {
    const { body } = await sendFile(STP, envelope(), "status");
    expect(body).toMatchObject({ code: 400, success: false });
  });

  it("lists by VN day and refuses malformed dates", async () => {
    const future = await call(
      UBND,
      "/syncReceivedEdocList?messageType=edoc&fromDate=2099/01/01&toDate=2099/01/02",
    );
    expect(future.body).toMatchObject({ success: true, count: 0, data: [] });
    const iso = await call(UBND, `/syncReceivedEdocList?fromDate=2025-07-01&toDate=${today()}`);
    expect(iso.body).toMatchObject({ code: 400, success: false });
  });
});

describe("updateStatus", () => {
  it("records the status as sent (code or keyword) and reports it back to the sender", async () => {
    const docId = (await sendFile(STP, envelope({ to: [UBND, SNV] }))).body.data.docId as string;
    const byCode = await call(UBND, "/updateStatus", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ docId, status: "03" }),
    });
    expect(byCode.body.data).toMatchObject({ status: "OK", docId, errorCode: "0" });
    const byKeyword = await call(SNV, "/updateStatus", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ docId, status: "done" }),
    });
    expect(byKeyword.body.data.status).toBe("OK");

    const receiverLine = (await received(UBND)).body.data.find(
      (d: any) => d.docId === docId && d.messageType === "edoc",
    );
    expect(receiverLine).toMatchObject({ status: "03", statusDesc: "Đã tiếp nhận" });
    const reports = (await received(STP)).body.data.filter((d: any) => d.docId === docId);
    expect(reports).toEqual([
      expect.objectContaining({
        serviceType: "status",
        from: UBND,
        to: STP,
        status: "03",
        statusDesc: "Đã tiếp nhận",
      }),
      expect.objectContaining({
        serviceType: "status",
        from: SNV,
        to: STP,
        status: "done",
        statusDesc: "Hoàn thành",
      }),
    ]);
  });

  it("refuses an unknown status and a unit that did not receive the edoc", async () => {
    const docId = (await sendFile(STP, envelope())).body.data.docId as string;
    const post = (agency: string, status: unknown) =>
      call(agency, "/updateStatus", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ docId, status }),
      });
    expect((await post(UBND, "07")).body).toMatchObject({ code: 400, success: false });
    expect((await post(UBND, "initial")).body).toMatchObject({ code: 400, success: false });
    expect((await post(SNV, "03")).body).toMatchObject({ code: 404, success: false });
  });
});

describe("getAgenciesList", () => {
  it("pages the world's agencies from page 1", async () => {
    const total = (sandbox.db.prepare("SELECT count(*) AS n FROM agencies").get() as { n: number })
      .n;
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const { body } = await call(STP, `/getAgenciesList?page=${page}&size=5`);
      expect(body.data).toMatchObject({ currentPage: page, pageSize: 5, totalRecords: total });
      expect(body.data.totalPages).toBe(Math.ceil(total / 5));
      expect(body.data.numberOfRecords).toBe(body.data.content.length);
      seen.push(...body.data.content.map((a: any) => a.code));
      if (page >= body.data.totalPages) break;
    }
    expect(new Set(seen).size).toBe(total);
    const { body } = await call(STP, "/getAgenciesList?page=1&size=100");
    const ubnd = body.data.content.find((a: any) => a.code === UBND);
    const stp = body.data.content.find((a: any) => a.code === STP);
    expect(stp).toMatchObject({
      parentId: ubnd.id,
      level: 2,
      type: "INTERNAL",
      typeInternal: true,
    });
    expect(ubnd).toMatchObject({ parentId: null, level: 1, name: "UBND tỉnh Lam Giang" });
    expect(body.data.content.find((a: any) => a.code === "000.00.00.G22").type).toBe("NATIONAL");
  });
});

describe("faults", () => {
  it("answers an injected errorCode for the next calls only", async () => {
    const set = await fetch(`${sandbox.url}/_emulator/lgsp/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ errorCode: "20", times: 2 }),
    });
    expect(set.status).toBe(200);
    expect((await call(STP, "/getAgenciesList")).body.data.errorCode).toBe("20");
    expect((await call(STP, "/getAgenciesList")).body).toMatchObject({ code: 500, success: false });
    expect((await call(STP, "/getAgenciesList")).body.code).toBe(200);
    const bad = await fetch(`${sandbox.url}/_emulator/lgsp/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ errorCode: "not a code" }),
    });
    expect(bad.status).toBe(400);
  });
});
