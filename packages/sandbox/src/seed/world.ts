import { base, en, Faker, vi } from "@faker-js/faker";
import {
  addWorkingMinutes,
  DOSSIER_STATUSES,
  type DossierStatus,
  foldDiacritics,
} from "@vnegov/domain";
import type { Logger } from "pino";
import type { Db } from "../db/database.js";
import { vnWallTime } from "../domain/time.js";
import { checkDocument, insertDocument } from "../services/documents.js";
import {
  submitDossier,
  supplementDossier,
  transitionDossier,
  withdrawDossier,
} from "../services/dossiers.js";
import { addComment, createTask, updateTask } from "../services/tasks.js";
import type { Principal, World } from "../world.js";
import { SANDBOX_CREDENTIALS } from "./clients.js";
import { agencies } from "./data/agencies.js";
import { areas } from "./data/areas.js";
import { documents } from "./data/documents.js";
import { procedures } from "./data/procedures.js";
import { staff } from "./data/staff.js";
import { taskTemplates } from "./data/tasks.js";
import { fakeAddress, fakeCccd, fakeForm, fakeName, fakePhone } from "./form-values.js";
import { documentPdf } from "./pdf.js";
import { seededBytes } from "./random.js";

/** Seeded dossiers and their secrets by status, for trying look-ups and for tests. */
export type SampleDossiers = Partial<
  Record<
    DossierStatus,
    {
      code: string;
      /** The mã tra cứu issued on submission. */
      secret: string;
      procedureCode: string;
      /**
       * The applicant's identity number: what look-ups through the DVCQG and iGate emulators
       * take instead of the secret. Absent in worlds seeded before it was recorded.
       */
      applicantIdNumber?: string;
    }[]
  >
>;

const DOSSIERS_PER_STATUS = 24;
const DAY = 86_400_000;

/** The officer moves (and citizen acts) that lead from submission to each status. */
const PATHS: Record<DossierStatus, readonly (DossierStatus | "supplement")[][]> = {
  moi_dang_ky: [[]],
  da_tiep_nhan: [["da_tiep_nhan"]],
  khong_tiep_nhan: [["khong_tiep_nhan"]],
  dang_xu_ly: [
    ["da_tiep_nhan", "dang_xu_ly"],
    ["da_tiep_nhan", "dang_xu_ly", "yeu_cau_bo_sung", "supplement"],
  ],
  yeu_cau_bo_sung: [
    ["da_tiep_nhan", "yeu_cau_bo_sung"],
    ["da_tiep_nhan", "dang_xu_ly", "yeu_cau_bo_sung"],
  ],
  nghia_vu_tai_chinh: [["da_tiep_nhan", "dang_xu_ly", "nghia_vu_tai_chinh"]],
  da_rut: [
    ["da_tiep_nhan", "da_rut"],
    ["da_tiep_nhan", "dang_xu_ly", "yeu_cau_bo_sung", "da_rut"],
  ],
  dung_xu_ly: [["da_tiep_nhan", "dang_xu_ly", "dung_xu_ly"]],
  da_xu_ly_xong: [
    ["da_tiep_nhan", "dang_xu_ly", "da_xu_ly_xong"],
    ["da_tiep_nhan", "dang_xu_ly", "yeu_cau_bo_sung", "supplement", "da_xu_ly_xong"],
  ],
  da_tra_ket_qua: [
    ["da_tiep_nhan", "dang_xu_ly", "da_xu_ly_xong", "da_tra_ket_qua"],
    ["da_tiep_nhan", "dang_xu_ly", "nghia_vu_tai_chinh", "da_xu_ly_xong", "da_tra_ket_qua"],
  ],
};

const NOTES: Partial<Record<DossierStatus | "supplement", string>> = {
  da_tiep_nhan: "Tiếp nhận hồ sơ, hẹn trả kết quả theo phiếu hẹn.",
  khong_tiep_nhan: "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan.",
  dang_xu_ly: "Chuyển phòng chuyên môn thẩm định.",
  yeu_cau_bo_sung: "Đề nghị bổ sung bản sao có chứng thực giấy tờ tùy thân.",
  supplement: "Đã bổ sung giấy tờ theo yêu cầu.",
  nghia_vu_tai_chinh: "Đề nghị nộp phí, lệ phí trước khi nhận kết quả.",
  da_rut: "Công dân đề nghị rút hồ sơ để hoàn thiện lại.",
  dung_xu_ly: "Tạm dừng xử lý để xác minh thông tin.",
  da_xu_ly_xong: "Đã có kết quả, mời công dân đến nhận.",
  da_tra_ket_qua: "Đã trả kết quả cho công dân.",
};

/**
 * Builds the sample world of "Tỉnh Lam Giang" into an empty database through the same
 * services the API uses, with a pinned clock and seeded randomness: the same seed and
 * reference date give the same world. Does nothing if the database already has procedures.
 */
export async function seedWorld(
  world: World,
  options: { seed: number; referenceDate: Date },
  log: Logger,
): Promise<void> {
  const { db } = world;
  if ((db.prepare("SELECT COUNT(*) AS n FROM procedures").get() as { n: number }).n > 0) {
    log.info("database already holds a world; not seeding");
    return;
  }
  const faker = new Faker({ locale: [vi, en, base] });
  faker.seed(options.seed);
  // Start from the local midnight of the reference date so the clock time of day does not leak in.
  const ref = vnWallTime(
    new Date(options.referenceDate.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
    12,
  );
  let clock = ref;
  const seeding: World = {
    ...world,
    now: () => clock,
    randomBytes: seededBytes(options.seed),
    onEvents: () => {},
  };
  const admin: Principal = {
    clientId: SANDBOX_CREDENTIALS.admin.clientId,
    scopes: new Set(SANDBOX_CREDENTIALS.admin.scopes),
    rateLimitPerSec: null,
  };

  const docPdfs = await Promise.all(
    documents.map((d) =>
      documentPdf(
        `${d.numberNotation} ${d.subject}`,
        [d.issuerName, d.summary],
        new Date(`${d.issuedAt}T08:00:00+07:00`),
      ),
    ),
  );
  const formPdf = await documentPdf("Ban scan giay to", ["vnegov sandbox"], new Date(ref));

  db.transaction(() => {
    insertReferenceData(db);
    const documentIds = new Map<string, string>();
    documents.forEach((d, i) => {
      clock = vnWallTime(d.issuedAt, 8);
      const input = {
        ...d,
        issuerAgencyCode: d.issuerAgencyCode ?? undefined,
        attachments: [
          {
            fileName: `${foldDiacritics(d.numberNotation).replace(/[^a-z0-9]+/g, "-")}.pdf`,
            contentType: "application/pdf",
            contentBase64: (docPdfs[i] as Buffer).toString("base64"),
            signed: true,
          },
        ],
        ...(d.directive
          ? {
              audiences: d.directive.audiences,
              effectiveFrom: d.directive.effectiveFrom,
              effectiveTo: d.directive.effectiveTo ?? undefined,
            }
          : {}),
      };
      const errors = checkDocument(seeding, input);
      if (errors.length > 0) throw new Error(`seed document ${d.key}: ${JSON.stringify(errors)}`);
      const row = insertDocument(seeding, input, {
        direction: d.direction,
        directive: d.directive ? (input as never) : undefined,
      });
      documentIds.set(d.key, row.id);
    });

    const samples: SampleDossiers = {};
    const communes = areas.filter((a) => a.level === "xa").map((a) => a.name);
    const submittable = procedures.filter((p) => p.onlineLevel !== "thong_tin");
    for (let i = 0; i < DOSSIERS_PER_STATUS * DOSSIER_STATUSES.length; i++) {
      const target = DOSSIER_STATUSES[i % DOSSIER_STATUSES.length] as DossierStatus;
      const procedure = faker.helpers.arrayElement(submittable);
      const daysAgo = faker.number.int({ min: 1, max: 60 });
      const submittedAt = vnWallTime(
        new Date(ref - daysAgo * DAY + 7 * 3_600_000).toISOString().slice(0, 10),
        faker.number.int({ min: 7, max: 16 }),
        faker.number.int({ min: 0, max: 59 }),
      );
      clock = submittedAt;
      const { formData, attachments } = fakeForm(
        faker,
        procedure.formFields,
        submittedAt,
        formPdf,
        communes,
      );
      const receipt = submitDossier(seeding, null, {
        procedureCode: procedure.code,
        channel: faker.helpers.weightedArrayElement([
          { value: "truc_tuyen", weight: 6 },
          { value: "truc_tiep", weight: 3 },
          { value: "buu_chinh", weight: 1 },
        ]),
        applicant: {
          type:
            procedure.field.includes("doanh nghiệp") || procedure.field.includes("kinh doanh")
              ? "doanh_nghiep"
              : "cong_dan",
          fullName: fakeName(faker),
          idNumber: fakeCccd(faker),
          phone: fakePhone(faker),
          address: fakeAddress(faker, communes),
        },
        formData,
        attachments,
      });
      const code = receipt.dossier.code;
      const path = faker.helpers.arrayElement(PATHS[target]);
      // Steps spread between submission and the reference date, in working time.
      let at = submittedAt;
      const budget = Math.max(
        60,
        Math.floor((ref - submittedAt) / 60_000 / 3 / Math.max(1, path.length)),
      );
      for (const step of path) {
        at = Math.min(
          ref - 60_000,
          addWorkingMinutes(
            new Date(at),
            faker.number.int({ min: 30, max: budget }),
            seeding.calendar,
          ).getTime(),
        );
        clock = at;
        const note = NOTES[step] ?? null;
        if (step === "supplement")
          supplementDossier(seeding, admin, code, undefined, { note: note as string });
        else if (step === "da_rut")
          withdrawDossier(seeding, admin, code, undefined, note as string);
        else
          transitionDossier(seeding, code, {
            status: step,
            note: note ?? undefined,
            officerName: fakeName(faker),
          });
      }
      samples[target] ??= [];
      const list = samples[target];
      if (list.length < 3)
        list.push({
          code,
          secret: receipt.verificationSecret,
          procedureCode: procedure.code,
          applicantIdNumber: (
            db
              .prepare("SELECT applicant_id_number AS id FROM dossiers WHERE code = ?")
              .get(code) as {
              id: string;
            }
          ).id,
        });
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('samples', ?)").run(JSON.stringify(samples));

    seedTasks(seeding, faker, admin, ref, documentIds, (t) => {
      clock = t;
    });
    // The sample world is history: its changes are not news to anyone subscribing later.
    db.prepare("DELETE FROM webhook_deliveries").run();
    db.prepare("DELETE FROM events").run();
  })();
  clock = ref;
  log.info(
    {
      seed: options.seed,
      dossiers: DOSSIERS_PER_STATUS * DOSSIER_STATUSES.length,
      documents: documents.length,
    },
    "sample world seeded",
  );
}

function insertReferenceData(db: Db): void {
  const agency = db.prepare(
    "INSERT INTO agencies (code, name, short_name, level, parent_code) VALUES (?, ?, ?, ?, ?)",
  );
  for (const a of agencies) agency.run(a.code, a.name, a.shortName, a.level, a.parentCode);
  const area = db.prepare("INSERT INTO areas (code, name, level, parent_code) VALUES (?, ?, ?, ?)");
  for (const a of areas) area.run(a.code, a.name, a.level, a.parentCode);
  const procedure = db.prepare(
    `INSERT INTO procedures (code, name, search_text, agency_code, field, online_level, processing_days, fee_amount,
       required_papers, form_schema, result_description, legal_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const agencyName = new Map(agencies.map((a) => [a.code, a.name]));
  for (const p of procedures) {
    procedure.run(
      p.code,
      p.name,
      foldDiacritics(`${p.code} ${p.name} ${p.field} ${agencyName.get(p.agencyCode) ?? ""}`),
      p.agencyCode,
      p.field,
      p.onlineLevel,
      p.processingDays,
      p.feeAmount,
      JSON.stringify(p.requiredPapers),
      JSON.stringify({ version: 1, fields: p.formFields }),
      p.resultDescription,
      JSON.stringify(p.legalBasis),
    );
  }
}

function seedTasks(
  world: World,
  faker: Faker,
  admin: Principal,
  ref: number,
  documentIds: Map<string, string>,
  setClock: (t: number) => void,
): void {
  const staffIds = staff.map((s) => {
    const id = `stf_${s.key.replace(/[^A-Za-z0-9]/g, "")}`;
    world.db
      .prepare(
        "INSERT INTO staff (id, full_name, position, agency_code, email) VALUES (?, ?, ?, ?, ?)",
      )
      .run(id, s.fullName, s.position, s.agencyCode, s.email);
    return { id, leader: /Giám đốc|Chánh|Trưởng|Chủ tịch/.test(s.position) };
  });
  const leaders = staffIds.filter((s) => s.leader);
  // Two tasks per staff member: one due before the reference date, one after.
  staffIds.forEach((assignee, i) => {
    for (const past of [true, false]) {
      const template = taskTemplates[
        (2 * i + (past ? 0 : 1)) % taskTemplates.length
      ] as (typeof taskTemplates)[number];
      const assignedAt = ref - faker.number.int({ min: 5, max: 30 }) * DAY;
      const dueDay =
        ref +
        (past ? -faker.number.int({ min: 1, max: 10 }) : faker.number.int({ min: 0, max: 14 })) *
          DAY;
      setClock(assignedAt);
      const task = createTask(world, {
        title: template.title,
        description: template.description,
        assigneeId: assignee.id,
        assignedById: (leaders.length ? faker.helpers.arrayElement(leaders) : staffIds[0])
          ?.id as string,
        sourceDocumentId: template.sourceDocumentKey
          ? documentIds.get(template.sourceDocumentKey)
          : undefined,
        dueAt: new Date(
          vnWallTime(new Date(dueDay + 7 * 3_600_000).toISOString().slice(0, 10), 17),
        ).toISOString(),
      });
      const outcome = faker.helpers.arrayElement(["pending", "in_progress", "done"] as const);
      if (outcome === "pending") continue;
      setClock(assignedAt + faker.number.int({ min: 1, max: 3 }) * DAY);
      updateTask(world, admin, task.id, assignee.id, {
        progress: faker.number.int({ min: 10, max: 90 }),
      });
      addComment(world, admin, task.id, assignee.id, "Đang tổng hợp số liệu, sẽ báo cáo đúng hạn.");
      if (outcome === "done") {
        setClock(Math.min(ref - DAY, assignedAt + faker.number.int({ min: 3, max: 20 }) * DAY));
        updateTask(world, admin, task.id, assignee.id, { status: "done" });
      }
    }
  });
}

/** The samples recorded when the world was seeded. */
export function readSamples(db: Db): SampleDossiers {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'samples'").get() as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as SampleDossiers) : {};
}
