import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitText } from "../src/index.js";

const noSpace = (s: string) => s.replace(/\s+/g, "");

/** Text made of Vietnamese words (composed and decomposed), emoji with modifiers, and breaks. */
const chatText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "hồ",
        "sơ",
        "Nguyễn",
        "Đăng",
        "ký",
        "khai",
        "sinh",
        "quá",
        "hạn",
        "thượng",
        "khẩn",
      ),
      fc.constantFrom("hồ".normalize("NFD"), "Việt".normalize("NFD"), "👍🏽", "👨‍👩‍👧", "🇻🇳"),
      fc.constantFrom(" ", "\n", "\n\n", ", ", ". "),
      fc.string({ minLength: 0, maxLength: 30 }),
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(""));

const graphemes = (s: string) =>
  [...new Intl.Segmenter("vi", { granularity: "grapheme" }).segment(s)].map((g) => g.segment);

describe("splitText", () => {
  it("keeps every piece within the limit, loses no content and cuts no grapheme", () => {
    fc.assert(
      fc.property(chatText, fc.integer({ min: 8, max: 300 }), (text, limit) => {
        const pieces = splitText(text, limit);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(limit);
        expect(noSpace(pieces.join(""))).toBe(noSpace(text));
        // Every piece's graphemes are graphemes of the original, in order.
        const original = graphemes(text).filter((g) => g.trim() !== "");
        expect(pieces.flatMap(graphemes).filter((g) => g.trim() !== "")).toEqual(original);
      }),
      { numRuns: 500 },
    );
  });

  it("prefers paragraph, then line, then word boundaries", () => {
    const paragraph = "Thủ tục đăng ký khai sinh";
    expect(splitText(`${paragraph}\n\n${paragraph}`, 30)).toEqual([paragraph, paragraph]);
    expect(splitText("một hai ba bốn năm sáu bảy tám", 12)).toEqual([
      "một hai ba",
      "bốn năm sáu",
      "bảy tám",
    ]);
    expect(splitText("ngắn", 4096)).toEqual(["ngắn"]);
    expect(() => splitText("x", 3)).toThrow(RangeError);
  });
});
