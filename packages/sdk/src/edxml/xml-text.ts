/**
 * Character-level rules of XML 1.0 the parser library does not enforce: end-of-line handling
 * and character/entity references (which characters a document may hold at all is
 * `findInvalidXmlChar`, in `@vnegov/domain`, shared with the sandbox's LGSP).
 */

/** XML end-of-line handling (§2.11): every reader turns CR LF and lone CR into LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function isXmlCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Replaces the five predefined entities and numeric character references. Returns `null` for
 * anything else: a bare `&`, an undeclared entity (there is no DTD to declare one), or a
 * reference to a character XML forbids. Done here rather than by the library because the
 * library version in use leaves `&#233;` undecoded and passes unknown entities through as
 * text; Java and .NET serialisers do emit numeric references.
 */
export function decodeReferences(text: string): string | null {
  if (!text.includes("&")) return text;
  let valid = true;
  const decoded = text.replace(/&([^&;]{0,10});|&/g, (_match, body: string | undefined) => {
    if (body === undefined) {
      valid = false;
      return "";
    }
    const named = Object.hasOwn(PREDEFINED, body) ? PREDEFINED[body] : undefined;
    if (named !== undefined) return named;
    const numeric = /^#(?:([0-9]{1,8})|x([0-9A-Fa-f]{1,6}))$/.exec(body);
    const cp =
      numeric === null
        ? Number.NaN
        : Number.parseInt(numeric[1] ?? numeric[2] ?? "", numeric[1] === undefined ? 16 : 10);
    if (!isXmlCodePoint(cp)) {
      valid = false;
      return "";
    }
    return String.fromCodePoint(cp);
  });
  return valid ? decoded : null;
}
