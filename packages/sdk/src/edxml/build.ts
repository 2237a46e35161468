import { findInvalidXmlChar } from "@vnegov/domain";
import { XMLBuilder } from "fast-xml-parser";
import { encodeBase64 } from "./base64.js";
import { toWireDate, toWireTimestamp } from "./dates.js";
import { EdxmlError } from "./errors.js";
import { guarded } from "./guard.js";
import { EDXML_NAMESPACE, EDXML_PREFIX } from "./namespace.js";
import {
  EDXML_STATUS,
  type EdxmlAttachment,
  type EdxmlBusiness,
  type EdxmlHeader,
  type EdxmlMessage,
  type EdxmlOrganization,
  type EdxmlResponseFor,
  type EdxmlStaffInfo,
  type EdxmlStatus,
  type EdxmlTraceHeaderList,
} from "./types.js";
import { normalizeNewlines } from "./xml-text.js";

/*
 * Output format: pretty-printed with a two-space indent and `\n` line ends, one element per
 * line, text written verbatim between its tags, base64 on a single line, a trailing newline.
 * Element order follows the VNPT sample. The same model always gives the same string; that
 * matters because receivers sign and hash what they get.
 *
 * Every value is checked before it is written: what `buildEdxml` writes, `parseEdxml` reads
 * back to an equal model (line breaks become `\n`; see types.ts).
 */

type XmlValue = string | XmlNode | readonly XmlValue[];
interface XmlNode {
  readonly [qualifiedName: string]: XmlValue;
}

/** Escaping of `& < > " '` in text and attributes is the library's (`processEntities`). */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: false,
  processEntities: true,
});

const DECLARATION: XmlNode = { "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" } };

/**
 * An element from `[localName, value]` pairs in order; `undefined` values are left out and
 * names starting with `@_` are attributes.
 */
function node(...fields: ReadonlyArray<readonly [string, XmlValue | undefined]>): XmlNode {
  const out: Record<string, XmlValue> = {};
  for (const [name, value] of fields) {
    if (value !== undefined) out[name.startsWith("@_") ? name : `${EDXML_PREFIX}:${name}`] = value;
  }
  return out;
}

const missing = (path: string): EdxmlError =>
  new EdxmlError("missing_field", `${path} is required`, { path });
const invalid = (path: string, why: string): EdxmlError =>
  new EdxmlError("invalid_field", `${path} ${why}`, { path });

/** The object at `path`, checked at run time for callers without static types. */
function object<T extends object>(value: T | undefined, path: string): T {
  if (value === undefined || value === null) throw missing(path);
  if (typeof value !== "object") throw invalid(path, "must be an object");
  return value;
}

function list<T>(value: readonly T[] | undefined, path: string): readonly T[] {
  if (value === undefined || value === null) throw missing(path);
  if (!Array.isArray(value)) throw invalid(path, "must be an array");
  return value;
}

function optionalList<T>(value: readonly T[] | undefined, path: string): readonly T[] | undefined {
  return value === undefined ? undefined : list(value, path);
}

/** Text written verbatim, except for the characters XML cannot carry. */
function text(value: unknown, path: string): string {
  if (value === undefined || value === null) throw missing(path);
  if (typeof value !== "string") throw invalid(path, "must be a string");
  const bad = findInvalidXmlChar(value);
  if (bad !== -1) {
    const cp = (value.codePointAt(bad) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    throw invalid(path, `contains U+${cp}, which XML cannot carry`);
  }
  return normalizeNewlines(value);
}

const optionalText = (value: unknown, path: string): string | undefined =>
  value === undefined ? undefined : text(value, path);

/**
 * An identifier: non-blank and without surrounding whitespace, which the parser would strip
 * (pretty-printers indent such values) and so not give back.
 */
function id(value: unknown, path: string): string {
  const result = text(value, path);
  if (result.trim() === "") throw missing(path);
  if (result.trim() !== result) throw invalid(path, "must not start or end with whitespace");
  return result;
}

const optionalId = (value: unknown, path: string): string | undefined =>
  value === undefined ? undefined : id(value, path);

/** Text that must not be blank but is otherwise verbatim (file names, MIME types). */
function nonBlank(value: unknown, path: string): string {
  const result = text(value, path);
  if (result.trim() === "") throw missing(path);
  return result;
}

function int(value: unknown, path: string, max = Number.MAX_SAFE_INTEGER): string {
  if (value === undefined || value === null) throw missing(path);
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 || value > max) {
    throw invalid(path, `must be a whole number from 0 to ${max}`);
  }
  return String(value);
}

const optionalInt = (value: unknown, path: string, max?: number): string | undefined =>
  value === undefined ? undefined : int(value, path, max);

/** A `number | string` code: a number is written in decimal, a string as an identifier. */
function codeValue(value: unknown, path: string): string {
  return typeof value === "number" ? int(value, path) : id(value, path);
}

function date(value: unknown, path: string): string {
  if (value === undefined || value === null) throw missing(path);
  const wire = toWireDate(value);
  if (wire === null) throw invalid(path, "must be a calendar date YYYY-MM-DD");
  return wire;
}

function timestamp(value: unknown, path: string): string {
  if (value === undefined || value === null) throw missing(path);
  const wire = toWireTimestamp(value);
  if (wire === null) throw invalid(path, "must be an RFC 3339 date-time with an offset");
  return wire;
}

function organization(value: EdxmlOrganization | undefined, path: string): XmlNode {
  const o = object(value, path);
  return node(
    ["OrganId", id(o.organId, `${path}.organId`)],
    ["OrganizationInCharge", optionalText(o.organInCharge, `${path}.organInCharge`)],
    ["OrganName", optionalText(o.organName, `${path}.organName`)],
    ["OrganAdd", optionalText(o.organAdd, `${path}.organAdd`)],
    ["Email", optionalText(o.email, `${path}.email`)],
    ["Telephone", optionalText(o.telephone, `${path}.telephone`)],
    ["Fax", optionalText(o.fax, `${path}.fax`)],
    ["Website", optionalText(o.website, `${path}.website`)],
  );
}

function responseFor(value: EdxmlResponseFor | undefined, path: string): XmlNode {
  const r = object(value, path);
  return node(
    ["OrganId", id(r.organId, `${path}.organId`)],
    ["Code", id(r.code, `${path}.code`)],
    ["PromulgationDate", date(r.promulgationDate, `${path}.promulgationDate`)],
    ["DocumentId", id(r.documentId, `${path}.documentId`)],
  );
}

function staffInfo(value: EdxmlStaffInfo | undefined, path: string): XmlNode | undefined {
  if (value === undefined) return undefined;
  const s = object(value, path);
  return node(
    ["Department", optionalText(s.department, `${path}.department`)],
    ["Staff", optionalText(s.staff, `${path}.staff`)],
    ["Email", optionalText(s.email, `${path}.email`)],
    ["Mobile", optionalText(s.mobile, `${path}.mobile`)],
  );
}

function business(value: EdxmlBusiness | undefined, path: string): XmlNode | undefined {
  if (value === undefined) return undefined;
  const b = object(value, path);
  const infoPath = `${path}.businessDocumentInfo`;
  const info =
    b.businessDocumentInfo === undefined ? undefined : object(b.businessDocumentInfo, infoPath);
  const receivers = optionalList(info?.receiverList, `${infoPath}.receiverList`);
  const replacements = optionalList(b.replacementInfoList, `${path}.replacementInfoList`);
  return node(
    ["DocumentId", optionalId(b.documentId, `${path}.documentId`)],
    // The standard's spelling, "Bussiness", is kept on the wire.
    ["BussinessDocType", int(b.businessDocType, `${path}.businessDocType`)],
    ["BussinessDocReason", optionalText(b.businessDocReason, `${path}.businessDocReason`)],
    ["Paper", optionalInt(b.paper, `${path}.paper`)],
    ["StaffInfo", staffInfo(b.staffInfo, `${path}.staffInfo`)],
    [
      "BussinessDocumentInfo",
      info &&
        node(
          ["DocumentInfo", optionalInt(info.documentInfo, `${infoPath}.documentInfo`)],
          ["DocumentReceiver", optionalInt(info.documentReceiver, `${infoPath}.documentReceiver`)],
          [
            "ReceiverList",
            receivers &&
              node([
                "Receiver",
                receivers.map((r, i) => {
                  const at = `${infoPath}.receiverList[${i}]`;
                  const receiver = object(r, at);
                  return node(
                    ["OrganId", id(receiver.organId, `${at}.organId`)],
                    ["ReceiverType", int(receiver.receiverType, `${at}.receiverType`)],
                  );
                }),
              ]),
          ],
        ),
    ],
    [
      "ReplacementInfoList",
      replacements &&
        node([
          "ReplacementInfo",
          replacements.map((r, i) => {
            const at = `${path}.replacementInfoList[${i}]`;
            const replacement = object(r, at);
            const organIds = list(replacement.organIds, `${at}.organIds`);
            return node(
              ["DocumentId", id(replacement.documentId, `${at}.documentId`)],
              [
                "OrganIdList",
                node(["OrganId", organIds.map((o, j) => id(o, `${at}.organIds[${j}]`))]),
              ],
            );
          }),
        ]),
    ],
  );
}

function traceHeaderList(
  value: EdxmlTraceHeaderList | undefined,
  path: string,
): XmlNode | undefined {
  if (value === undefined) return undefined;
  const t = object(value, path);
  const headers = list(t.traceHeaders, `${path}.traceHeaders`);
  return node(
    [
      "TraceHeader",
      headers.map((h, i) => {
        const at = `${path}.traceHeaders[${i}]`;
        const header = object(h, at);
        return node(
          ["OrganId", id(header.organId, `${at}.organId`)],
          ["Timestamp", timestamp(header.timestamp, `${at}.timestamp`)],
        );
      }),
    ],
    ["Bussiness", business(t.business, `${path}.business`)],
  );
}

function messageHeader(h: EdxmlHeader, path: string): XmlNode {
  const to = list(h.to, `${path}.to`);
  if (to.length === 0) throw missing(`${path}.to`);
  const code = object(h.code, `${path}.code`);
  const promulgation = object(h.promulgationInfo, `${path}.promulgationInfo`);
  const type = object(h.documentType, `${path}.documentType`);
  const signer = object(h.signerInfo, `${path}.signerInfo`);
  const other = object(h.otherInfo, `${path}.otherInfo`);
  const appendixes = optionalList(other.appendixes, `${path}.otherInfo.appendixes`);
  const toPlaces = optionalList(h.toPlaces, `${path}.toPlaces`);
  const responses = optionalList(h.responseFor, `${path}.responseFor`);
  if (other.direction !== undefined && typeof other.direction !== "boolean") {
    throw invalid(`${path}.otherInfo.direction`, "must be a boolean");
  }
  return node(
    ["From", organization(h.from, `${path}.from`)],
    ["To", to.map((o, i) => organization(o, `${path}.to[${i}]`))],
    ["DocumentId", id(h.documentId, `${path}.documentId`)],
    [
      "Code",
      node(
        ["CodeNumber", id(code.codeNumber, `${path}.code.codeNumber`)],
        ["CodeNotation", id(code.codeNotation, `${path}.code.codeNotation`)],
      ),
    ],
    [
      "PromulgationInfo",
      node(
        ["Place", text(promulgation.place, `${path}.promulgationInfo.place`)],
        ["PromulgationDate", date(promulgation.date, `${path}.promulgationInfo.date`)],
      ),
    ],
    [
      "DocumentType",
      node(
        ["Type", codeValue(type.type, `${path}.documentType.type`)],
        [
          "TypeDetail",
          type.typeDetail === undefined
            ? undefined
            : codeValue(type.typeDetail, `${path}.documentType.typeDetail`),
        ],
        ["TypeName", text(type.typeName, `${path}.documentType.typeName`)],
      ),
    ],
    ["Subject", text(h.subject, `${path}.subject`)],
    ["Content", optionalText(h.content, `${path}.content`)],
    [
      "SignerInfo",
      node(
        ["Competence", optionalText(signer.competence, `${path}.signerInfo.competence`)],
        ["Position", text(signer.position, `${path}.signerInfo.position`)],
        ["FullName", text(signer.fullName, `${path}.signerInfo.fullName`)],
      ),
    ],
    ["DueDate", h.dueDate === undefined ? undefined : date(h.dueDate, `${path}.dueDate`)],
    [
      "OtherInfo",
      node(
        ["Priority", int(other.priority, `${path}.otherInfo.priority`, 4)],
        [
          "SphereOfPromulgation",
          optionalText(other.sphereOfPromulgation, `${path}.otherInfo.sphereOfPromulgation`),
        ],
        ["TyperNotation", optionalText(other.typerNotation, `${path}.otherInfo.typerNotation`)],
        [
          "PromulgationAmount",
          optionalInt(other.promulgationAmount, `${path}.otherInfo.promulgationAmount`),
        ],
        ["PageAmount", optionalInt(other.pageAmount, `${path}.otherInfo.pageAmount`)],
        ["Direction", other.direction === undefined ? undefined : String(other.direction)],
        [
          "Appendixes",
          appendixes &&
            node([
              "Appendix",
              appendixes.map((a, i) => text(a, `${path}.otherInfo.appendixes[${i}]`)),
            ]),
        ],
      ),
    ],
    // An empty array writes nothing: ResponseFor repeats without a container element.
    ["ResponseFor", responses?.map((r, i) => responseFor(r, `${path}.responseFor[${i}]`))],
    ["SteeringType", optionalInt(h.steeringType, `${path}.steeringType`)],
    [
      "ToPlaces",
      toPlaces && node(["Place", toPlaces.map((p, i) => text(p, `${path}.toPlaces[${i}]`))]),
    ],
  );
}

interface CheckedAttachment {
  contentId: string;
  contentType: string;
  description: string | undefined;
  fileName: string;
  data: Uint8Array;
}

function attachments(value: readonly EdxmlAttachment[] | undefined): CheckedAttachment[] {
  const seen = new Set<string>();
  return list(value, "attachments").map((a, i) => {
    const path = `attachments[${i}]`;
    const attachment = object(a, path);
    const contentId = id(attachment.contentId, `${path}.contentId`);
    if (seen.has(contentId)) throw invalid(`${path}.contentId`, `repeats "${contentId}"`);
    seen.add(contentId);
    if (!(attachment.data instanceof Uint8Array)) {
      throw attachment.data === undefined
        ? missing(`${path}.data`)
        : invalid(`${path}.data`, "must be a Uint8Array");
    }
    return {
      contentId,
      contentType: nonBlank(attachment.contentType, `${path}.contentType`),
      description: optionalText(attachment.description, `${path}.description`),
      fileName: nonBlank(attachment.fileName, `${path}.fileName`),
      data: attachment.data,
    };
  });
}

/**
 * Writes an edXML document message:
 * `edXMLEnvelope` → `edXMLHeader` (`MessageHeader`, optional `TraceHeaderList`) →
 * `edXMLBody/edXMLManifest` (one `Reference` per attachment) → `AttachmentEncoded` (the files,
 * base64). The VNPT sample puts `AttachmentEncoded` beside the envelope under an `edXML`
 * wrapper; with the envelope as the root it goes inside it, last [UNCONFIRMED which layout
 * the spec mandates; `parseEdxml` reads both]. No XMLDSig signature is added.
 *
 * Output: UTF-8 XML declaration, two-space indentation, deterministic (same model, same
 * string).
 *
 * @throws {EdxmlError} `missing_field` / `invalid_field` with the model `path` when the message
 * cannot be written faithfully (a bad date, a control character, a duplicate `contentId`…).
 *
 * @example
 * const xml = buildEdxml(documentToEdxml(doc, { from, to, attachments }));
 */
export function buildEdxml(message: EdxmlMessage): string {
  return guarded("invalid_field", "Could not build the edXML envelope", () => {
    const m = object(message, "message");
    const header = object(m.header, "header");
    const files = attachments(m.attachments);
    return builder.build({
      ...DECLARATION,
      [`${EDXML_PREFIX}:edXMLEnvelope`]: node(
        [`@_xmlns:${EDXML_PREFIX}`, EDXML_NAMESPACE],
        [
          "edXMLHeader",
          node(
            ["MessageHeader", messageHeader(header, "header")],
            ["TraceHeaderList", traceHeaderList(header.traceHeaderList, "header.traceHeaderList")],
          ),
        ],
        [
          "edXMLBody",
          node([
            "edXMLManifest",
            node(
              ["@_version", "1.0"],
              [
                "Reference",
                files.map((f) =>
                  node(
                    ["ContentId", f.contentId],
                    ["ContentType", f.contentType],
                    ["Description", f.description],
                    ["AttachmentName", f.fileName],
                  ),
                ),
              ],
            ),
          ]),
        ],
        [
          "AttachmentEncoded",
          files.length === 0
            ? undefined
            : node([
                "Attachment",
                files.map((f) =>
                  node(
                    ["ContentId", f.contentId],
                    ["AttachmentName", f.fileName],
                    ["Description", f.description],
                    ["ContentType", f.contentType],
                    ["ContentTransferEncoded", encodeBase64(f.data)],
                  ),
                ),
              ]),
        ],
      ),
    });
  });
}

/**
 * Writes an edXML status packet: `edXMLEnvelope/edXMLHeader/Status` with `ResponseFor`,
 * `From`, `StatusCode`, `Description`, `Timestamp`, `StaffInfo` in the order of the VNPT and
 * C# samples [UNCONFIRMED envelope layout]. Same output conventions as {@link buildEdxml}.
 *
 * @throws {EdxmlError} `missing_field` / `invalid_field` (e.g. a status code outside
 * {@link EDXML_STATUS}).
 *
 * @example
 * buildEdxmlStatus({ from, responseFor, statusCode: "03", timestamp: "2021-07-20T08:30:00+07:00" });
 */
export function buildEdxmlStatus(status: EdxmlStatus): string {
  return guarded("invalid_field", "Could not build the edXML envelope", () => {
    const s = object(status, "status");
    const statusCode = id(s.statusCode, "status.statusCode");
    if (!Object.hasOwn(EDXML_STATUS, statusCode)) {
      throw invalid("status.statusCode", `"${statusCode}" is not an edXML status code`);
    }
    return builder.build({
      ...DECLARATION,
      [`${EDXML_PREFIX}:edXMLEnvelope`]: node(
        [`@_xmlns:${EDXML_PREFIX}`, EDXML_NAMESPACE],
        [
          "edXMLHeader",
          node([
            "Status",
            node(
              ["ResponseFor", responseFor(s.responseFor, "status.responseFor")],
              ["From", organization(s.from, "status.from")],
              ["StatusCode", statusCode],
              ["Description", optionalText(s.description, "status.description")],
              ["Timestamp", timestamp(s.timestamp, "status.timestamp")],
              ["StaffInfo", staffInfo(s.staffInfo, "status.staffInfo")],
            ),
          ]),
        ],
      ),
    });
  });
}
