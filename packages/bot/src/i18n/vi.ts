/**
 * Vietnamese texts, the default. `{name}` placeholders are filled by `translate`. Every key
 * here must exist in `en.ts` (the type system checks it).
 */
export const vi = {
  "help.text":
    'Xin chào! Tôi là trợ lý dịch vụ công.\n• Tra cứu hồ sơ: gửi /tracuu hoặc "tra cứu hồ sơ <mã hồ sơ>"\n• Đổi ngôn ngữ: /lang en\n• Hủy thao tác đang làm: /huy',
  "cancel.done": "Đã hủy thao tác. Bạn cần gì tiếp theo?",
  "cancel.nothing": "Không có thao tác nào đang thực hiện.",
  "lang.changed": "Đã chuyển sang tiếng Việt.",
  "lang.unknown": "Ngôn ngữ chưa hỗ trợ. Dùng /lang vi hoặc /lang en.",
  "unknown.text": "Xin lỗi, tôi chưa hiểu yêu cầu. Gửi /help để xem các việc tôi có thể giúp.",
  "error.unavailable": "Hệ thống dịch vụ công đang bận. Vui lòng thử lại sau ít phút.",
  "lookup.askCode": "Vui lòng nhập mã hồ sơ (ví dụ: 000.00.12.H12-240525-0001).",
  "lookup.badCode": 'Mã hồ sơ "{code}" chưa đúng định dạng. Mã có dạng 000.00.12.H12-240525-0001.',
  "lookup.askSecret": "Vui lòng nhập mã tra cứu được cấp khi nộp hồ sơ {code}.",
  "lookup.notFound": "Không tìm thấy hồ sơ với mã và mã tra cứu này. Vui lòng kiểm tra lại.",
  "lookup.tooMany": "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
  "lookup.result":
    "Hồ sơ {code}\nThủ tục: {procedure}\nTrạng thái: {status}\nTiến độ: {timeliness}\nNgày hẹn trả: {appointment}",
  "lookup.history": "Các bước gần nhất:",
  "lookup.next.supplement": "Cần bổ sung hồ sơ: {note}",
  "lookup.next.payment": "Cần thực hiện nghĩa vụ tài chính: {amount} đồng. {note}",
  "lookup.none": "chưa có",
  "staff.askCode":
    "Vui lòng nhập mã liên kết 8 ký tự lấy từ Hệ thống quản lý văn bản và điều hành.",
  "staff.badCode": "Mã liên kết không đúng, đã dùng hoặc đã hết hạn. Vui lòng lấy mã mới.",
  "staff.linked":
    "Đã liên kết tài khoản {name} ({position}, {agency}). Gửi /viec để xem công việc.",
  "staff.unlinked": "Đã hủy liên kết tài khoản cán bộ khỏi cuộc trò chuyện này.",
  "staff.notLinked":
    "Chức năng này dành cho cán bộ. Vui lòng liên kết tài khoản bằng /lienket <mã>.",
  "tasks.none": "Bạn không có công việc nào đang mở.",
  "tasks.header": "Công việc của bạn ({count}):",
  "tasks.line": "{n}. {title} — hạn {due}",
  "tasks.overdue": "⚠️ quá hạn",
  "tasks.detail": "{title}\nHạn: {due}{overdue}\nTiến độ: {progress}%\nVăn bản: {document}",
  "tasks.noDocument": "không có",
  "tasks.confidential": "{number} (văn bản mật, không hiển thị nội dung)",
  "tasks.button.progress": "Cập nhật tiến độ",
  "tasks.button.done": "Hoàn thành",
  "tasks.button.comment": "Bình luận",
  "tasks.askProgress": "Nhập tiến độ mới (0–100):",
  "tasks.badProgress": "Tiến độ phải là số từ 0 đến 100.",
  "tasks.progressSaved": "Đã cập nhật tiến độ {progress}%.",
  "tasks.doneSaved": "Đã đánh dấu hoàn thành: {title}.",
  "tasks.askComment": "Nhập nội dung bình luận:",
  "tasks.commentSaved": "Đã gửi bình luận.",
  "tasks.notFound": "Không tìm thấy công việc này trong danh sách của bạn.",
  "tasks.closed": "Công việc này đã kết thúc, không thể thay đổi.",
  "status.moi_dang_ky": "Mới đăng ký",
  "status.da_tiep_nhan": "Đã tiếp nhận",
  "status.khong_tiep_nhan": "Không được tiếp nhận",
  "status.dang_xu_ly": "Đang xử lý",
  "status.yeu_cau_bo_sung": "Yêu cầu bổ sung",
  "status.nghia_vu_tai_chinh": "Chờ thực hiện nghĩa vụ tài chính",
  "status.da_rut": "Đã rút",
  "status.dung_xu_ly": "Dừng xử lý",
  "status.da_xu_ly_xong": "Đã có kết quả",
  "status.da_tra_ket_qua": "Đã trả kết quả",
  "timeliness.truoc_han": "Trước hạn",
  "timeliness.dung_han": "Đúng hạn",
  "timeliness.qua_han": "Quá hạn",
} as const;

export type MessageKey = keyof typeof vi;
