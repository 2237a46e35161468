import type { EdxmlHeader } from "../src/edxml/index.js";

/**
 * The fields an edXML header must have: the `requiredKeys` of a header in fast-check
 * (spread it, `[...REQUIRED_HEADER_KEYS]`, as fast-check wants a mutable array).
 */
export const REQUIRED_HEADER_KEYS = [
  "from",
  "to",
  "code",
  "promulgationInfo",
  "documentType",
  "subject",
  "signerInfo",
  "otherInfo",
  "documentId",
] as const satisfies readonly (keyof EdxmlHeader)[];
