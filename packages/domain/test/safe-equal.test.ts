import { describe, expect, it } from "vitest";
import { safeEqual } from "../src/index.js";

describe("safeEqual", () => {
  it("accepts the expected string", () => {
    expect(safeEqual("s3cret-token", "s3cret-token")).toBe(true);
    expect(safeEqual("", "")).toBe(true);
  });

  it("refuses a different string of the same length", () => {
    expect(safeEqual("s3cret-token", "s3cret-tokeN")).toBe(false);
  });

  it("refuses a string of a different length", () => {
    expect(safeEqual("s3cret-token", "s3cret")).toBe(false);
    expect(safeEqual("s3cret", "s3cret-token")).toBe(false);
    expect(safeEqual("s3cret", "")).toBe(false);
    expect(safeEqual("", "s3cret")).toBe(false);
  });

  it("refuses what is not a string", () => {
    for (const given of [undefined, null, 123456, true, {}, ["s3cret"], Buffer.from("s3cret")])
      expect(safeEqual("s3cret", given)).toBe(false);
    expect(safeEqual("123456", 123456)).toBe(false);
  });

  it("compares Vietnamese text as written", () => {
    expect(safeEqual("Nguyễn Văn Đăng", "Nguyễn Văn Đăng")).toBe(true);
    expect(safeEqual("Nguyễn Văn Đăng", "Nguyen Van Dang")).toBe(false);
    // Composed and decomposed forms are different strings.
    expect(safeEqual("Nguyễn", "Nguyễn".normalize("NFD"))).toBe(false);
  });
});
