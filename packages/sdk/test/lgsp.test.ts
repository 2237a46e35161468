import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LGSP_ERRORS,
  Lgsp,
  type LgspOptions,
  type LgspReceivedItem,
} from "../src/adapters/lgsp/index.js";
import {
  ApiError,
  AuthenticationError,
  buildEdxml,
  ConflictError,
  decodeLgspStatus,
  EDXML_STATUS,
  EDXML_STATUS_CODES,
  EdxmlError,
  type EdxmlErrorCode,
  type EdxmlMessage,
  formatLgspDate,
  LGSP_EDOC_STATUSES,
  LGSP_STATUS,
  LGSP_STATUS_KEYWORD,
  LGSP_STATUS_LABELS,
  NotFoundError,
  PermissionError,
  parseEdxml,
  parseLgspTimestamp,
  type ResponseEvent,
  type RetryEvent,
  ServerError,
  ValidationError,
} from "../src/index.js";
import { REQUIRED_HEADER_KEYS } from "./edxml-helpers.js";

const STP = "000.00.12.H99";
const UBND = "000.00.00.H99";
const SNV = "000.00.11.H99";
const NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

let sandbox: Sandbox;
let stp: Lgsp;
let ubnd: Lgsp;
let snv: Lgsp;
const retries: RetryEvent[] = [];
const responses: ResponseEvent[] = [];

function client(agency: string, extra: Partial<LgspOptions> = {}, url = sandbox.url): Lgsp {
  return new Lgsp({
    baseURL: `${url}/lgsp`,
    ...sandbox.lgsp.credentialsOf(agency),
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    hooks: { onRetry: (e) => retries.push(e), onResponse: (e) => responses.push(e) },
    ...extra,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: true });
  stp = client(STP);
  ubnd = client(UBND);
  snv = client(SNV);
});
afterAll(() => sandbox.close());

const today = () => new Date();
const inbox = (lgsp: Lgsp) => lgsp.edocs.received({ from: today(), to: today() });

let serial = 0;
function message(overrides: { to?: string[]; from?: string } = {}): EdxmlMessage {
  const number = String(100 + ++serial);
  const from = overrides.from ?? STP;
  return {
    header: {
      from: {
        organId: from,
        organName: "Sở Tư pháp tỉnh Lam Giang",
        organAdd: "Số 1 đường Trần Hưng Đạo, phường Đông Kinh",
        email: "stp@lamgiang.gov.vn",
      },
      to: (overrides.to ?? [UBND]).map((organId) => ({ organId, organName: "Đơn vị nhận" })),
      code: { codeNumber: number, codeNotation: "STP-VP" },
      promulgationInfo: { place: "Lam Giang", date: "2025-07-15" },
      documentType: { type: 1, typeDetail: 0, typeName: "Công văn" },
      subject: `Về việc đôn đốc Đ/đ "khẩn" & <rà soát> hồ sơ Đắk Lắk — số ${number}`,
      content: "Dòng một\nDòng hai: Nguyễn Thị Hoà, Trương Văn Được",
      signerInfo: {
        competence: "KT. GIÁM ĐỐC",
        position: "Phó Giám đốc",
        fullName: "Đặng Thị Hoà",
      },
      dueDate: "2025-07-30",
      toPlaces: ["Như trên", "Lưu: VT, VP"],
      otherInfo: { priority: 1, pageAmount: 2, appendixes: ["Phụ lục I"] },
      documentId: `${from},2025/07/15,${number}/STP-VP`,
    },
    attachments: [
      {
        contentId: "cid:1",
        contentType: "application/pdf",
        description: "Tờ trình kèm theo",
        fileName: "Tờ trình số 12.pdf",
        data: Uint8Array.from({ length: 256 }, (_, i) => i),
      },
      {
        contentId: "cid:2",
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        fileName: "Dự thảo.docx",
        data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]),
      },
    ],
  };
}

async function expectRejects<T extends Error>(
  promise: PromiseLike<unknown>,
  type: abstract new (...args: never[]) => T,
): Promise<T> {
  const error = await Promise.resolve(promise).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

/** Sends through LGSP and fetches on the receiving side. */
async function exchange(m: EdxmlMessage, receiver = ubnd) {
  const { docId } = await stp.edocs.send(m);
  const edoc = await receiver.edocs.get(docId);
  return { docId, edoc };
}

describe("wire tables", () => {
  it("maps every edXML status code to a status with the same meaning, both ways", () => {
    for (const code of EDXML_STATUS_CODES) {
      const decoded = LGSP_STATUS.decode(code);
      expect(decoded.value).not.toBe("unknown");
      if (decoded.value === "unknown") continue;
      expect(LGSP_STATUS_LABELS[decoded.value].vi).toBe(EDXML_STATUS[code].vi);
      expect(LGSP_STATUS.encode(decoded.value)).toBe(code);
    }
  });

  it("reads keywords and codes alike, and keeps unknown codes raw", () => {
    for (const status of LGSP_EDOC_STATUSES) {
      expect(decodeLgspStatus(LGSP_STATUS_KEYWORD.encode(status)).value).toBe(status);
      expect(decodeLgspStatus(LGSP_STATUS.encode(status)).value).toBe(status);
    }
    expect(decodeLgspStatus("DONE")).toEqual({ value: "done", code: "DONE" });
    expect(decodeLgspStatus("finish").value).toBe("done");
    expect(decodeLgspStatus("07")).toEqual({ value: "unknown", code: "07", table: "lgsp.status" });
    expect(decodeLgspStatus(null)).toEqual({ value: "unknown", code: "", table: "lgsp.status" });
  });

  it("writes days as YYYY/MM/DD in VN time and reads LGSP times as +07:00", () => {
    expect(formatLgspDate(new Date("2025-07-14T18:30:00Z"))).toBe("2025/07/15");
    expect(formatLgspDate("2025-07-15")).toBe("2025/07/15");
    expect(() => formatLgspDate("2025-02-30")).toThrow(RangeError);
    expect(parseLgspTimestamp("2025/07/15 08:05:09")).toBe("2025-07-15T08:05:09+07:00");
    expect(parseLgspTimestamp("2025-07-15T01:05:09Z")).toBe("2025-07-15T08:05:09+07:00");
    expect(parseLgspTimestamp("15/07/2025")).toBeNull();
  });
});

describe("edXML through LGSP", () => {
  it("arrives byte-identical, Vietnamese text and binary attachments intact", async () => {
    const m = message();
    const sent = buildEdxml(m);
    const { docId, edoc } = await exchange(m);
    expect(edoc.edxml).toBe(sent);
    expect(buildEdxml(parseEdxml(edoc.edxml))).toBe(edoc.edxml);
    expect(edoc.message).toEqual(m);
    expect(edoc).toMatchObject({
      docId,
      from: STP,
      fromName: "Sở Tư pháp tỉnh Lam Giang",
      edocCode: `${m.header.code.codeNumber}/STP-VP`,
      edocAbstract: m.header.subject,
    });
    expect(edoc.attachments.map((a) => a.fileName)).toEqual(["Tờ trình số 12.pdf", "Dự thảo.docx"]);
    expect(edoc.attachments[0]?.data).toEqual(m.attachments[0]?.data);
    expect(edoc.message.attachments[1]?.data).toEqual(m.attachments[1]?.data);
  });

  it("sends a raw envelope byte for byte", async () => {
    // Not the builder's layout (CRLF, other prefix, no declaration): LGSP must not rewrite it.
    const raw = buildEdxml(message())
      .replace('<?xml version="1.0" encoding="UTF-8"?>\n', "")
      .replaceAll("edXML:", "q:")
      .replace("xmlns:edXML", "xmlns:q")
      .replaceAll("\n", "\r\n");
    const { docId } = await stp.edocs.send({ edxml: raw, fileName: "công-văn.edxml" });
    const got = await ubnd.edocs.getRaw(docId);
    expect(got.edxml).toBe(raw);
    expect(sandbox.lgsp.storedEdoc(docId)?.fileName).toBe("công-văn.edxml");
  });

  it("lists what a unit received, with typed statuses and VN times", async () => {
    const { docId } = await stp.edocs.send(message({ to: [UBND, SNV] }));
    const line = (await inbox(snv)).find((i) => i.docId === docId);
    expect(line).toMatchObject({
      kind: "edoc",
      from: STP,
      to: SNV,
      status: { value: "initial", code: "initial" },
    });
    expect(line?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(Math.abs(Date.parse(line?.createdAt ?? "") - Date.now())).toBeLessThan(60_000);
    // Days before the document was sent: not listed.
    const before = await snv.edocs.received({ from: "2020-01-01", to: "2020-01-31" });
    expect(before).toEqual([]);
    // Sent to UBND and SNV, not to the sender.
    expect((await inbox(stp)).some((i) => i.docId === docId && i.kind === "edoc")).toBe(false);
  });

  it("round-trips arbitrary valid messages through the emulator (property)", async () => {
    const text = fc
      .array(
        fc.constantFrom(
          "Về",
          "việc",
          "Đ",
          "đ",
          "Hoà",
          "Đắk Lắk",
          "&",
          "<",
          ">",
          '"',
          "'",
          " ",
          "\n",
          "x",
        ),
        { maxLength: 8 },
      )
      .map((w) => w.join(""));
    const id = text.map((s) => s.trim()).filter((s) => s !== "");
    const nonBlank = text.filter((s) => s.trim() !== "");
    const arbitraryMessage = fc.record({
      header: fc.record(
        {
          from: fc.record({ organName: text, email: text }, { requiredKeys: [] }),
          to: fc.subarray([UBND, SNV], { minLength: 1 }),
          code: fc.record({ codeNumber: id, codeNotation: id }),
          promulgationInfo: fc.record({
            place: text,
            date: fc
              .date({
                min: new Date("1990-01-01"),
                max: new Date("2099-12-31"),
                noInvalidDate: true,
              })
              .map((d) => d.toISOString().slice(0, 10)),
          }),
          documentType: fc.record({ type: fc.nat({ max: 40 }), typeName: text }),
          subject: text,
          content: text,
          signerInfo: fc.record({ position: text, fullName: text }),
          otherInfo: fc.record({ priority: fc.nat({ max: 4 }) }),
          documentId: id,
        },
        { requiredKeys: [...REQUIRED_HEADER_KEYS] },
      ),
      attachments: fc.uniqueArray(
        fc.record({
          contentId: id,
          contentType: nonBlank,
          fileName: nonBlank,
          data: fc.uint8Array({ maxLength: 200 }),
        }),
        { maxLength: 2, selector: (a) => a.contentId },
      ),
    });
    await fc.assert(
      fc.asyncProperty(arbitraryMessage, async (arbitrary) => {
        const m: EdxmlMessage = {
          ...arbitrary,
          header: {
            ...arbitrary.header,
            from: { organId: STP, ...arbitrary.header.from },
            to: arbitrary.header.to.map((organId) => ({ organId })),
          },
        };
        const { docId } = await stp.edocs.send(m);
        for (const receiver of arbitrary.header.to) {
          const edoc = await (receiver === UBND ? ubnd : snv).edocs.get(docId);
          expect(edoc.edxml).toBe(buildEdxml(m));
          expect(buildEdxml(edoc.message)).toBe(edoc.edxml);
          expect(edoc.message).toEqual(m);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("malformed envelopes", () => {
  const valid = () => buildEdxml(message());
  it.each([
    ["not XML", "lgsp:10", () => "đây không phải XML <"],
    ["an empty file", "lgsp:10", () => ""],
    ["the wrong namespace", "lgsp:22", () => valid().replace(NS, "http://www.go.vn/eDoc")],
    ["no From", "lgsp:22", () => valid().replace(/<edXML:From>[\s\S]*?<\/edXML:From>/, "")],
    [
      "garbage base64",
      "lgsp:22",
      () => valid().replace(/(<edXML:ContentTransferEncoded>)[^<]*/, "$1@@ không phải base64 @@"),
    ],
  ])("LGSP refuses %s: ValidationError %s", async (_name, code, edxml) => {
    const error = await expectRejects(stp.edocs.send({ edxml: edxml() }), ValidationError);
    expect(error.code).toBe(code);
    expect(error.message).toContain("lgsp");
  });

  it("damaged envelopes end in typed errors on both sides, never a crash (property)", async () => {
    const original = valid();
    // Cuts, splices and stray characters anywhere in a real envelope.
    const damaged = fc
      .tuple(
        fc.nat({ max: original.length }),
        fc.nat({ max: 40 }),
        fc.constantFrom("", "<", "&", "]]>", "Đ", "\u0000", "</edXML:From>", "<edXML:To>"),
      )
      .map(([at, cut, insert]) => original.slice(0, at) + insert + original.slice(at + cut));
    await fc.assert(
      fc.asyncProperty(damaged, async (edxml) => {
        const sent = await stp.edocs.send({ edxml }).then(
          (ok) => ok,
          (error: unknown) => {
            // LGSP's refusal, typed: invalid file or not compliant, never a 5xx or a TypeError.
            expect(error).toBeInstanceOf(ValidationError);
            expect((error as ValidationError).code).toMatch(/^lgsp:(10|22)$/);
            return undefined;
          },
        );
        if (!sent) return;
        for (const receiver of [ubnd, snv]) {
          const got = await receiver.edocs.get(sent.docId).then(
            (edoc) => ({ edoc }),
            (error: unknown) => ({ error }),
          );
          if ("edoc" in got) expect(got.edoc.edxml).toBe(edxml);
          // Not addressed to this unit, or a damage only the full parser sees.
          else if (!(got.error instanceof NotFoundError))
            expect(got.error).toBeInstanceOf(EdxmlError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("refuses an invalid message before any request (EdxmlError from the builder)", async () => {
    const m = message();
    m.header.from.organId = " ";
    const before = responses.length;
    const error = await expectRejects(stp.edocs.send(m), EdxmlError);
    expect(error.code).toBe("missing_field");
    expect(responses.length).toBe(before);
  });

  it.each<[string, EdxmlErrorCode, () => string]>([
    ["not XML", "malformed_xml", () => "<<< hỏng"],
    ["the wrong namespace", "not_edxml", () => valid().replace(NS, "urn:khac")],
    [
      "no SignerInfo",
      "missing_field",
      () => valid().replace(/<edXML:SignerInfo>[\s\S]*?<\/edXML:SignerInfo>/, ""),
    ],
    [
      "a bad date",
      "invalid_field",
      () =>
        valid().replace(
          "2025/07/15</edXML:PromulgationDate>",
          "15-07-2025</edXML:PromulgationDate>",
        ),
    ],
    [
      "garbage base64",
      "invalid_field",
      () => valid().replace(/(<edXML:ContentTransferEncoded>)[^<]*/, "$1%%%"),
    ],
  ])(
    "get() of a delivered envelope with %s throws EdxmlError %s; getRaw() still reads it",
    async (_name, code, edxml) => {
      // A lenient LGSP delivers it anyway (control route: no checks).
      const text = edxml();
      const { docId } = sandbox.lgsp.deliver({ edxml: text, from: STP, to: [UBND] });
      const error = await expectRejects(ubnd.edocs.get(docId), EdxmlError);
      expect(error.code).toBe(code);
      expect((await ubnd.edocs.getRaw(docId)).edxml).toBe(text);
    },
  );
});

describe("status updates", () => {
  it("reaches the sender as a status line (code form)", async () => {
    const { docId } = await stp.edocs.send(message());
    await ubnd.edocs.updateStatus(docId, "03");
    await ubnd.edocs.updateStatus(docId, "06");
    const reports = (await inbox(stp)).filter((i) => i.docId === docId);
    expect(reports.map((r) => [r.kind, r.from, r.status])).toEqual([
      ["status", UBND, { value: "accepted", code: "03" }],
      ["status", UBND, { value: "done", code: "06" }],
    ]);
    const own = (await inbox(ubnd)).find((i) => i.docId === docId);
    expect(own?.status).toEqual({ value: "done", code: "06" });
    expect(own?.statusDesc).toBe("Hoàn thành");
  });

  it("can write keywords instead, decoded to the same statuses", async () => {
    const keywordClient = client(SNV, { statusForm: "keyword" });
    const { docId } = await stp.edocs.send(message({ to: [SNV] }));
    await keywordClient.edocs.updateStatus(docId, "06");
    await keywordClient.edocs.updateStatus(docId, "02");
    expect(sandbox.lgsp.storedEdoc(docId)?.reports.map((r) => r.status)).toEqual([
      "done",
      "rejection",
    ]);
    const reports = (await inbox(stp)).filter((i) => i.docId === docId);
    expect(reports.map((r) => r.status.value)).toEqual(["done", "rejected"]);
  });

  it("takes every edXML status code, and refuses others before sending", async () => {
    const { docId } = await stp.edocs.send(message());
    for (const code of EDXML_STATUS_CODES) await ubnd.edocs.updateStatus(docId, code);
    expect(sandbox.lgsp.storedEdoc(docId)?.reports.map((r) => r.status)).toEqual([
      ...EDXML_STATUS_CODES,
    ]);
    const error = await expectRejects(
      ubnd.edocs.updateStatus(docId, "07" as "06"),
      ValidationError,
    );
    expect(error.code).toBe("invalid_argument");
    // Only a receiver may report.
    const foreign = await expectRejects(snv.edocs.updateStatus(docId, "03"), NotFoundError);
    expect(foreign.code).toBe("lgsp:404");
  });
});

describe("agencies", () => {
  it("pages through LGSP's list", async () => {
    const total = (sandbox.db.prepare("SELECT count(*) AS n FROM agencies").get() as { n: number })
      .n;
    const first = await stp.agencies.list({ limit: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.nextCursor).toBe("2.5");
    const all = await stp.agencies.list({ limit: 5 }).toArray();
    expect(all).toHaveLength(total);
    expect(new Set(all.map((a) => a.code)).size).toBe(total);
    const stpUnit = all.find((a) => a.code === STP);
    expect(stpUnit).toMatchObject({
      name: "Sở Tư pháp tỉnh Lam Giang",
      internal: true,
      type: "INTERNAL",
      level: 2,
    });
    expect(all.find((a) => a.id === stpUnit?.parentId)?.code).toBe(UBND);
    // maxItems cutting into a page keeps the page size, so nothing is skipped or repeated.
    const some = await stp.agencies.list({ limit: 4, maxItems: 9 }).toArray();
    expect(some.map((a) => a.code)).toEqual(all.slice(0, 9).map((a) => a.code));
  });
});

describe("errors", () => {
  it("wrong secret → AuthenticationError lgsp:15, not retried", async () => {
    const wrong = client(STP, { secretKey: "sai-khoa" });
    const error = await expectRejects(wrong.agencies.list(), AuthenticationError);
    expect(error.code).toBe("lgsp:15");
    expect(error.status).toBe(200);
  });

  it("wrong password → AuthenticationError lgsp:401", async () => {
    const error = await expectRejects(
      client(STP, { password: "sai" }).agencies.list(),
      AuthenticationError,
    );
    expect(error.code).toBe("lgsp:401");
  });

  it("unknown receiver → NotFoundError lgsp:18; another unit's From → PermissionError lgsp:19", async () => {
    const unknown = await expectRejects(
      stp.edocs.send(message({ to: ["000.00.77.H99"] })),
      NotFoundError,
    );
    expect(unknown.code).toBe("lgsp:18");
    const foreign = await expectRejects(stp.edocs.send(message({ from: SNV })), PermissionError);
    expect(foreign.code).toBe("lgsp:19");
  });

  it("locked receiver → ConflictError lgsp:23", async () => {
    sandbox.lgsp.lockUnit(SNV);
    try {
      const error = await expectRejects(stp.edocs.send(message({ to: [SNV] })), ConflictError);
      expect(error.code).toBe("lgsp:23");
    } finally {
      sandbox.lgsp.unlockUnit(SNV);
    }
  });

  it("maps every code of the table to its class, and unknown codes to ApiError with the raw code", async () => {
    const noRetry = client(STP, { retry: { maxRetries: 0 } });
    const classes = {
      invalid: ValidationError,
      auth: AuthenticationError,
      not_found: NotFoundError,
      forbidden: PermissionError,
      conflict: ConflictError,
      server: ServerError,
    } as const;
    for (const [code, rule] of Object.entries(LGSP_ERRORS)) {
      if (code.length === 3) continue; // gateway codes: covered by the 401/404 tests
      sandbox.lgsp.failNext({ errorCode: code });
      const error = await expectRejects(
        noRetry.agencies.list(),
        classes[rule.kind] as typeof ApiError,
      );
      expect((error as ApiError).code).toBe(`lgsp:${code}`);
    }
    sandbox.lgsp.failNext({ errorCode: "99" });
    const unknown = await expectRejects(noRetry.agencies.list(), ApiError);
    expect(unknown.constructor).toBe(ApiError);
    expect(unknown.code).toBe("lgsp:99");
  });

  it("retries an LGSP system error (20) on reads and status updates, never on send", async () => {
    retries.length = 0;
    sandbox.lgsp.failNext({ errorCode: "20" });
    await expect(inbox(stp)).resolves.toBeInstanceOf(Array);
    expect(retries.map((r) => r.route)).toEqual(["/v1/syncReceivedEdocList"]);

    retries.length = 0;
    sandbox.lgsp.failNext({ errorCode: "20" });
    const error = await expectRejects(stp.edocs.send(message()), ServerError);
    expect(error.code).toBe("lgsp:20");
    expect(retries).toEqual([]);

    sandbox.lgsp.failNext({ errorCode: "21" });
    expect(
      (await expectRejects(stp.edocs.received({ from: today(), to: today() }), ServerError)).code,
    ).toBe("lgsp:21");
    expect(retries).toEqual([]);
  });

  it("refuses bad arguments before any request", async () => {
    expect(() => new Lgsp({ baseURL: "", username: "x" } as LgspOptions)).toThrow(ValidationError);
    await expectRejects(stp.edocs.received({ from: "15/07/2025", to: today() }), ValidationError);
    await expectRejects(stp.edocs.get(""), ValidationError);
  });
});

describe("session", () => {
  const logins = () => responses.filter((r) => r.route === "/v1/auth/login").length;

  it("logs in once, then again once after LGSP revoked the token", async () => {
    const fresh = client(SNV);
    const start = logins();
    await fresh.agencies.list();
    await fresh.agencies.list();
    expect(logins() - start).toBe(1);
    sandbox.lgsp.expireTokens();
    const from401 = responses.length;
    await fresh.agencies.list();
    expect(logins() - start).toBe(2);
    expect(responses.slice(from401).map((r) => r.status)).toEqual([401, 200, 200]);
  });

  it("renews a token before it expires (JWT exp), without a 401", async () => {
    const shortLived = await startSandbox({ seed: true, lgsp: { tokenTtlSeconds: 2 } });
    try {
      const events: ResponseEvent[] = [];
      const lgsp = client(SNV, { hooks: { onResponse: (e) => events.push(e) } }, shortLived.url);
      await lgsp.agencies.list();
      await new Promise((resolve) => setTimeout(resolve, 2100));
      await lgsp.agencies.list();
      expect(events.map((e) => [e.route, e.status])).toEqual([
        ["/v1/auth/login", 200],
        ["/v1/getAgenciesList", 200],
        ["/v1/auth/login", 200],
        ["/v1/getAgenciesList", 200],
      ]);
    } finally {
      await shortLived.close();
    }
  });
});

// Keep the public item type exercised by the compiler.
export type _Item = LgspReceivedItem;
