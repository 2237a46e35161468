import type { SeedStaff } from "./types.js";

/**
 * Officials of the fictional Tỉnh Lam Giang who handle documents and dossiers in the sandbox.
 * All names are invented; mailboxes use the reserved `.example` TLD.
 */
export const staff: readonly SeedStaff[] = [
  // Văn phòng UBND tỉnh
  {
    key: "staff-ubnd-01",
    fullName: "Đặng Hữu Tài",
    position: "Chánh Văn phòng",
    agencyCode: "000.00.00.H99",
    email: "taidh.vpubnd@langiang.gov.vn.example",
  },
  {
    key: "staff-ubnd-02",
    fullName: "Trần Thị Mỹ Duyên",
    position: "Phó Chánh Văn phòng",
    agencyCode: "000.00.00.H99",
    email: "duyenttm.vpubnd@langiang.gov.vn.example",
  },
  {
    key: "staff-ubnd-03",
    fullName: "Nguyễn Hoàng Phúc",
    position: "Chuyên viên phòng Khoa giáo - Văn xã",
    agencyCode: "000.00.00.H99",
    email: "phucnh.vpubnd@langiang.gov.vn.example",
  },
  {
    key: "staff-ubnd-04",
    fullName: "Phạm Thu Hằng",
    position: "Chuyên viên phòng Nội chính",
    agencyCode: "000.00.00.H99",
    email: "hangpt.vpubnd@langiang.gov.vn.example",
  },
  {
    key: "staff-ubnd-05",
    fullName: "Lê Văn Khoa",
    position: "Văn thư",
    agencyCode: "000.00.00.H99",
    email: "khoalv.vpubnd@langiang.gov.vn.example",
  },

  // Sở Nội vụ
  {
    key: "staff-snv-01",
    fullName: "Nông Thị Lụa",
    position: "Chánh Văn phòng",
    agencyCode: "000.00.11.H99",
    email: "luant.snv@langiang.gov.vn.example",
  },
  {
    key: "staff-snv-02",
    fullName: "Hoàng Minh Đức",
    position: "Trưởng phòng Công chức, viên chức",
    agencyCode: "000.00.11.H99",
    email: "duchm.snv@langiang.gov.vn.example",
  },
  {
    key: "staff-snv-03",
    fullName: "Bế Thị Thanh Xuân",
    position: "Chuyên viên Ban Thi đua - Khen thưởng",
    agencyCode: "000.00.11.H99",
    email: "xuanbtt.snv@langiang.gov.vn.example",
  },
  {
    key: "staff-snv-04",
    fullName: "Đỗ Quang Thiện",
    position: "Chuyên viên",
    agencyCode: "000.00.11.H99",
    email: "thiendq.snv@langiang.gov.vn.example",
  },

  // Sở Tư pháp
  {
    key: "staff-stp-01",
    fullName: "Ông Thị Ngọc Diệp",
    position: "Phó Giám đốc",
    agencyCode: "000.00.12.H99",
    email: "diepotn.stp@langiang.gov.vn.example",
  },
  {
    key: "staff-stp-02",
    fullName: "Vi Văn Toàn",
    position: "Trưởng phòng Hành chính tư pháp",
    agencyCode: "000.00.12.H99",
    email: "toanvv.stp@langiang.gov.vn.example",
  },
  {
    key: "staff-stp-03",
    fullName: "Huỳnh Thị Kim Ngân",
    position: "Cán bộ một cửa",
    agencyCode: "000.00.12.H99",
    email: "nganhtk.stp@langiang.gov.vn.example",
  },
  {
    key: "staff-stp-04",
    fullName: "Lâm Quốc Việt",
    position: "Chuyên viên phòng Lý lịch tư pháp",
    agencyCode: "000.00.12.H99",
    email: "vietlq.stp@langiang.gov.vn.example",
  },

  // Sở Kế hoạch và Đầu tư
  {
    key: "staff-skhdt-01",
    fullName: "Phùng Văn Hưng",
    position: "Trưởng phòng Đăng ký kinh doanh",
    agencyCode: "000.00.13.H99",
    email: "hungpv.skhdt@langiang.gov.vn.example",
  },
  {
    key: "staff-skhdt-02",
    fullName: "Trương Thị Ánh Tuyết",
    position: "Chuyên viên",
    agencyCode: "000.00.13.H99",
    email: "tuyettta.skhdt@langiang.gov.vn.example",
  },

  // Sở Giao thông vận tải
  {
    key: "staff-sgtvt-01",
    fullName: "Dương Công Minh",
    position: "Trưởng phòng Quản lý phương tiện và người lái",
    agencyCode: "000.00.14.H99",
    email: "minhdc.sgtvt@langiang.gov.vn.example",
  },
  {
    key: "staff-sgtvt-02",
    fullName: "Kim Thị Hoài",
    position: "Cán bộ một cửa",
    agencyCode: "000.00.14.H99",
    email: "hoaikt.sgtvt@langiang.gov.vn.example",
  },

  // Sở Tài nguyên và Môi trường
  {
    key: "staff-stnmt-01",
    fullName: "Cao Văn Sơn",
    position: "Chuyên viên Chi cục Bảo vệ môi trường",
    agencyCode: "000.00.15.H99",
    email: "soncv.stnmt@langiang.gov.vn.example",
  },

  // Sở Y tế
  {
    key: "staff-syt-01",
    fullName: "Tạ Thị Bích Loan",
    position: "Phó Giám đốc",
    agencyCode: "000.00.16.H99",
    email: "loanttb.syt@langiang.gov.vn.example",
  },
  {
    key: "staff-syt-02",
    fullName: "Nghiêm Xuân Bách",
    position: "Trưởng phòng Nghiệp vụ Y",
    agencyCode: "000.00.16.H99",
    email: "bachnx.syt@langiang.gov.vn.example",
  },
  {
    key: "staff-syt-03",
    fullName: "Võ Thị Thùy Linh",
    position: "Chuyên viên phòng Nghiệp vụ Dược",
    agencyCode: "000.00.16.H99",
    email: "linhvtt.syt@langiang.gov.vn.example",
  },
  {
    key: "staff-syt-04",
    fullName: "Hứa Minh Tuấn",
    position: "Cán bộ một cửa",
    agencyCode: "000.00.16.H99",
    email: "tuanhm.syt@langiang.gov.vn.example",
  },

  // Sở Lao động - Thương binh và Xã hội
  {
    key: "staff-sldtbxh-01",
    fullName: "Lục Văn Phong",
    position: "Phó Giám đốc",
    agencyCode: "000.00.17.H99",
    email: "phonglv.sldtbxh@langiang.gov.vn.example",
  },
  {
    key: "staff-sldtbxh-02",
    fullName: "Mã Thị Quỳnh",
    position: "Trưởng phòng Lao động - Việc làm",
    agencyCode: "000.00.17.H99",
    email: "quynhmt.sldtbxh@langiang.gov.vn.example",
  },
  {
    key: "staff-sldtbxh-03",
    fullName: "Tôn Thất Hải",
    position: "Chuyên viên",
    agencyCode: "000.00.17.H99",
    email: "haitt.sldtbxh@langiang.gov.vn.example",
  },
  {
    key: "staff-sldtbxh-04",
    fullName: "Lò Thị Yến",
    position: "Cán bộ một cửa",
    agencyCode: "000.00.17.H99",
    email: "yenlt.sldtbxh@langiang.gov.vn.example",
  },

  // Công an tỉnh
  {
    key: "staff-cat-01",
    fullName: "Thái Bá Cường",
    position: "Trưởng phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    agencyCode: "000.00.18.H99",
    email: "cuongtb.cat@langiang.gov.vn.example",
  },
  {
    key: "staff-cat-02",
    fullName: "Đoàn Thị Hương Giang",
    position: "Cán bộ tiếp nhận hồ sơ cư trú",
    agencyCode: "000.00.18.H99",
    email: "giangdth.cat@langiang.gov.vn.example",
  },

  // Sở Xây dựng
  {
    key: "staff-sxd-01",
    fullName: "Trịnh Công Danh",
    position: "Chuyên viên phòng Quản lý hoạt động xây dựng",
    agencyCode: "000.00.19.H99",
    email: "danhtc.sxd@langiang.gov.vn.example",
  },

  // UBND cấp xã
  {
    key: "staff-ubnd-thanhlam-01",
    fullName: "Phí Thị Ngọc Ánh",
    position: "Công chức Tư pháp - Hộ tịch",
    agencyCode: "001.01.00.H99",
    email: "anhptn.pthanhlam@langiang.gov.vn.example",
  },
  {
    key: "staff-ubnd-sonthuy-01",
    fullName: "Lưu Văn Thắng",
    position: "Công chức Văn phòng - Thống kê",
    agencyCode: "002.02.00.H99",
    email: "thanglv.xsonthuy@langiang.gov.vn.example",
  },
  {
    key: "staff-ubnd-hoagiang-01",
    fullName: "Khổng Minh Châu",
    position: "Công chức Tư pháp - Hộ tịch",
    agencyCode: "004.01.00.H99",
    email: "chaukm.phoagiang@langiang.gov.vn.example",
  },
];
