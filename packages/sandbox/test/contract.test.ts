import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { type Sandbox, specPath } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { call, seededSandbox, validSubmission } from "./helpers.js";

const spec = parse(readFileSync(specPath(), "utf8"));
const specOperations: string[] = Object.values(
  spec.paths as Record<string, Record<string, { operationId?: string }>>,
)
  .flatMap((item) => Object.values(item).map((op) => op.operationId))
  .filter((id): id is string => typeof id === "string");

describe("the contract", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(spec.openapi).toBe("3.1.0");
  });

  it("names every operation uniquely", () => {
    expect(new Set(specOperations).size).toBe(specOperations.length);
    expect(specOperations.length).toBeGreaterThan(30);
  });
});

describe("every operation against the running sandbox", () => {
  let sandbox: Sandbox;
  const exercised = new Map<string, number>();
  let bot: string;
  let admin: string;

  beforeAll(async () => {
    sandbox = await seededSandbox();
    bot = sandbox.credentials.bot.apiKey;
    admin = sandbox.credentials.admin.apiKey;
  });
  afterAll(() => sandbox.close());

  /** Calls an operation and requires a success; the sandbox checks the body against the contract (500 if not). */
  async function op(
    operationId: string,
    path: string,
    options: Parameters<typeof call>[2] = {},
    expected = [200, 201, 204],
  ) {
    const result = await call(sandbox, path, options);
    if (!expected.includes(result.status))
      throw new Error(`${operationId}: ${result.status} ${JSON.stringify(result.body)}`);
    exercised.set(operationId, result.status);
    return result.body;
  }

  it("answers each with a conforming success", async () => {
    await op("getHealth", "/healthz");
    const token = await op("createToken", "/oauth/token", {
      rawBody: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: sandbox.credentials.bot.clientId,
        client_secret: sandbox.credentials.bot.clientSecret,
      }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const viaToken = token.access_token as string;
    await op("listAgencies", "/portal/v1/agencies?limit=5", { key: viaToken });
    const procedures = await op("listProcedures", "/portal/v1/procedures?q=khai%20sinh", {
      key: bot,
    });
    expect(procedures.data.length).toBeGreaterThan(0);
    const procedureCode = procedures.data[0].code;
    await op("getProcedure", `/portal/v1/procedures/${procedureCode}`, { key: bot });

    const receipt = await op("submitDossier", "/portal/v1/dossiers", {
      key: bot,
      body: await validSubmission(sandbox, bot, procedureCode),
      headers: { "idempotency-key": "contract-1" },
    });
    const code = receipt.dossier.code;
    const secret = receipt.verificationSecret;
    await op("listDossiers", "/portal/v1/dossiers", { key: bot });
    await op("getDossier", `/portal/v1/dossiers/${code}`, {
      key: bot,
      headers: { "x-verification-secret": secret },
    });
    await op("listDossierHistory", `/portal/v1/dossiers/${code}/history`, {
      key: bot,
      headers: { "x-verification-secret": secret },
    });
    await op("transitionDossier", `/portal/v1/dossiers/${code}/transitions`, {
      key: admin,
      body: { status: "da_tiep_nhan" },
    });
    await op("transitionDossier", `/portal/v1/dossiers/${code}/transitions`, {
      key: admin,
      body: { status: "yeu_cau_bo_sung", note: "Bổ sung ảnh" },
    });
    await op("supplementDossier", `/portal/v1/dossiers/${code}/supplement`, {
      key: bot,
      body: { note: "Đã bổ sung" },
      headers: { "x-verification-secret": secret },
    });
    await op("withdrawDossier", `/portal/v1/dossiers/${code}/withdraw`, {
      key: bot,
      body: { reason: "Nộp nhầm" },
      headers: { "x-verification-secret": secret },
    });

    await op("listAreas", "/docs/v1/areas", { key: bot });
    const documents = await op("listDocuments", "/docs/v1/documents?q=covid", { key: bot });
    const withAttachment = documents.data.find((d: any) => d.attachments.length > 0);
    await op("getDocument", `/docs/v1/documents/${withAttachment.id}`, { key: bot });
    const pdf = await op(
      "downloadDocumentAttachment",
      `/docs/v1/documents/${withAttachment.id}/attachments/${withAttachment.attachments[0].id}`,
      { key: bot },
    );
    expect(String(pdf).startsWith("%PDF")).toBe(true);
    await op("createDocument", "/docs/v1/documents", {
      key: admin,
      body: {
        direction: "incoming",
        numberNotation: "88/SYT-NVY",
        type: "cong_van",
        issuerName: "Sở Y tế",
        subject: "V/v tiêm chủng",
        signer: { fullName: "Lê Văn Ký", position: "Giám đốc" },
        issuedAt: "2024-05-20",
      },
    });
    const directives = await op("listDirectives", "/docs/v1/directives?areaCode=99", { key: bot });
    await op("getDirective", `/docs/v1/directives/${directives.data[0].id}`, { key: bot });
    await op("publishDirective", "/docs/v1/directives", {
      key: admin,
      body: {
        numberNotation: "21/CT-UBND",
        type: "chi_thi",
        issuerName: "UBND tỉnh Lam Giang",
        subject: "Về phòng chống bão",
        signer: { fullName: "Trần Văn Ký", position: "Chủ tịch", authority: "TM" },
        issuedAt: "2024-05-24",
        audiences: [{ kind: "public" }],
        effectiveFrom: "2024-05-24T00:00:00+07:00",
      },
    });

    const staffId = "stf_staffsnv01";
    await op("getStaff", `/docs/v1/staff/${staffId}`, { key: bot });
    const linkCode = await op("createLinkCode", `/docs/v1/staff/${staffId}/link-codes`, {
      key: admin,
      body: {},
    });
    const link = await op("redeemLinkCode", "/docs/v1/staff/link-codes/redeem", {
      key: bot,
      body: { code: linkCode.code, channel: "telegram", chatId: "42" },
    });
    await op("listStaffLinks", "/docs/v1/staff/links", { key: bot });
    const behalf = { "on-behalf-of": staffId };
    const tasks = await op("listTasks", "/docs/v1/tasks", { key: bot, headers: behalf });
    expect(tasks.data.length).toBeGreaterThan(0);
    const created = await op("createTask", "/docs/v1/tasks", {
      key: admin,
      body: {
        title: "Báo cáo tuần",
        assigneeId: staffId,
        assignedById: "stf_staffubnd01",
        dueAt: "2024-06-01T17:00:00+07:00",
      },
    });
    await op("getTask", `/docs/v1/tasks/${created.id}`, { key: bot, headers: behalf });
    await op("updateTask", `/docs/v1/tasks/${created.id}`, {
      key: bot,
      method: "PATCH",
      body: { progress: 50 },
      headers: behalf,
    });
    await op("addTaskComment", `/docs/v1/tasks/${created.id}/comments`, {
      key: bot,
      body: { body: "Đang làm" },
      headers: behalf,
    });
    await op("listTaskComments", `/docs/v1/tasks/${created.id}/comments`, {
      key: bot,
      headers: behalf,
    });
    await op("deleteStaffLink", `/docs/v1/staff/links/${link.id}`, { key: bot, method: "DELETE" });

    const hook = await op("createWebhook", "/v1/webhooks", {
      key: bot,
      body: { url: "http://127.0.0.1:9/hook", events: ["dossier.status_changed"] },
    });
    await op("listWebhooks", "/v1/webhooks", { key: bot });
    await op("getWebhook", `/v1/webhooks/${hook.id}`, { key: bot });
    await op("deleteWebhook", `/v1/webhooks/${hook.id}`, { key: bot, method: "DELETE" });
    const events = await op("listEvents", "/v1/events", { key: bot });
    await op("getEvent", `/v1/events/${events.data[0].id}`, { key: bot });

    expect([...exercised.keys()].sort()).toEqual([...specOperations].sort());
  });
});
