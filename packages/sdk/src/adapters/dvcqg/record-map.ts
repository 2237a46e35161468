import {
  DVCQG_APPLICANT_TYPE,
  DVCQG_CHANNEL,
  DVCQG_RESULT_DELIVERY,
  DVCQG_STATUS,
  type DvcqgHoSo,
  type DvcqgLePhi,
  type DvcqgTienDo,
  formatCompactDate,
  isDossierCode,
} from "@vnegov/domain";
import type { FieldError } from "../../errors.js";
import type { DvcqgDossierRecord, DvcqgFee, DvcqgProgressEvent, Instant } from "./types.js";

/** Thanh Hóa's limits before sending; the portal is believed to refuse more [IMPL]. */
const MAX_SUMMARY = 1000;
const MAX_OFFICER = 50;

/** Collects field errors while mapping, so one call reports every bad field. */
export class Problems {
  readonly errors: FieldError[] = [];
  add(field: string, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }
}

const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant as `yyyyMMddHHmmss` (Vietnam time). Strings must carry their offset: a bare
 * local time would be read in the host's zone, which is wrong on a UTC server.
 */
function compact(value: Instant | undefined, field: string, problems: Problems, required = false) {
  if (value === undefined || value === null) {
    if (required) problems.add(field, "required", "is required");
    return "";
  }
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === "string" && ZONED_ISO.test(value)
        ? Date.parse(value)
        : Number.NaN;
  if (Number.isNaN(ms)) {
    problems.add(field, "invalid", "must be a Date or an ISO 8601 string with an offset");
    return "";
  }
  return formatCompactDate(ms);
}

const flag = (value: boolean | undefined) => (value ? "1" : "0");
const str = (value: string | undefined) => value?.trim() ?? "";

function fees(list: DvcqgFee[] | undefined, field: string, problems: Problems): DvcqgLePhi[] {
  return (list ?? []).map((fee, i) => {
    if (!Number.isSafeInteger(fee?.amount) || fee.amount < 0)
      problems.add(`${field}[${i}].amount`, "invalid", "must be whole đồng (an integer ≥ 0)");
    return {
      TenPhiLePhi: str(fee?.name),
      MaPhiLePhi: str(fee?.code),
      HinhThucThu: str(fee?.collectionMethod),
      Gia: fee?.amount,
      LoaiPhiLePhi: str(fee?.kind),
    };
  });
}

const idKind = (id: string) => (/^\d{9}$/.test(id) ? "2" : "1");

/** One record in the `DongBoHoSoMC` shape; problems go to `problems` under `field`. */
export function toHoSo(record: DvcqgDossierRecord, field: string, problems: Problems): DvcqgHoSo {
  const at = (name: string) => `${field}.${name}`;
  if (typeof record !== "object" || record === null) {
    problems.add(field, "invalid", "must be a dossier record");
    return {};
  }
  if (typeof record.code !== "string" || !isDossierCode(record.code.trim()))
    problems.add(at("code"), "invalid", "must look like 000.00.12.H12-240525-0001");
  if (!str(record.procedureCode)) problems.add(at("procedureCode"), "required", "is required");
  const applicant = record.applicant ?? ({} as DvcqgDossierRecord["applicant"]);
  if (!str(applicant.fullName)) problems.add(at("applicant.fullName"), "required", "is required");
  const idNumber = str(applicant.idNumber);
  if (!idNumber) problems.add(at("applicant.idNumber"), "required", "is required");
  const known = <T extends string>(values: Record<T, string>, value: T, name: string) => {
    if (!Object.hasOwn(values, value)) problems.add(at(name), "invalid", "is not a known value");
    return values[value] ?? "";
  };
  const summary = str(record.summary);
  const date = (value: Instant | undefined, name: string, required = false) =>
    compact(value, at(name), problems, required);
  return {
    MaHoSo: str(record.code),
    MaTTHC: str(record.procedureCode),
    TenTTHC: str(record.procedureName),
    MaLinhVuc: str(record.fieldCode),
    TenLinhVuc: str(record.fieldName),
    KenhThucHien: known(DVCQG_CHANNEL.entries, record.channel, "channel"),
    ChuHoSo: str(applicant.fullName),
    SoGiayToChuHoSo: idNumber,
    LoaiDoiTuong: known(DVCQG_APPLICANT_TYPE.entries, applicant.type, "applicant.type"),
    MaDoiTuong: str(applicant.portalAccountId),
    ThongTinKhac: str(applicant.otherInfo),
    Email: str(applicant.email),
    Fax: str(applicant.fax),
    SoDienThoai: str(applicant.phone),
    TrichYeuHoSo: summary.length > MAX_SUMMARY ? summary.slice(0, MAX_SUMMARY) : summary,
    NgayNopHoSo: date(record.submittedAt, "submittedAt", true),
    NgayTiepNhan: date(record.receivedAt, "receivedAt"),
    NgayHenTra: date(record.appointmentAt, "appointmentAt"),
    NgayKetThucXuLy: date(record.completedAt, "completedAt"),
    NgayTra: date(record.returnedAt, "returnedAt"),
    NgayTuChoi: date(record.refusedAt, "refusedAt"),
    TrangThaiHoSo: known(DVCQG_STATUS.entries, record.status, "status"),
    ThongTinTra: str(record.resultInfo),
    HinhThuc:
      record.resultDelivery === undefined
        ? ""
        : known(DVCQG_RESULT_DELIVERY.entries, record.resultDelivery, "resultDelivery"),
    DonViXuLy: str(record.processingUnit),
    GhiChu: str(record.note),
    // Thanh Hóa always sends "2" [meaning UNCONFIRMED].
    NoiNopHoSo: "2",
    HoSoCoThanhPhanSoHoa: flag(record.digitised),
    TaiKhoanDuocXacThucVoiVNeID: flag(applicant.verifiedWithVneid),
    DuocThanhToanTrucTuyen:
      record.onlinePayment === "paid_online"
        ? "1"
        : record.onlinePayment === "not_paid_online"
          ? "3"
          : "",
    TaiLieuNop: (record.files ?? []).map((file) => ({
      TepDinhKemId: str(file.id),
      TenTepDinhKem: str(file.fileName),
      IsDeleted: flag(file.deleted),
      MaThanhPhanHoSo: str(file.paperCode),
      DuongDanTaiTepTin: str(file.url),
      DuocSoHoa: flag(file.digitised),
      DuocTaiSuDung: flag(file.reused),
      DuocLayTuKhoDMQG: flag(file.fromNationalRepository),
      MaKetQuaThayThe: str(file.replacesResultCode),
    })),
    DanhSachLePhi: fees(record.fees, at("fees"), problems),
    DanhSachTepDinhKemKhac: (record.otherPapers ?? []).map((paper) => ({
      TenGiayTo: str(paper.name),
      SoLuong: String(paper.count ?? 1),
      LoaiGiayTo: str(paper.kind),
    })),
    DanhSachHoSoBoSung: (record.supplements ?? []).map((round, i) => {
      const where = (name: string) => `supplements[${i}].${name}`;
      return {
        HoSoBoSungId: str(round.id),
        NguoiYeuCauBoSung: str(round.requestedBy),
        NoiDungBoSung: str(round.content),
        NgayBoSung: date(round.requestedAt, where("requestedAt"), true),
        NguoiTiepNhanBoSung: str(round.receivedBy),
        ThongTinTiepNhan: str(round.receiptInfo),
        NgayTiepNhanBoSung: date(round.receivedAt, where("receivedAt")),
        TrangThaiBoSung: str(round.status),
        DanhSachGiayToBoSung: (round.papers ?? []).map((paper) => ({
          TenGiayTo: str(paper.name),
          SoLuong: String(paper.count ?? 1),
          LoaiGiayTo: str(paper.kind),
        })),
        DanhSachLePhiBoSung: fees(round.fees, at(where("fees")), problems),
        NgayHenTraTruoc: date(round.previousAppointmentAt, where("previousAppointmentAt")),
        NgayHenTraMoi: date(round.newAppointmentAt, where("newAppointmentAt")),
      };
    }),
    DanhSachGiayToKetQua: (record.resultPapers ?? []).map((paper) => ({
      TenGiayTo: str(paper.name),
      MaThanhPhanHoSo: str(paper.paperCode),
      GiayToId: str(paper.id),
      DuongDanTepTinKetQua: str(paper.url),
      MaGiayToKetQua: str(paper.resultCode),
    })),
    DinhDanhCHS: idNumber ? [{ LoaiDinhDanh: idKind(idNumber), SoDinhDanh: idNumber }] : [],
    DSKetNoiCSDL: (record.nationalDatabases ?? []).map((code) => ({ MaCSDL: str(code) })),
  };
}

/** One progress event as a `CapNhatTienDoHoSoMC` item. */
export function toTienDo(
  event: DvcqgProgressEvent,
  field: string,
  problems: Problems,
): DvcqgTienDo {
  const at = (name: string) => `${field}.${name}`;
  if (typeof event !== "object" || event === null) {
    problems.add(field, "invalid", "must be a progress event");
    return {};
  }
  if (typeof event.code !== "string" || !isDossierCode(event.code.trim()))
    problems.add(at("code"), "invalid", "must look like 000.00.12.H12-240525-0001");
  if (!Object.hasOwn(DVCQG_STATUS.entries, event.status))
    problems.add(at("status"), "invalid", "is not a known status");
  const officer = str(event.officerName);
  return {
    MaHoSo: str(event.code),
    NguoiXuLy: officer.length > MAX_OFFICER ? officer.slice(0, MAX_OFFICER) : officer,
    ChucDanh: str(event.officerTitle),
    ThoiDiemXuLy: compact(event.at, at("at"), problems, true),
    PhongBanXuLy: str(event.department),
    NoiDungXuLy: str(event.note),
    TrangThai: DVCQG_STATUS.entries[event.status] ?? "",
    NgayBatDau: compact(event.startedAt, at("startedAt"), problems),
    NgayKetThucTheoQuyDinh: compact(event.dueAt, at("dueAt"), problems),
  };
}
