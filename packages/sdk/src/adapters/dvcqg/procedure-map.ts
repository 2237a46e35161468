import {
  DVCQG_CHANNEL,
  DVCQG_ONLINE_LEVEL,
  type DvcqgThuTuc,
  foldDiacritics,
  isUnknownCode,
} from "@vnegov/domain";
import type { Procedure, ProcedureSummary } from "../../types.js";

type RequiredPaper = Procedure["requiredPapers"][number];

type ThoiGian = NonNullable<
  NonNullable<DvcqgThuTuc["CACHTHUCTHUCHIEN"]>[number]["THOIGIAN"]
>[number];

const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
const text = (value: unknown) =>
  typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";

/** Amounts come as numbers or text with thousands separators ("200.000"); digits are what count. */
function amount(value: unknown): number {
  const digits = text(value).replace(/\D/g, "");
  return digits === "" ? 0 : Number(digits);
}

function count(value: unknown, fallback: number): number {
  const n = Number.parseInt(text(value), 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The online channel's time and fees when it has them (what a chat user would use), else the first. */
function thoiGianOf(t: DvcqgThuTuc): ThoiGian | undefined {
  const ways = list(t.CACHTHUCTHUCHIEN);
  const online = DVCQG_CHANNEL.encode("truc_tuyen");
  const way = ways.find((w) => text(w?.KENH) === online) ?? ways[0];
  return list(way?.THOIGIAN)[0];
}

/** Working days; a time stated in hours counts 8 to the day. */
function processingDays(time: ThoiGian | undefined): number {
  const value = Number(text(time?.THOIGIANGIAIQUYET).replace(",", "."));
  if (!Number.isFinite(value) || value < 0) return 0;
  return /\bgio\b/.test(foldDiacritics(text(time?.DONVITINH))) ? value / 8 : value;
}

/**
 * A catalogue entry as our summary. `MUCDO` outside 2/3/4 reads as `thong_tin` (information
 * only): the safe reading, since it never offers an online submission.
 */
export function summaryOf(t: DvcqgThuTuc, fallbackCode = ""): ProcedureSummary {
  const agency = list(t.COQUANTHUCHIEN)[0];
  const level = DVCQG_ONLINE_LEVEL.decode(text(t.MUCDO));
  const time = thoiGianOf(t);
  return {
    code: text(t.MATTHC) || fallbackCode,
    name: text(t.TENTTHC),
    agencyCode: text(agency?.MADONVI),
    agencyName: text(agency?.TENDONVI),
    field: text(list(t.LINHVUCTHUCHIEN)[0]?.TENLINHVUC),
    onlineLevel: isUnknownCode(level) ? "thong_tin" : level.value,
    processingDays: processingDays(time),
    // The first fee line: later ones are usually other cases (exemptions, other applicants).
    fee: { amount: amount(list(time?.PHILEPHI)[0]?.SOTIEN), currency: "VND" },
  };
}

function papers(t: DvcqgThuTuc): RequiredPaper[] {
  return list(t.THANHPHANHOSO)
    .flatMap((group) => list(group?.GIAYTO))
    .map((paper) => ({
      name: text(paper?.TENGIAYTO) || text(paper?.TENMAUDON) || text(paper?.MAGIAYTO),
      originals: count(paper?.SOBANCHINH, 1),
      copies: count(paper?.SOBANSAO, 0),
    }))
    .filter((paper) => paper.name !== "");
}

/** "Luật Hộ tịch" + "60/2014/QH13", unless the title already names its number. */
function legalBasis(t: DvcqgThuTuc): string[] {
  return list(t.CANCUPHAPLY)
    .map((doc) => {
      const title = text(doc?.TENVANBAN);
      const number = text(doc?.SOVANBAN);
      return title.includes(number) ? title : `${title} ${number}`.trim();
    })
    .filter(Boolean);
}

/**
 * `LayThuTuc`'s tree as our {@link Procedure}. DVCQG publishes no form schema, so
 * `formSchema` has no fields: collect what the paper list asks for instead.
 */
export function procedureOf(t: DvcqgThuTuc, fallbackCode: string): Procedure {
  return {
    ...summaryOf(t, fallbackCode),
    requiredPapers: papers(t),
    formSchema: { version: 0, fields: [] },
    resultDescription: list(t.KETQUATHUCHIEN)
      .map((r) => text(r?.TENKETQUA))
      .filter(Boolean)
      .join("; "),
    legalBasis: legalBasis(t),
  };
}
