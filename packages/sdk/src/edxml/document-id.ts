import { fromWireDate, toWireDate } from "./dates.js";
import { EdxmlError } from "./errors.js";

/** The parts of an edXML `DocumentId`. */
export interface EdxmlDocumentIdParts {
  /** The sender's `OrganId`, e.g. `000.00.00.G22`. */
  organId: string;
  /** Promulgation date, `YYYY-MM-DD`. */
  date: string;
  /** `CodeNumber`, e.g. `7816`. */
  codeNumber: string;
  /** `CodeNotation`, e.g. `VPCP-TTĐT`. */
  codeNotation: string;
}

const DOCUMENT_ID = /^([^,]+),(\d{4}\/\d{2}\/\d{2}),([^/]+)\/(.+)$/s;

/**
 * `{OrganId},{yyyy/MM/dd},{Number}/{Notation}`, the way VPCP's and the C# gateways build it.
 *
 * @throws {EdxmlError} `invalid_field` for a bad date or an organ id containing a comma.
 *
 * @example
 * formatEdxmlDocumentId({
 *   organId: "000.00.00.G22", date: "2015-09-30", codeNumber: "7816", codeNotation: "VPCP-TTĐT",
 * }); // "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
 */
export function formatEdxmlDocumentId(parts: EdxmlDocumentIdParts): string {
  const date = toWireDate(parts.date);
  if (date === null) {
    throw new EdxmlError("invalid_field", "date must be a calendar date YYYY-MM-DD", {
      path: "date",
    });
  }
  if (parts.organId.includes(",")) {
    throw new EdxmlError("invalid_field", "organId must not contain a comma", { path: "organId" });
  }
  return `${parts.organId},${date},${parts.codeNumber}/${parts.codeNotation}`;
}

/**
 * Splits a `DocumentId`; `null` when it does not have the documented shape (real senders'
 * ids sometimes do not, which is why `parseEdxml` keeps the id as an opaque string).
 *
 * @example
 * parseEdxmlDocumentId("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")?.codeNotation; // "VPCP-TTĐT"
 */
export function parseEdxmlDocumentId(id: string): EdxmlDocumentIdParts | null {
  if (typeof id !== "string") return null;
  const m = DOCUMENT_ID.exec(id);
  const date = m?.[2] === undefined ? null : fromWireDate(m[2]);
  if (m === null || date === null) return null;
  return { organId: m[1] ?? "", date, codeNumber: m[3] ?? "", codeNotation: m[4] ?? "" };
}
