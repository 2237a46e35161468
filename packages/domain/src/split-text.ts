const graphemes = new Intl.Segmenter("vi", { granularity: "grapheme" });
/** Longer than any grapheme in real text (a family emoji is 11 UTF-16 units). */
const LOOKAHEAD = 64;

/**
 * Splits `text` into pieces of at most `limit` UTF-16 units (Telegram: 4096, Zalo: 2000),
 * preferring paragraph, then line, then word boundaries. A grapheme (a Vietnamese letter with
 * its combining marks, an emoji with its modifiers) is never cut. Joining the pieces gives
 * back the text, except for the whitespace at which it was split.
 */
export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 8)
    throw new RangeError("limit must be an integer of at least 8");
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces.filter((piece, i) => piece.length > 0 || i === 0);
}

/** The best index ≤ `limit` to cut at, on a grapheme boundary. */
function cutPoint(text: string, limit: number): number {
  let lastBoundary = 0;
  // Look past the limit: segmenting a prefix cut inside a grapheme (between a flag's two
  // regional indicators) would report a false boundary at its edge.
  for (const { index } of graphemes.segment(text.slice(0, limit + LOOKAHEAD))) {
    if (index > limit) break;
    lastBoundary = index;
  }
  const head = text.slice(0, lastBoundary);
  // Prefer a boundary in the latter half, so pieces do not come out tiny.
  for (const separator of ["\n\n", "\n", " "]) {
    const at = head.lastIndexOf(separator);
    if (at >= limit / 2) return at + separator.length;
  }
  return lastBoundary > 0 ? lastBoundary : limit;
}
