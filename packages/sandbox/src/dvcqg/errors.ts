import { DVCQG_ERROR_CODES } from "@vnegov/domain";

/**
 * A DVCQG error answer: HTTP 200 with `{ error_code, message }`. Messages are Vietnamese, as
 * the portal's are; callers match "đã tồn tại" in them.
 */
export class DvcqgFault extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = "DvcqgFault";
  }

  toJSON() {
    return { error_code: this.errorCode, message: this.message };
  }
}

const fault = (key: keyof typeof DVCQG_ERROR_CODES, message: string) =>
  new DvcqgFault(DVCQG_ERROR_CODES[key], message);

export const sessionInvalid = () =>
  fault("sessionInvalid", "Phiên làm việc không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại");
export const loginFailed = () => fault("loginFailed", "Tên đăng nhập hoặc mật khẩu không đúng");
export const alreadyExists = (code: string) => fault("exists", `Hồ sơ ${code} đã tồn tại`);
export const dossierMissing = (code: string) =>
  fault("notFound", `Hồ sơ ${code} không tồn tại trên hệ thống`);
export const invalidData = (detail: string) =>
  fault("invalidData", `Dữ liệu không hợp lệ: ${detail}`);
export const unknownAgency = (code: string) =>
  fault("unknownAgency", `Mã đơn vị ${code || "(trống)"} không tồn tại`);
export const unknownService = (service: string) =>
  fault("unknownService", `Dịch vụ ${service || "(trống)"} không được hỗ trợ`);
export const serverError = () => fault("serverError", "Lỗi hệ thống, vui lòng thử lại sau");
