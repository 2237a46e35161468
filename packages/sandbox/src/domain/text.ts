/**
 * Folds Vietnamese text for search: lower case, no diacritics, `đ` → `d`, collapsed spaces.
 * "Hồ sơ" and "ho so" fold to the same string.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
