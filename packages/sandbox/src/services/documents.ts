import { foldDiacritics, parseDocumentNumber, toVnIso } from "@vnegov/domain";
import { sqlLimit, Where } from "../db/where.js";
import { isBase64 } from "../domain/form-validation.js";
import { splitNumberNotation } from "../domain/notation.js";
import { parseInstant } from "../domain/time.js";
import { emitEvent } from "../events/emit.js";
import { newId } from "../http/ids.js";
import { decodeCursor, toPage } from "../http/pagination.js";
import { conflict, type FieldError, forbidden, notFound, unprocessable } from "../http/problem.js";
import type { Principal, World } from "../world.js";
import { listAttachments, storeAttachment } from "./attachments.js";
import { addTextSearch } from "./procedures.js";

export interface DocumentRow {
  id: string;
  direction: string;
  number_notation: string;
  type: string;
  issuer_name: string;
  issuer_agency_code: string | null;
  subject: string;
  summary: string | null;
  signer: string;
  issued_at: string;
  received_at: number | null;
  due_at: number | null;
  urgency: string;
  confidentiality: string;
  created_at: number;
  audiences: string | null;
  effective_from: number | null;
  effective_to: number | null;
  published_at: number | null;
}

export interface Audience {
  kind: "area" | "agency" | "public";
  code?: string;
}

export interface DocumentInput {
  direction?: "incoming" | "outgoing";
  numberNotation: string;
  type: string;
  issuerName: string;
  issuerAgencyCode?: string;
  subject: string;
  summary?: string;
  signer: { fullName: string; position: string; authority?: string | null };
  issuedAt: string;
  dueAt?: string;
  urgency?: string;
  confidentiality?: string;
  attachments?: {
    fileName: string;
    contentType: string;
    contentBase64: string;
    signed?: boolean;
  }[];
}

export interface DirectiveInput extends DocumentInput {
  audiences: Audience[];
  effectiveFrom: string;
  effectiveTo?: string;
}

export const isConfidential = (row: Pick<DocumentRow, "confidentiality">) =>
  row.confidentiality !== "thuong";

export function documentView(world: World, row: DocumentRow) {
  const { number, notation } = splitNumberNotation(row.number_notation);
  return {
    id: row.id,
    direction: row.direction,
    numberNotation: row.number_notation,
    number,
    notation,
    type: row.type,
    issuerName: row.issuer_name,
    issuerAgencyCode: row.issuer_agency_code,
    subject: row.subject,
    summary: row.summary,
    signer: JSON.parse(row.signer),
    issuedAt: row.issued_at,
    receivedAt: row.received_at === null ? null : toVnIso(row.received_at),
    dueAt: row.due_at === null ? null : toVnIso(row.due_at),
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    attachments: listAttachments(world.db, "document", row.id),
    createdAt: toVnIso(row.created_at),
  };
}

export function directiveView(world: World, row: DocumentRow) {
  return {
    ...documentView(world, row),
    audiences: JSON.parse(row.audiences ?? "[]") as Audience[],
    effectiveFrom: toVnIso(row.effective_from as number),
    effectiveTo: row.effective_to === null ? null : toVnIso(row.effective_to),
    publishedAt: toVnIso(row.published_at as number),
  };
}

function loadVisible(world: World, principal: Principal, id: string): DocumentRow {
  const row = world.db.prepare("SELECT * FROM documents WHERE id = ?").get(id) as
    | DocumentRow
    | undefined;
  if (!row) throw notFound(`No document ${id}.`);
  if (isConfidential(row) && !principal.scopes.has("docs:confidential")) {
    throw forbidden(
      "confidential_document",
      "This document is confidential; it needs the docs:confidential scope.",
    );
  }
  return row;
}

export function getDocument(world: World, principal: Principal, id: string) {
  return documentView(world, loadVisible(world, principal, id));
}

export function getDirective(world: World, principal: Principal, id: string) {
  const row = loadVisible(world, principal, id);
  if (row.published_at === null) throw notFound(`Document ${id} is not a published directive.`);
  return directiveView(world, row);
}

export function downloadAttachment(
  world: World,
  principal: Principal,
  documentId: string,
  attachmentId: string,
) {
  loadVisible(world, principal, documentId);
  const file = world.db
    .prepare(
      "SELECT content, content_type, sha256 FROM attachments WHERE owner_kind = 'document' AND owner_id = ? AND id = ?",
    )
    .get(documentId, attachmentId) as
    | { content: Buffer; content_type: string; sha256: string }
    | undefined;
  if (!file) throw notFound(`No attachment ${attachmentId} on document ${documentId}.`);
  return file;
}

export function listDocuments(
  world: World,
  principal: Principal,
  filter: {
    q?: string;
    numberNotation?: string;
    direction?: string;
    type?: string;
    urgency?: string;
    issuedFrom?: string;
    issuedTo?: string;
  },
  cursor: string | undefined,
  limit: number,
) {
  const where = new Where();
  if (!principal.scopes.has("docs:confidential")) where.add("confidentiality = 'thuong'");
  if (filter.q) addTextSearch(where, "search_text", filter.q);
  if (filter.numberNotation)
    where.add("number_notation = ?", filter.numberNotation.normalize("NFC"));
  if (filter.direction) where.add("direction = ?", filter.direction);
  if (filter.type) where.add("type = ?", filter.type);
  if (filter.urgency) where.add("urgency = ?", filter.urgency);
  if (filter.issuedFrom) where.add("issued_at >= ?", filter.issuedFrom);
  if (filter.issuedTo) where.add("issued_at <= ?", filter.issuedTo);
  const after = decodeCursor(cursor, 2);
  if (after) where.add("(issued_at, id) < (?, ?)", ...after);
  const rows = world.db
    .prepare(
      `SELECT * FROM documents ${where} ORDER BY issued_at DESC, id DESC ${sqlLimit(limit + 1)}`,
    )
    .all(...where.args) as DocumentRow[];
  return toPage(
    rows,
    limit,
    (r) => [r.issued_at, r.id],
    (r) => documentView(world, r),
  );
}

/** The area and every area containing it, by the parent chain. */
function withAncestors(world: World, areaCode: string): string[] {
  const codes: string[] = [];
  let code: string | null = areaCode;
  while (code !== null && codes.length < 10) {
    codes.push(code);
    const parent = world.db.prepare("SELECT parent_code FROM areas WHERE code = ?").get(code) as
      | { parent_code: string | null }
      | undefined;
    code = parent?.parent_code ?? null;
  }
  return codes;
}

export function listDirectives(
  world: World,
  principal: Principal,
  filter: { areaCode?: string; agencyCode?: string; type?: string; activeAt?: string },
  cursor: string | undefined,
  limit: number,
) {
  const where = new Where().add("published_at IS NOT NULL");
  if (!principal.scopes.has("docs:confidential")) where.add("confidentiality = 'thuong'");
  if (filter.areaCode) {
    const areas = withAncestors(world, filter.areaCode);
    where.add(
      `id IN (SELECT document_id FROM directive_audiences WHERE kind = 'public'
        OR (kind = 'area' AND code IN (${areas.map(() => "?").join(", ")})))`,
      ...areas,
    );
  }
  if (filter.agencyCode) {
    where.add(
      "(issuer_agency_code = ? OR id IN (SELECT document_id FROM directive_audiences WHERE kind = 'agency' AND code = ?))",
      filter.agencyCode,
      filter.agencyCode,
    );
  }
  if (filter.type) where.add("type = ?", filter.type);
  if (filter.activeAt) {
    const at = parseInstant(filter.activeAt);
    where.add("effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)", at, at);
  }
  const after = decodeCursor(cursor, 2);
  if (after) where.add("(published_at, id) < (?, ?)", ...after);
  const rows = world.db
    .prepare(
      `SELECT * FROM documents ${where} ORDER BY published_at DESC, id DESC ${sqlLimit(limit + 1)}`,
    )
    .all(...where.args) as DocumentRow[];
  return toPage(
    rows,
    limit,
    (r) => [r.published_at as number, r.id],
    (r) => directiveView(world, r),
  );
}

export function checkDocument(world: World, input: DocumentInput): FieldError[] {
  const errors: FieldError[] = [];
  const { notation } = splitNumberNotation(input.numberNotation);
  // Decree 30: the notation carries the type's abbreviation (CT for a chỉ thị); a công văn none.
  if (parseDocumentNumber(input.numberNotation)?.type !== input.type) {
    errors.push({
      field: "body.numberNotation",
      code: "notation_type_mismatch",
      message: `the notation ${notation} does not carry the abbreviation of a ${input.type} (Decree 30/2020/NĐ-CP)`,
    });
  }
  if (
    input.issuerAgencyCode &&
    !world.db.prepare("SELECT 1 FROM agencies WHERE code = ?").get(input.issuerAgencyCode)
  ) {
    errors.push({
      field: "body.issuerAgencyCode",
      code: "unknown_agency",
      message: "is not a known agency code",
    });
  }
  if (Number.isNaN(parseInstant(input.issuedAt))) {
    errors.push({
      field: "body.issuedAt",
      code: "invalid_date",
      message: "must be a date YYYY-MM-DD",
    });
  }
  (input.attachments ?? []).forEach((a, i) => {
    if (!isBase64(a.contentBase64)) {
      errors.push({
        field: `body.attachments.${i}.contentBase64`,
        code: "invalid_base64",
        message: "is not valid base64",
      });
    }
  });
  return errors;
}

export function insertDocument(
  world: World,
  input: DocumentInput,
  extra: { direction: string; directive?: DirectiveInput },
): DocumentRow {
  const { db } = world;
  const numberNotation = input.numberNotation.normalize("NFC");
  const year = input.issuedAt.slice(0, 4);
  const clash = db
    .prepare(
      "SELECT id FROM documents WHERE number_notation = ? AND issuer_name = ? AND substr(issued_at, 1, 4) = ?",
    )
    .get(numberNotation, input.issuerName, year);
  if (clash) {
    throw conflict(
      "duplicate_number",
      `${numberNotation} of ${input.issuerName} already exists for ${year}; numbers are unique per issuer and year.`,
    );
  }
  const id = newId("doc", world.randomBytes);
  const now = world.now();
  const d = extra.directive;
  db.prepare(
    `INSERT INTO documents (id, direction, number_notation, type, issuer_name, issuer_agency_code, subject, search_text,
       summary, signer, issued_at, received_at, due_at, urgency, confidentiality, created_at, audiences, effective_from,
       effective_to, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    extra.direction,
    numberNotation,
    input.type,
    input.issuerName,
    input.issuerAgencyCode ?? null,
    input.subject,
    foldDiacritics(`${numberNotation} ${input.subject} ${input.issuerName}`),
    input.summary ?? null,
    JSON.stringify({
      fullName: input.signer.fullName,
      position: input.signer.position,
      authority: input.signer.authority ?? null,
    }),
    input.issuedAt,
    extra.direction === "incoming" ? now : null,
    input.dueAt ? parseInstant(input.dueAt) : null,
    input.urgency ?? "thuong",
    input.confidentiality ?? "thuong",
    now,
    d ? JSON.stringify(d.audiences) : null,
    d ? parseInstant(d.effectiveFrom) : null,
    d?.effectiveTo ? parseInstant(d.effectiveTo) : null,
    d ? now : null,
  );
  for (const audience of d?.audiences ?? []) {
    db.prepare("INSERT INTO directive_audiences (document_id, kind, code) VALUES (?, ?, ?)").run(
      id,
      audience.kind,
      audience.code ?? null,
    );
  }
  for (const a of input.attachments ?? []) {
    storeAttachment(
      world,
      { kind: "document", id },
      {
        fileName: a.fileName,
        contentType: a.contentType,
        content: Buffer.from(a.contentBase64, "base64"),
        signed: a.signed ?? false,
      },
      now,
    );
  }
  return db.prepare("SELECT * FROM documents WHERE id = ?").get(id) as DocumentRow;
}

export function createDocument(
  world: World,
  input: DocumentInput & { direction: "incoming" | "outgoing" },
) {
  const errors = checkDocument(world, input);
  if (errors.length > 0) throw unprocessable("The document is invalid.", errors);
  const row = insertDocument(world, input, { direction: input.direction });
  const view = documentView(world, row);
  emitEvent(world, { type: "document.published", data: view, confidential: isConfidential(row) });
  return view;
}

export function publishDirective(world: World, input: DirectiveInput) {
  const errors = checkDocument(world, input);
  input.audiences.forEach((audience, i) => {
    const at = `body.audiences.${i}.code`;
    if (audience.kind === "public") {
      if (audience.code !== undefined)
        errors.push({ field: at, code: "unexpected", message: "a public audience has no code" });
      return;
    }
    const table = audience.kind === "area" ? "areas" : "agencies";
    if (audience.code === undefined)
      errors.push({
        field: at,
        code: "required",
        message: `an ${audience.kind} audience needs a code`,
      });
    else if (!world.db.prepare(`SELECT 1 FROM ${table} WHERE code = ?`).get(audience.code)) {
      errors.push({
        field: at,
        code: `unknown_${audience.kind}`,
        message: `is not a known ${audience.kind} code`,
      });
    }
  });
  const from = parseInstant(input.effectiveFrom);
  if (input.effectiveTo && parseInstant(input.effectiveTo) < from) {
    errors.push({
      field: "body.effectiveTo",
      code: "before_start",
      message: "must not be before effectiveFrom",
    });
  }
  if (errors.length > 0) throw unprocessable("The directive is invalid.", errors);
  const row = insertDocument(world, input, { direction: "outgoing", directive: input });
  const confidential = isConfidential(row);
  emitEvent(world, { type: "document.published", data: documentView(world, row), confidential });
  const view = directiveView(world, row);
  emitEvent(world, { type: "directive.published", data: view, confidential });
  return view;
}
