/** Splits a số/ký hiệu like `15/CT-TTg` (or `30/2020/NĐ-CP`) into number and notation. */
export function splitNumberNotation(numberNotation: string): { number: string; notation: string } {
  const slash = numberNotation.indexOf("/");
  return { number: numberNotation.slice(0, slash), notation: numberNotation.slice(slash + 1) };
}
