import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkFieldFile,
  checkFieldValue,
  type FormFieldRules,
  parseDateInput,
} from "../src/index.js";

const field = (rules: Partial<FormFieldRules>): FormFieldRules => ({
  type: "text",
  required: true,
  ...rules,
});

describe("form field rules", () => {
  it("normalises valid values: trimmed text, numbers from text, phones as 0…", () => {
    expect(checkFieldValue(field({}), "  Nguyễn Văn An ")).toEqual({
      ok: true,
      value: "Nguyễn Văn An",
    });
    expect(checkFieldValue(field({ type: "number" }), "42")).toEqual({ ok: true, value: 42 });
    expect(checkFieldValue(field({ type: "phone" }), "+84 912 345 678")).toEqual({
      ok: true,
      value: "0912345678",
    });
    expect(checkFieldValue(field({ type: "date" }), "2024-02-29")).toEqual({
      ok: true,
      value: "2024-02-29",
    });
  });

  it("names the broken rule and its bound", () => {
    expect(checkFieldValue(field({ minLength: 2 }), "A")).toEqual({
      ok: false,
      code: "too_short",
      limit: 2,
    });
    expect(checkFieldValue(field({ type: "number", maximum: 10 }), 11)).toMatchObject({
      code: "too_large",
      limit: 10,
    });
    expect(checkFieldValue(field({ type: "number" }), "mười")).toMatchObject({
      code: "not_a_number",
    });
    expect(checkFieldValue(field({ type: "date" }), "2023-02-29")).toMatchObject({
      code: "invalid_date",
    });
    expect(checkFieldValue(field({ type: "cccd" }), "12345")).toMatchObject({
      code: "invalid_cccd",
    });
    expect(
      checkFieldValue(field({ type: "select", options: [{ value: "a" }] }), "b"),
    ).toMatchObject({ code: "invalid_option" });
    expect(checkFieldValue(field({ type: "email" }), "an@")).toMatchObject({
      code: "invalid_email",
    });
    expect(checkFieldValue(field({ pattern: "^[0-9]+$" }), "12a")).toMatchObject({
      code: "pattern",
    });
    expect(checkFieldValue(field({}), 5)).toMatchObject({ code: "not_a_string" });
  });

  it("checks a file's media type before its size", () => {
    const rules = field({ type: "file", accept: ["image/png"], maxSizeBytes: 100 });
    expect(checkFieldFile(rules, { contentType: "IMAGE/PNG", size: 100 })).toBeUndefined();
    expect(checkFieldFile(rules, { contentType: "image/gif", size: 1000 })).toEqual({
      code: "file_type",
      accepted: ["image/png"],
    });
    expect(checkFieldFile(rules, { contentType: "image/png", size: 101 })).toEqual({
      code: "file_too_large",
      limit: 100,
    });
  });
});

describe("typed dates", () => {
  it("reads day-first Vietnamese dates and ISO dates", () => {
    expect(parseDateInput("25/5/1990")).toBe("1990-05-25");
    expect(parseDateInput(" 05-01-2024 ")).toBe("2024-01-05");
    expect(parseDateInput("29.02.2024")).toBe("2024-02-29");
    expect(parseDateInput("2024-5-1")).toBe("2024-05-01");
  });

  it("refuses impossible dates and other text", () => {
    for (const text of ["31/4/2024", "29/02/2023", "13/13/2024", "hôm qua", "", "1/2/24"])
      expect(parseDateInput(text)).toBeUndefined();
  });

  it("round-trips every real date written day first", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split("-");
          expect(parseDateInput(`${Number(d)}/${Number(m)}/${y}`)).toBe(iso);
        },
      ),
    );
  });
});
