import { findInvalidXmlChar } from "@vnegov/domain";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * The few parts of an edXML (QCVN 102:2016) envelope a transport needs to route it: who sends,
 * who receives, what it is. The emulator reads nothing else and never rewrites the envelope
 * (receivers sign and hash the bytes), so this is a minimal reader, not the SDK's parser: the
 * sandbox must not depend on the SDK.
 */

/** The QCVN 102:2016 namespace, as in the VNPT VXP SDK samples. */
export const EDXML_NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

/** What routing needs from an envelope. */
export interface EnvelopeSummary {
  from: { organId: string; organName: string | null };
  to: string[];
  documentId: string;
  codeNumber: string;
  codeNotation: string;
  subject: string;
  /** `PromulgationInfo/PromulgationDate` as written (`yyyy/MM/dd`), when present. */
  promulgationDate: string | null;
  /** `SignerInfo`, when present. */
  signer: { fullName: string; position: string; competence: string | null } | null;
  attachments: { fileName: string; contentType: string; base64: string }[];
}

/** Why an envelope was refused: LGSP's `10` (not a usable file) or `22` (not edXML per QĐ 28). */
export class EnvelopeError extends Error {
  constructor(
    readonly errorCode: "10" | "22",
    message: string,
  ) {
    super(message);
  }
}

type Node = Record<string, unknown>;

// Every element an array, nothing converted, whitespace kept: the reader only looks.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

const notFile = (why: string) => new EnvelopeError("10", why);
const notEdxml = (why: string) => new EnvelopeError("22", why);

/** Reads the routing facts of an edXML file, or throws an {@link EnvelopeError}. */
export function readEnvelope(bytes: Uint8Array): EnvelopeSummary {
  if (bytes.length === 0) throw notFile("The file is empty.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw notFile("The file is not UTF-8 text.");
  }
  text = text.replace(/^\uFEFF/, "");
  // A DTD is what entity-expansion attacks need; edXML has none.
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw notFile("DOCTYPE is not accepted.");
  // fast-xml-parser accepts NUL and other characters XML 1.0 forbids; a receiver's parser won't.
  const bad = findInvalidXmlChar(text);
  if (bad !== -1)
    throw notFile(
      `The file is not well-formed XML: character U+${(text.codePointAt(bad) ?? 0).toString(16).toUpperCase().padStart(4, "0")} is not allowed.`,
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw notFile(`The file is not well-formed XML: ${valid.err.msg}`);

  let tree: Node;
  try {
    tree = parser.parse(text) as Node;
  } catch (error) {
    // The validator lets some broken prologs through that the parser then refuses.
    throw notFile(`The file is not well-formed XML: ${(error as Error).message}`);
  }
  const roots = Object.keys(tree).filter((key) => !key.startsWith("?") && !key.startsWith("#"));
  const rootName = roots[0];
  if (roots.length !== 1 || rootName === undefined) throw notEdxml("Expected one root element.");
  const [prefix, local] = splitName(rootName);
  const root = first(tree, rootName);
  if (local !== "edXMLEnvelope" || !root)
    throw notEdxml(`The root is ${rootName}, not edXMLEnvelope.`);
  const ns = root[prefix ? `@_xmlns:${prefix}` : "@_xmlns"];
  if (ns !== EDXML_NAMESPACE)
    throw notEdxml(`The envelope is not in the ${EDXML_NAMESPACE} namespace.`);

  const q = (name: string) => (prefix ? `${prefix}:${name}` : name);
  const child = (node: Node | undefined, name: string) => (node ? first(node, q(name)) : undefined);
  const children = (node: Node | undefined, name: string) =>
    node ? all(node, q(name)) : ([] as Node[]);
  const text1 = (node: Node | undefined, name: string) => textOf(node?.[q(name)]);

  const header = child(child(root, "edXMLHeader"), "MessageHeader");
  if (!header) throw notEdxml("edXMLHeader/MessageHeader is missing.");
  const from = child(header, "From");
  const fromId = text1(from, "OrganId")?.trim();
  if (!fromId) throw notEdxml("MessageHeader/From/OrganId is missing.");
  const to = children(header, "To").map((node) => text1(node, "OrganId")?.trim() ?? "");
  if (to.length === 0 || to.some((id) => id === ""))
    throw notEdxml("MessageHeader/To/OrganId is missing.");
  const documentId = text1(header, "DocumentId")?.trim();
  if (!documentId) throw notEdxml("MessageHeader/DocumentId is missing.");
  const code = child(header, "Code");
  const codeNumber = text1(code, "CodeNumber")?.trim();
  const codeNotation = text1(code, "CodeNotation")?.trim();
  if (!codeNumber || !codeNotation) throw notEdxml("MessageHeader/Code is incomplete.");
  const subject = text1(header, "Subject");
  if (subject === undefined) throw notEdxml("MessageHeader/Subject is missing.");

  const attachments = children(child(root, "AttachmentEncoded"), "Attachment").map((node, i) => {
    const fileName = text1(node, "AttachmentName")?.trim();
    if (!fileName) throw notEdxml(`Attachment ${i + 1} has no AttachmentName.`);
    const base64 = (text1(node, "ContentTransferEncoded") ?? "").replace(/\s+/g, "");
    if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
      throw notEdxml(`Attachment ${fileName}: ContentTransferEncoded is not base64.`);
    return { fileName, contentType: text1(node, "ContentType")?.trim() ?? "", base64 };
  });

  return {
    from: { organId: fromId, organName: text1(from, "OrganName")?.trim() || null },
    to: [...new Set(to)],
    documentId,
    codeNumber,
    codeNotation,
    subject,
    promulgationDate: text1(child(header, "PromulgationInfo"), "PromulgationDate")?.trim() ?? null,
    signer: signerOf(child(header, "SignerInfo"), text1),
    attachments,
  };
}

function signerOf(
  node: Node | undefined,
  text1: (node: Node | undefined, name: string) => string | undefined,
): EnvelopeSummary["signer"] {
  const fullName = text1(node, "FullName")?.trim();
  if (!node || !fullName) return null;
  return {
    fullName,
    position: text1(node, "Position")?.trim() ?? "",
    competence: text1(node, "Competence")?.trim() || null,
  };
}

function splitName(name: string): [prefix: string, local: string] {
  const colon = name.indexOf(":");
  return colon === -1 ? ["", name] : [name.slice(0, colon), name.slice(colon + 1)];
}

function all(node: Node, name: string): Node[] {
  const value = node[name];
  if (!Array.isArray(value)) return [];
  // A text-only element comes back as its string; wrap it so callers see one shape.
  return value.map((v) => (typeof v === "object" && v !== null ? (v as Node) : { "#text": v }));
}

function first(node: Node, name: string): Node | undefined {
  return all(node, name)[0];
}

/** The decoded text of the first element in `value` (the parser's array), or undefined. */
function textOf(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const head: unknown = value[0];
  if (typeof head === "string") return decodeReferences(head);
  if (typeof head === "object" && head !== null) {
    const inner = (head as Node)["#text"];
    return typeof inner === "string" ? decodeReferences(inner) : "";
  }
  return "";
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML's predefined and numeric character references (no DTD, so nothing else exists). */
function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return safeCodePoint(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith("#")) return safeCodePoint(Number.parseInt(ref.slice(1), 10), whole);
    return NAMED[ref] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
