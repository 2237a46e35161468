import { createHash } from "node:crypto";
import { DOSSIER_STATUSES, vnDateString } from "@vnegov/domain";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dvcqg } from "../src/adapters/dvcqg/index.js";
import { Igate } from "../src/adapters/igate/index.js";
import { Lgsp } from "../src/adapters/lgsp/index.js";
import {
  type Document,
  type DocumentInput,
  documentToEdxml,
  edxmlToDocumentInput,
  NotFoundError,
  type PortalApi,
  type PortalDossier,
  type Procedure,
  Vnegov,
} from "../src/index.js";
import { dossierFacts } from "./dossier-facts.js";

/**
 * One suite, every backend: the SDK's dossier, procedure and document operations through the
 * canonical client and through each real-system adapter against its sandbox emulator, all on
 * the same SQLite world, must give the same answers.
 */
let sandbox: Sandbox;
let officer: Vnegov;
let citizen: Vnegov;
let dvcqg: Dvcqg;
let igate: Igate;
let lgspSender: Lgsp;
let lgspReceiver: Lgsp;

const SENDER = "000.00.12.H99"; // Sở Tư pháp
const RECEIVER = "000.00.00.H99"; // UBND tỉnh

function lgsp(agency: string): Lgsp {
  return new Lgsp({ baseURL: `${sandbox.url}/lgsp`, ...sandbox.lgsp.credentialsOf(agency) });
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2021 });
  officer = new Vnegov({
    baseURL: sandbox.url,
    auth: { apiKey: sandbox.credentials.admin.apiKey },
  });
  citizen = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
  dvcqg = new Dvcqg({
    baseURL: `${sandbox.url}/dvcqg`,
    ...sandbox.dvcqg.credentials,
    madonvi: RECEIVER,
  });
  igate = new Igate({
    baseURL: `${sandbox.url}/igate`,
    ssoURL: `${sandbox.url}/igate`,
    ...sandbox.igate.credentials,
  });
  lgspSender = lgsp(SENDER);
  lgspReceiver = lgsp(RECEIVER);
}, 60_000);

afterAll(async () => {
  await Promise.all(
    [officer, citizen, dvcqg, igate, lgspSender, lgspReceiver].map((c) => c?.close()),
  );
  await sandbox?.close();
});

/** What every backend must agree on about a dossier, and its pending action. */
function facts(d: PortalDossier) {
  return {
    ...dossierFacts(d),
    pendingAction: d.pendingAction && { kind: d.pendingAction.kind, note: d.pendingAction.note },
  };
}

type Sample = { code: string; secret: string; applicantIdNumber?: string };
const portals: [string, () => PortalApi, (s: Sample) => string][] = [
  ["canonical", () => citizen.portal, (s) => s.secret],
  ["dvcqg", () => dvcqg.portal, (s) => s.applicantIdNumber ?? ""],
  ["igate", () => igate.portal, (s) => s.applicantIdNumber ?? ""],
];

describe.each(portals)("dossiers through %s", (_, portal, proof) => {
  it.each(DOSSIER_STATUSES)("look-up of a dossier in status %s", async (status) => {
    const sample = sandbox.samples[status]?.[0];
    if (!sample) throw new Error(`no sample in ${status}`);
    const expected = facts(await officer.portal.dossiers.get(sample.code));
    const found = await portal().dossiers.get(sample.code, {
      secret: proof(sample),
      include: "recentHistory",
    });
    expect(facts(found)).toEqual(expected);
    expect(found.status).toBe(status);
    expect(found.recentHistory?.at(-1)?.status).toBe(status);
  });

  it("answers a wrong proof exactly like an unknown code", async () => {
    const sample = sandbox.samples.dang_xu_ly?.[0] as Sample;
    const wrongProof = await portal()
      .dossiers.get(sample.code, { secret: "079203000000" })
      .catch((e: unknown) => e);
    const unknownCode = await portal()
      .dossiers.get(`${sample.code.slice(0, -4)}9999`, { secret: proof(sample) })
      .catch((e: unknown) => e);
    expect(wrongProof).toBeInstanceOf(NotFoundError);
    expect(unknownCode).toBeInstanceOf(NotFoundError);
  });
});

/** What every catalogue must agree on about a procedure (DVCQG has no form schema). */
function procedureFacts(p: Procedure) {
  return {
    code: p.code,
    name: p.name,
    agencyCode: p.agencyCode,
    field: p.field,
    onlineLevel: p.onlineLevel,
    processingDays: p.processingDays,
    fee: p.fee,
    requiredPapers: p.requiredPapers.map((paper) => paper.name),
  };
}

const catalogues: [string, () => NonNullable<PortalApi["procedures"]>][] = [
  ["canonical", () => citizen.portal.procedures],
  ["dvcqg", () => dvcqg.portal.procedures],
];

describe.each(catalogues)("procedures through %s", (_, procedures) => {
  it("gets every procedure of the world with the same facts", async () => {
    const all = await officer.portal.procedures.search({ limit: 100 }).toArray();
    expect(all.length).toBeGreaterThan(5);
    for (const summary of all) {
      const expected = procedureFacts(await officer.portal.procedures.get(summary.code));
      expect(procedureFacts(await procedures().get(summary.code))).toEqual(expected);
    }
  });

  it('finds the same procedures for "ho tich" as for "hộ tịch"', async () => {
    const codes = async (q: string) =>
      (await procedures().search({ q, limit: 100 }).toArray()).map((p) => p.code).sort();
    const expected = (
      await officer.portal.procedures.search({ q: "hộ tịch", limit: 100 }).toArray()
    )
      .map((p) => p.code)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await codes("ho tich")).toEqual(expected);
    expect(await codes("hộ tịch")).toEqual(expected);
  });
});

/** An official document with Vietnamese text and a file, as the sending agency writes it. */
const pdf = Buffer.from("%PDF-1.4\n% Công văn đôn đốc — bản ký số\n%%EOF\n", "utf8");
function outgoing(n: number): DocumentInput {
  return {
    direction: "outgoing",
    numberNotation: `${String(n).padStart(2, "0")}/STP-HCTP`,
    type: "cong_van",
    issuerName: "Sở Tư pháp tỉnh Lam Giang",
    issuerAgencyCode: SENDER,
    subject: `Về việc đôn đốc rà soát hồ sơ đăng ký hộ tịch đợt ${n} — Đắk Lắk, Đồng Tháp`,
    signer: { fullName: "Đặng Thị Hoà", position: "Phó Giám đốc", authority: "KT" },
    issuedAt: "2025-07-15",
    dueAt: "2025-07-30T23:59:59+07:00",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    attachments: [
      {
        fileName: "cong-van.pdf",
        contentType: "application/pdf",
        contentBase64: pdf.toString("base64"),
      },
    ],
  };
}

/** What the receiving agency must read, whichever way the document came. */
function documentFacts(d: {
  numberNotation: string;
  type: string;
  issuerName: string;
  subject: string;
  signer: { fullName: string; position: string; authority?: string | null };
  issuedAt: string;
  dueAt?: string | null;
  urgency?: string;
}) {
  return {
    numberNotation: d.numberNotation,
    type: d.type,
    issuerName: d.issuerName,
    subject: d.subject,
    signer: {
      fullName: d.signer.fullName,
      position: d.signer.position,
      authority: d.signer.authority ?? null,
    },
    issuedAt: d.issuedAt,
    dueDate: d.dueAt ? vnDateString(new Date(d.dueAt)) : null,
    urgency: d.urgency,
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Sends `input` from Sở Tư pháp and reads it back at the receiver: facts and file digests. */
const exchanges: [string, (input: DocumentInput) => Promise<{ facts: object; files: string[] }>][] =
  [
    [
      "canonical",
      async (input) => {
        const created = await officer.docs.documents.create(input);
        const read: Document = await officer.docs.documents.get(created.id);
        const files = await Promise.all(
          read.attachments.map(async (a) =>
            sha256(await officer.docs.documents.downloadAttachment(read.id, a.id)),
          ),
        );
        return { facts: documentFacts(read), files };
      },
    ],
    [
      "lgsp",
      async (input) => {
        const { docId } = await lgspSender.edocs.send(
          documentToEdxml(input as never, {
            from: { organId: SENDER, organName: input.issuerName },
            to: [{ organId: RECEIVER, organName: "UBND tỉnh Lam Giang" }],
            attachments: (input.attachments ?? []).map((a) => ({
              fileName: a.fileName,
              contentType: a.contentType,
              data: Buffer.from(a.contentBase64, "base64"),
            })),
          }),
        );
        const received = await lgspReceiver.edocs.get(docId);
        const read = edxmlToDocumentInput(received.message);
        return {
          facts: documentFacts(read),
          files: read.attachments.map((a) => sha256(Buffer.from(a.contentBase64, "base64"))),
        };
      },
    ],
  ];

describe.each(exchanges)("documents through %s", (_, exchange) => {
  let serial = 40;
  it("reads an official document at the receiver as the sender wrote it, file bytes and all", async () => {
    const input = outgoing(++serial + (_ === "lgsp" ? 100 : 0));
    const { facts, files } = await exchange(input);
    expect(facts).toEqual(documentFacts(input));
    expect(files).toEqual([sha256(pdf)]);
  });
});
