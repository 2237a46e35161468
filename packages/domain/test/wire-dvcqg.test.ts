import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DVCQG_APPLICANT_TYPE,
  DVCQG_CHANNEL,
  DVCQG_ONLINE_LEVEL,
  DVCQG_RESULT_DELIVERY,
  DVCQG_STATUS,
  formatCompactDate,
  isDvcqgSuccess,
  isUnknownCode,
  parseCompactDate,
} from "../src/index.js";

describe("DVCQG TrangThaiHoSo", () => {
  const codes = [
    ["moi_dang_ky", "1"],
    ["da_tiep_nhan", "2"],
    ["khong_tiep_nhan", "3"],
    ["dang_xu_ly", "4"],
    ["yeu_cau_bo_sung", "5"],
    ["nghia_vu_tai_chinh", "6"],
    ["da_rut", "7"],
    ["dung_xu_ly", "8"],
    ["da_xu_ly_xong", "9"],
    ["da_tra_ket_qua", "10"],
  ] as const;

  it.each(codes)("%s ⇄ %s", (status, code) => {
    expect(DVCQG_STATUS.encode(status)).toBe(code);
    expect(DVCQG_STATUS.decode(code)).toEqual({ value: status, code });
  });

  const keywords = [
    ["receiving", "moi_dang_ky"],
    ["new", "da_tiep_nhan"],
    ["denied", "khong_tiep_nhan"],
    ["processing", "dang_xu_ly"],
    ["waiting", "yeu_cau_bo_sung"],
    ["paying", "nghia_vu_tai_chinh"],
    ["cancelled", "da_rut"],
    ["unresolved", "dung_xu_ly"],
    ["releasing", "da_xu_ly_xong"],
    ["done", "da_tra_ket_qua"],
  ] as const;

  it.each(keywords)("reads DVCQG's key %s as %s, but never writes it", (key, status) => {
    expect(DVCQG_STATUS.decode(key)).toEqual({ value: status, code: key });
    expect(DVCQG_STATUS.encode(status)).not.toBe(key);
  });

  it("decodes numbers as their codes", () => {
    expect(DVCQG_STATUS.decode(10)).toEqual({ value: "da_tra_ket_qua", code: "10" });
  });

  it.each(["interoperating", "posting", "0", "11", "", "Done", "01"])(
    "leaves %j unknown, with the raw code and the table",
    (code) => {
      const decoded = DVCQG_STATUS.decode(code);
      expect(isUnknownCode(decoded)).toBe(true);
      expect(decoded).toEqual({ value: "unknown", code, table: "dvcqg.TrangThaiHoSo" });
    },
  );

  it("treats null and undefined as unknown empty codes", () => {
    expect(DVCQG_STATUS.decode(null)).toMatchObject({ value: "unknown", code: "" });
    expect(DVCQG_STATUS.decode(undefined)).toMatchObject({ value: "unknown", code: "" });
  });
});

describe("DVCQG coded fields", () => {
  it.each([
    ["truc_tiep", "1"],
    ["truc_tuyen", "2"],
    ["buu_chinh", "3"],
  ] as const)("KenhThucHien %s ⇄ %s", (channel, code) => {
    expect(DVCQG_CHANNEL.encode(channel)).toBe(code);
    expect(DVCQG_CHANNEL.decode(code)).toEqual({ value: channel, code });
  });

  it.each([
    ["cong_dan", "1"],
    ["doanh_nghiep", "2"],
    ["co_quan_nha_nuoc", "3"],
    ["to_chuc_khac", "4"],
  ] as const)("LoaiDoiTuong %s ⇄ %s", (type, code) => {
    expect(DVCQG_APPLICANT_TYPE.encode(type)).toBe(code);
    expect(DVCQG_APPLICANT_TYPE.decode(code)).toEqual({ value: type, code });
  });

  it.each([
    ["thong_tin", "2"],
    ["mot_phan", "3"],
    ["toan_trinh", "4"],
  ] as const)("MucDo %s ⇄ %s", (level, code) => {
    expect(DVCQG_ONLINE_LEVEL.encode(level)).toBe(code);
    expect(DVCQG_ONLINE_LEVEL.decode(code)).toEqual({ value: level, code });
  });

  it.each([
    ["tai_quay", "0"],
    ["buu_chinh", "1"],
  ] as const)("HinhThuc %s ⇄ %s", (delivery, code) => {
    expect(DVCQG_RESULT_DELIVERY.encode(delivery)).toBe(code);
    expect(DVCQG_RESULT_DELIVERY.decode(code)).toEqual({ value: delivery, code });
  });

  it.each([
    [DVCQG_CHANNEL, "4", "dvcqg.KenhThucHien"],
    [DVCQG_CHANNEL, "0", "dvcqg.KenhThucHien"],
    [DVCQG_APPLICANT_TYPE, "5", "dvcqg.LoaiDoiTuong"],
    [DVCQG_APPLICANT_TYPE, "0", "dvcqg.LoaiDoiTuong"],
    // The old level 1 no longer exists (Decree 42/2022).
    [DVCQG_ONLINE_LEVEL, "1", "dvcqg.MucDo"],
    [DVCQG_ONLINE_LEVEL, "toan_trinh", "dvcqg.MucDo"],
    [DVCQG_RESULT_DELIVERY, "2", "dvcqg.HinhThuc"],
  ] as const)("an unknown code stays unknown (%#)", (table, code, name) => {
    expect(table.decode(code)).toEqual({ value: "unknown", code, table: name });
  });
});

describe("isDvcqgSuccess", () => {
  it.each([["00"], ["0"], [0], [" 00 "]])("%j is success", (code) => {
    expect(isDvcqgSuccess(code)).toBe(true);
  });
  it.each([["-1"], ["3"], [1], ["000"], [""], [null], [undefined], [false]])(
    "%j is an error",
    (code) => {
      expect(isDvcqgSuccess(code)).toBe(false);
    },
  );
});

describe("yyyyMMddHHmmss dates", () => {
  it("formats in Vietnam time whatever the host's zone", () => {
    expect(formatCompactDate(new Date("2024-05-25T01:30:05Z"))).toBe("20240525083005");
    // 18:00 UTC is already the next day in Vietnam.
    expect(formatCompactDate(new Date("2024-12-31T18:00:00Z"))).toBe("20250101010000");
    expect(formatCompactDate(Date.UTC(2024, 0, 1, 0, 0, 0, 999))).toBe("20240101070000");
  });

  it("parses Vietnam wall time", () => {
    expect(parseCompactDate("20240525083005")?.toISOString()).toBe("2024-05-25T01:30:05.000Z");
    expect(parseCompactDate("20250101000000")?.toISOString()).toBe("2024-12-31T17:00:00.000Z");
  });

  it.each([
    "",
    "2024052508300",
    "202405250830051",
    "2024-05-25 08:30",
    "20240230000000",
    "20241301000000",
    "20240525240000",
    "20240525086000",
    "20240525083060",
    "2024052508300a",
    "00000101000000",
  ])("rejects %j without throwing", (text) => {
    expect(parseCompactDate(text)).toBeUndefined();
  });

  it.each([[null], [undefined], [20240525083005], [{}]])("rejects non-strings (%j)", (value) => {
    expect(parseCompactDate(value)).toBeUndefined();
  });

  it("throws a RangeError formatting an invalid date", () => {
    expect(() => formatCompactDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("round-trips every second", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (seconds) => {
        const date = new Date(seconds * 1000);
        expect(parseCompactDate(formatCompactDate(date))?.getTime()).toBe(date.getTime());
      }),
    );
  });
});
