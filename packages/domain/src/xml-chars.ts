/** XML 1.0 `Char` (§2.2), complemented; lone surrogates match too because of the `u` flag. */
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Index of the first character XML 1.0 forbids (NUL and other C0 controls, U+FFFE/U+FFFF, lone
 * surrogates), or -1. XML parsers such as fast-xml-parser let them through; a document holding
 * one is not well-formed, whoever reads it (the SDK's edXML reader and the sandbox's LGSP alike).
 */
export function findInvalidXmlChar(text: string): number {
  const m = INVALID_XML_CHAR.exec(text);
  return m === null ? -1 : m.index;
}
