import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingHours,
  addWorkingMinutes,
  appointmentDate,
  DEFAULT_HOLIDAYS,
  DOCUMENT_TYPE_ABBREVIATIONS,
  type DocumentNumberParts,
  type DocumentType,
  documentTypeFromAbbreviation,
  foldDiacritics,
  formatDocumentNumber,
  formatDossierCode,
  formatVnDate,
  isAgencyCode,
  isDossierCode,
  isProcedureCode,
  isValidCccd,
  isWorkingDay,
  maskIdNumber,
  maskPhone,
  matchesFolded,
  normalizePhone,
  parseDocumentNumber,
  parseDossierCode,
  toInternationalPhone,
  toVnIso,
  VN_TIME_ZONE,
  vnDateString,
  workingHoursBetween,
  workingMinutesBetween,
} from "../src/index.js";

const RUNS = 2000;
const at = (iso: string) => new Date(iso);
/** Arbitrary text: UTF-16 units (lone surrogates included) and whole code points. */
const anyStrings = [
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
];

describe("dossier codes", () => {
  it("parses the documented shapes", () => {
    expect(parseDossierCode("000.00.12.H12-240525-0001")).toEqual({
      agencyCode: "000.00.12.H12",
      date: "2024-05-25",
      sequence: 1,
      raw: "000.00.12.H12-240525-0001",
    });
    expect(parseDossierCode("H12.22-240525-0001")).toMatchObject({
      agencyCode: "H12.22",
      date: "2024-05-25",
      sequence: 1,
    });
    expect(parseDossierCode("H56-250314-12345")).toMatchObject({
      agencyCode: "H56",
      date: "2025-03-14",
      sequence: 12345,
    });
    expect(parseDossierCode("  000.00.20.H56-250314-0007\n")?.raw).toBe(
      "000.00.20.H56-250314-0007",
    );
  });

  it("leap days are real dates only in leap years", () => {
    expect(parseDossierCode("X-240229-0001")?.date).toBe("2024-02-29");
    expect(parseDossierCode("X-250229-0001")).toBeNull();
  });

  it.each([
    "X-240231-0001", // 31 February
    "X-241301-0001", // month 13
    "X-240500-0001", // day 0
    "X-240525-001", // 3-digit sequence
    "X-240525-123456", // 6-digit sequence
    "-240525-0001", // no agency
    "000..12.H12-240525-0001", // empty dotted group
    ".H12-240525-0001",
    "H12.-240525-0001",
    "H 12-240525-0001",
    "H12-24052-0001",
    "H12_240525_0001",
    "",
  ])("rejects %j", (code) => {
    expect(parseDossierCode(code)).toBeNull();
    expect(isDossierCode(code)).toBe(false);
  });

  it("formats with a 4-digit pad and the local date of a Date", () => {
    expect(
      formatDossierCode({ agencyCode: "000.00.12.H12", date: "2024-05-25", sequence: 1 }),
    ).toBe("000.00.12.H12-240525-0001");
    // 2024-05-24 18:00Z is already 25/05 in Vietnam.
    expect(
      formatDossierCode({ agencyCode: "H56", date: at("2024-05-24T18:00:00Z"), sequence: 12345 }),
    ).toBe("H56-240525-12345");
  });

  it.each([
    [{ agencyCode: "000.00.12.H12", date: "2024-02-30", sequence: 1 }, /date/],
    [{ agencyCode: "000.00.12.H12", date: "1999-12-31", sequence: 1 }, /2000–2099/],
    [{ agencyCode: "000.00.12.H12", date: new Date(Number.NaN), sequence: 1 }, /Date/],
    [{ agencyCode: "000.00.12.H12", date: "2024-05-25", sequence: 100_000 }, /sequence/],
    [{ agencyCode: "000.00.12.H12", date: "2024-05-25", sequence: 1.5 }, /sequence/],
    [{ agencyCode: "000.00.12.H12", date: "2024-05-25", sequence: -1 }, /sequence/],
    [{ agencyCode: "UBND-H12", date: "2024-05-25", sequence: 1 }, /agencyCode/],
    [{ agencyCode: "", date: "2024-05-25", sequence: 1 }, /agencyCode/],
  ])("format rejects %o with a RangeError", (parts, message) => {
    expect(() => formatDossierCode(parts)).toThrow(RangeError);
    expect(() => formatDossierCode(parts)).toThrow(message);
  });

  it("never throws on arbitrary strings", () => {
    for (const strings of anyStrings) {
      fc.assert(
        fc.property(strings, (s) => {
          const parsed = parseDossierCode(s);
          expect(isDossierCode(s)).toBe(parsed !== null);
        }),
        { numRuns: RUNS },
      );
    }
  });

  const agencyPart = fc
    .array(fc.stringMatching(/^[A-Za-z0-9]{1,5}$/), { minLength: 1, maxLength: 4 })
    .map((groups) => groups.join("."));
  const date = fc.date({
    min: new Date("2000-01-01T00:00:00+07:00"),
    max: new Date("2099-12-31T23:59:59+07:00"),
    noInvalidDate: true,
  });
  const sequence = fc.integer({ min: 0, max: 99_999 });

  it("round-trips generated values through format → parse", () => {
    fc.assert(
      fc.property(agencyPart, date, fc.boolean(), sequence, (agencyCode, when, asString, seq) => {
        const day = vnDateString(when);
        const code = formatDossierCode({
          agencyCode,
          date: asString ? day : when,
          sequence: seq,
        });
        expect(parseDossierCode(code)).toEqual({
          agencyCode,
          date: day,
          sequence: seq,
          raw: code,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("re-formats whatever it parses from code-like text", () => {
    const codeLike = fc.string({ unit: fc.constantFrom(..."0123459.-AHz"), maxLength: 24 });
    fc.assert(
      fc.property(codeLike, (s) => {
        const parsed = parseDossierCode(s);
        if (parsed === null) return;
        expect(parseDossierCode(formatDossierCode(parsed))).toMatchObject({
          agencyCode: parsed.agencyCode,
          date: parsed.date,
          sequence: parsed.sequence,
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("agency and procedure codes", () => {
  it.each(["000.00.00.G22", "000.00.12.H12", "001.00.10.H47"])("%s is an agency code", (c) => {
    expect(isAgencyCode(c)).toBe(true);
  });
  it.each(["H12.22", "H37.DN.001", "000.00.00.g22", "000.00.00.G2", " 000.00.00.G22", ""])(
    "%j is not an agency code",
    (c) => {
      expect(isAgencyCode(c)).toBe(false);
    },
  );
  it("checks national procedure codes", () => {
    expect(isProcedureCode("1.004227")).toBe(true);
    expect(isProcedureCode("2.002622")).toBe(true);
    expect(isProcedureCode("1.001776.000.00.00.H56")).toBe(false);
    expect(isProcedureCode("1.00422")).toBe(false);
    expect(isProcedureCode("11.004227")).toBe(false);
  });
});

describe("document types", () => {
  it("has the Decree 30 table", () => {
    expect(Object.keys(DOCUMENT_TYPE_ABBREVIATIONS)).toHaveLength(28);
    expect(DOCUMENT_TYPE_ABBREVIATIONS.quy_dinh).toBe("QyĐ");
    expect(DOCUMENT_TYPE_ABBREVIATIONS.cong_van).toBeNull();
    expect(Object.isFrozen(DOCUMENT_TYPE_ABBREVIATIONS)).toBe(true);
  });

  it("looks abbreviations up ignoring case, and D for Đ only when unambiguous", () => {
    expect(documentTypeFromAbbreviation("CT")).toBe("chi_thi");
    expect(documentTypeFromAbbreviation("CTr")).toBe("chuong_trinh");
    expect(documentTypeFromAbbreviation("QYĐ")).toBe("quy_dinh");
    expect(documentTypeFromAbbreviation("qđ")).toBe("quyet_dinh");
    expect(documentTypeFromAbbreviation("QD")).toBe("quyet_dinh");
    expect(documentTypeFromAbbreviation("CD")).toBe("cong_dien");
    expect(documentTypeFromAbbreviation("DA")).toBe("du_an");
    expect(documentTypeFromAbbreviation("ĐA")).toBe("de_an");
    expect(documentTypeFromAbbreviation("HD")).toBe("huong_dan");
    expect(documentTypeFromAbbreviation("HĐ")).toBe("hop_dong");
    expect(documentTypeFromAbbreviation("NĐ")).toBeNull();
    expect(documentTypeFromAbbreviation("UBND")).toBeNull();
  });
});

describe("document numbers", () => {
  it("parses a chỉ thị with its Số: prefix", () => {
    expect(parseDocumentNumber("Số: 15/CT-TTg")).toEqual({
      number: "15",
      year: null,
      typeAbbreviation: "CT",
      type: "chi_thi",
      issuer: "TTg",
      unit: null,
      notation: "CT-TTg",
    });
    expect(parseDocumentNumber("15/CT-TTg")).toEqual(parseDocumentNumber("Số: 15/CT-TTg"));
  });

  it("keeps the zero padding of a công điện", () => {
    expect(parseDocumentNumber("Số: 04/CĐ-UBND")).toMatchObject({
      number: "04",
      typeAbbreviation: "CĐ",
      type: "cong_dien",
      issuer: "UBND",
      unit: null,
    });
  });

  it("reads a notation without type abbreviation as a công văn", () => {
    expect(parseDocumentNumber("123/UBND-VX")).toEqual({
      number: "123",
      year: null,
      typeAbbreviation: null,
      type: "cong_van",
      issuer: "UBND",
      unit: "VX",
      notation: "UBND-VX",
    });
    expect(parseDocumentNumber("05/BNV-VP")).toMatchObject({ type: "cong_van", issuer: "BNV" });
    expect(parseDocumentNumber("1234/VPCP-TTĐT")).toMatchObject({ issuer: "VPCP", unit: "TTĐT" });
    expect(parseDocumentNumber("12/UBND")).toMatchObject({ type: "cong_van", unit: null });
  });

  it("reads the year form of legal normative documents; NĐ is not a Decree 30 type", () => {
    expect(parseDocumentNumber("30/2020/NĐ-CP")).toEqual({
      number: "30",
      year: 2020,
      typeAbbreviation: "NĐ",
      type: null,
      issuer: "CP",
      unit: null,
      notation: "NĐ-CP",
    });
    expect(parseDocumentNumber("01/2018/TT-VPCP")).toMatchObject({
      year: 2018,
      typeAbbreviation: "TT",
      type: null,
      issuer: "VPCP",
    });
    // A normative quyết định is still a quyết định.
    expect(parseDocumentNumber("20/2020/QĐ-TTg")).toMatchObject({ type: "quyet_dinh", year: 2020 });
  });

  it("parses typed documents with a unit and mixed-case abbreviations", () => {
    expect(parseDocumentNumber("15/QĐ-BNV")).toMatchObject({
      type: "quyet_dinh",
      typeAbbreviation: "QĐ",
      issuer: "BNV",
      unit: null,
    });
    expect(parseDocumentNumber("05/QyĐ-UBND")).toMatchObject({
      type: "quy_dinh",
      typeAbbreviation: "QyĐ",
      issuer: "UBND",
    });
    expect(parseDocumentNumber("07/QĐ-UBND-VP")).toMatchObject({ issuer: "UBND", unit: "VP" });
    expect(parseDocumentNumber("08/KH-UBND-VP-TH")).toMatchObject({ unit: "VP-TH" });
    expect(parseDocumentNumber("02/TTr-SNV")).toMatchObject({ type: "to_trinh" });
    // Case is canonicalised in typeAbbreviation, kept as written in notation.
    expect(parseDocumentNumber("05/qyđ-UBND")).toMatchObject({
      typeAbbreviation: "QyĐ",
      notation: "qyđ-UBND",
    });
  });

  it("tolerates ASCII prefixes, spaces, typographic dashes and decomposed text", () => {
    expect(parseDocumentNumber("So: 15/CT-TTg")?.type).toBe("chi_thi");
    expect(parseDocumentNumber("SỐ 15/CT-TTg")?.issuer).toBe("TTg");
    expect(parseDocumentNumber("  15 / CT – TTg  ")?.notation).toBe("CT-TTg");
    const decomposed = "Số: 04/CĐ-UBND".normalize("NFD");
    expect(parseDocumentNumber(decomposed)?.type).toBe("cong_dien");
    expect(parseDocumentNumber("So: 12/QD-UBND")?.type).toBe("quyet_dinh");
  });

  it.each([
    "",
    "15",
    "15/",
    "/CT-TTg",
    "15/CT", // a type alone names no issuer
    "15/2020/NĐ", // likewise after a year
    "00/CT-TTg",
    "15/CT--TTg",
    "15/CT-TTg-",
    "15/-CT-TTg",
    "15/CT TTg",
    "1a/CT-TTg",
    "15/0200/NĐ-CP",
    "15/2020-CP",
    "Số: Số: 15/CT-TTg",
    "15/CT-TTg/",
    "x".repeat(1000),
  ])("rejects %j", (input) => {
    expect(parseDocumentNumber(input)).toBeNull();
  });

  it("formats typed documents, công văn and normative documents", () => {
    expect(formatDocumentNumber({ number: 15, type: "chi_thi", issuer: "TTg" })).toBe("15/CT-TTg");
    expect(formatDocumentNumber({ number: 4, type: "cong_dien", issuer: "UBND" })).toBe(
      "04/CĐ-UBND",
    );
    expect(
      formatDocumentNumber(
        { number: "04", type: "cong_dien", issuer: "UBND" },
        { withPrefix: true },
      ),
    ).toBe("Số: 04/CĐ-UBND");
    expect(formatDocumentNumber({ number: 123, issuer: "UBND", unit: "VX" })).toBe("123/UBND-VX");
    expect(
      formatDocumentNumber({ number: 123, type: "cong_van", issuer: "UBND", unit: "VX" }),
    ).toBe("123/UBND-VX");
    expect(
      formatDocumentNumber({ number: 30, year: 2020, typeAbbreviation: "NĐ", issuer: "CP" }),
    ).toBe("30/2020/NĐ-CP");
    expect(
      formatDocumentNumber({ number: 7, typeAbbreviation: "QĐ", issuer: "UBND", unit: "VP" }),
    ).toBe("07/QĐ-UBND-VP");
  });

  it.each<[DocumentNumberParts, RegExp]>([
    [{ number: 0, type: "chi_thi", issuer: "TTg" }, /number/],
    [{ number: 1.5, type: "chi_thi", issuer: "TTg" }, /number/],
    [{ number: "00", type: "chi_thi", issuer: "TTg" }, /number/],
    [{ number: "1a", type: "chi_thi", issuer: "TTg" }, /number/],
    [{ number: 1, type: "chi_thi", typeAbbreviation: "QĐ", issuer: "TTg" }, /does not stand/],
    [{ number: 1, typeAbbreviation: "NĐ", issuer: "CP" }, /only allowed with year/],
    [{ number: 1, year: 2020, issuer: "CP" }, /needs a type abbreviation/],
    [{ number: 1, year: 20, typeAbbreviation: "NĐ", issuer: "CP" }, /year/],
    [{ number: 1, issuer: "CT", unit: "VX" }, /would read as a type/],
    [{ number: 1, type: "chi_thi", issuer: "T-Tg" }, /issuer/],
    [{ number: 1, type: "chi_thi", issuer: "" }, /issuer/],
    [{ number: 1, type: "chi_thi", issuer: "TTg", unit: "V X" }, /unit/],
    [{ number: 1, type: "bogus" as DocumentType, issuer: "TTg" }, /unknown type/],
  ])("format rejects %o with a RangeError", (parts, message) => {
    expect(() => formatDocumentNumber(parts)).toThrow(RangeError);
    expect(() => formatDocumentNumber(parts)).toThrow(message);
  });

  it("never throws on arbitrary strings", () => {
    for (const strings of anyStrings) {
      fc.assert(
        fc.property(strings, (s) => {
          parseDocumentNumber(s);
        }),
        { numRuns: RUNS },
      );
    }
  });

  const letters = [..."ABCDĐGHKLMNPQSTUVXYabcdđghnrtyƯƠÂÊÔĂươâêôă"];
  const groupArb = fc
    .tuple(
      fc.constantFrom(...letters),
      fc.string({ unit: fc.constantFrom(...letters, ..."0123456789"), maxLength: 5 }),
    )
    .map(([head, tail]) => head + tail);
  const unitArb = fc.option(
    fc.array(groupArb, { minLength: 1, maxLength: 3 }).map((g) => g.join("-")),
    { nil: null },
  );
  const numberArb = fc.oneof(
    fc.integer({ min: 1, max: 99_999 }),
    fc.stringMatching(/^\d{1,5}$/).filter((n) => !/^0+$/.test(n)),
  );
  const typed = fc.record({
    number: numberArb,
    type: fc.constantFrom(
      ...(Object.keys(DOCUMENT_TYPE_ABBREVIATIONS) as DocumentType[]).filter(
        (t) => t !== "cong_van",
      ),
    ),
    issuer: groupArb,
    unit: unitArb,
  });
  const congVan = fc.record({
    number: numberArb,
    issuer: groupArb.filter((g) => documentTypeFromAbbreviation(g) === null),
    unit: unitArb,
  });
  const normative = fc.record({
    number: numberArb,
    year: fc.integer({ min: 1000, max: 9999 }),
    typeAbbreviation: groupArb,
    issuer: groupArb,
    unit: unitArb,
  });

  it("round-trips generated values through format → parse", () => {
    fc.assert(
      fc.property(fc.oneof(typed, congVan, normative), (parts: DocumentNumberParts) => {
        const text = formatDocumentNumber(parts);
        const parsed = parseDocumentNumber(text);
        const type =
          "type" in parts
            ? (parts.type ?? null)
            : "year" in parts
              ? documentTypeFromAbbreviation(parts.typeAbbreviation ?? "")
              : "cong_van";
        const typeAbbreviation =
          "typeAbbreviation" in parts
            ? type === null
              ? (parts.typeAbbreviation ?? null)
              : DOCUMENT_TYPE_ABBREVIATIONS[type]
            : type === null || type === "cong_van"
              ? null
              : DOCUMENT_TYPE_ABBREVIATIONS[type];
        expect(parsed).toEqual({
          number:
            typeof parts.number === "number" ? String(parts.number).padStart(2, "0") : parts.number,
          year: parts.year ?? null,
          typeAbbreviation,
          type,
          issuer: parts.issuer,
          unit: parts.unit ?? null,
          notation: text.slice(text.lastIndexOf("/") + 1),
        });
        expect(formatDocumentNumber({ ...parts }, { withPrefix: true })).toBe(`Số: ${text}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("re-formats whatever it parses from notation-like text", () => {
    const notationLike = fc.string({
      unit: fc.constantFrom(..."0123 /-/-CTQĐyrUBNDVXđSốo:"),
      maxLength: 24,
    });
    fc.assert(
      fc.property(notationLike, (s) => {
        const parsed = parseDocumentNumber(s);
        if (parsed === null) return;
        const { notation: _, ...fields } = parsed;
        const again = parseDocumentNumber(formatDocumentNumber(parsed));
        expect(again).toMatchObject(fields);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("identity", () => {
  it("checks CCCD numbers", () => {
    expect(isValidCccd("001203004567")).toBe(true);
    expect(isValidCccd("096099012345")).toBe(true);
    expect(isValidCccd("000203004567")).toBe(false); // no province 000
    expect(isValidCccd("097203004567")).toBe(false); // no province 097
    expect(isValidCccd("00120300456")).toBe(false); // 11 digits
    expect(isValidCccd("0012030045678")).toBe(false); // 13 digits
    expect(isValidCccd("00120300456a")).toBe(false);
    expect(isValidCccd(" 001203004567")).toBe(false);
  });

  it.each([
    ["+84 912 345 678", "0912345678"],
    ["0912345678", "0912345678"],
    ["84912345678", "0912345678"],
    ["0084912345678", "0912345678"],
    ["+84 (0) 912 345 678", "0912345678"],
    ["091.234.5678", "0912345678"],
    ["0912-345-678", "0912345678"],
    ["0321234567", "0321234567"],
    ["0561234567", "0561234567"],
    ["0701234567", "0701234567"],
    ["0861234567", "0861234567"],
  ])("normalizes %j to %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    "0212345678", // landline prefix
    "0112345678",
    "091234567", // 9 digits
    "09123456789", // 11 digits
    "+85 912 345 678",
    "+84 212 345 678",
    "0912 345 67a",
    "",
  ])("rejects %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
    expect(toInternationalPhone(input)).toBeNull();
  });

  it("gives the international form Zalo ZNS wants", () => {
    expect(toInternationalPhone("0912 345 678")).toBe("84912345678");
    expect(toInternationalPhone("+84912345678")).toBe("84912345678");
  });

  it("masks like the server", () => {
    expect(maskPhone("0912345678")).toBe("*******678");
    expect(maskPhone("+84 912 345 678")).toBe("*******678");
    expect(maskIdNumber("001203004567")).toBe("********4567");
    // Short values are hidden entirely rather than shown whole.
    expect(maskIdNumber("123")).toBe("***");
    expect(maskPhone("")).toBe("");
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        isValidCccd(s);
        const phone = normalizePhone(s);
        if (phone !== null) expect(phone).toMatch(/^0[35789]\d{8}$/);
        toInternationalPhone(s);
        // At most the last 3 / 4 characters survive masking.
        expect(maskPhone(s).replace(/^\*+/, "").length).toBeLessThanOrEqual(3);
        expect(maskIdNumber(s).replace(/^\*+/, "").length).toBeLessThanOrEqual(4);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("text folding", () => {
  it("folds Vietnamese text", () => {
    expect(foldDiacritics("Hồ sơ Đăng ký")).toBe("ho so dang ky");
    expect(foldDiacritics("  Thủ   tục\thành\nchính ")).toBe("thu tuc hanh chinh");
    expect(foldDiacritics("ĐƯỜNG Đi")).toBe("duong di");
    expect(foldDiacritics("Hồ sơ".normalize("NFD"))).toBe("ho so");
  });

  it("matches every folded query word", () => {
    const title = "Cấp giấy phép xây dựng nhà ở riêng lẻ";
    expect(matchesFolded(title, "xay dung giay")).toBe(true);
    expect(matchesFolded(title, "XÂY   DỰNG")).toBe(true);
    expect(matchesFolded(title, "xay dun")).toBe(true);
    expect(matchesFolded(title, "kinh doanh")).toBe(false);
    expect(matchesFolded(title, "")).toBe(true);
    expect(matchesFolded("Đăng ký khai sinh", "dang ky")).toBe(true);
  });
});

describe("time", () => {
  it("formats instants in Asia/Ho_Chi_Minh", () => {
    expect(VN_TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
    const d = at("2024-05-25T01:30:00Z");
    expect(toVnIso(d)).toBe("2024-05-25T08:30:00+07:00");
    expect(toVnIso(d.getTime() + 250)).toBe("2024-05-25T08:30:00.250+07:00");
    expect(vnDateString(at("2024-05-24T17:00:00Z"))).toBe("2024-05-25");
    expect(vnDateString(at("2024-05-24T16:59:59Z"))).toBe("2024-05-24");
  });

  it("formats dates for people in vi and en", () => {
    const d = at("2024-05-25T08:30:00+07:00");
    expect(formatVnDate(d)).toBe("25/05/2024");
    expect(formatVnDate(d, { withTime: true })).toBe("25/05/2024 08:30");
    expect(formatVnDate(d, { locale: "en" })).toBe("25 May 2024");
    expect(formatVnDate(d, { locale: "en", withTime: true })).toBe("25 May 2024, 08:30");
    const early = at("2024-09-05T00:05:00+07:00");
    expect(formatVnDate(early, { withTime: true })).toBe("05/09/2024 00:05");
    expect(formatVnDate(early, { locale: "en", withTime: true })).toBe("5 Sep 2024, 00:05");
  });

  it("throws a RangeError for invalid dates", () => {
    const invalid = new Date(Number.NaN);
    expect(() => toVnIso(invalid)).toThrow(RangeError);
    expect(() => formatVnDate(invalid)).toThrow(RangeError);
    expect(() => vnDateString(invalid)).toThrow(RangeError);
  });

  it("agrees with its own ISO form", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: at("1990-01-01T00:00:00Z"),
          max: at("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = toVnIso(d);
          expect(Date.parse(iso)).toBe(d.getTime());
          expect(iso.slice(0, 10)).toBe(vnDateString(d));
          const [y, m, day] = iso.slice(0, 10).split("-");
          expect(formatVnDate(d, { withTime: true })).toBe(`${day}/${m}/${y} ${iso.slice(11, 16)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("working time", () => {
  it("includes the fixed and lunar holidays", () => {
    for (const day of ["2024-01-01", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03"]) {
      expect(DEFAULT_HOLIDAYS.has(day)).toBe(day !== "2024-09-03");
    }
    expect(DEFAULT_HOLIDAYS.has("2024-04-18")).toBe(true); // Giỗ Tổ Hùng Vương
    expect(DEFAULT_HOLIDAYS.has("2024-02-09")).toBe(true); // Tết: New Year's Eve
    expect(DEFAULT_HOLIDAYS.has("2024-02-13")).toBe(true); // Tết: 4th day
    expect(DEFAULT_HOLIDAYS.has("2020-09-01")).toBe(false); // one National Day before 2021
    expect(DEFAULT_HOLIDAYS.has("2021-09-01")).toBe(true);
  });

  it("tells working days", () => {
    expect(isWorkingDay("2024-05-24")).toBe(true); // Friday
    expect(isWorkingDay("2024-05-25")).toBe(false); // Saturday
    expect(isWorkingDay("2024-04-30")).toBe(false);
    expect(isWorkingDay("2024-04-30", { holidays: [] })).toBe(true);
    expect(isWorkingDay(at("2024-05-26T18:00:00Z"))).toBe(true); // Monday 01:00 local
    expect(isWorkingDay("2024-02-30")).toBe(false);
    expect(isWorkingDay(new Date(Number.NaN))).toBe(false);
  });

  it("Friday 16:00 + 1 day → Monday 16:00", () => {
    const friday = at("2024-05-24T16:00:00+07:00");
    expect(appointmentDate(friday, 1)).toEqual(at("2024-05-27T16:00:00+07:00"));
    expect(addWorkingHours(friday, 8)).toEqual(at("2024-05-27T16:00:00+07:00"));
  });

  it("intake after 17:00 counts from the next working morning; 30/4 and 1/5 are skipped", () => {
    const monday = at("2024-04-29T18:30:00+07:00");
    expect(appointmentDate(monday, 1)).toEqual(at("2024-05-02T17:00:00+07:00"));
    expect(appointmentDate(monday, 1, { holidays: [] })).toEqual(at("2024-04-30T17:00:00+07:00"));
  });

  it("skips lunch", () => {
    expect(addWorkingHours(at("2024-05-24T11:00:00+07:00"), 1)).toEqual(
      at("2024-05-24T14:00:00+07:00"),
    );
    expect(addWorkingHours(at("2024-05-24T12:15:00+07:00"), 1)).toEqual(
      at("2024-05-24T14:30:00+07:00"),
    );
    // Ending exactly at 11:30 stays in the morning.
    expect(addWorkingHours(at("2024-05-24T07:00:00+07:00"), 4.5)).toEqual(
      at("2024-05-24T11:30:00+07:00"),
    );
    expect(
      workingHoursBetween(at("2024-05-24T11:00:00+07:00"), at("2024-05-24T14:00:00+07:00")),
    ).toBe(1); // 11:00–11:30 and 13:30–14:00
  });

  it("starts before opening and on weekends at the next opening", () => {
    expect(addWorkingHours(at("2024-05-24T06:00:00+07:00"), 1)).toEqual(
      at("2024-05-24T08:00:00+07:00"),
    );
    expect(addWorkingHours(at("2024-05-25T10:00:00+07:00"), 1)).toEqual(
      at("2024-05-27T08:00:00+07:00"),
    );
    // Half a day: 09:00–11:30 and 13:30–15:00.
    expect(appointmentDate(at("2024-05-24T09:00:00+07:00"), 0.5)).toEqual(
      at("2024-05-24T15:00:00+07:00"),
    );
  });

  it("measures working time between instants", () => {
    const friday = at("2024-05-24T16:00:00+07:00");
    expect(workingHoursBetween(friday, at("2024-05-27T16:00:00+07:00"))).toBe(8);
    expect(workingHoursBetween(at("2024-05-27T16:00:00+07:00"), friday)).toBe(0);
    expect(
      workingMinutesBetween(at("2024-04-29T16:00:00+07:00"), at("2024-05-02T07:30:00+07:00")),
    ).toBe(90);
  });

  it("extends an appointment by the time waited for a supplement", () => {
    const appointment = at("2024-05-27T16:00:00+07:00");
    const waited = workingMinutesBetween(
      at("2024-05-20T10:00:00+07:00"),
      at("2024-05-21T10:00:00+07:00"),
    );
    expect(waited).toBe(480);
    expect(addWorkingMinutes(appointment, waited)).toEqual(at("2024-05-28T16:00:00+07:00"));
  });

  it("throws a RangeError for invalid input", () => {
    const ok = at("2024-05-24T16:00:00+07:00");
    expect(() => addWorkingHours(ok, -1)).toThrow(RangeError);
    expect(() => addWorkingHours(ok, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addWorkingHours(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => appointmentDate(ok, Number.NaN)).toThrow(RangeError);
    expect(() => workingHoursBetween(ok, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => addWorkingHours(ok, 8 * 30_000)).toThrow(RangeError);
  });

  it("adds up: hours counted between start and result equal the hours added", () => {
    const start = fc.date({
      min: at("2020-01-01T00:00:00+07:00"),
      max: at("2027-06-30T00:00:00+07:00"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 30 * 480 }), (d, minutes) => {
        const from = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
        const end = addWorkingMinutes(from, minutes);
        expect(workingMinutesBetween(from, end)).toBe(minutes);
        expect(isWorkingDay(end)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
