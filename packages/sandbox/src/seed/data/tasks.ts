import type { SeedTaskTemplate } from "./types.js";

/**
 * Task templates the seeder assigns to staff (with deadlines near or past due). Most derive
 * from a document in `documents.ts`; a few are routine work with no source document.
 */
export const taskTemplates: readonly SeedTaskTemplate[] = [
  {
    title: "Tham mưu triển khai Chỉ thị 15/CT-TTg trên địa bàn tỉnh",
    description:
      "Dự thảo Chỉ thị của UBND tỉnh triển khai đợt cao điểm phòng, chống dịch theo Chỉ thị số 15/CT-TTg; lấy ý kiến Sở Y tế, Công an tỉnh trước khi trình Chủ tịch UBND tỉnh ký ban hành.",
    sourceDocumentKey: "ct-15-ttg",
  },
  {
    title: "Tham mưu triển khai Chỉ thị 16/CT-TTg trên địa bàn tỉnh",
    description:
      "Tổng hợp ý kiến các sở, ngành, dự thảo Công điện khẩn và Chỉ thị của UBND tỉnh thực hiện cách ly toàn xã hội; trình lãnh đạo Văn phòng trong ngày.",
    sourceDocumentKey: "ct-16-ttg",
  },
  {
    title: "Tham mưu văn bản triển khai Chỉ thị 19/CT-TTg",
    description:
      "Đề xuất danh mục cơ sở kinh doanh, dịch vụ được hoạt động trở lại và điều kiện bảo đảm an toàn phòng dịch; dự thảo công văn của UBND tỉnh.",
    sourceDocumentKey: "ct-19-ttg",
  },
  {
    title: "Theo dõi, đôn đốc thực hiện Công điện khẩn 04/CĐ-UBND",
    description:
      "Tổng hợp báo cáo hằng ngày của UBND các huyện, thị xã, thành phố về việc thiết lập chốt kiểm soát và tạm dừng hoạt động không thiết yếu; báo cáo Chánh Văn phòng trước 16 giờ.",
    sourceDocumentKey: "cd-04-ubnd",
  },
  {
    title: "Báo cáo kết quả thực hiện Chỉ thị 05/CT-UBND",
    description:
      "Tổng hợp kết quả thực hiện cách ly xã hội của các sở, ngành, địa phương để xây dựng báo cáo gửi Thủ tướng Chính phủ.",
    sourceDocumentKey: "ct-05-ubnd",
  },
  {
    title: "Triển khai làm việc trực tuyến theo Thông báo 45/TB-SNV",
    description:
      "Lập lịch trực luân phiên của các phòng, cấp tài khoản họp trực tuyến và hướng dẫn công chức xử lý văn bản trên hệ thống quản lý văn bản và điều hành khi làm việc tại nhà.",
    sourceDocumentKey: "tb-45-snv",
  },
  {
    title: "Báo cáo tình hình làm việc trực tuyến của công chức Sở Nội vụ",
    description:
      "Tổng hợp số lượng công chức làm việc tại nhà, số văn bản xử lý trên môi trường mạng trong thời gian giãn cách; báo cáo Giám đốc Sở.",
    sourceDocumentKey: "tb-112-snv",
  },
  {
    title: "Tham mưu văn bản hướng dẫn làm việc tại nhà theo Công văn 1290/BNV-CCVC",
    description:
      "Nghiên cứu Công văn của Bộ Nội vụ, đề xuất UBND tỉnh hướng dẫn các cơ quan, đơn vị bố trí thời gian làm việc phù hợp và làm việc trực tuyến.",
    sourceDocumentKey: "cv-1290-bnv",
  },
  {
    title: "Rà soát danh sách người lao động đề nghị hỗ trợ theo Nghị quyết 42/NQ-CP",
    description:
      "Đối chiếu danh sách người lao động tạm hoãn hợp đồng lao động do doanh nghiệp gửi với dữ liệu đóng bảo hiểm xã hội; lập danh sách trường hợp không đủ điều kiện.",
    sourceDocumentKey: "nq-42-cp",
  },
  {
    title: "Theo dõi tiến độ Kế hoạch 62/KH-UBND thực hiện Nghị quyết 42/NQ-CP",
    description:
      "Đôn đốc UBND cấp huyện gửi danh sách đối tượng hỗ trợ; cập nhật bảng theo dõi tiến độ chi trả hằng tuần.",
    sourceDocumentKey: "kh-62-ubnd",
  },
  {
    title: "Chuẩn bị tài liệu họp Ban Chỉ đạo tỉnh theo Giấy mời 145/GM-UBND",
    description:
      "Chuẩn bị báo cáo nhanh tình hình dịch, danh sách điểm cầu và kiểm tra đường truyền phòng họp trực tuyến trước giờ họp 30 phút.",
    sourceDocumentKey: "gm-145-ubnd",
  },
  {
    title: "Tham mưu văn bản thực hiện kết luận của Chủ tịch UBND tỉnh tại Thông báo 150/TB-UBND",
    description:
      "Xây dựng kế hoạch duy trì giám sát dịch tại cộng đồng theo nhiệm vụ được giao cho Sở Y tế; báo cáo kết quả về Văn phòng UBND tỉnh.",
    sourceDocumentKey: "tb-150-ubnd",
  },
  {
    title: "Thẩm định hồ sơ khen thưởng thành tích phòng, chống dịch COVID-19",
    description:
      "Thẩm định hồ sơ đề nghị tặng Bằng khen của các đơn vị, đối chiếu tiêu chuẩn theo Luật Thi đua, khen thưởng; trình Hội đồng Thi đua - Khen thưởng tỉnh.",
    sourceDocumentKey: "qd-3120-ubnd",
  },
  {
    title: "Tổng hợp số liệu cho Báo cáo tổng kết công tác phòng, chống dịch năm 2020",
    description:
      "Thu thập số liệu ca mắc, số người cách ly, kinh phí hỗ trợ từ các sở, ngành để hoàn thiện dự thảo báo cáo tổng kết.",
    sourceDocumentKey: "bc-312-ubnd",
  },
  {
    title: "Tổng hợp, báo cáo tình hình an ninh, trật tự tại các khu cách ly tập trung",
    description:
      "Tổng hợp kết quả thực hiện Kế hoạch của Công an tỉnh tại các khu cách ly tập trung; văn bản mật, chỉ xử lý trên máy tính không kết nối Internet.",
    sourceDocumentKey: "kh-07-cat",
  },
  {
    title: "Thực hiện nhiệm vụ được giao tại Công văn 18/UBND-NC",
    description:
      "Nghiên cứu nội dung văn bản mật, đề xuất phân công thực hiện và báo cáo lãnh đạo Văn phòng theo đúng quy định về bảo vệ bí mật nhà nước.",
    sourceDocumentKey: "cv-18-ubnd-nc",
  },
  {
    title: "Chuẩn bị số liệu cho báo cáo công tác bảo đảm an ninh",
    description:
      "Tổng hợp số liệu phục vụ xây dựng báo cáo theo yêu cầu của lãnh đạo UBND tỉnh; văn bản tối mật, giao nhận trực tiếp qua văn thư mật.",
    sourceDocumentKey: "bc-03-ubnd-tm",
  },
  {
    title: "Tham mưu Kế hoạch triển khai Nghị quyết 68/NQ-CP trên địa bàn tỉnh",
    description:
      "Dự thảo kế hoạch phân công các sở, ngành tiếp nhận, thẩm định hồ sơ 12 chính sách hỗ trợ; lấy ý kiến Sở Tài chính về nguồn kinh phí.",
    sourceDocumentKey: "nq-68-cp",
  },
  {
    title: "Công bố thủ tục hành chính thực hiện Quyết định 23/2021/QĐ-TTg",
    description:
      "Xây dựng dự thảo Quyết định công bố danh mục thủ tục hành chính hỗ trợ người lao động, người sử dụng lao động; cấu hình thủ tục trên Cổng dịch vụ công của tỉnh.",
    sourceDocumentKey: "qd-23-2021-ttg",
  },
  {
    title: "Báo cáo kết quả thực hiện Nghị quyết 68/NQ-CP định kỳ hằng tuần",
    description:
      "Tổng hợp số hồ sơ đã tiếp nhận, đã giải quyết và số tiền đã chi trả theo từng chính sách; gửi Bộ Lao động - Thương binh và Xã hội trước 15 giờ thứ Sáu.",
    sourceDocumentKey: "cv-2272-bldtbxh",
  },
  {
    title: "Thẩm định hồ sơ hỗ trợ người lao động tạm hoãn hợp đồng lao động (đợt 1)",
    description:
      "Kiểm tra hồ sơ của 67 doanh nghiệp, đối chiếu xác nhận của cơ quan bảo hiểm xã hội và hoàn thiện Tờ trình trình UBND tỉnh phê duyệt.",
    sourceDocumentKey: "ttr-168-sldtbxh",
  },
  {
    title: "Chi trả kinh phí hỗ trợ theo Quyết định 2215/QĐ-UBND",
    description:
      "Phối hợp Kho bạc Nhà nước tỉnh chuyển kinh phí hỗ trợ vào tài khoản của doanh nghiệp trong 05 ngày làm việc; báo cáo kết quả chi trả.",
    sourceDocumentKey: "qd-2215-ubnd",
  },
  {
    title: "Rà soát danh sách chốt kiểm soát dịch và lực lượng trực theo Chỉ thị 08/CT-UBND",
    description:
      "Rà soát danh sách chốt kiểm soát tại các cửa ngõ thành phố Lam Giang, đề xuất điều chỉnh vị trí và ca trực phù hợp với thời gian giãn cách.",
    sourceDocumentKey: "ct-08-ubnd",
  },
  {
    title: "Đôn đốc thực hiện giãn cách xã hội tại huyện Giang Sơn theo Công điện 10/CĐ-UBND",
    description:
      "Theo dõi báo cáo hằng ngày của UBND huyện Giang Sơn về kết quả thực hiện giãn cách, số ca mắc mới và tình hình cung ứng hàng hóa thiết yếu.",
    sourceDocumentKey: "cd-10-ubnd",
  },
  {
    title: "Phối hợp đón công dân từ tỉnh Bắc Lam trở về địa phương",
    description:
      "Lập phương án tiếp nhận, bố trí khu cách ly và phương tiện đưa đón 320 công dân theo đề nghị của UBND tỉnh Bắc Lam; trình lãnh đạo UBND tỉnh cho ý kiến.",
    sourceDocumentKey: "cv-1567-bac-lam",
  },
  {
    title: "Báo cáo kết quả thực hiện chỉ đạo của Thủ tướng về xét nghiệm, cách ly",
    description:
      "Tổng hợp kết quả xét nghiệm diện rộng và tách F0 khỏi cộng đồng tại thành phố Lam Giang để báo cáo Văn phòng Chính phủ trước ngày 25/8/2021.",
    sourceDocumentKey: "cv-5598-vpcp",
  },
  {
    title: "Cập nhật cấp độ dịch hằng tuần theo Hướng dẫn 12/HD-SYT",
    description:
      "Thu thập số ca mắc mới, tỷ lệ bao phủ vắc xin của từng xã, phường; đề xuất cấp độ dịch để UBND tỉnh công bố vào thứ Hai hằng tuần.",
    sourceDocumentKey: "hd-12-syt",
  },
  {
    title: "Tham mưu Chỉ thị thực hiện Nghị quyết 128/NQ-CP",
    description:
      "Dự thảo Chỉ thị của UBND tỉnh về thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19, trong đó quy định biện pháp theo từng cấp độ dịch.",
    sourceDocumentKey: "nq-128-cp",
  },
  {
    title: "Triển khai giám sát biến chủng Omicron theo Công điện 15/CĐ-UBND",
    description:
      "Lập danh sách người nhập cảnh trong 14 ngày qua, phối hợp CDC tỉnh lấy mẫu giải trình tự gen đối với các trường hợp nghi ngờ.",
    sourceDocumentKey: "cd-15-ubnd",
  },
  {
    title: "Tổng hợp tiến độ tiêm vắc xin phòng COVID-19 theo Kế hoạch 118/KH-UBND",
    description:
      "Cập nhật số liều đã tiêm theo từng huyện, nhóm đối tượng ưu tiên; đề xuất phân bổ vắc xin đợt tiếp theo.",
    sourceDocumentKey: "kh-118-ubnd",
  },
  {
    title: "Hướng dẫn doanh nghiệp nộp hồ sơ đăng ký qua mạng trong thời gian giãn cách",
    description:
      "Trả lời điện thoại, thư điện tử của doanh nghiệp về thủ tục đăng ký doanh nghiệp qua mạng; tổng hợp các vướng mắc thường gặp để đăng trên Trang thông tin điện tử của Sở.",
    sourceDocumentKey: "cv-1432-skhdt",
  },
  {
    title: "Tổng hợp danh sách cán bộ được huy động tham gia phòng, chống dịch",
    description:
      "Tổng hợp danh sách do các cơ quan, đơn vị gửi về, đối chiếu thời gian tham gia để làm căn cứ chi trả chế độ theo Công văn 980/SNV-CCVC.",
    sourceDocumentKey: "cv-980-snv",
  },
  {
    title: "Rà soát hồ sơ thủ tục hành chính trễ hạn trong tháng",
    description:
      "Lọc các hồ sơ quá hạn trên hệ thống một cửa điện tử, liên hệ bộ phận chuyên môn xác định nguyên nhân và gửi văn bản xin lỗi công dân theo quy định.",
    sourceDocumentKey: null,
  },
  {
    title: "Cập nhật danh mục thủ tục hành chính trên Cổng dịch vụ công của tỉnh",
    description:
      "Đối chiếu danh mục thủ tục đang công khai với Quyết định công bố mới nhất; cập nhật mẫu đơn, tờ khai và mức lệ phí còn sai lệch.",
    sourceDocumentKey: null,
  },
  {
    title: "Báo cáo tình hình tiếp nhận, giải quyết hồ sơ trực tuyến quý IV năm 2021",
    description:
      "Thống kê tỷ lệ hồ sơ nộp trực tuyến toàn trình, một phần và tỷ lệ giải quyết đúng hạn; báo cáo Văn phòng UBND tỉnh trước ngày 15/12/2021.",
    sourceDocumentKey: null,
  },
  {
    title: "Kiểm tra chữ ký số và lưu trữ văn bản điện tử năm 2021",
    description:
      "Rà soát văn bản đi chưa được ký số hoặc thiếu tệp đính kèm trên hệ thống quản lý văn bản; lập danh sách để hoàn thiện hồ sơ lưu trữ.",
    sourceDocumentKey: null,
  },
];
