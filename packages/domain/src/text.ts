/**
 * Folds Vietnamese text for search and comparison: lower case, diacritics removed, `đ`/`Đ` →
 * `d`, runs of whitespace collapsed to one space, trimmed. Same folding as the sandbox's
 * search, so a query matches here exactly when it matches there.
 *
 * @example
 * foldDiacritics("  Hồ sơ   Đăng ký "); // "ho so dang ky"
 */
export function foldDiacritics(text: string): string {
  if (typeof text !== "string") return "";
  return (
    text
      // NFD splits "ồ" into "o" + combining marks, which the next step drops.
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      // Đ/đ are letters of their own, not d + a mark, so NFD leaves them alone.
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * Whether every word of `query` occurs in `haystack`, both folded with
 * {@link foldDiacritics}: word order does not matter and a word may be part of a longer one,
 * so users can type without accents and stop mid-word. An empty query matches everything.
 *
 * @example
 * matchesFolded("Cấp giấy phép xây dựng", "xay dung giay"); // true
 * matchesFolded("Cấp giấy phép xây dựng", "kinh doanh"); // false
 */
export function matchesFolded(haystack: string, query: string): boolean {
  const folded = foldDiacritics(haystack);
  const words = foldDiacritics(query).split(" ");
  return words.every((word) => folded.includes(word));
}
