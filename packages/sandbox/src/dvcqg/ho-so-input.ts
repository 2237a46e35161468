import {
  type DossierStatus,
  DVCQG_APPLICANT_TYPE,
  DVCQG_CHANNEL,
  DVCQG_STATUS,
  type DvcqgHoSo,
  type DvcqgTienDo,
  isDossierCode,
  isUnknownCode,
  parseCompactDate,
} from "@vnegov/domain";
import { invalidData } from "./errors.js";

/** A `DongBoHoSoMC` record once checked, in the world's terms. */
export interface ParsedHoSo {
  code: string;
  procedureCode: string;
  status: DossierStatus;
  channel: "truc_tiep" | "truc_tuyen" | "buu_chinh";
  applicant: {
    type: "cong_dan" | "doanh_nghiep" | "co_quan_nha_nuoc" | "to_chuc_khac";
    fullName: string;
    idNumber: string;
    phone: string;
    email?: string;
  };
  submittedAt: number;
  receivedAt: number | null;
  appointmentAt: number | null;
  completedAt: number | null;
  /** Sum of `DanhSachLePhi[].Gia`; null when the record lists no fees. */
  fee: number | null;
  /** The latest supplementation round's request, for the world's pending action. */
  supplement: { note: string; requestedAt: number } | null;
  /** The record as sent, kept for what the world has no column for. */
  record: DvcqgHoSo;
}

/** A checked `CapNhatTienDoHoSoMC` item. */
export interface ParsedTienDo {
  code: string;
  status: DossierStatus;
  at: number;
  officer: string | null;
  title: string | null;
  department: string | null;
  note: string | null;
  startedAt: number | null;
  dueAt: number | null;
}

/** Thanh Hóa cuts the summary to 1000 characters before sending, so the portal refuses more. */
const MAX_SUMMARY = 1000;

class Problems {
  readonly list: string[] = [];
  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }
  /** Throws the error answer naming the first few problems. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const more = this.list.length > 3 ? ` (và ${this.list.length - 3} lỗi khác)` : "";
    throw invalidData(this.list.slice(0, 3).join("; ") + more);
  }
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** Only the numeric codes are written to the portal; DVCQG's English keys are its own output. */
function status(value: unknown, where: string, problems: Problems): DossierStatus | undefined {
  const raw = typeof value === "number" ? String(value) : text(value);
  const decoded = /^\d+$/.test(raw) ? DVCQG_STATUS.decode(raw) : undefined;
  if (!decoded || isUnknownCode(decoded)) {
    problems.add(where, `trạng thái "${raw}" không hợp lệ (1–10)`);
    return undefined;
  }
  return decoded.value;
}

function date(value: unknown, where: string, problems: Problems, required = false): number | null {
  if (value === undefined || value === null || value === "") {
    if (required) problems.add(where, "bắt buộc");
    return null;
  }
  const parsed = parseCompactDate(value);
  if (!parsed) {
    problems.add(where, `"${String(value)}" không đúng định dạng yyyyMMddHHmmss`);
    return null;
  }
  return parsed.getTime();
}

function money(value: unknown): number | undefined {
  const amount = typeof value === "number" ? value : Number(text(value));
  return Number.isSafeInteger(amount) && amount >= 0 ? amount : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `data` of a write service: a non-empty array of objects, at most `max` of them. */
export function records(data: unknown, max: number): Record<string, unknown>[] {
  if (!Array.isArray(data) || data.length === 0)
    throw invalidData("data phải là một mảng không rỗng");
  if (data.length > max) throw invalidData(`tối đa ${max} bản ghi mỗi lần gửi`);
  const bad = data.findIndex((item) => !isObject(item));
  if (bad >= 0) throw invalidData(`data[${bad}] không phải là một đối tượng`);
  return data as Record<string, unknown>[];
}

/** Checks `DongBoHoSoMC` records, all of them before any is stored. */
export function parseHoSo(items: Record<string, unknown>[]): ParsedHoSo[] {
  const problems = new Problems();
  const parsed = items.map((item, i) => {
    const at = (field: string) => `data[${i}].${field}`;
    const record = item as DvcqgHoSo;
    const code = text(record.MaHoSo);
    if (!isDossierCode(code)) problems.add(at("MaHoSo"), `"${code}" không đúng định dạng`);
    const procedureCode = text(record.MaTTHC);
    if (!procedureCode) problems.add(at("MaTTHC"), "bắt buộc");
    const fullName = text(record.ChuHoSo);
    if (!fullName) problems.add(at("ChuHoSo"), "bắt buộc");
    const idNumber =
      text(record.SoGiayToChuHoSo) ||
      text(Array.isArray(record.DinhDanhCHS) ? record.DinhDanhCHS[0]?.SoDinhDanh : "");
    if (!idNumber) problems.add(at("SoGiayToChuHoSo"), "bắt buộc (hoặc DinhDanhCHS)");
    const channel = DVCQG_CHANNEL.decode(text(record.KenhThucHien));
    if (isUnknownCode(channel))
      problems.add(at("KenhThucHien"), `"${channel.code}" không hợp lệ (1–3)`);
    const type = DVCQG_APPLICANT_TYPE.decode(text(record.LoaiDoiTuong) || "1");
    if (isUnknownCode(type)) problems.add(at("LoaiDoiTuong"), `"${type.code}" không hợp lệ (1–4)`);
    if (text(record.TrichYeuHoSo).length > MAX_SUMMARY)
      problems.add(at("TrichYeuHoSo"), `dài quá ${MAX_SUMMARY} ký tự`);
    const fees = Array.isArray(record.DanhSachLePhi) ? record.DanhSachLePhi : undefined;
    let fee: number | null = null;
    for (const [j, line] of (fees ?? []).entries()) {
      const amount = money(line?.Gia);
      if (amount === undefined)
        problems.add(at(`DanhSachLePhi[${j}].Gia`), `"${String(line?.Gia)}" không phải số tiền`);
      else fee = (fee ?? 0) + amount;
    }
    const rounds = Array.isArray(record.DanhSachHoSoBoSung) ? record.DanhSachHoSoBoSung : [];
    const last = rounds.at(-1);
    const requestedAt = last
      ? date(last.NgayBoSung, at("DanhSachHoSoBoSung.NgayBoSung"), problems)
      : null;
    return {
      code,
      procedureCode,
      status: status(record.TrangThaiHoSo, at("TrangThaiHoSo"), problems) ?? "moi_dang_ky",
      channel: isUnknownCode(channel) ? "truc_tiep" : channel.value,
      applicant: {
        type: isUnknownCode(type) ? "cong_dan" : type.value,
        fullName,
        idNumber,
        phone: text(record.SoDienThoai),
        ...(text(record.Email) ? { email: text(record.Email) } : {}),
      },
      submittedAt: date(record.NgayNopHoSo, at("NgayNopHoSo"), problems, true) ?? 0,
      receivedAt: date(record.NgayTiepNhan, at("NgayTiepNhan"), problems),
      appointmentAt: date(record.NgayHenTra, at("NgayHenTra"), problems),
      completedAt:
        date(record.NgayKetThucXuLy, at("NgayKetThucXuLy"), problems) ??
        date(record.NgayTra, at("NgayTra"), problems),
      fee,
      supplement:
        last && requestedAt !== null ? { note: text(last.NoiDungBoSung), requestedAt } : null,
      record,
    } satisfies ParsedHoSo;
  });
  for (const [i, p] of parsed.entries()) {
    if (parsed.findIndex((q) => q.code === p.code) !== i)
      problems.add(`data[${i}].MaHoSo`, `${p.code} bị trùng trong cùng lô`);
  }
  problems.throwIfAny();
  return parsed;
}

/** Checks `CapNhatTienDoHoSoMC` items. */
export function parseTienDo(items: Record<string, unknown>[]): ParsedTienDo[] {
  const problems = new Problems();
  const parsed = items.map((item, i) => {
    const at = (field: string) => `data[${i}].${field}`;
    const step = item as DvcqgTienDo;
    const code = text(step.MaHoSo);
    if (!code) problems.add(at("MaHoSo"), "bắt buộc");
    const orNull = (value: unknown) => text(value) || null;
    return {
      code,
      status: status(step.TrangThai, at("TrangThai"), problems) ?? "moi_dang_ky",
      at: date(step.ThoiDiemXuLy, at("ThoiDiemXuLy"), problems, true) ?? 0,
      officer: orNull(step.NguoiXuLy),
      title: orNull(step.ChucDanh),
      department: orNull(step.PhongBanXuLy),
      note: orNull(step.NoiDungXuLy),
      startedAt: date(step.NgayBatDau, at("NgayBatDau"), problems),
      dueAt: date(step.NgayKetThucTheoQuyDinh, at("NgayKetThucTheoQuyDinh"), problems),
    } satisfies ParsedTienDo;
  });
  problems.throwIfAny();
  return parsed;
}
