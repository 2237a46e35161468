import { createHash } from "node:crypto";
import type { Sandbox } from "@vnegov/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, REFERENCE_DATE, seededSandbox } from "./helpers.js";

let sandbox: Sandbox;
let admin: string;

async function all(path: string, key: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res: any = await call(
      sandbox,
      `${path}${sep}limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      { key },
    );
    items.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  // Judge timeliness and deadlines on the world's own "today".
  sandbox = await seededSandbox({ now: () => REFERENCE_DATE.getTime() });
  admin = sandbox.credentials.admin.apiKey;
});
afterAll(() => sandbox.close());

describe("the sample world", () => {
  it("has ≥ 30 procedures across ≥ 5 agencies, each with a form schema", async () => {
    const procedures = await all("/portal/v1/procedures", admin);
    expect(procedures.length).toBeGreaterThanOrEqual(30);
    expect(new Set(procedures.map((p) => p.agencyCode)).size).toBeGreaterThanOrEqual(5);
    const detail = await call(sandbox, `/portal/v1/procedures/${procedures[0].code}`, {
      key: admin,
    });
    expect(detail.body.formSchema.fields.length).toBeGreaterThan(0);
    expect(detail.body.formSchema.fields[0].label).toEqual({
      vi: expect.any(String),
      en: expect.any(String),
    });
  });

  it("has ≥ 200 dossiers, some in every status, each with a history that ends in its status", async () => {
    const dossiers = await all("/portal/v1/dossiers", admin);
    expect(dossiers.length).toBeGreaterThanOrEqual(200);
    const statuses = new Set(dossiers.map((d) => d.status));
    expect(statuses.size).toBe(10);
    for (const d of dossiers.filter((_, i) => i % 20 === 0)) {
      const history = await all(`/portal/v1/dossiers/${d.code}/history`, admin);
      expect(history[0].status).toBe("moi_dang_ky");
      expect(history[history.length - 1].status).toBe(d.status);
    }
    expect(new Set(dossiers.map((d) => d.timeliness))).toEqual(
      new Set(["truoc_han", "dung_han", "qua_han", null]),
    );
  });

  it("has ≥ 50 documents including 15/CT-TTg, 16/CT-TTg and an urgent công điện", async () => {
    const documents = await all("/docs/v1/documents", admin);
    expect(documents.length).toBeGreaterThanOrEqual(50);
    const numbers = documents.map((d) => d.numberNotation);
    expect(numbers).toEqual(expect.arrayContaining(["15/CT-TTg", "16/CT-TTg"]));
    expect(
      documents.some(
        (d) => d.type === "cong_dien" && ["hoa_toc", "thuong_khan", "khan"].includes(d.urgency),
      ),
    ).toBe(true);
    const byNumber = await call(
      sandbox,
      `/docs/v1/documents?numberNotation=${encodeURIComponent("16/CT-TTg")}`,
      { key: admin },
    );
    expect(byNumber.body.data[0]).toMatchObject({
      number: "16",
      notation: "CT-TTg",
      type: "chi_thi",
    });
    const directives = await all("/docs/v1/directives", admin);
    expect(directives.length).toBeGreaterThanOrEqual(10);
  });

  it("finds documents without diacritics", async () => {
    const folded = await call(sandbox, "/docs/v1/documents?q=phong%20chong%20dich", { key: admin });
    const accented = await call(
      sandbox,
      `/docs/v1/documents?q=${encodeURIComponent("phòng, chống dịch")}`,
      { key: admin },
    );
    expect(folded.body.data.length).toBeGreaterThan(0);
    expect(folded.body.data.map((d: any) => d.id)).toEqual(
      accented.body.data.map((d: any) => d.id),
    );
  });

  it("has ≥ 20 staff with tasks before and past their deadline", async () => {
    const tasks = await all("/docs/v1/tasks", admin);
    const staff = new Set(tasks.map((t) => t.assignee.id));
    expect(staff.size).toBeGreaterThanOrEqual(20);
    expect(tasks.some((t) => t.overdue)).toBe(true);
    expect(tasks.some((t) => !t.overdue && t.status !== "done")).toBe(true);
    expect(tasks.some((t) => t.status === "done")).toBe(true);
    const confidentialSource = tasks.find(
      (t) =>
        t.sourceDocument?.confidentiality !== undefined &&
        t.sourceDocument.confidentiality !== "thuong",
    );
    expect(confidentialSource?.sourceDocument.subject).toBeNull();
  });

  it("is deterministic for a seed and reference date", async () => {
    const fingerprint = (s: Sandbox) =>
      createHash("sha256")
        .update(
          JSON.stringify(
            s.db
              .prepare(
                "SELECT code, status, appointment_at, secret_hash FROM dossiers ORDER BY code",
              )
              .all(),
          ),
        )
        .update(
          JSON.stringify(
            s.db.prepare("SELECT id, number_notation FROM documents ORDER BY id").all(),
          ),
        )
        .update(
          JSON.stringify(s.db.prepare("SELECT id, due_at, status FROM tasks ORDER BY id").all()),
        )
        .digest("hex");
    const twin = await seededSandbox();
    const other = await seededSandbox({ seed: 7 });
    try {
      expect(fingerprint(twin)).toBe(fingerprint(sandbox));
      expect(fingerprint(other)).not.toBe(fingerprint(sandbox));
      expect(twin.samples).toEqual(sandbox.samples);
    } finally {
      await twin.close();
      await other.close();
    }
    expect(REFERENCE_DATE.toISOString()).toBe("2024-05-24T05:00:00.000Z");
  });
});
