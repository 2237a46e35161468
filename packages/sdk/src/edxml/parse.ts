import { decodeBase64 } from "./base64.js";
import { EdxmlError } from "./errors.js";
import { guarded } from "./guard.js";
import { EDXML_NAMESPACE } from "./namespace.js";
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
  type EdxmlStatusCode,
  type EdxmlTraceHeaderList,
} from "./types.js";
import {
  childrenNamed,
  idList,
  invalid,
  isEdxml,
  optionalBoolean,
  optionalChild,
  optionalCode,
  optionalDate,
  optionalId,
  optionalInt,
  optionalText,
  requiredChild,
  requiredCode,
  requiredDate,
  requiredId,
  requiredInt,
  requiredText,
  requiredTimestamp,
  textList,
} from "./xml-read.js";
import { readXmlTree, type XmlElement } from "./xml-tree.js";

/** Drops keys whose value is `undefined`, so absent wire elements are absent in the model. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

interface Envelope {
  envelope: XmlElement;
  /** `AttachmentEncoded` blocks that sit beside the envelope in the VNPT layout. */
  outerAttachments: XmlElement[];
}

/**
 * Finds the envelope. Two layouts are accepted: `edXMLEnvelope` as the root (what
 * `buildEdxml` writes), and the VNPT SDK layout, a root `edXML` element holding the envelope
 * and, beside it, `AttachmentEncoded`. Both must be in the edXML namespace, whatever prefix.
 */
function openEnvelope(xml: unknown): Envelope {
  const root = readXmlTree(xml);
  if (isEdxml(root, "edXMLEnvelope")) return { envelope: root, outerAttachments: [] };
  if (isEdxml(root, "edXML")) {
    const envelope = optionalChild(root, "edXMLEnvelope", "edXML");
    if (envelope === undefined) {
      throw new EdxmlError("not_edxml", "The edXML element holds no edXMLEnvelope");
    }
    return { envelope, outerAttachments: childrenNamed(root, "AttachmentEncoded") };
  }
  const where = root.namespace === undefined ? "no namespace" : `namespace "${root.namespace}"`;
  throw new EdxmlError(
    "not_edxml",
    `The root element is "${root.localName}" in ${where}; expected "edXMLEnvelope" in ` +
      `namespace "${EDXML_NAMESPACE}"`,
  );
}

function readOrganization(el: XmlElement, path: string): EdxmlOrganization {
  return defined({
    organId: requiredId(el, "OrganId", path),
    organInCharge: optionalText(el, "OrganizationInCharge", path),
    organName: optionalText(el, "OrganName", path),
    organAdd: optionalText(el, "OrganAdd", path),
    email: optionalText(el, "Email", path),
    telephone: optionalText(el, "Telephone", path),
    fax: optionalText(el, "Fax", path),
    website: optionalText(el, "Website", path),
  });
}

function readResponseFor(el: XmlElement, path: string): EdxmlResponseFor {
  return {
    organId: requiredId(el, "OrganId", path),
    code: requiredId(el, "Code", path),
    promulgationDate: requiredDate(el, "PromulgationDate", path, true),
    documentId: requiredId(el, "DocumentId", path),
  };
}

function readStaffInfo(el: XmlElement, path: string): EdxmlStaffInfo {
  return defined({
    department: optionalText(el, "Department", path),
    staff: optionalText(el, "Staff", path),
    email: optionalText(el, "Email", path),
    mobile: optionalText(el, "Mobile", path),
  });
}

/** Path of the `index`-th (0-based) repeated element, XPath style (1-based). */
const nth = (path: string, name: string, index: number): string => `${path}/${name}[${index + 1}]`;

function readBusiness(el: XmlElement, path: string): EdxmlBusiness {
  const staff = optionalChild(el, "StaffInfo", path);
  const infoPath = `${path}/BussinessDocumentInfo`;
  const info = optionalChild(el, "BussinessDocumentInfo", path);
  const receiversPath = `${infoPath}/ReceiverList`;
  const receivers = info && optionalChild(info, "ReceiverList", infoPath);
  const replacementsPath = `${path}/ReplacementInfoList`;
  const replacements = optionalChild(el, "ReplacementInfoList", path);
  return defined({
    documentId: optionalId(el, "DocumentId", path),
    businessDocType: requiredInt(el, "BussinessDocType", path),
    businessDocReason: optionalText(el, "BussinessDocReason", path),
    paper: optionalInt(el, "Paper", path),
    staffInfo: staff && readStaffInfo(staff, `${path}/StaffInfo`),
    businessDocumentInfo:
      info &&
      defined({
        documentInfo: optionalInt(info, "DocumentInfo", infoPath),
        documentReceiver: optionalInt(info, "DocumentReceiver", infoPath),
        receiverList:
          receivers &&
          childrenNamed(receivers, "Receiver").map((r, i) => {
            const at = nth(receiversPath, "Receiver", i);
            return {
              organId: requiredId(r, "OrganId", at),
              receiverType: requiredInt(r, "ReceiverType", at),
            };
          }),
      }),
    replacementInfoList:
      replacements &&
      childrenNamed(replacements, "ReplacementInfo").map((r, i) => {
        const at = nth(replacementsPath, "ReplacementInfo", i);
        const list = optionalChild(r, "OrganIdList", at);
        return {
          documentId: requiredId(r, "DocumentId", at),
          organIds: list ? idList(list, "OrganId", `${at}/OrganIdList`) : [],
        };
      }),
  });
}

function readTraceHeaderList(el: XmlElement, path: string): EdxmlTraceHeaderList {
  const business = optionalChild(el, "Bussiness", path);
  return defined({
    traceHeaders: childrenNamed(el, "TraceHeader").map((t, i) => {
      const at = nth(path, "TraceHeader", i);
      return {
        organId: requiredId(t, "OrganId", at),
        timestamp: requiredTimestamp(t, "Timestamp", at),
      };
    }),
    business: business && readBusiness(business, `${path}/Bussiness`),
  });
}

function readHeader(envelope: XmlElement, envelopePath: string): EdxmlHeader {
  const headerPath = `${envelopePath}/edXMLHeader`;
  const header = requiredChild(envelope, "edXMLHeader", envelopePath);
  const path = `${headerPath}/MessageHeader`;
  const mh = requiredChild(header, "MessageHeader", headerPath);

  const to = childrenNamed(mh, "To");
  if (to.length === 0) {
    throw new EdxmlError("missing_field", `${path}/To is required`, { path: `${path}/To` });
  }
  const codePath = `${path}/Code`;
  const code = requiredChild(mh, "Code", path);
  const promulgationPath = `${path}/PromulgationInfo`;
  const promulgation = requiredChild(mh, "PromulgationInfo", path);
  const typePath = `${path}/DocumentType`;
  const type = requiredChild(mh, "DocumentType", path);
  const signerPath = `${path}/SignerInfo`;
  const signer = requiredChild(mh, "SignerInfo", path);
  const otherPath = `${path}/OtherInfo`;
  const other = requiredChild(mh, "OtherInfo", path);
  const appendixes = optionalChild(other, "Appendixes", otherPath);
  const toPlaces = optionalChild(mh, "ToPlaces", path);
  const responseFor = childrenNamed(mh, "ResponseFor");
  const trace = optionalChild(header, "TraceHeaderList", headerPath);

  return defined({
    from: readOrganization(requiredChild(mh, "From", path), `${path}/From`),
    to: to.map((el, i) => readOrganization(el, nth(path, "To", i))),
    code: {
      codeNumber: requiredId(code, "CodeNumber", codePath),
      codeNotation: requiredId(code, "CodeNotation", codePath),
    },
    promulgationInfo: {
      place: requiredText(promulgation, "Place", promulgationPath),
      date: requiredDate(promulgation, "PromulgationDate", promulgationPath),
    },
    documentType: defined({
      type: requiredCode(type, "Type", typePath),
      typeDetail: optionalCode(type, "TypeDetail", typePath),
      typeName: requiredText(type, "TypeName", typePath),
    }),
    subject: requiredText(mh, "Subject", path),
    content: optionalText(mh, "Content", path),
    signerInfo: defined({
      competence: optionalText(signer, "Competence", signerPath),
      position: requiredText(signer, "Position", signerPath),
      fullName: requiredText(signer, "FullName", signerPath),
    }),
    dueDate: optionalDate(mh, "DueDate", path),
    toPlaces: toPlaces && textList(toPlaces, "Place", `${path}/ToPlaces`),
    otherInfo: defined({
      priority: requiredInt(other, "Priority", otherPath, 4),
      sphereOfPromulgation: optionalText(other, "SphereOfPromulgation", otherPath),
      typerNotation: optionalText(other, "TyperNotation", otherPath),
      promulgationAmount: optionalInt(other, "PromulgationAmount", otherPath),
      pageAmount: optionalInt(other, "PageAmount", otherPath),
      direction: optionalBoolean(other, "Direction", otherPath),
      appendixes: appendixes && textList(appendixes, "Appendix", `${otherPath}/Appendixes`),
    }),
    steeringType: optionalInt(mh, "SteeringType", path),
    documentId: requiredId(mh, "DocumentId", path),
    responseFor:
      responseFor.length > 0
        ? responseFor.map((el, i) => readResponseFor(el, nth(path, "ResponseFor", i)))
        : undefined,
    traceHeaderList: trace && readTraceHeaderList(trace, `${headerPath}/TraceHeaderList`),
  });
}

/** Non-blank text, kept verbatim (file names and MIME types are not trimmed). */
function nonBlank(value: string | undefined, path: string): string {
  if (value === undefined || value.trim() === "") {
    throw new EdxmlError("missing_field", `${path} is required`, { path });
  }
  return value;
}

/**
 * Attachments come from `AttachmentEncoded/Attachment` (inside the envelope, or beside it in
 * the VNPT layout); name, type and description fall back to the manifest `Reference` with the
 * same `ContentId`. A manifest entry with no encoded content is an error: the message promises
 * a file it does not carry.
 */
function readAttachments(
  envelope: XmlElement,
  path: string,
  outer: XmlElement[],
): EdxmlAttachment[] {
  const bodyPath = `${path}/edXMLBody`;
  const body = optionalChild(envelope, "edXMLBody", path);
  const manifestPath = `${bodyPath}/edXMLManifest`;
  const manifest = body && optionalChild(body, "edXMLManifest", bodyPath);
  const references = new Map<string, { el: XmlElement; path: string; used: boolean }>();
  for (const [i, el] of (manifest ? childrenNamed(manifest, "Reference") : []).entries()) {
    const at = nth(manifestPath, "Reference", i);
    const contentId = requiredId(el, "ContentId", at);
    if (references.has(contentId)) throw invalid(`${at}/ContentId`, `repeats "${contentId}"`);
    references.set(contentId, { el, path: at, used: false });
  }

  const containers = [
    ...childrenNamed(envelope, "AttachmentEncoded").map((el) => ({
      el,
      path: `${path}/AttachmentEncoded`,
    })),
    ...outer.map((el) => ({ el, path: "edXML/AttachmentEncoded" })),
  ];
  const seen = new Set<string>();
  const attachments: EdxmlAttachment[] = [];
  for (const container of containers) {
    for (const [i, el] of childrenNamed(container.el, "Attachment").entries()) {
      const at = nth(container.path, "Attachment", i);
      const contentId = requiredId(el, "ContentId", at);
      if (seen.has(contentId)) throw invalid(`${at}/ContentId`, `repeats "${contentId}"`);
      seen.add(contentId);
      const ref = references.get(contentId);
      if (ref) ref.used = true;
      const pick = (name: string): string | undefined =>
        optionalText(el, name, at) ?? (ref && optionalText(ref.el, name, ref.path));
      const encoded = requiredText(el, "ContentTransferEncoded", at);
      const data = decodeBase64(encoded);
      if (data === null) throw invalid(`${at}/ContentTransferEncoded`, "is not valid base64");
      attachments.push(
        defined({
          contentId,
          contentType: nonBlank(pick("ContentType"), `${at}/ContentType`),
          description: pick("Description"),
          fileName: nonBlank(pick("AttachmentName"), `${at}/AttachmentName`),
          data,
        }),
      );
    }
  }
  for (const ref of references.values()) {
    if (!ref.used) {
      throw new EdxmlError(
        "missing_field",
        `${ref.path} lists an attachment that AttachmentEncoded does not carry`,
        { path: ref.path },
      );
    }
  }
  return attachments;
}

/**
 * Reads an edXML document message.
 *
 * Accepts text or UTF-8 bytes, with `edXMLEnvelope` as the root or inside the VNPT `edXML`
 * wrapper. Namespaces are resolved, so any prefix bound to the edXML namespace works; unknown
 * elements (an XMLDSig `Signature`, later additions) are ignored — the signature is **not**
 * verified here. Text is returned as sent: no trimming (except of identifiers, codes, numbers
 * and dates) and no Unicode normalisation.
 *
 * @throws {EdxmlError} and nothing else, for any input: `malformed_xml` (not well-formed, a
 * DTD, forbidden characters, not UTF-8), `not_edxml` (wrong root or namespace),
 * `missing_field`, `invalid_field` (bad date, number, base64…). `path` names the element.
 *
 * @example
 * const message = parseEdxml(await readFile("incoming.edxml"));
 * message.header.code; // { codeNumber: "16", codeNotation: "CT-TTg" }
 */
export function parseEdxml(xml: string | Uint8Array): EdxmlMessage {
  return guarded("malformed_xml", "Could not read the XML", () => {
    const { envelope, outerAttachments } = openEnvelope(xml);
    const path = "edXMLEnvelope";
    return {
      header: readHeader(envelope, path),
      attachments: readAttachments(envelope, path, outerAttachments),
    };
  });
}

/**
 * Reads an edXML status packet (`edXMLEnvelope/edXMLHeader/Status`, the layout
 * `buildEdxmlStatus` writes [UNCONFIRMED against the spec]). A one-digit `StatusCode` is
 * padded (`6` → `06`); codes outside {@link EDXML_STATUS} are `invalid_field`.
 *
 * @throws {EdxmlError} and nothing else, with the codes of {@link parseEdxml}.
 *
 * @example
 * const status = parseEdxmlStatus(xml);
 * EDXML_STATUS[status.statusCode].en; // "accepted"
 */
export function parseEdxmlStatus(xml: string | Uint8Array): EdxmlStatus {
  return guarded("malformed_xml", "Could not read the XML", () => {
    const { envelope } = openEnvelope(xml);
    const headerPath = "edXMLEnvelope/edXMLHeader";
    const header = requiredChild(envelope, "edXMLHeader", "edXMLEnvelope");
    const path = `${headerPath}/Status`;
    const status = requiredChild(header, "Status", headerPath);
    const rawCode = requiredId(status, "StatusCode", path);
    const statusCode = /^[0-9]$/.test(rawCode) ? `0${rawCode}` : rawCode;
    if (!Object.hasOwn(EDXML_STATUS, statusCode)) {
      throw invalid(`${path}/StatusCode`, `"${rawCode}" is not an edXML status code`);
    }
    const staff = optionalChild(status, "StaffInfo", path);
    return defined({
      from: readOrganization(requiredChild(status, "From", path), `${path}/From`),
      responseFor: readResponseFor(
        requiredChild(status, "ResponseFor", path),
        `${path}/ResponseFor`,
      ),
      statusCode: statusCode as EdxmlStatusCode,
      description: optionalText(status, "Description", path),
      timestamp: requiredTimestamp(status, "Timestamp", path),
      staffInfo: staff && readStaffInfo(staff, `${path}/StaffInfo`),
    });
  });
}
