import { describe, expect, it } from "vitest";
import {
  DOSSIER_STATUSES,
  formatIgateDate,
  IGATE_APPLY_METHOD_NAMES,
  IGATE_DOSSIER_STATUS_NAMES,
  igateApplicantType,
  igateApplyMethod,
  igateDossierStatus,
  igateDossierStatusTable,
  parseIgateDate,
} from "../src/index.js";

describe("igate.dossierStatus", () => {
  // The assumed table, written out so a change to it is a visible, reviewed change.
  const table = [
    ["moi_dang_ky", "0"],
    ["da_tiep_nhan", "1"],
    ["dang_xu_ly", "2"],
    ["yeu_cau_bo_sung", "3"],
    ["nghia_vu_tai_chinh", "4"],
    ["da_xu_ly_xong", "5"],
    ["khong_tiep_nhan", "6"],
    ["da_rut", "7"],
    ["dung_xu_ly", "8"],
    ["da_tra_ket_qua", "9"],
  ] as const;

  it.each(table)("%s ⇄ %s", (status, id) => {
    expect(igateDossierStatus.encode(status)).toBe(id);
    expect(igateDossierStatus.decode(id)).toEqual({ value: status, code: id });
    expect(igateDossierStatus.decode(Number(id))).toEqual({ value: status, code: id });
  });

  it("covers every status once, with a Vietnamese name each", () => {
    expect(table.map(([s]) => s).sort()).toEqual([...DOSSIER_STATUSES].sort());
    for (const status of DOSSIER_STATUSES) expect(IGATE_DOSSIER_STATUS_NAMES[status]).toBeTruthy();
    expect(IGATE_DOSSIER_STATUS_NAMES.yeu_cau_bo_sung).toBe("Chờ bổ sung");
  });

  it.each(["10", "16", "17", "-1", "", "abc"])("decodes %j as unknown with the raw code", (id) => {
    expect(igateDossierStatus.decode(id)).toEqual({
      value: "unknown",
      code: id,
      table: "igate.dossierStatus",
    });
  });

  it("reads null and undefined as unknown, never throws", () => {
    expect(igateDossierStatus.decode(null).value).toBe("unknown");
    expect(igateDossierStatus.decode(undefined).value).toBe("unknown");
  });

  it("takes a deployment's overrides and keeps the other defaults", () => {
    const custom = igateDossierStatusTable({ dang_xu_ly: 16, da_xu_ly_xong: 17 });
    expect(custom.encode("dang_xu_ly")).toBe("16");
    expect(custom.decode(17)).toEqual({ value: "da_xu_ly_xong", code: "17" });
    expect(custom.decode(2).value).toBe("unknown");
    expect(custom.decode(9).value).toBe("da_tra_ket_qua");
  });

  it("refuses overrides that clash, are not ids, or name no status", () => {
    expect(() => igateDossierStatusTable({ dang_xu_ly: 1 })).toThrow(RangeError);
    expect(() => igateDossierStatusTable({ dang_xu_ly: -2 })).toThrow(RangeError);
    expect(() => igateDossierStatusTable({ dang_xu_ly: 2.5 })).toThrow(RangeError);
    expect(() => igateDossierStatusTable({ qua_han: 11 } as never)).toThrow(RangeError);
  });
});

describe("igate.applyMethod", () => {
  it.each([
    ["truc_tiep", "0", "Trực tiếp"],
    ["truc_tuyen", "1", "Trực tuyến"],
    ["buu_chinh", "2", "Qua bưu chính công ích"],
  ] as const)("%s ⇄ %s (%s)", (channel, id, name) => {
    expect(igateApplyMethod.encode(channel)).toBe(id);
    expect(igateApplyMethod.decode(Number(id))).toEqual({ value: channel, code: id });
    expect(IGATE_APPLY_METHOD_NAMES[channel]).toBe(name);
  });

  it("decodes DVCQG's 3 (not an iGate id) as unknown", () => {
    expect(igateApplyMethod.decode(3)).toEqual({
      value: "unknown",
      code: "3",
      table: "igate.applyMethod",
    });
  });
});

describe("igate.applicantType", () => {
  it.each([
    ["cong_dan", "1"],
    ["doanh_nghiep", "2"],
    ["co_quan_nha_nuoc", "3"],
    ["to_chuc_khac", "4"],
  ] as const)("%s ⇄ %s", (type, id) => {
    expect(igateApplicantType.encode(type)).toBe(id);
    expect(igateApplicantType.decode(id)).toEqual({ value: type, code: id });
  });

  it("decodes 0 as unknown", () => {
    expect(igateApplicantType.decode(0).value).toBe("unknown");
  });
});

describe("iGate dates", () => {
  const instant = Date.parse("2024-05-24T03:15:07.250Z");

  it("writes Vietnam local time with milliseconds and +07:00", () => {
    expect(formatIgateDate(instant)).toBe("2024-05-24T10:15:07.250+07:00");
    expect(formatIgateDate(Date.parse("2024-05-24T18:00:00Z"))).toBe(
      "2024-05-25T01:00:00.000+07:00",
    );
  });

  it.each([
    "2024-05-24T10:15:07.250+07:00",
    "2024-05-24T10:15:07.250+0700",
    "2024-05-24T03:15:07.250Z",
    "2024-05-24T03:15:07.250000Z",
    "2024-05-24T03:15:07.250+00:00",
  ])("reads %s", (text) => {
    expect(parseIgateDate(text)).toBe(instant);
  });

  it("reads a bare date as midnight in Vietnam", () => {
    expect(parseIgateDate("2024-05-24")).toBe(Date.parse("2024-05-23T17:00:00Z"));
  });

  it.each([null, undefined, "", "24/05/2024", "2024-05-24T10:15:07", "2024-13-45T00:00:00Z", 17])(
    "reads %j as null",
    (text) => {
      expect(parseIgateDate(text)).toBeNull();
    },
  );

  it("round-trips", () => {
    expect(parseIgateDate(formatIgateDate(instant))).toBe(instant);
  });
});
