import {
  DVCQG_CHANNEL,
  DVCQG_ONLINE_LEVEL,
  type DvcqgThuTuc,
  foldDiacritics,
} from "@vnegov/domain";
import { ApiProblem } from "../http/problem.js";
import { getProcedure, listProcedures } from "../services/procedures.js";
import type { World } from "../world.js";

type ProcedureView = ReturnType<typeof getProcedure>;
type ProcedureSummary = Omit<
  ProcedureView,
  "requiredPapers" | "formSchema" | "resultDescription" | "legalBasis"
>;

/** A field's code: the portal keys fields by code, the world by name only [UNCONFIRMED shape]. */
export const fieldCode = (field: string) =>
  foldDiacritics(field).toUpperCase().replace(/\W+/g, "-");

/** "Luật Hộ tịch số 60/2014/QH13" → "60/2014/QH13"; "" when the text names no number. */
const documentNumber = (text: string) => /\d+\/\d{4}\/[\p{L}\d-]+/u.exec(text)?.[0] ?? "";

/**
 * Processing time as the portal states it: whole working days, or working hours (8 a day)
 * when the world's figure is fractional.
 */
function thoiGian(p: ProcedureSummary) {
  const days = p.processingDays;
  const whole = Number.isInteger(days);
  return {
    THOIGIANGIAIQUYET: String(whole ? days : Math.round(days * 8)),
    DONVITINH: whole ? "Ngày làm việc" : "Giờ làm việc",
    MOTA: "",
    PHILEPHI:
      p.fee.amount > 0 ? [{ SOTIEN: String(p.fee.amount), DONVI: "Đồng", MOTA: "Lệ phí" }] : [],
  };
}

/** Counter always; online too unless the procedure is information-only. */
function cachThuc(p: ProcedureSummary): NonNullable<DvcqgThuTuc["CACHTHUCTHUCHIEN"]> {
  const channels = p.onlineLevel === "thong_tin" ? ["truc_tiep"] : ["truc_tiep", "truc_tuyen"];
  return channels.map((channel) => ({
    KENH: DVCQG_CHANNEL.encode(channel as "truc_tiep" | "truc_tuyen"),
    THOIGIAN: [thoiGian(p)],
  }));
}

/** What `LayDanhSachTTHC` lists per procedure: the heading fields of the tree. */
function heading(p: ProcedureSummary): DvcqgThuTuc {
  return {
    MATTHC: p.code,
    TENTTHC: p.name,
    MUCDO: DVCQG_ONLINE_LEVEL.encode(p.onlineLevel as "toan_trinh" | "mot_phan" | "thong_tin"),
    LINHVUCTHUCHIEN: [{ MALINHVUC: fieldCode(p.field), TENLINHVUC: p.field }],
    CACHTHUCTHUCHIEN: cachThuc(p),
    COQUANTHUCHIEN: [{ MADONVI: p.agencyCode, TENDONVI: p.agencyName }],
  };
}

/** `LayThuTuc`: the full upper-case tree of one procedure, built from the world's. */
export function thuTuc(world: World, code: unknown): DvcqgThuTuc | undefined {
  if (typeof code !== "string" || code.trim() === "") return undefined;
  let p: ProcedureView;
  try {
    p = getProcedure(world, code.trim());
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return undefined;
    throw error;
  }
  return {
    ...heading(p),
    TRINHTUTHUCHIEN: [
      {
        TRUONGHOP: "",
        TRINHTU: [
          { TENTRINHTU: `Nộp hồ sơ tại Bộ phận một cửa của ${p.agencyName}` },
          { TENTRINHTU: "Tiếp nhận, kiểm tra hồ sơ và hẹn trả kết quả" },
          { TENTRINHTU: "Giải quyết hồ sơ" },
          { TENTRINHTU: `Trả kết quả: ${p.resultDescription}` },
        ],
      },
    ],
    THANHPHANHOSO: [
      {
        TRUONGHOP: "",
        GIAYTO: (p.requiredPapers as { name: string; originals: number; copies: number }[]).map(
          (paper, i) => ({
            MAGIAYTO: `${p.code}.GT${String(i + 1).padStart(2, "0")}`,
            TENGIAYTO: paper.name,
            TENMAUDON: "",
            URL: "",
            SOBANCHINH: String(paper.originals),
            SOBANSAO: String(paper.copies),
          }),
        ),
      },
    ],
    KETQUATHUCHIEN: [{ MAKETQUA: `${p.code}.KQ01`, TENKETQUA: p.resultDescription }],
    CANCUPHAPLY: (p.legalBasis as string[]).map((text) => ({
      SOVANBAN: documentNumber(text),
      TENVANBAN: text,
    })),
    YEUCAU: "",
    MOTADOITUONGTHUCHIEN: "",
  };
}

/** `LayDanhSachTTHC`: every procedure of the catalogue, in code order (no paging, as a dictionary). */
export function danhSachThuTuc(world: World): DvcqgThuTuc[] {
  const out: DvcqgThuTuc[] = [];
  let cursor: string | undefined;
  do {
    const page = listProcedures(world, {}, cursor, 100);
    for (const p of page.data) out.push(heading(p as ProcedureSummary));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
