import type { DossierStatus } from "@vnegov/domain";
import type { ApplicantType, Channel } from "../../types.js";

/** An instant: a `Date`, or an ISO 8601 string with its offset (`2024-05-25T08:30:00+07:00`). */
export type Instant = Date | string;

/** A fee line (`DanhSachLePhi[]`). */
export interface DvcqgFee {
  name: string;
  /** Whole đồng. */
  amount: number;
  code?: string;
  /** `HinhThucThu`, as your system names it (the portal's codes are unpublished). */
  collectionMethod?: string;
  /** `LoaiPhiLePhi`, as your system names it. */
  kind?: string;
}

/** A submitted file, by URL (`TaiLieuNop[]`): the portal fetches files, it never receives bytes. */
export interface DvcqgSubmittedFile {
  id: string;
  fileName: string;
  url: string;
  /** The paper of the procedure this file answers (`MaThanhPhanHoSo`). */
  paperCode?: string;
  deleted?: boolean;
  digitised?: boolean;
  reused?: boolean;
  /** Taken from the national data repository (`DuocLayTuKhoDMQG`). */
  fromNationalRepository?: boolean;
  /** A previous result this file replaces (`MaKetQuaThayThe`). */
  replacesResultCode?: string;
}

/** A paper handed in besides the procedure's list (`DanhSachTepDinhKemKhac[]`). */
export interface DvcqgOtherPaper {
  name: string;
  count: number;
  kind?: string;
}

/** A supplementation round (`DanhSachHoSoBoSung[]`). */
export interface DvcqgSupplementRound {
  id: string;
  requestedBy: string;
  content: string;
  requestedAt: Instant;
  receivedBy?: string;
  receiptInfo?: string;
  receivedAt?: Instant;
  /** `TrangThaiBoSung`, e.g. "Yêu cầu công dân bổ sung", "Hoàn thành bổ sung". */
  status?: string;
  papers?: DvcqgOtherPaper[];
  fees?: DvcqgFee[];
  previousAppointmentAt?: Instant;
  newAppointmentAt?: Instant;
}

/** A result paper (`DanhSachGiayToKetQua[]`). */
export interface DvcqgResultPaper {
  id: string;
  name: string;
  url: string;
  paperCode?: string;
  resultCode?: string;
}

/**
 * A dossier as your one-stop system holds it, in our terms, for
 * {@link DvcqgDossiers.sync}; it becomes one `DongBoHoSoMC` record.
 */
export interface DvcqgDossierRecord {
  /** Mã hồ sơ, `{agency}-{yyMMdd}-{NNNN}`. */
  code: string;
  procedureCode: string;
  procedureName: string;
  fieldCode?: string;
  fieldName?: string;
  channel: Channel;
  status: DossierStatus;
  applicant: {
    type: ApplicantType;
    fullName: string;
    /** CCCD (12 digits) or CMND (9): also sent as `DinhDanhCHS`. */
    idNumber: string;
    phone?: string;
    email?: string;
    fax?: string;
    /** The citizen's DVCQG account id (`MaDoiTuong`), for online dossiers. */
    portalAccountId?: string;
    /** `TaiKhoanDuocXacThucVoiVNeID`. */
    verifiedWithVneid?: boolean;
    otherInfo?: string;
  };
  /** Trích yếu; cut to 1000 characters, as the portal takes no more. */
  summary?: string;
  submittedAt: Instant;
  receivedAt?: Instant;
  /** Ngày hẹn trả. */
  appointmentAt?: Instant;
  /** Processing finished (`NgayKetThucXuLy`). */
  completedAt?: Instant;
  /** Result handed over (`NgayTra`). */
  returnedAt?: Instant;
  /** Refused at intake (`NgayTuChoi`). */
  refusedAt?: Instant;
  /** `HinhThuc`: at the counter or by post. */
  resultDelivery?: "tai_quay" | "buu_chinh";
  /** `ThongTinTra`. */
  resultInfo?: string;
  /** `DonViXuLy`: the processing unit's name. */
  processingUnit?: string;
  note?: string;
  /** `HoSoCoThanhPhanSoHoa`. */
  digitised?: boolean;
  /** `DuocThanhToanTrucTuyen`: "1" paid online, "3" a fee not paid online [UNCONFIRMED]. */
  onlinePayment?: "paid_online" | "not_paid_online";
  files?: DvcqgSubmittedFile[];
  fees?: DvcqgFee[];
  otherPapers?: DvcqgOtherPaper[];
  supplements?: DvcqgSupplementRound[];
  resultPapers?: DvcqgResultPaper[];
  /** National databases consulted (`DSKetNoiCSDL[].MaCSDL`). */
  nationalDatabases?: string[];
}

/** What {@link DvcqgDossiers.sync} does with each record. */
export interface DvcqgSyncOptions {
  /**
   * `upsert` (default): create, and when the portal answers "đã tồn tại", update instead.
   * `create` or `update`: only that, so an existing or missing dossier is an error.
   */
  mode?: "upsert" | "create" | "update";
}

/** The outcome for one record. */
export interface DvcqgSyncResult {
  code: string;
  action: "created" | "updated";
}

/** One processing step for {@link DvcqgDossiers.reportProgress} (`CapNhatTienDoHoSoMC`). */
export interface DvcqgProgressEvent {
  code: string;
  /** The status after this step. */
  status: DossierStatus;
  at: Instant;
  /** Cut to 50 characters, as Thanh Hóa does before sending. */
  officerName?: string;
  officerTitle?: string;
  department?: string;
  note?: string;
  startedAt?: Instant;
  /** When the step is due by the rules (`NgayKetThucTheoQuyDinh`). */
  dueAt?: Instant;
}

/** How {@link DvcqgDossiers.reportProgress} went. */
export interface DvcqgProgressReport {
  events: number;
  /** Calls made: one per batch of up to 10. */
  batches: number;
}
