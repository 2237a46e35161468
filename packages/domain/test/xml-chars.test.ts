import { describe, expect, it } from "vitest";
import { findInvalidXmlChar } from "../src/index.js";

describe("findInvalidXmlChar", () => {
  it("accepts every character XML 1.0 allows, Vietnamese and astral ones included", () => {
    expect(findInvalidXmlChar("Về việc Đắk Lắk\t\r\n — 😀 \uE000\uFFFD")).toBe(-1);
    expect(findInvalidXmlChar("")).toBe(-1);
  });

  it("finds NUL, other C0 controls, U+FFFE/U+FFFF and lone surrogates", () => {
    expect(findInvalidXmlChar("ab\u0000c")).toBe(2);
    expect(findInvalidXmlChar("\u0007")).toBe(0);
    expect(findInvalidXmlChar("x\uFFFE")).toBe(1);
    expect(findInvalidXmlChar("xy\uFFFF")).toBe(2);
    expect(findInvalidXmlChar("hồ sơ \uD800 số")).toBe(6);
    expect(findInvalidXmlChar("\uDC00")).toBe(0);
  });
});
