import {
  type DossierStatus,
  DVCQG_APPLICANT_TYPE,
  DVCQG_CHANNEL,
  DVCQG_STATUS,
  type DvcqgHoSo,
  type DvcqgTaiLieuNop,
  type DvcqgTienDo,
  formatCompactDate,
} from "@vnegov/domain";
import { listAttachments } from "../services/attachments.js";
import type { World } from "../world.js";
import { fieldCode } from "./thu-tuc.js";

/** A dossier row with what the record needs from its procedure and agency. */
interface Row {
  code: string;
  procedure_code: string;
  status: DossierStatus;
  channel: "truc_tiep" | "truc_tuyen" | "buu_chinh";
  applicant: string;
  applicant_id_number: string;
  fee_amount: number;
  submitted_at: number;
  received_at: number | null;
  appointment_at: number | null;
  completed_at: number | null;
  pending_action: string | null;
  procedure_name: string;
  procedure_field: string;
  agency_name: string;
}

interface HistoryRow {
  id: string;
  status: DossierStatus;
  at: number;
  actor_name: string | null;
  note: string | null;
  title: string | null;
  department: string | null;
  started_at: number | null;
  due_at: number | null;
}

const compact = (ms: number | null | undefined) => (ms == null ? "" : formatCompactDate(ms));

/** The progress list: every history entry, with the progress fields the wire sent for it. */
function progress(world: World, code: string): DvcqgTienDo[] {
  const rows = world.db
    .prepare(
      `SELECT h.id, h.status, h.at, h.actor_name, h.note, p.title, p.department, p.started_at, p.due_at
       FROM dossier_history h LEFT JOIN dvcqg_progress p ON p.history_id = h.id
       WHERE h.dossier_code = ? ORDER BY h.seq`,
    )
    .all(code) as HistoryRow[];
  return rows.map((h) => ({
    MaHoSo: code,
    NguoiXuLy: h.actor_name ?? "",
    ChucDanh: h.title ?? "",
    ThoiDiemXuLy: compact(h.at),
    PhongBanXuLy: h.department ?? "",
    NoiDungXuLy: h.note ?? "",
    TrangThai: DVCQG_STATUS.encode(h.status),
    NgayBatDau: compact(h.started_at),
    NgayKetThucTheoQuyDinh: compact(h.due_at),
  }));
}

/** The world's files of a dossier, by URL: the portal only ever holds links. */
function files(world: World, code: string, origin: string): DvcqgTaiLieuNop[] {
  return listAttachments(world.db, "dossier", code).map((a) => ({
    TepDinhKemId: a.id,
    TenTepDinhKem: a.fileName,
    IsDeleted: "0",
    MaThanhPhanHoSo: a.fieldKey ?? "",
    DuongDanTaiTepTin: `${origin}/dvcqg/files/${a.id}`,
    DuocSoHoa: "0",
    DuocTaiSuDung: "0",
    DuocLayTuKhoDMQG: "0",
    MaKetQuaThayThe: "",
  }));
}

/**
 * `TraCuuHoSo`'s record for one dossier of the world, in the `DongBoHoSoMC` shape. What the
 * world models (status, dates, applicant, fee) comes from the world, so changes made through
 * the canonical API show; what only DVCQG carries comes from the last synced record.
 * Identifiers are unmasked: this is a system-to-system wire.
 */
export function hoSoOf(
  world: World,
  code: string,
  origin: string,
  wireStatus?: string,
): DvcqgHoSo | undefined {
  const row = world.db
    .prepare(
      `SELECT d.*, p.name AS procedure_name, p.field AS procedure_field, a.name AS agency_name
       FROM dossiers d JOIN procedures p ON p.code = d.procedure_code
       JOIN agencies a ON a.code = d.agency_code WHERE d.code = ?`,
    )
    .get(code) as Row | undefined;
  if (!row) return undefined;
  const synced = world.db
    .prepare("SELECT record FROM dvcqg_records WHERE dossier_code = ?")
    .get(code) as { record: string } | undefined;
  const extra = synced ? (JSON.parse(synced.record) as DvcqgHoSo) : {};
  const applicant = JSON.parse(row.applicant) as {
    type: "cong_dan" | "doanh_nghiep" | "co_quan_nha_nuoc" | "to_chuc_khac";
    fullName: string;
    phone?: string;
    email?: string;
  };
  const steps = progress(world, code);
  const reached = (status: DossierStatus) =>
    world.db
      .prepare("SELECT MAX(at) AS at FROM dossier_history WHERE dossier_code = ? AND status = ?")
      .get(code, status) as { at: number | null };
  const pending = row.pending_action
    ? (JSON.parse(row.pending_action) as { kind: string; note: string; requestedAt: number })
    : null;
  return {
    ...extra,
    MaHoSo: row.code,
    MaTTHC: row.procedure_code,
    TenTTHC: row.procedure_name,
    MaLinhVuc: extra.MaLinhVuc || fieldCode(row.procedure_field),
    TenLinhVuc: row.procedure_field,
    KenhThucHien: DVCQG_CHANNEL.encode(row.channel),
    ChuHoSo: applicant.fullName,
    SoGiayToChuHoSo: row.applicant_id_number,
    LoaiDoiTuong: DVCQG_APPLICANT_TYPE.encode(applicant.type),
    SoDienThoai: applicant.phone ?? "",
    Email: applicant.email ?? "",
    NgayNopHoSo: compact(row.submitted_at),
    NgayTiepNhan: compact(row.received_at),
    NgayHenTra: compact(row.appointment_at),
    NgayKetThucXuLy: compact(row.completed_at),
    NgayTra: extra.NgayTra || compact(reached("da_tra_ket_qua").at),
    NgayTuChoi: extra.NgayTuChoi || compact(reached("khong_tiep_nhan").at),
    TrangThaiHoSo: wireStatus ?? DVCQG_STATUS.encode(row.status),
    DonViXuLy: row.agency_name,
    TaiLieuNop: [...(extra.TaiLieuNop ?? []), ...files(world, code, origin)],
    DanhSachLePhi: extra.DanhSachLePhi ?? [
      ...(row.fee_amount > 0
        ? [
            {
              TenPhiLePhi: "Lệ phí",
              MaPhiLePhi: "",
              HinhThucThu: "",
              Gia: row.fee_amount,
              LoaiPhiLePhi: "",
            },
          ]
        : []),
    ],
    // The canonical API's open supplement request, as DVCQG's supplementation round.
    DanhSachHoSoBoSung:
      extra.DanhSachHoSoBoSung ??
      (pending?.kind === "supplement"
        ? [
            {
              HoSoBoSungId: `${row.code}-BS01`,
              NguoiYeuCauBoSung: "",
              NoiDungBoSung: pending.note,
              NgayBoSung: compact(pending.requestedAt),
              TrangThaiBoSung: "Yêu cầu công dân bổ sung",
            },
          ]
        : []),
    QuaTrinhXuLy: steps,
  };
}
