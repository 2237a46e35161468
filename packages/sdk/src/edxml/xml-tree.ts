import { findInvalidXmlChar } from "@vnegov/domain";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { EdxmlError } from "./errors.js";
import { decodeReferences } from "./xml-text.js";

/** An element with its namespace resolved and its character data decoded. */
export interface XmlElement {
  /** Namespace URI, `undefined` for none. */
  readonly namespace: string | undefined;
  /** Name without prefix. */
  readonly localName: string;
  /** Name as written, with prefix. */
  readonly qualifiedName: string;
  /** Attributes by qualified name, references decoded. */
  readonly attributes: ReadonlyMap<string, string>;
  /** Child elements in document order. */
  readonly children: readonly XmlElement[];
  /** Text and CDATA of the direct children, concatenated in order (comments dropped). */
  readonly text: string;
}

/**
 * Nesting deeper than any edXML envelope (about ten levels, with a signature) is refused, so
 * that hostile input cannot exhaust the stack of the recursive steps.
 */
const MAX_DEPTH = 64;
const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const ATTRIBUTE_PREFIX = "@_";

/**
 * `processEntities: false`: with no DTD allowed there is nothing to expand beyond the
 * predefined entities, which `decodeReferences` handles together with numeric references.
 * Nothing is converted to numbers (`parseTagValue: false`), so `04` stays `04`; whitespace
 * is kept because subjects may legitimately start or end with it.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: "#cdata",
  commentPropName: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: false,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

const malformed = (message: string, cause?: unknown): EdxmlError =>
  new EdxmlError("malformed_xml", message, cause === undefined ? {} : { cause });

/** Text of the document: bytes must be UTF-8 (the only encoding edXML uses). */
function decodeInput(input: unknown): string {
  if (typeof input === "string") return input.startsWith("\uFEFF") ? input.slice(1) : input;
  if (!(input instanceof Uint8Array)) throw malformed("Expected a string or a Uint8Array");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch (cause) {
    throw malformed("The bytes are not valid UTF-8", cause);
  }
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    throw malformed(`Unsupported encoding "${declared}"; edXML is exchanged as UTF-8`);
  }
  return text;
}

/**
 * Scans the markup the validator is lenient about, skipping comments and CDATA:
 * - refuses `<!DOCTYPE`, `<!ENTITY` and any other markup declaration. edXML has no DTD, and a
 *   DTD is what entity-expansion ("billion laughs") and external-entity attacks need;
 * - refuses an XML declaration anywhere but at the very start (the validator only checks
 *   the top level, and the parser would drop one nested in an element).
 */
function checkMarkup(text: string): void {
  const markup = /<[!?]/g;
  for (let m = markup.exec(text); m !== null; m = markup.exec(text)) {
    const i = m.index;
    let end: number;
    if (text.startsWith("<!--", i)) end = text.indexOf("-->", i + 4);
    else if (text.startsWith("<![CDATA[", i)) end = text.indexOf("]]>", i + 9);
    else if (text.startsWith("<!", i)) {
      throw malformed("DOCTYPE and entity declarations are not accepted in edXML");
    } else {
      if (i !== 0 && /^<\?xml(?=[\s?])/i.test(text.slice(i, i + 6))) {
        throw malformed("The XML declaration must come first");
      }
      end = text.indexOf("?>", i + 2);
    }
    // An unterminated comment, CDATA or PI is left for the validator to report.
    if (end === -1) return;
    markup.lastIndex = end;
  }
}

type RawNode = { readonly [key: string]: unknown };

const isRecord = (value: unknown): value is RawNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The one key of a preserve-order node that is not its attribute group. */
function nodeName(node: RawNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@");
}

function textOf(value: unknown, decode: boolean): string {
  if (!Array.isArray(value)) throw malformed("Unexpected parser output");
  let text = "";
  for (const part of value) {
    const raw = isRecord(part) ? part["#text"] : undefined;
    if (raw === undefined) continue;
    const str = String(raw);
    const decoded = decode ? decodeReferences(str) : str;
    if (decoded === null) throw malformed("Invalid character or entity reference");
    text += decoded;
  }
  return text;
}

function splitName(qname: string): [prefix: string, local: string] {
  const parts = qname.split(":");
  if (parts.length === 1) return ["", qname];
  if (parts.length === 2 && parts[0] !== "" && parts[1] !== "") {
    return [parts[0] ?? "", parts[1] ?? ""];
  }
  throw malformed(`"${qname}" is not a valid qualified name`);
}

function toElement(
  qname: string,
  node: RawNode,
  scope: ReadonlyMap<string, string>,
  depth: number,
): XmlElement {
  if (depth > MAX_DEPTH) throw malformed("Elements are nested too deeply");
  const attributes = new Map<string, string>();
  const rawAttributes = node[":@"];
  let ownScope: Map<string, string> | undefined;
  if (isRecord(rawAttributes)) {
    for (const [key, raw] of Object.entries(rawAttributes)) {
      const name = key.startsWith(ATTRIBUTE_PREFIX) ? key.slice(ATTRIBUTE_PREFIX.length) : key;
      const value = decodeReferences(String(raw));
      if (value === null) throw malformed(`Invalid reference in attribute "${name}"`);
      attributes.set(name, value);
      if (name === "xmlns" || name.startsWith("xmlns:")) {
        const prefix = name === "xmlns" ? "" : name.slice("xmlns:".length);
        if (prefix !== "" && value === "") throw malformed(`Prefix "${prefix}" bound to nothing`);
        ownScope ??= new Map(scope);
        ownScope.set(prefix, value);
      }
    }
  }
  const inScope = ownScope ?? scope;
  const [prefix, localName] = splitName(qname);
  if (prefix === "xmlns") throw malformed(`"${qname}" is not a valid element name`);
  const namespace = prefix === "xml" ? XML_NAMESPACE : inScope.get(prefix);
  if (prefix !== "" && prefix !== "xml" && namespace === undefined) {
    throw malformed(`Namespace prefix "${prefix}" is not declared`);
  }

  const content = node[qname];
  if (!Array.isArray(content)) throw malformed("Unexpected parser output");
  const children: XmlElement[] = [];
  let text = "";
  for (const child of content) {
    if (!isRecord(child)) continue;
    const name = nodeName(child);
    if (name === undefined) continue;
    if (name === "#text") text += textOf([child], true);
    else if (name === "#cdata") text += textOf(child[name], false);
    else if (!name.startsWith("?")) children.push(toElement(name, child, inScope, depth + 1));
  }
  return {
    // An empty default namespace (`xmlns=""`) means "no namespace".
    namespace: namespace === "" ? undefined : namespace,
    localName,
    qualifiedName: qname,
    attributes,
    children,
    text,
  };
}

/**
 * Reads an XML document into a namespace-resolved element tree. Throws `EdxmlError`
 * (`malformed_xml`) for anything that is not a well-formed, namespace-well-formed, DTD-free
 * UTF-8 XML 1.0 document with a single root element.
 */
export function readXmlTree(input: unknown): XmlElement {
  const text = decodeInput(input);
  const bad = findInvalidXmlChar(text);
  if (bad !== -1) {
    throw malformed(
      `Character U+${(text.codePointAt(bad) ?? 0).toString(16).toUpperCase()} is not allowed in XML`,
    );
  }
  checkMarkup(text);
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw malformed(`Not well-formed XML (line ${line}, column ${col ?? "?"}): ${msg}`);
  }
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch (cause) {
    throw malformed("Not well-formed XML", cause);
  }
  if (!Array.isArray(nodes)) throw malformed("Unexpected parser output");

  let root: XmlElement | undefined;
  for (const [index, node] of nodes.entries()) {
    if (!isRecord(node)) continue;
    const name = nodeName(node);
    if (name === undefined) continue;
    if (name === "?xml") {
      if (index !== 0) throw malformed("The XML declaration must come first");
    } else if (name === "#text") {
      if (textOf([node], false).trim() !== "") throw malformed("Text outside the root element");
    } else if (!name.startsWith("?") && name !== "#cdata") {
      if (root !== undefined) throw malformed("More than one root element");
      root = toElement(name, node, new Map(), 1);
    } else if (name === "#cdata") {
      throw malformed("CDATA outside the root element");
    }
  }
  if (root === undefined) throw malformed("No root element");
  return root;
}
