import { parseDocumentNumber, parseLgspDate } from "@vnegov/domain";
import type { Logger } from "pino";
import { checkDocument, insertDocument } from "../services/documents.js";
import type { World } from "../world.js";
import { agencyName } from "./agencies.js";
import type { EnvelopeSummary } from "./envelope.js";

/**
 * Files an edoc as an incoming document of the world (Document API), when it reads as one:
 * a Decree 30 number/notation, a promulgation date and a signer. Best effort: a duplicate
 * number or an unusual envelope is simply not recorded. Returns the world document's id, or
 * null when none was recorded.
 */
export function recordIncoming(
  world: World,
  envelope: EnvelopeSummary,
  log?: Logger,
): string | null {
  const numberNotation = `${envelope.codeNumber}/${envelope.codeNotation}`;
  const type = parseDocumentNumber(numberNotation)?.type;
  const issuedAt = envelope.promulgationDate ? parseLgspDate(envelope.promulgationDate) : null;
  if (!type || !issuedAt || !envelope.signer || envelope.subject.trim() === "") return null;
  const input = {
    numberNotation,
    type,
    issuerName:
      envelope.from.organName ??
      agencyName(world.db, envelope.from.organId) ??
      envelope.from.organId,
    issuerAgencyCode: envelope.from.organId,
    subject: envelope.subject,
    signer: {
      fullName: envelope.signer.fullName,
      position: envelope.signer.position,
      authority: envelope.signer.competence,
    },
    issuedAt,
    attachments: envelope.attachments.map((a) => ({
      fileName: a.fileName,
      contentType: a.contentType || "application/octet-stream",
      contentBase64: a.base64,
    })),
  };
  try {
    if (checkDocument(world, input).length > 0) return null;
    return insertDocument(world, input, { direction: "incoming" }).id;
  } catch (error) {
    log?.debug({ err: error }, "lgsp: edoc not recorded as a world document");
    return null;
  }
}
