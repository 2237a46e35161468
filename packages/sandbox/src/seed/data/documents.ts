import type { SeedDocument } from "./types.js";

/**
 * Documents (văn bản) of the fictional Tỉnh Lam Giang, March 2020 – December 2021, in the style
 * of the provincial COVID-19 response. The central documents (Chỉ thị 15, 16, 19/CT-TTg, Nghị quyết
 * 42, 68, 128/NQ-CP, Quyết định 23/2021/QĐ-TTg) mirror real ones in number, date and subject;
 * every signer, every provincial document and every person named is invented.
 *
 * `direction` is seen from the province: documents issued by an H99 agency are `outgoing`,
 * documents from central bodies or other provinces are `incoming`.
 * Notations follow Decree 30/2020/NĐ-CP; each number/notation pair is unique in this file.
 */

type Signer = SeedDocument["signer"];

// Central government (fictional office holders).
const PM_2020: Signer = { fullName: "Trương Đình Viễn", position: "Thủ tướng", authority: null };
const PM_2021: Signer = { fullName: "Vương Quốc Bảo", position: "Thủ tướng", authority: null };
const DEPUTY_PM_2021: Signer = {
  fullName: "Khúc Thành Nam",
  position: "Phó Thủ tướng",
  authority: "KT",
};
const VPCP_DEPUTY: Signer = {
  fullName: "Giang Minh Chiến",
  position: "Phó Chủ nhiệm",
  authority: "KT",
};
const BYT_DEPUTY: Signer = { fullName: "Doãn Văn Lực", position: "Thứ trưởng", authority: "KT" };
const BNV_DEPUTY: Signer = { fullName: "La Văn Sĩ", position: "Thứ trưởng", authority: "KT" };
const BLDTBXH_DEPUTY: Signer = { fullName: "Âu Thị Hạnh", position: "Thứ trưởng", authority: "KT" };

// UBND tỉnh Lam Giang.
const CHU_TICH: Signer = { fullName: "Phan Đình Hoan", position: "Chủ tịch", authority: "TM" };
const PCT_VX: Signer = {
  fullName: "Lương Thị Minh Nguyệt",
  position: "Phó Chủ tịch",
  authority: "KT",
};
const PCT_KT: Signer = { fullName: "Trịnh Quang Vinh", position: "Phó Chủ tịch", authority: "KT" };
const CVP_UBND: Signer = { fullName: "Đặng Hữu Tài", position: "Chánh Văn phòng", authority: "TL" };

// Sở and Công an tỉnh.
const GD_SNV: Signer = { fullName: "Mai Xuân Trường", position: "Giám đốc", authority: null };
const CVP_SNV: Signer = { fullName: "Nông Thị Lụa", position: "Chánh Văn phòng", authority: "TL" };
const GD_STP: Signer = { fullName: "Kiều Văn Bình", position: "Giám đốc", authority: null };
const PGD_STP: Signer = {
  fullName: "Ông Thị Ngọc Diệp",
  position: "Phó Giám đốc",
  authority: "KT",
};
const GD_SKHDT: Signer = { fullName: "Lại Văn Đông", position: "Giám đốc", authority: null };
const GD_SGTVT: Signer = { fullName: "Ngô Quang Huy", position: "Giám đốc", authority: null };
const PGD_SGTVT: Signer = { fullName: "Cù Văn Lộc", position: "Phó Giám đốc", authority: "KT" };
const PGD_STNMT: Signer = { fullName: "Châu Minh Sang", position: "Phó Giám đốc", authority: "KT" };
const GD_SYT: Signer = { fullName: "Vũ Đức Thắng", position: "Giám đốc", authority: null };
const PGD_SYT: Signer = { fullName: "Tạ Thị Bích Loan", position: "Phó Giám đốc", authority: "KT" };
const GD_SLDTBXH: Signer = { fullName: "Hà Thị Thu Trang", position: "Giám đốc", authority: null };
const PGD_SLDTBXH: Signer = {
  fullName: "Lục Văn Phong",
  position: "Phó Giám đốc",
  authority: "KT",
};
const GD_SXD: Signer = { fullName: "Tống Văn Hiếu", position: "Giám đốc", authority: null };
const GD_CAT: Signer = { fullName: "Văn Công Thành", position: "Giám đốc", authority: null };
const PGD_CAT: Signer = { fullName: "Mạc Đình Quân", position: "Phó Giám đốc", authority: "KT" };

// Commune level.
const CT_THANH_LAM: Signer = {
  fullName: "Lý Thị Hồng Nhung",
  position: "Chủ tịch",
  authority: "TM",
};
const CT_SON_THUY: Signer = { fullName: "Quách Văn Tư", position: "Chủ tịch", authority: "TM" };
const PCT_HOA_GIANG: Signer = {
  fullName: "Đinh Công Hậu",
  position: "Phó Chủ tịch",
  authority: "KT",
};

const UBND_TINH = "UBND tỉnh Lam Giang";
const UBND_TINH_CODE = "000.00.00.H99";

export const documents: readonly SeedDocument[] = [
  // ═══════════════════════════════ 2020 ═══════════════════════════════
  {
    key: "kh-38-ubnd",
    direction: "outgoing",
    numberNotation: "38/KH-UBND",
    type: "ke_hoach",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Kế hoạch ứng phó với dịch COVID-19 trên địa bàn tỉnh Lam Giang theo các cấp độ",
    summary:
      "Xác định 04 cấp độ dịch và phương án ứng phó tương ứng, phân công nhiệm vụ cho các sở, ngành và UBND cấp huyện. Chuẩn bị sẵn sàng cơ sở cách ly tập trung và giường bệnh điều trị.",
    signer: PCT_VX,
    issuedAt: "2020-03-06",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cd-02-ubnd",
    direction: "outgoing",
    numberNotation: "02/CĐ-UBND",
    type: "cong_dien",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc tăng cường các biện pháp phòng, chống dịch COVID-19 tại các cơ sở giáo dục và nơi tập trung đông người",
    summary:
      "Yêu cầu tiếp tục cho học sinh, sinh viên nghỉ học đến hết tháng 3/2020 và khử khuẩn toàn bộ trường học. Hạn chế tổ chức các hoạt động tập trung đông người không cần thiết.",
    signer: CHU_TICH,
    issuedAt: "2020-03-16",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "99" }, { kind: "public" }],
      effectiveFrom: "2020-03-16T12:00:00+07:00",
      effectiveTo: "2020-03-31T23:59:59+07:00",
    },
  },
  {
    key: "qd-812-ubnd",
    direction: "outgoing",
    numberNotation: "812/QĐ-UBND",
    type: "quyet_dinh",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc thành lập Khu cách ly tập trung phòng, chống dịch COVID-19 tại Ký túc xá Trường Cao đẳng Lam Giang",
    summary:
      "Thành lập khu cách ly tập trung quy mô 300 giường tại Ký túc xá Trường Cao đẳng Lam Giang. Giao Bộ Chỉ huy Quân sự tỉnh chủ trì quản lý, Sở Y tế bảo đảm chuyên môn y tế.",
    signer: CHU_TICH,
    issuedAt: "2020-03-18",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-612-syt",
    direction: "outgoing",
    numberNotation: "612/SYT-NVY",
    type: "cong_van",
    issuerName: "Sở Y tế tỉnh Lam Giang",
    issuerAgencyCode: "000.00.16.H99",
    subject: "V/v hướng dẫn cách ly y tế tại nhà, nơi lưu trú đối với người về từ vùng có dịch",
    summary:
      "Hướng dẫn trạm y tế xã, phường theo dõi sức khỏe người cách ly tại nhà trong 14 ngày. Người cách ly phải ở riêng phòng, đo thân nhiệt hai lần mỗi ngày và báo ngay khi có triệu chứng.",
    signer: PGD_SYT,
    issuedAt: "2020-03-20",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-945-ubnd",
    direction: "outgoing",
    numberNotation: "945/UBND-VX",
    type: "cong_van",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "V/v tạm dừng tổ chức lễ hội, sự kiện và các hoạt động tập trung đông người",
    summary:
      "Tạm dừng tổ chức lễ hội, hoạt động văn hóa, thể thao, sự kiện tập trung đông người trên địa bàn tỉnh. Các cơ sở tôn giáo, tín ngưỡng hạn chế tổ chức nghi lễ đông người.",
    signer: PCT_VX,
    issuedAt: "2020-03-20",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-412-stnmt",
    direction: "outgoing",
    numberNotation: "412/STNMT-MT",
    type: "cong_van",
    issuerName: "Sở Tài nguyên và Môi trường tỉnh Lam Giang",
    issuerAgencyCode: "000.00.15.H99",
    subject: "V/v thu gom, xử lý chất thải phát sinh tại các khu cách ly tập trung",
    summary:
      "Hướng dẫn phân loại, thu gom riêng chất thải từ khu cách ly và coi như chất thải lây nhiễm. Đơn vị thu gom phải có phương tiện chuyên dụng và ghi nhật ký vận chuyển.",
    signer: PGD_STNMT,
    issuedAt: "2020-03-23",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "kh-07-cat",
    direction: "outgoing",
    numberNotation: "07/KH-CAT",
    type: "ke_hoach",
    issuerName: "Công an tỉnh Lam Giang",
    issuerAgencyCode: "000.00.18.H99",
    subject: "Kế hoạch bảo đảm an ninh, trật tự tại các khu cách ly tập trung",
    summary:
      "Bố trí lực lượng, phương án bảo vệ và phối hợp giữa các đơn vị tại các khu cách ly tập trung trên địa bàn tỉnh.",
    signer: GD_CAT,
    issuedAt: "2020-03-25",
    urgency: "khan",
    confidentiality: "mat",
  },
  {
    key: "cv-1385-byt",
    direction: "incoming",
    numberNotation: "1385/BYT-MT",
    type: "cong_van",
    issuerName: "Bộ Y tế",
    issuerAgencyCode: null,
    subject: "V/v hướng dẫn cách ly y tế tại nhà, nơi lưu trú phòng, chống dịch COVID-19",
    summary:
      "Bộ Y tế hướng dẫn đối tượng, thời gian và yêu cầu đối với cách ly y tế tại nhà, nơi lưu trú. Đề nghị Sở Y tế các tỉnh, thành phố tổ chức triển khai.",
    signer: BYT_DEPUTY,
    issuedAt: "2020-03-26",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "ct-15-ttg",
    direction: "incoming",
    numberNotation: "15/CT-TTg",
    type: "chi_thi",
    issuerName: "Thủ tướng Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject: "Về quyết liệt thực hiện đợt cao điểm phòng, chống dịch COVID-19",
    summary:
      "Yêu cầu các cấp, các ngành quyết liệt thực hiện đợt cao điểm phòng, chống dịch đến ngày 15/4/2020. Dừng các sự kiện tập trung trên 20 người, không tập trung quá 10 người ngoài công sở, trường học, bệnh viện và giữ khoảng cách tối thiểu 2 mét tại nơi công cộng.",
    signer: PM_2020,
    issuedAt: "2020-03-27",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2020-03-27T00:00:00+07:00",
      effectiveTo: "2020-04-15T23:59:59+07:00",
    },
  },
  {
    key: "ct-04-ubnd",
    direction: "outgoing",
    numberNotation: "04/CT-UBND",
    type: "chi_thi",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về quyết liệt thực hiện đợt cao điểm phòng, chống dịch COVID-19 trên địa bàn tỉnh Lam Giang",
    summary:
      "Triển khai Chỉ thị số 15/CT-TTg trên địa bàn tỉnh: dừng các hoạt động tập trung trên 20 người, đóng cửa cơ sở kinh doanh dịch vụ không thiết yếu. Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm nếu để dịch lây lan trong phạm vi quản lý.",
    signer: CHU_TICH,
    issuedAt: "2020-03-28",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "99" }, { kind: "public" }],
      effectiveFrom: "2020-03-28T12:00:00+07:00",
      effectiveTo: "2020-04-15T23:59:59+07:00",
    },
  },
  {
    key: "cd-03-ubnd",
    direction: "outgoing",
    numberNotation: "03/CĐ-UBND",
    type: "cong_dien",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Về việc tạm dừng hoạt động các cơ sở kinh doanh dịch vụ không thiết yếu",
    summary:
      "Tạm dừng hoạt động quán karaoke, vũ trường, quán bar, cơ sở massage, phòng tập thể dục và nhà hàng phục vụ ăn uống tại chỗ từ 0 giờ ngày 30/3/2020. Các cơ sở bán hàng thiết yếu vẫn hoạt động, bảo đảm khoảng cách và đeo khẩu trang.",
    signer: CHU_TICH,
    issuedAt: "2020-03-29",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "99" }],
      effectiveFrom: "2020-03-30T00:00:00+07:00",
      effectiveTo: "2020-04-15T23:59:59+07:00",
    },
  },
  {
    key: "cv-1290-bnv",
    direction: "incoming",
    numberNotation: "1290/BNV-CCVC",
    type: "cong_van",
    issuerName: "Bộ Nội vụ",
    issuerAgencyCode: null,
    subject:
      "V/v bố trí thời gian làm việc phù hợp và làm việc trực tuyến trong thời gian phòng, chống dịch COVID-19",
    summary:
      "Đề nghị các bộ, ngành, địa phương bố trí cán bộ, công chức làm việc tại nhà bằng hình thức trực tuyến, trừ các bộ phận phải trực tiếp giải quyết công việc. Bảo đảm hoạt động thông suốt của cơ quan.",
    signer: BNV_DEPUTY,
    issuedAt: "2020-03-30",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "tb-98-syt",
    direction: "outgoing",
    numberNotation: "98/TB-SYT",
    type: "thong_bao",
    issuerName: "Sở Y tế tỉnh Lam Giang",
    issuerAgencyCode: "000.00.16.H99",
    subject: "Thông báo khẩn tìm người đã đến Chợ Bến Giang từ ngày 22/3/2020 đến ngày 26/3/2020",
    summary:
      "Người đã đến Chợ Bến Giang, phường Bến Giang trong thời gian trên khẩn trương liên hệ trạm y tế nơi cư trú để khai báo y tế. Tự theo dõi sức khỏe trong 14 ngày, hạn chế tiếp xúc và gọi đường dây nóng khi có biểu hiện sốt, ho, khó thở.",
    signer: GD_SYT,
    issuedAt: "2020-03-30",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "99002" }],
      effectiveFrom: "2020-03-30T20:00:00+07:00",
      effectiveTo: "2020-04-13T23:59:59+07:00",
    },
  },
  {
    key: "gm-145-ubnd",
    direction: "outgoing",
    numberNotation: "145/GM-UBND",
    type: "giay_moi",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Họp trực tuyến Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh triển khai Chỉ thị số 16/CT-TTg",
    summary:
      "Mời thành viên Ban Chỉ đạo tỉnh và Chủ tịch UBND các huyện, thị xã, thành phố dự họp trực tuyến lúc 20 giờ ngày 31/3/2020. Điểm cầu chính tại Phòng họp trực tuyến UBND tỉnh.",
    signer: CVP_UBND,
    issuedAt: "2020-03-31",
    urgency: "hoa_toc",
    confidentiality: "thuong",
  },
  {
    key: "ct-16-ttg",
    direction: "incoming",
    numberNotation: "16/CT-TTg",
    type: "chi_thi",
    issuerName: "Thủ tướng Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject: "Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19",
    summary:
      "Thực hiện cách ly toàn xã hội trong 15 ngày kể từ 0 giờ ngày 01/4/2020 trên phạm vi toàn quốc. Người dân ở tại nhà, chỉ ra ngoài trong trường hợp thật cần thiết và không tập trung quá 02 người ngoài công sở, trường học, bệnh viện và tại nơi công cộng.",
    signer: PM_2020,
    issuedAt: "2020-03-31",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2020-04-01T00:00:00+07:00",
      effectiveTo: "2020-04-15T23:59:59+07:00",
    },
  },
  {
    key: "cd-04-ubnd",
    direction: "outgoing",
    numberNotation: "04/CĐ-UBND",
    type: "cong_dien",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc thực hiện ngay các biện pháp cấp bách phòng, chống dịch COVID-19 theo Chỉ thị số 16/CT-TTg",
    summary:
      "Công điện khẩn yêu cầu thực hiện cách ly toàn xã hội trên địa bàn tỉnh từ 0 giờ ngày 01/4/2020. Thiết lập chốt kiểm soát tại các cửa ngõ ra, vào tỉnh; chỉ cho phép lưu thông hàng hóa thiết yếu và các trường hợp thật cần thiết.",
    signer: CHU_TICH,
    issuedAt: "2020-03-31",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "99" }, { kind: "public" }],
      effectiveFrom: "2020-04-01T00:00:00+07:00",
      effectiveTo: "2020-04-15T23:59:59+07:00",
    },
  },
  {
    key: "tb-110-sgtvt",
    direction: "outgoing",
    numberNotation: "110/TB-SGTVT",
    type: "thong_bao",
    issuerName: "Sở Giao thông vận tải tỉnh Lam Giang",
    issuerAgencyCode: "000.00.14.H99",
    subject: "Về việc tạm dừng hoạt động vận tải hành khách công cộng đi, đến và trong tỉnh",
    summary:
      "Tạm dừng toàn bộ hoạt động vận tải hành khách tuyến cố định, xe buýt, taxi và xe hợp đồng từ 0 giờ ngày 01/4/2020. Trừ trường hợp vận chuyển người đi công vụ, cấp cứu và phục vụ phòng, chống dịch.",
    signer: GD_SGTVT,
    issuedAt: "2020-03-31",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2020-04-01T00:00:00+07:00",
      effectiveTo: "2020-04-15T23:59:59+07:00",
    },
  },
  {
    key: "tb-45-snv",
    direction: "outgoing",
    numberNotation: "45/TB-SNV",
    type: "thong_bao",
    issuerName: "Sở Nội vụ tỉnh Lam Giang",
    issuerAgencyCode: "000.00.11.H99",
    subject:
      "Về việc bố trí công chức, viên chức, người lao động làm việc trực tuyến tại nhà trong thời gian thực hiện Chỉ thị số 16/CT-TTg",
    summary:
      "Từ ngày 01/4/2020, công chức, viên chức và người lao động của Sở làm việc trực tuyến tại nhà, trừ lãnh đạo Sở, bộ phận văn thư và bộ phận một cửa trực luân phiên. Công việc được xử lý trên hệ thống quản lý văn bản và điều hành, họp qua phần mềm họp trực tuyến.",
    signer: GD_SNV,
    issuedAt: "2020-04-01",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "agency", code: "000.00.11.H99" }],
      effectiveFrom: "2020-04-01T07:30:00+07:00",
      effectiveTo: "2020-04-15T17:00:00+07:00",
    },
  },
  {
    key: "ct-05-ubnd",
    direction: "outgoing",
    numberNotation: "05/CT-UBND",
    type: "chi_thi",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19 trên địa bàn tỉnh Lam Giang",
    summary:
      "Cụ thể hóa Chỉ thị số 16/CT-TTg: người dân ở tại nhà, chỉ ra ngoài khi mua lương thực, thực phẩm, thuốc men, cấp cứu và làm việc tại cơ sở sản xuất, kinh doanh thiết yếu. Cơ quan hành chính bố trí làm việc trực tuyến; bộ phận một cửa các cấp ưu tiên tiếp nhận hồ sơ trực tuyến và qua bưu chính.",
    signer: CHU_TICH,
    issuedAt: "2020-04-02",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "99" }],
      effectiveFrom: "2020-04-02T00:00:00+07:00",
      effectiveTo: "2020-04-15T23:59:59+07:00",
    },
  },
  {
    key: "tb-48-stp",
    direction: "outgoing",
    numberNotation: "48/TB-STP",
    type: "thong_bao",
    issuerName: "Sở Tư pháp tỉnh Lam Giang",
    issuerAgencyCode: "000.00.12.H99",
    subject:
      "Về việc tiếp nhận hồ sơ thủ tục hành chính trực tuyến và qua dịch vụ bưu chính công ích trong thời gian phòng, chống dịch COVID-19",
    summary:
      "Khuyến khích tổ chức, cá nhân nộp hồ sơ cấp Phiếu lý lịch tư pháp và các thủ tục khác qua Cổng dịch vụ công của tỉnh hoặc qua bưu chính. Bộ phận một cửa chỉ tiếp nhận trực tiếp các trường hợp không thể nộp trực tuyến.",
    signer: PGD_STP,
    issuedAt: "2020-04-02",
    urgency: "thuong",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2020-04-02T07:00:00+07:00",
      effectiveTo: null,
    },
  },
  {
    key: "cv-1187-ubnd",
    direction: "outgoing",
    numberNotation: "1187/UBND-KT",
    type: "cong_van",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "V/v bảo đảm cung ứng hàng hóa thiết yếu trong thời gian thực hiện cách ly xã hội",
    summary:
      "Giao Sở Công Thương phối hợp các doanh nghiệp phân phối bảo đảm nguồn cung lương thực, thực phẩm, không để thiếu hàng, tăng giá đột biến. Các chốt kiểm soát tạo điều kiện cho phương tiện chở hàng thiết yếu lưu thông.",
    signer: PCT_KT,
    issuedAt: "2020-04-03",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "tb-14-ubnd-thanh-lam",
    direction: "outgoing",
    numberNotation: "14/TB-UBND",
    type: "thong_bao",
    issuerName: "UBND phường Thanh Lam",
    issuerAgencyCode: "001.01.00.H99",
    subject: "Về việc cách ly y tế tạm thời khu dân cư tổ dân phố số 5, phường Thanh Lam",
    summary:
      "Cách ly y tế khu dân cư tổ dân phố số 5 trong 14 ngày kể từ 18 giờ ngày 03/4/2020. Người dân trong khu vực không ra khỏi nơi cư trú; nhu yếu phẩm được tổ công tác phường hỗ trợ cung cấp.",
    signer: CT_THANH_LAM,
    issuedAt: "2020-04-03",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "99001" }],
      effectiveFrom: "2020-04-03T18:00:00+07:00",
      effectiveTo: "2020-04-17T18:00:00+07:00",
    },
  },
  {
    key: "cv-528-skhdt",
    direction: "outgoing",
    numberNotation: "528/SKHĐT-ĐKKD",
    type: "cong_van",
    issuerName: "Sở Kế hoạch và Đầu tư tỉnh Lam Giang",
    issuerAgencyCode: "000.00.13.H99",
    subject: "V/v khuyến khích doanh nghiệp thực hiện đăng ký doanh nghiệp qua mạng điện tử",
    summary:
      "Đề nghị các hiệp hội doanh nghiệp thông tin cho hội viên nộp hồ sơ đăng ký doanh nghiệp qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp. Kết quả được trả qua bưu chính để hạn chế tiếp xúc trực tiếp.",
    signer: GD_SKHDT,
    issuedAt: "2020-04-06",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "nq-42-cp",
    direction: "incoming",
    numberNotation: "42/NQ-CP",
    type: "nghi_quyet",
    issuerName: "Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject: "Về các biện pháp hỗ trợ người dân gặp khó khăn do đại dịch COVID-19",
    summary:
      "Ban hành gói hỗ trợ khoảng 62 nghìn tỷ đồng cho người lao động, hộ kinh doanh và người có công, hộ nghèo, hộ cận nghèo. Người lao động tạm hoãn hợp đồng lao động, nghỉ việc không lương từ 01 tháng trở lên được hỗ trợ 1.800.000 đồng/người/tháng.",
    signer: { ...PM_2020, authority: "TM" },
    issuedAt: "2020-04-09",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "tb-132-ubnd",
    direction: "outgoing",
    numberNotation: "132/TB-UBND",
    type: "thong_bao",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Về việc tiếp tục thực hiện cách ly xã hội trên địa bàn tỉnh đến hết ngày 22/4/2020",
    summary:
      "Tiếp tục áp dụng các biện pháp cách ly xã hội theo Chỉ thị số 05/CT-UBND đến hết ngày 22/4/2020. Các cơ quan, đơn vị duy trì làm việc trực tuyến, hạn chế tối đa tiếp xúc trực tiếp.",
    signer: CHU_TICH,
    issuedAt: "2020-04-15",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "99" }],
      effectiveFrom: "2020-04-16T00:00:00+07:00",
      effectiveTo: "2020-04-22T23:59:59+07:00",
    },
  },
  {
    key: "bc-85-ubnd",
    direction: "outgoing",
    numberNotation: "85/BC-UBND",
    type: "bao_cao",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Báo cáo kết quả thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ trên địa bàn tỉnh Lam Giang",
    summary:
      "Báo cáo Thủ tướng Chính phủ kết quả 15 ngày thực hiện cách ly xã hội: không phát sinh ca mắc mới trong cộng đồng, 1.240 người hoàn thành cách ly tập trung. Đề xuất tiếp tục áp dụng biện pháp cách ly tại các khu vực có nguy cơ.",
    signer: PCT_VX,
    issuedAt: "2020-04-17",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "kh-62-ubnd",
    direction: "outgoing",
    numberNotation: "62/KH-UBND",
    type: "ke_hoach",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Kế hoạch triển khai thực hiện Nghị quyết số 42/NQ-CP của Chính phủ trên địa bàn tỉnh Lam Giang",
    summary:
      "Phân công Sở Lao động - Thương binh và Xã hội chủ trì rà soát, lập danh sách đối tượng được hỗ trợ; UBND cấp xã niêm yết công khai danh sách. Hoàn thành chi trả đợt 1 trước ngày 30/5/2020.",
    signer: PCT_VX,
    issuedAt: "2020-04-20",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "bc-15-cat",
    direction: "outgoing",
    numberNotation: "15/BC-CAT",
    type: "bao_cao",
    issuerName: "Công an tỉnh Lam Giang",
    issuerAgencyCode: "000.00.18.H99",
    subject: "Báo cáo tình hình an ninh, trật tự trên địa bàn tỉnh tháng 4 năm 2020",
    summary: "Báo cáo định kỳ tình hình an ninh, trật tự và kết quả công tác tháng 4 năm 2020.",
    signer: PGD_CAT,
    issuedAt: "2020-04-20",
    urgency: "thuong",
    confidentiality: "mat",
  },
  {
    key: "tb-150-ubnd",
    direction: "outgoing",
    numberNotation: "150/TB-UBND",
    type: "thong_bao",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh ngày 22/4/2020",
    summary:
      "Giao Sở Y tế duy trì giám sát tại cộng đồng, Công an tỉnh và Sở Giao thông vận tải tiếp tục kiểm soát tại các chốt. Sở Lao động - Thương binh và Xã hội đẩy nhanh chi trả hỗ trợ theo Nghị quyết số 42/NQ-CP.",
    signer: CVP_UBND,
    issuedAt: "2020-04-23",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [
        { kind: "agency", code: "000.00.16.H99" },
        { kind: "agency", code: "000.00.18.H99" },
        { kind: "agency", code: "000.00.14.H99" },
        { kind: "agency", code: "000.00.17.H99" },
      ],
      effectiveFrom: "2020-04-23T00:00:00+07:00",
      effectiveTo: null,
    },
  },
  {
    key: "ct-19-ttg",
    direction: "incoming",
    numberNotation: "19/CT-TTg",
    type: "chi_thi",
    issuerName: "Thủ tướng Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject: "Về tiếp tục thực hiện các biện pháp phòng, chống dịch COVID-19 trong tình hình mới",
    summary:
      "Tiếp tục thực hiện các biện pháp phòng, chống dịch, phân loại địa phương theo nhóm nguy cơ cao, có nguy cơ và nguy cơ thấp. Cho phép một số cơ sở kinh doanh, dịch vụ hoạt động trở lại với điều kiện bảo đảm an toàn phòng dịch.",
    signer: PM_2020,
    issuedAt: "2020-04-24",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2020-04-24T00:00:00+07:00",
      effectiveTo: null,
    },
  },
  {
    key: "cv-745-sldtbxh",
    direction: "outgoing",
    numberNotation: "745/SLĐTBXH-LĐVL",
    type: "cong_van",
    issuerName: "Sở Lao động - Thương binh và Xã hội tỉnh Lam Giang",
    issuerAgencyCode: "000.00.17.H99",
    subject: "V/v hướng dẫn lập hồ sơ đề nghị hỗ trợ người lao động theo Nghị quyết số 42/NQ-CP",
    summary:
      "Hướng dẫn doanh nghiệp lập danh sách người lao động tạm hoãn hợp đồng lao động có xác nhận của cơ quan bảo hiểm xã hội. Hồ sơ gửi về UBND cấp huyện trước ngày 10 hằng tháng.",
    signer: PGD_SLDTBXH,
    issuedAt: "2020-04-25",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "qd-1045-ubnd",
    direction: "outgoing",
    numberNotation: "1045/QĐ-UBND",
    type: "quyet_dinh",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc phê duyệt danh sách và kinh phí hỗ trợ người lao động tạm hoãn thực hiện hợp đồng lao động theo Nghị quyết số 42/NQ-CP (đợt 1)",
    summary:
      "Phê duyệt hỗ trợ cho 1.126 người lao động của 48 doanh nghiệp với tổng kinh phí 2.026.800.000 đồng. Giao Sở Lao động - Thương binh và Xã hội tổ chức chi trả.",
    signer: PCT_VX,
    issuedAt: "2020-05-15",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "cd-09-ubnd",
    direction: "outgoing",
    numberNotation: "09/CĐ-UBND",
    type: "cong_dien",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Về việc tăng cường các biện pháp phòng, chống dịch COVID-19 trong tình hình mới",
    summary:
      "Trước diễn biến dịch xuất hiện trở lại trong cộng đồng tại một số địa phương, yêu cầu người dân đeo khẩu trang nơi công cộng và khai báo y tế khi đến từ vùng có dịch. Tạm dừng các lễ hội, sự kiện tập trung đông người.",
    signer: CHU_TICH,
    issuedAt: "2020-07-29",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "99" }],
      effectiveFrom: "2020-07-29T12:00:00+07:00",
      effectiveTo: null,
    },
  },
  {
    key: "qd-3120-ubnd",
    direction: "outgoing",
    numberNotation: "3120/QĐ-UBND",
    type: "quyet_dinh",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc trong phòng, chống dịch COVID-19",
    summary:
      "Tặng Bằng khen của Chủ tịch UBND tỉnh cho 25 tập thể và 63 cá nhân có thành tích xuất sắc trong phòng, chống dịch COVID-19 năm 2020, theo đề nghị của Sở Nội vụ.",
    signer: CHU_TICH,
    issuedAt: "2020-11-20",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "bc-312-ubnd",
    direction: "outgoing",
    numberNotation: "312/BC-UBND",
    type: "bao_cao",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Báo cáo tổng kết công tác phòng, chống dịch COVID-19 năm 2020 và phương hướng năm 2021",
    summary:
      "Tổng kết công tác phòng, chống dịch năm 2020: tỉnh ghi nhận 7 ca mắc, không có ca tử vong, các ổ dịch được khoanh vùng kịp thời. Đề ra nhiệm vụ năm 2021, trong đó có chuẩn bị triển khai tiêm vắc xin.",
    signer: PCT_VX,
    issuedAt: "2020-12-18",
    urgency: "thuong",
    confidentiality: "thuong",
  },

  // ═══════════════════════════════ 2021 ═══════════════════════════════
  {
    key: "cd-01-ubnd",
    direction: "outgoing",
    numberNotation: "01/CĐ-UBND",
    type: "cong_dien",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc tăng cường các biện pháp phòng, chống dịch COVID-19 trong dịp Tết Nguyên đán Tân Sửu 2021",
    summary:
      "Yêu cầu người về từ vùng có dịch khai báo y tế ngay khi đến tỉnh; hạn chế tổ chức liên hoan, gặp mặt cuối năm và lễ hội đầu xuân. Thực hiện nghiêm thông điệp 5K.",
    signer: CHU_TICH,
    issuedAt: "2021-01-29",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "99" }],
      effectiveFrom: "2021-01-29T00:00:00+07:00",
      effectiveTo: "2021-02-28T23:59:59+07:00",
    },
  },
  {
    key: "tb-25-ubnd",
    direction: "outgoing",
    numberNotation: "25/TB-UBND",
    type: "thong_bao",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Về việc cho học sinh, sinh viên đi học trở lại từ ngày 01/3/2021",
    summary:
      "Học sinh, sinh viên trên địa bàn tỉnh đi học trở lại từ ngày 01/3/2021. Các cơ sở giáo dục hoàn thành vệ sinh, khử khuẩn trường lớp và bố trí phòng cách ly tạm thời trước ngày 27/02/2021.",
    signer: PCT_VX,
    issuedAt: "2021-02-20",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2021-03-01T00:00:00+07:00",
      effectiveTo: null,
    },
  },
  {
    key: "cd-07-ubnd",
    direction: "outgoing",
    numberNotation: "07/CĐ-UBND",
    type: "cong_dien",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Về việc tăng cường phòng, chống dịch COVID-19 trước nguy cơ lây lan trong cộng đồng",
    summary:
      "Tạm dừng hoạt động quán bar, karaoke, vũ trường, cơ sở massage từ 12 giờ ngày 06/5/2021. Không tổ chức sự kiện tập trung trên 30 người ngoài công sở; người dân khai báo y tế điện tử khi di chuyển.",
    signer: CHU_TICH,
    issuedAt: "2021-05-06",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "99" }],
      effectiveFrom: "2021-05-06T12:00:00+07:00",
      effectiveTo: null,
    },
  },
  {
    key: "kh-118-ubnd",
    direction: "outgoing",
    numberNotation: "118/KH-UBND",
    type: "ke_hoach",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Kế hoạch triển khai tiêm vắc xin phòng COVID-19 trên địa bàn tỉnh Lam Giang năm 2021 - 2022",
    summary:
      "Mục tiêu tiêm đủ liều cho ít nhất 70% dân số từ 18 tuổi trở lên. Thứ tự ưu tiên theo Nghị quyết của Chính phủ; Sở Y tế chủ trì tổ chức các điểm tiêm cố định và lưu động.",
    signer: PCT_VX,
    issuedAt: "2021-06-15",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "nq-68-cp",
    direction: "incoming",
    numberNotation: "68/NQ-CP",
    type: "nghi_quyet",
    issuerName: "Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject:
      "Về một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19",
    summary:
      "Ban hành 12 chính sách hỗ trợ với tổng kinh phí khoảng 26 nghìn tỷ đồng, trong đó có hỗ trợ người lao động tạm hoãn hợp đồng lao động, ngừng việc, chấm dứt hợp đồng lao động và lao động không có giao kết hợp đồng. Giao UBND các tỉnh, thành phố tổ chức thực hiện.",
    signer: { ...PM_2021, authority: "TM" },
    issuedAt: "2021-07-01",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "qd-23-2021-ttg",
    direction: "incoming",
    numberNotation: "23/2021/QĐ-TTg",
    type: "quyet_dinh",
    issuerName: "Thủ tướng Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject:
      "Quy định về việc thực hiện một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19",
    summary:
      "Quy định điều kiện, hồ sơ, trình tự, thủ tục thực hiện các chính sách hỗ trợ theo Nghị quyết số 68/NQ-CP. Chủ tịch UBND cấp tỉnh quyết định phê duyệt danh sách và kinh phí hỗ trợ.",
    signer: DEPUTY_PM_2021,
    issuedAt: "2021-07-07",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-2272-bldtbxh",
    direction: "incoming",
    numberNotation: "2272/LĐTBXH-VL",
    type: "cong_van",
    issuerName: "Bộ Lao động - Thương binh và Xã hội",
    issuerAgencyCode: null,
    subject: "V/v triển khai thực hiện Nghị quyết số 68/NQ-CP và Quyết định số 23/2021/QĐ-TTg",
    summary:
      "Đề nghị UBND các tỉnh, thành phố khẩn trương ban hành kế hoạch, công khai thủ tục và tiếp nhận hồ sơ hỗ trợ qua Cổng Dịch vụ công quốc gia. Báo cáo kết quả thực hiện định kỳ hằng tuần.",
    signer: BLDTBXH_DEPUTY,
    issuedAt: "2021-07-10",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "kh-142-ubnd",
    direction: "outgoing",
    numberNotation: "142/KH-UBND",
    type: "ke_hoach",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Kế hoạch triển khai Nghị quyết số 68/NQ-CP và Quyết định số 23/2021/QĐ-TTg trên địa bàn tỉnh Lam Giang",
    summary:
      "Giao nhiệm vụ tiếp nhận, thẩm định hồ sơ cho Sở Lao động - Thương binh và Xã hội, Bảo hiểm xã hội tỉnh và UBND cấp xã. Thời gian giải quyết mỗi chính sách không quá 05 ngày làm việc kể từ khi nhận đủ hồ sơ.",
    signer: PCT_VX,
    issuedAt: "2021-07-12",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-5599-byt",
    direction: "incoming",
    numberNotation: "5599/BYT-MT",
    type: "cong_van",
    issuerName: "Bộ Y tế",
    issuerAgencyCode: null,
    subject: "V/v hướng dẫn cách ly y tế tại nhà đối với người tiếp xúc gần (F1)",
    summary:
      "Hướng dẫn điều kiện cơ sở vật chất, thời gian cách ly và xét nghiệm đối với F1 cách ly tại nhà. Địa phương quyết định áp dụng phù hợp với tình hình dịch.",
    signer: BYT_DEPUTY,
    issuedAt: "2021-07-14",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "tb-95-sldtbxh",
    direction: "outgoing",
    numberNotation: "95/TB-SLĐTBXH",
    type: "thong_bao",
    issuerName: "Sở Lao động - Thương binh và Xã hội tỉnh Lam Giang",
    issuerAgencyCode: "000.00.17.H99",
    subject:
      "Về việc tiếp nhận hồ sơ đề nghị hỗ trợ theo Nghị quyết số 68/NQ-CP qua Cổng dịch vụ công",
    summary:
      "Từ ngày 15/7/2021, người sử dụng lao động và người lao động nộp hồ sơ đề nghị hỗ trợ trực tuyến trên Cổng dịch vụ công của tỉnh. Hồ sơ được giải quyết trong 05 ngày làm việc; hạn cuối nhận hồ sơ là ngày 31/12/2021.",
    signer: GD_SLDTBXH,
    issuedAt: "2021-07-14",
    urgency: "thuong",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2021-07-15T07:00:00+07:00",
      effectiveTo: "2021-12-31T17:00:00+07:00",
    },
  },
  {
    key: "gm-320-ubnd",
    direction: "outgoing",
    numberNotation: "320/GM-UBND",
    type: "giay_moi",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Họp trực tuyến Ban Chỉ đạo tỉnh đánh giá tình hình dịch COVID-19 và quyết định biện pháp giãn cách xã hội",
    summary:
      "Mời thành viên Ban Chỉ đạo tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố dự họp trực tuyến lúc 15 giờ ngày 17/7/2021.",
    signer: CVP_UBND,
    issuedAt: "2021-07-16",
    urgency: "hoa_toc",
    confidentiality: "thuong",
  },
  {
    key: "cd-10-ubnd",
    direction: "outgoing",
    numberNotation: "10/CĐ-UBND",
    type: "cong_dien",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc thực hiện giãn cách xã hội theo Chỉ thị số 15/CT-TTg trên địa bàn huyện Giang Sơn",
    summary:
      "Áp dụng giãn cách xã hội theo Chỉ thị số 15/CT-TTg trên toàn huyện Giang Sơn trong 14 ngày từ 0 giờ ngày 18/7/2021. Không tập trung quá 10 người ngoài công sở, trường học, bệnh viện; giữ khoảng cách tối thiểu 2 mét nơi công cộng.",
    signer: CHU_TICH,
    issuedAt: "2021-07-17",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "991" }],
      effectiveFrom: "2021-07-18T00:00:00+07:00",
      effectiveTo: "2021-08-01T23:59:59+07:00",
    },
  },
  {
    key: "ct-08-ubnd",
    direction: "outgoing",
    numberNotation: "08/CT-UBND",
    type: "chi_thi",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg trên địa bàn thành phố Lam Giang",
    summary:
      "Thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg trên toàn thành phố Lam Giang trong 14 ngày từ 0 giờ ngày 19/7/2021. Người dân chỉ ra khỏi nhà khi thật cần thiết; các cơ quan hành chính làm việc trực tuyến, bộ phận một cửa chỉ tiếp nhận hồ sơ trực tuyến và qua bưu chính.",
    signer: CHU_TICH,
    issuedAt: "2021-07-18",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "990" }, { kind: "public" }],
      effectiveFrom: "2021-07-19T00:00:00+07:00",
      effectiveTo: "2021-08-01T23:59:59+07:00",
    },
  },
  {
    key: "tb-210-sgtvt",
    direction: "outgoing",
    numberNotation: "210/TB-SGTVT",
    type: "thong_bao",
    issuerName: "Sở Giao thông vận tải tỉnh Lam Giang",
    issuerAgencyCode: "000.00.14.H99",
    subject: "Về việc tạm dừng hoạt động vận tải hành khách đi, đến thành phố Lam Giang",
    summary:
      "Tạm dừng hoạt động vận tải hành khách tuyến cố định, xe buýt và xe hợp đồng đi, đến thành phố Lam Giang trong thời gian giãn cách xã hội. Phương tiện chở hàng hóa thiết yếu được lưu thông khi có mã nhận diện “luồng xanh”.",
    signer: PGD_SGTVT,
    issuedAt: "2021-07-18",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "990" }],
      effectiveFrom: "2021-07-19T00:00:00+07:00",
      effectiveTo: "2021-08-01T23:59:59+07:00",
    },
  },
  {
    key: "tb-112-snv",
    direction: "outgoing",
    numberNotation: "112/TB-SNV",
    type: "thong_bao",
    issuerName: "Sở Nội vụ tỉnh Lam Giang",
    issuerAgencyCode: "000.00.11.H99",
    subject:
      "Về việc tổ chức làm việc trực tuyến đối với công chức, người lao động Sở Nội vụ trong thời gian giãn cách xã hội",
    summary:
      "Trong thời gian thành phố Lam Giang giãn cách xã hội, công chức, người lao động của Sở làm việc trực tuyến tại nhà; mỗi phòng bố trí tối đa 01 người trực tại cơ quan. Lịch họp, giao ban thực hiện qua phần mềm họp trực tuyến của tỉnh.",
    signer: CVP_SNV,
    issuedAt: "2021-07-19",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "agency", code: "000.00.11.H99" }],
      effectiveFrom: "2021-07-19T07:30:00+07:00",
      effectiveTo: "2021-08-15T17:00:00+07:00",
    },
  },
  {
    key: "tb-62-stp",
    direction: "outgoing",
    numberNotation: "62/TB-STP",
    type: "thong_bao",
    issuerName: "Sở Tư pháp tỉnh Lam Giang",
    issuerAgencyCode: "000.00.12.H99",
    subject: "Về việc tạm dừng tiếp nhận hồ sơ trực tiếp tại Bộ phận Một cửa của Sở Tư pháp",
    summary:
      "Tạm dừng tiếp nhận hồ sơ trực tiếp trong thời gian giãn cách xã hội; tổ chức, cá nhân nộp hồ sơ trực tuyến hoặc qua bưu chính công ích. Kết quả được trả qua bưu chính, không thu thêm phí.",
    signer: GD_STP,
    issuedAt: "2021-07-19",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2021-07-19T07:00:00+07:00",
      effectiveTo: "2021-08-15T17:00:00+07:00",
    },
  },
  {
    key: "cv-2210-ubnd",
    direction: "outgoing",
    numberNotation: "2210/UBND-VX",
    type: "cong_van",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "V/v tổ chức làm việc trực tuyến tại các cơ quan hành chính trên địa bàn thành phố Lam Giang",
    summary:
      "Yêu cầu các sở, ban, ngành có trụ sở tại thành phố Lam Giang bố trí tối thiểu 70% công chức làm việc tại nhà. Văn bản được ký số và gửi, nhận hoàn toàn trên hệ thống quản lý văn bản điện tử.",
    signer: PCT_VX,
    issuedAt: "2021-07-19",
    urgency: "thuong_khan",
    confidentiality: "thuong",
  },
  {
    key: "tb-35-ubnd-son-thuy",
    direction: "outgoing",
    numberNotation: "35/TB-UBND",
    type: "thong_bao",
    issuerName: "UBND xã Sơn Thủy",
    issuerAgencyCode: "002.02.00.H99",
    subject: "Về việc thiết lập vùng phong tỏa thôn Đông Sơn, xã Sơn Thủy",
    summary:
      "Phong tỏa tạm thời thôn Đông Sơn trong 14 ngày kể từ 18 giờ ngày 20/7/2021 để truy vết, xét nghiệm. Người dân không ra, vào vùng phong tỏa; tổ Covid cộng đồng hỗ trợ cung cấp nhu yếu phẩm.",
    signer: CT_SON_THUY,
    issuedAt: "2021-07-20",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "99102" }],
      effectiveFrom: "2021-07-20T18:00:00+07:00",
      effectiveTo: "2021-08-03T18:00:00+07:00",
    },
  },
  {
    key: "cv-2456-syt",
    direction: "outgoing",
    numberNotation: "2456/SYT-NVY",
    type: "cong_van",
    issuerName: "Sở Y tế tỉnh Lam Giang",
    issuerAgencyCode: "000.00.16.H99",
    subject: "V/v hướng dẫn quy trình cách ly y tế tại nhà đối với người tiếp xúc gần (F1)",
    summary:
      "Triển khai hướng dẫn của Bộ Y tế: F1 đủ điều kiện được cách ly tại nhà 14 ngày, xét nghiệm 03 lần. Trạm y tế xã, phường lập danh sách, giám sát qua điện thoại hằng ngày.",
    signer: PGD_SYT,
    issuedAt: "2021-07-21",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-2045-cat",
    direction: "outgoing",
    numberNotation: "2045/CAT-PC08",
    type: "cong_van",
    issuerName: "Công an tỉnh Lam Giang",
    issuerAgencyCode: "000.00.18.H99",
    subject: "V/v kiểm soát người, phương tiện qua các chốt kiểm soát dịch COVID-19 ra, vào tỉnh",
    summary:
      "Hướng dẫn lực lượng tại các chốt kiểm tra giấy xét nghiệm âm tính, khai báo y tế và mã nhận diện phương tiện. Ưu tiên phương tiện chở hàng thiết yếu, xe cấp cứu và người đi công vụ.",
    signer: PGD_CAT,
    issuedAt: "2021-07-22",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-1432-skhdt",
    direction: "outgoing",
    numberNotation: "1432/SKHĐT-ĐKKD",
    type: "cong_van",
    issuerName: "Sở Kế hoạch và Đầu tư tỉnh Lam Giang",
    issuerAgencyCode: "000.00.13.H99",
    subject:
      "V/v đẩy mạnh tiếp nhận hồ sơ đăng ký doanh nghiệp qua mạng điện tử trong thời gian giãn cách xã hội",
    summary:
      "Phòng Đăng ký kinh doanh chỉ tiếp nhận hồ sơ qua mạng điện tử trong thời gian giãn cách. Doanh nghiệp được hướng dẫn qua điện thoại và thư điện tử.",
    signer: GD_SKHDT,
    issuedAt: "2021-07-23",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "cv-18-ubnd-nc",
    direction: "outgoing",
    numberNotation: "18/UBND-NC",
    type: "cong_van",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "V/v triển khai một số nhiệm vụ bảo đảm an ninh, trật tự trong thời gian giãn cách xã hội",
    summary:
      "Giao nhiệm vụ cho các cơ quan liên quan về công tác bảo đảm an ninh, trật tự trong thời gian giãn cách xã hội.",
    signer: CHU_TICH,
    issuedAt: "2021-07-24",
    urgency: "khan",
    confidentiality: "mat",
  },
  {
    key: "cv-1567-bac-lam",
    direction: "incoming",
    numberNotation: "1567/UBND-VX",
    type: "cong_van",
    issuerName: "UBND tỉnh Bắc Lam",
    issuerAgencyCode: null,
    subject:
      "V/v phối hợp đưa công dân tỉnh Lam Giang đang lưu trú tại tỉnh Bắc Lam trở về địa phương",
    summary:
      "UBND tỉnh Bắc Lam đề nghị phối hợp tiếp nhận 320 công dân tỉnh Lam Giang có nguyện vọng trở về. Danh sách và lịch trình đưa đón kèm theo văn bản.",
    signer: { fullName: "Thân Văn Khuê", position: "Phó Chủ tịch", authority: "KT" },
    issuedAt: "2021-07-25",
    urgency: "thuong_khan",
    confidentiality: "thuong",
  },
  {
    key: "ttr-168-sldtbxh",
    direction: "outgoing",
    numberNotation: "168/TTr-SLĐTBXH",
    type: "to_trinh",
    issuerName: "Sở Lao động - Thương binh và Xã hội tỉnh Lam Giang",
    issuerAgencyCode: "000.00.17.H99",
    subject:
      "Tờ trình đề nghị phê duyệt danh sách và kinh phí hỗ trợ người lao động tạm hoãn thực hiện hợp đồng lao động theo Quyết định số 23/2021/QĐ-TTg (đợt 1)",
    summary:
      "Đề nghị UBND tỉnh phê duyệt hỗ trợ cho 2.318 người lao động của 67 doanh nghiệp với tổng kinh phí 6.954.000.000 đồng.",
    signer: GD_SLDTBXH,
    issuedAt: "2021-07-30",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "tb-171-ubnd",
    direction: "outgoing",
    numberNotation: "171/TB-UBND",
    type: "thong_bao",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc tiếp tục thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg trên địa bàn thành phố Lam Giang đến hết ngày 15/8/2021",
    summary:
      "Kéo dài thời gian giãn cách xã hội theo Chỉ thị số 08/CT-UBND trên địa bàn thành phố Lam Giang thêm 14 ngày. Các biện pháp đã ban hành tiếp tục được áp dụng.",
    signer: CHU_TICH,
    issuedAt: "2021-08-01",
    urgency: "hoa_toc",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "990" }, { kind: "public" }],
      effectiveFrom: "2021-08-02T00:00:00+07:00",
      effectiveTo: "2021-08-15T23:59:59+07:00",
    },
  },
  {
    key: "qd-2215-ubnd",
    direction: "outgoing",
    numberNotation: "2215/QĐ-UBND",
    type: "quyet_dinh",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về việc phê duyệt danh sách và kinh phí hỗ trợ người lao động tạm hoãn thực hiện hợp đồng lao động theo Quyết định số 23/2021/QĐ-TTg (đợt 1)",
    summary:
      "Phê duyệt hỗ trợ cho 2.318 người lao động với tổng kinh phí 6.954.000.000 đồng từ ngân sách tỉnh. Giao Sở Lao động - Thương binh và Xã hội chi trả trong 05 ngày làm việc.",
    signer: PCT_VX,
    issuedAt: "2021-08-05",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-980-snv",
    direction: "outgoing",
    numberNotation: "980/SNV-CCVC",
    type: "cong_van",
    issuerName: "Sở Nội vụ tỉnh Lam Giang",
    issuerAgencyCode: "000.00.11.H99",
    subject:
      "V/v thực hiện chế độ đối với cán bộ, công chức, viên chức được huy động tham gia phòng, chống dịch COVID-19",
    summary:
      "Hướng dẫn các cơ quan, đơn vị lập danh sách cán bộ, công chức, viên chức được huy động tham gia phòng, chống dịch để chi trả chế độ theo quy định. Gửi danh sách về Sở Nội vụ trước ngày 20/8/2021.",
    signer: GD_SNV,
    issuedAt: "2021-08-05",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "tb-205-syt",
    direction: "outgoing",
    numberNotation: "205/TB-SYT",
    type: "thong_bao",
    issuerName: "Sở Y tế tỉnh Lam Giang",
    issuerAgencyCode: "000.00.16.H99",
    subject: "Về việc tuyển chọn tình nguyện viên tham gia hỗ trợ phòng, chống dịch COVID-19",
    summary:
      "Tiếp nhận đăng ký tình nguyện viên là sinh viên y, dược và người có chuyên môn y tế để hỗ trợ lấy mẫu xét nghiệm, tiêm chủng. Đăng ký trực tuyến đến hết ngày 31/8/2021.",
    signer: PGD_SYT,
    issuedAt: "2021-08-10",
    urgency: "thuong",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }],
      effectiveFrom: "2021-08-10T08:00:00+07:00",
      effectiveTo: "2021-08-31T17:00:00+07:00",
    },
  },
  {
    key: "cv-1765-sgtvt",
    direction: "outgoing",
    numberNotation: "1765/SGTVT-QLVT",
    type: "cong_van",
    issuerName: "Sở Giao thông vận tải tỉnh Lam Giang",
    issuerAgencyCode: "000.00.14.H99",
    subject: "V/v cấp mã QR nhận diện phương tiện vận chuyển hàng hóa trên “luồng xanh”",
    summary:
      "Hướng dẫn doanh nghiệp vận tải đăng ký cấp mã QR nhận diện phương tiện trên hệ thống của Bộ Giao thông vận tải. Sở xử lý đăng ký trong 04 giờ làm việc.",
    signer: PGD_SGTVT,
    issuedAt: "2021-08-12",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "cv-5598-vpcp",
    direction: "incoming",
    numberNotation: "5598/VPCP-KGVX",
    type: "cong_van",
    issuerName: "Văn phòng Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject:
      "V/v ý kiến chỉ đạo của Thủ tướng Chính phủ về đẩy mạnh xét nghiệm, cách ly trong phòng, chống dịch COVID-19",
    summary:
      "Truyền đạt ý kiến chỉ đạo của Thủ tướng Chính phủ yêu cầu các địa phương đang giãn cách xã hội đẩy mạnh xét nghiệm diện rộng, tách F0 khỏi cộng đồng. Báo cáo kết quả trước ngày 25/8/2021.",
    signer: VPCP_DEPUTY,
    issuedAt: "2021-08-14",
    urgency: "thuong_khan",
    confidentiality: "thuong",
  },
  {
    key: "tb-88-sxd",
    direction: "outgoing",
    numberNotation: "88/TB-SXD",
    type: "thong_bao",
    issuerName: "Sở Xây dựng tỉnh Lam Giang",
    issuerAgencyCode: "000.00.19.H99",
    subject:
      "Về việc tạm dừng thi công các công trình xây dựng chưa đáp ứng điều kiện phòng, chống dịch COVID-19",
    summary:
      "Công trình trên địa bàn thành phố Lam Giang chỉ được thi công khi bố trí công nhân “3 tại chỗ” và có phương án phòng dịch được phê duyệt. Các công trình khác tạm dừng thi công.",
    signer: GD_SXD,
    issuedAt: "2021-08-16",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "990" }],
      effectiveFrom: "2021-08-17T00:00:00+07:00",
      effectiveTo: "2021-09-15T23:59:59+07:00",
    },
  },
  {
    key: "cv-2608-ubnd",
    direction: "outgoing",
    numberNotation: "2608/UBND-KT",
    type: "cong_van",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "V/v bảo đảm lưu thông hàng hóa thiết yếu trong thời gian giãn cách xã hội",
    summary:
      "Yêu cầu các địa phương không tự đặt thêm điều kiện đối với phương tiện chở hàng đã có mã “luồng xanh”. Sở Công Thương theo dõi, báo cáo tình hình cung ứng hằng ngày.",
    signer: PCT_KT,
    issuedAt: "2021-08-18",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "bc-03-ubnd-tm",
    direction: "outgoing",
    numberNotation: "03/BC-UBND",
    type: "bao_cao",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Báo cáo một số nội dung về công tác bảo đảm an ninh trên địa bàn tỉnh",
    summary:
      "Báo cáo cấp có thẩm quyền một số nội dung về công tác bảo đảm an ninh trên địa bàn tỉnh.",
    signer: CHU_TICH,
    issuedAt: "2021-08-20",
    urgency: "thuong",
    confidentiality: "toi_mat",
  },
  {
    key: "tb-41-ubnd-hoa-giang",
    direction: "outgoing",
    numberNotation: "41/TB-UBND",
    type: "thong_bao",
    issuerName: "UBND phường Hòa Giang",
    issuerAgencyCode: "004.01.00.H99",
    subject: "Về việc gỡ bỏ vùng phong tỏa khu phố 3, phường Hòa Giang",
    summary:
      "Gỡ bỏ phong tỏa khu phố 3 từ 18 giờ ngày 06/9/2021 sau 21 ngày không ghi nhận ca mắc mới. Người dân tiếp tục thực hiện thông điệp 5K và khai báo y tế khi di chuyển.",
    signer: PCT_HOA_GIANG,
    issuedAt: "2021-09-06",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "area", code: "99301" }],
      effectiveFrom: "2021-09-06T18:00:00+07:00",
      effectiveTo: null,
    },
  },
  {
    key: "cv-1650-stnmt",
    direction: "outgoing",
    numberNotation: "1650/STNMT-MT",
    type: "cong_van",
    issuerName: "Sở Tài nguyên và Môi trường tỉnh Lam Giang",
    issuerAgencyCode: "000.00.15.H99",
    subject: "V/v hướng dẫn quản lý chất thải phát sinh từ người mắc COVID-19 điều trị tại nhà",
    summary:
      "Chất thải của người mắc COVID-19 điều trị tại nhà được đựng trong túi riêng, buộc kín và ghi “CHẤT THẢI CÓ NGUY CƠ CHỨA SARS-CoV-2”. UBND cấp xã bố trí thu gom riêng hằng ngày.",
    signer: PGD_STNMT,
    issuedAt: "2021-09-10",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "bc-410-syt",
    direction: "outgoing",
    numberNotation: "410/BC-SYT",
    type: "bao_cao",
    issuerName: "Sở Y tế tỉnh Lam Giang",
    issuerAgencyCode: "000.00.16.H99",
    subject: "Báo cáo tiến độ tiêm vắc xin phòng COVID-19 trên địa bàn tỉnh đến ngày 19/9/2021",
    summary:
      "Toàn tỉnh đã tiêm 612.450 liều vắc xin, 58,3% người từ 18 tuổi trở lên được tiêm ít nhất 01 mũi. Đề nghị phân bổ thêm vắc xin cho huyện Giang Sơn và thị xã Hòa Giang.",
    signer: GD_SYT,
    issuedAt: "2021-09-20",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "gm-85-syt",
    direction: "outgoing",
    numberNotation: "85/GM-SYT",
    type: "giay_moi",
    issuerName: "Sở Y tế tỉnh Lam Giang",
    issuerAgencyCode: "000.00.16.H99",
    subject:
      "Họp trực tuyến đánh giá tiến độ tiêm vắc xin phòng COVID-19 và triển khai giai đoạn tiếp theo",
    summary:
      "Mời Giám đốc Trung tâm Y tế các huyện, thị xã, thành phố dự họp trực tuyến lúc 14 giờ ngày 30/9/2021.",
    signer: PGD_SYT,
    issuedAt: "2021-09-28",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "bc-09-cat",
    direction: "outgoing",
    numberNotation: "09/BC-CAT",
    type: "bao_cao",
    issuerName: "Công an tỉnh Lam Giang",
    issuerAgencyCode: "000.00.18.H99",
    subject: "Báo cáo kết quả công tác 9 tháng đầu năm 2021",
    summary: "Báo cáo kết quả thực hiện nhiệm vụ 9 tháng đầu năm 2021 và phương hướng quý IV.",
    signer: GD_CAT,
    issuedAt: "2021-10-05",
    urgency: "thuong",
    confidentiality: "toi_mat",
  },
  {
    key: "nq-128-cp",
    direction: "incoming",
    numberNotation: "128/NQ-CP",
    type: "nghi_quyet",
    issuerName: "Chính phủ",
    issuerAgencyCode: "000.00.00.G22",
    subject:
      "Ban hành Quy định tạm thời “Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19”",
    summary:
      "Chuyển từ mục tiêu “Zero COVID” sang thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch. Phân loại 04 cấp độ dịch theo tỷ lệ ca mắc mới, độ bao phủ vắc xin và năng lực điều trị để áp dụng biện pháp tương ứng.",
    signer: { ...PM_2021, authority: "TM" },
    issuedAt: "2021-10-11",
    urgency: "thuong_khan",
    confidentiality: "thuong",
  },
  {
    key: "ct-12-ubnd",
    direction: "outgoing",
    numberNotation: "12/CT-UBND",
    type: "chi_thi",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject:
      "Về thực hiện thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19 trên địa bàn tỉnh Lam Giang",
    summary:
      "Triển khai Nghị quyết số 128/NQ-CP: dừng áp dụng Chỉ thị số 15/CT-TTg và 16/CT-TTg trên địa bàn tỉnh; áp dụng biện pháp theo cấp độ dịch của từng xã, phường. Khôi phục hoạt động sản xuất, kinh doanh và tiếp nhận hồ sơ trực tiếp tại bộ phận một cửa.",
    signer: CHU_TICH,
    issuedAt: "2021-10-15",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [{ kind: "public" }, { kind: "area", code: "99" }],
      effectiveFrom: "2021-10-16T00:00:00+07:00",
      effectiveTo: null,
    },
  },
  {
    key: "hd-12-syt",
    direction: "outgoing",
    numberNotation: "12/HD-SYT",
    type: "huong_dan",
    issuerName: "Sở Y tế tỉnh Lam Giang",
    issuerAgencyCode: "000.00.16.H99",
    subject:
      "Hướng dẫn tạm thời chuyên môn y tế thực hiện Nghị quyết số 128/NQ-CP trên địa bàn tỉnh Lam Giang",
    summary:
      "Hướng dẫn cách đánh giá cấp độ dịch ở cấp xã, cấp huyện và yêu cầu xét nghiệm, cách ly tương ứng. Cập nhật cấp độ dịch hằng tuần vào thứ Hai.",
    signer: GD_SYT,
    issuedAt: "2021-10-18",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "qd-2876-ubnd",
    direction: "outgoing",
    numberNotation: "2876/QĐ-UBND",
    type: "quyet_dinh",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Về việc công bố cấp độ dịch COVID-19 trên địa bàn tỉnh Lam Giang",
    summary:
      "Công bố tỉnh Lam Giang ở cấp độ 2 (nguy cơ trung bình); thành phố Lam Giang và huyện Giang Sơn ở cấp độ 2, huyện Bình Lam và thị xã Hòa Giang ở cấp độ 1.",
    signer: PCT_VX,
    issuedAt: "2021-10-20",
    urgency: "khan",
    confidentiality: "thuong",
  },
  {
    key: "bc-198-skhdt",
    direction: "outgoing",
    numberNotation: "198/BC-SKHĐT",
    type: "bao_cao",
    issuerName: "Sở Kế hoạch và Đầu tư tỉnh Lam Giang",
    issuerAgencyCode: "000.00.13.H99",
    subject:
      "Báo cáo tình hình doanh nghiệp tạm ngừng kinh doanh, giải thể do ảnh hưởng của dịch COVID-19 9 tháng năm 2021",
    summary:
      "Trong 9 tháng năm 2021 có 412 doanh nghiệp đăng ký tạm ngừng kinh doanh, tăng 18% so với cùng kỳ; 96 doanh nghiệp giải thể. Đề xuất giải pháp hỗ trợ doanh nghiệp phục hồi.",
    signer: GD_SKHDT,
    issuedAt: "2021-10-25",
    urgency: "thuong",
    confidentiality: "thuong",
  },
  {
    key: "tb-245-ubnd",
    direction: "outgoing",
    numberNotation: "245/TB-UBND",
    type: "thong_bao",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Về cấp độ dịch COVID-19 trên địa bàn tỉnh Lam Giang (cập nhật ngày 22/11/2021)",
    summary:
      "Phường Thanh Lam và phường Bến Giang chuyển lên cấp độ 3 (nguy cơ cao), các xã, phường còn lại giữ cấp độ 1 hoặc 2. Tại vùng cấp độ 3, nhà hàng chỉ phục vụ không quá 50% công suất và dừng các sự kiện trên 20 người.",
    signer: PCT_VX,
    issuedAt: "2021-11-22",
    urgency: "khan",
    confidentiality: "thuong",
    directive: {
      audiences: [
        { kind: "area", code: "99001" },
        { kind: "area", code: "99002" },
        { kind: "public" },
      ],
      effectiveFrom: "2021-11-22T12:00:00+07:00",
      effectiveTo: "2021-11-28T23:59:59+07:00",
    },
  },
  {
    key: "cd-15-ubnd",
    direction: "outgoing",
    numberNotation: "15/CĐ-UBND",
    type: "cong_dien",
    issuerName: UBND_TINH,
    issuerAgencyCode: UBND_TINH_CODE,
    subject: "Về việc chủ động ứng phó với biến chủng Omicron của vi rút SARS-CoV-2",
    summary:
      "Yêu cầu giám sát chặt chẽ người nhập cảnh từ các quốc gia ghi nhận biến chủng Omicron, đẩy nhanh tiêm mũi bổ sung và nhắc lại. Người dân không chủ quan, tiếp tục thực hiện 5K.",
    signer: CHU_TICH,
    issuedAt: "2021-12-06",
    urgency: "thuong_khan",
    confidentiality: "thuong",
    directive: {
      audiences: [
        { kind: "public" },
        { kind: "area", code: "99" },
        { kind: "agency", code: "000.00.16.H99" },
      ],
      effectiveFrom: "2021-12-06T12:00:00+07:00",
      effectiveTo: null,
    },
  },
];
