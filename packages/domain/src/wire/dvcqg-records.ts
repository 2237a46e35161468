/**
 * The DVCQG integration wire's records, field for field as `shared/reference/vn-egov.md` §1.8
 * lists them (OpenCPS `DVCQGIntegrationActionImpl`, Thanh Hóa `ISyncLocalDataToDVCQGService`).
 * Every field is optional and loosely typed: these describe what may arrive, and readers
 * check each value. Dates are `yyyyMMddHHmmss` in Vietnam time. Fields the reference does not
 * list are marked [UNCONFIRMED]: the sandbox's choice, documented in docs/adapters.md.
 */

/** Every answer of the integration and share endpoints. */
export interface DvcqgEnvelope<T = unknown> {
  /** `"00"` (OpenCPS), `"0"` (Thanh Hóa) or `0` on success; anything else is an error. */
  error_code?: string | number;
  message?: string;
  result?: T;
}

/** The login answer: `{ session, error_code }`, success `error_code == 0`. */
export interface DvcqgAuthAnswer {
  session?: string | null;
  error_code?: string | number;
  message?: string;
}

/** `TaiLieuNop[]`: a submitted file, by URL (DVCQG never receives bytes). */
export interface DvcqgTaiLieuNop {
  TepDinhKemId?: string;
  TenTepDinhKem?: string;
  IsDeleted?: string | boolean;
  MaThanhPhanHoSo?: string;
  DuongDanTaiTepTin?: string;
  DuocSoHoa?: string;
  DuocTaiSuDung?: string;
  DuocLayTuKhoDMQG?: string;
  MaKetQuaThayThe?: string;
}

/** `DanhSachLePhi[]`: a fee or charge. */
export interface DvcqgLePhi {
  TenPhiLePhi?: string;
  MaPhiLePhi?: string;
  HinhThucThu?: string;
  Gia?: string | number;
  LoaiPhiLePhi?: string;
}

/** `DanhSachTepDinhKemKhac[]`: other papers handed in. */
export interface DvcqgGiayToKhac {
  TenGiayTo?: string;
  SoLuong?: string | number;
  LoaiGiayTo?: string;
}

/** `DanhSachHoSoBoSung[]`: one supplementation round (bổ sung). */
export interface DvcqgHoSoBoSung {
  HoSoBoSungId?: string;
  NguoiYeuCauBoSung?: string;
  NoiDungBoSung?: string;
  NgayBoSung?: string;
  NguoiTiepNhanBoSung?: string;
  ThongTinTiepNhan?: string;
  NgayTiepNhanBoSung?: string;
  TrangThaiBoSung?: string;
  DanhSachGiayToBoSung?: DvcqgGiayToKhac[];
  DanhSachLePhiBoSung?: DvcqgLePhi[];
  NgayHenTraTruoc?: string;
  NgayHenTraMoi?: string;
}

/** `DanhSachGiayToKetQua[]`: a result paper. */
export interface DvcqgGiayToKetQua {
  TenGiayTo?: string;
  MaThanhPhanHoSo?: string;
  GiayToId?: string;
  DuongDanTepTinKetQua?: string;
  MaGiayToKetQua?: string;
}

/** `CapNhatTienDoHoSoMC` item: one processing step. `TrangThai` uses the `TrangThaiHoSo` codes. */
export interface DvcqgTienDo {
  MaHoSo?: string;
  NguoiXuLy?: string;
  ChucDanh?: string;
  ThoiDiemXuLy?: string;
  PhongBanXuLy?: string;
  NoiDungXuLy?: string;
  TrangThai?: string;
  NgayBatDau?: string;
  NgayKetThucTheoQuyDinh?: string;
}

/** The `DongBoHoSoMC` record (PascalCase), also what `TraCuuHoSo` answers. */
export interface DvcqgHoSo {
  MaHoSo?: string;
  MaTTHC?: string;
  TenTTHC?: string;
  MaLinhVuc?: string;
  TenLinhVuc?: string;
  KenhThucHien?: string;
  ChuHoSo?: string;
  SoGiayToChuHoSo?: string;
  LoaiDoiTuong?: string;
  MaDoiTuong?: string;
  ThongTinKhac?: string;
  Email?: string;
  Fax?: string;
  SoDienThoai?: string;
  TrichYeuHoSo?: string;
  NgayTiepNhan?: string;
  NgayHenTra?: string;
  NgayTra?: string;
  NgayKetThucXuLy?: string;
  NgayTuChoi?: string;
  NgayNopHoSo?: string;
  TrangThaiHoSo?: string;
  ThongTinTra?: string;
  HinhThuc?: string;
  DonViXuLy?: string;
  GhiChu?: string;
  NoiNopHoSo?: string;
  HoSoCoThanhPhanSoHoa?: string;
  TaiKhoanDuocXacThucVoiVNeID?: string;
  DuocThanhToanTrucTuyen?: string;
  TaiLieuNop?: DvcqgTaiLieuNop[];
  DanhSachLePhi?: DvcqgLePhi[];
  DanhSachTepDinhKemKhac?: DvcqgGiayToKhac[];
  DanhSachHoSoBoSung?: DvcqgHoSoBoSung[];
  DanhSachGiayToKetQua?: DvcqgGiayToKetQua[];
  DinhDanhCHS?: { LoaiDinhDanh?: string; SoDinhDanh?: string }[];
  DSKetNoiCSDL?: { MaCSDL?: string }[];
  /** [UNCONFIRMED] name: the progress steps `TraCuuHoSo` answers with, oldest first. */
  QuaTrinhXuLy?: DvcqgTienDo[];
}

/** `LayThuTuc`'s procedure tree (upper-case fields; nesting partly inferred [UNCONFIRMED]). */
export interface DvcqgThuTuc {
  MATTHC?: string;
  TENTTHC?: string;
  /** "2" information only, "3" partly online, "4" fully online. */
  MUCDO?: string;
  LINHVUCTHUCHIEN?: { MALINHVUC?: string; TENLINHVUC?: string }[];
  TRINHTUTHUCHIEN?: { TRUONGHOP?: string; TRINHTU?: { TENTRINHTU?: string }[] }[];
  CACHTHUCTHUCHIEN?: {
    /** The `KenhThucHien` code [UNCONFIRMED: assumed the same 1/2/3]. */
    KENH?: string;
    THOIGIAN?: {
      THOIGIANGIAIQUYET?: string | number;
      /** E.g. "Ngày làm việc", "Giờ" [UNCONFIRMED wording]. */
      DONVITINH?: string;
      MOTA?: string;
      PHILEPHI?: { SOTIEN?: string | number; DONVI?: string; MOTA?: string }[];
    }[];
  }[];
  THANHPHANHOSO?: {
    TRUONGHOP?: string;
    GIAYTO?: {
      MAGIAYTO?: string;
      /** [UNCONFIRMED] the paper's name; the reference names only the form template's. */
      TENGIAYTO?: string;
      TENMAUDON?: string;
      URL?: string;
      /** [UNCONFIRMED] originals and copies wanted. */
      SOBANCHINH?: string | number;
      SOBANSAO?: string | number;
    }[];
  }[];
  KETQUATHUCHIEN?: { MAKETQUA?: string; TENKETQUA?: string }[];
  CANCUPHAPLY?: { SOVANBAN?: string; TENVANBAN?: string }[];
  /** [UNCONFIRMED] `MADONVI` beside the reference's `TENDONVI`. */
  COQUANTHUCHIEN?: { MADONVI?: string; TENDONVI?: string }[];
  YEUCAU?: string;
  MOTADOITUONGTHUCHIEN?: string;
}
