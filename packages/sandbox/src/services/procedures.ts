import { foldText } from "../domain/text.js";
import { type Page, decodeCursor, toPage } from "../http/pagination.js";
import { notFound } from "../http/problem.js";
import type { SeedFormField } from "../seed/data/types.js";
import type { World } from "../world.js";

export interface ProcedureRow {
  code: string;
  name: string;
  agency_code: string;
  agency_name: string;
  field: string;
  online_level: string;
  processing_days: number;
  fee_amount: number;
  required_papers: string;
  form_schema: string;
  result_description: string;
  legal_basis: string;
}

export function procedureFields(row: Pick<ProcedureRow, "form_schema">): SeedFormField[] {
  return (JSON.parse(row.form_schema) as { fields: SeedFormField[] }).fields;
}

const SELECT = `SELECT p.*, a.name AS agency_name FROM procedures p JOIN agencies a ON a.code = p.agency_code`;

function summary(row: ProcedureRow) {
  return {
    code: row.code,
    name: row.name,
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    field: row.field,
    onlineLevel: row.online_level,
    processingDays: row.processing_days,
    fee: { amount: row.fee_amount, currency: "VND" },
  };
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listProcedures(
  world: World,
  filter: { q?: string; agencyCode?: string; onlineLevel?: string },
  cursor: string | undefined,
  limit: number,
): Page<ReturnType<typeof summary>> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.q) {
    // Every word must appear, in any order, diacritics ignored.
    for (const word of foldText(filter.q).split(" ").filter(Boolean)) {
      where.push("p.search_text LIKE ? ESCAPE '\\'");
      args.push(likeContains(word));
    }
  }
  if (filter.agencyCode) where.push("p.agency_code = ?"), args.push(filter.agencyCode);
  if (filter.onlineLevel) where.push("p.online_level = ?"), args.push(filter.onlineLevel);
  const after = decodeCursor(cursor, 1);
  if (after) where.push("p.code > ?"), args.push(String(after[0]));
  const rows = world.db
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY p.code LIMIT ?`)
    .all(...args, limit + 1) as ProcedureRow[];
  return toPage(rows, limit, (r) => [r.code], summary);
}

export function getProcedure(world: World, code: string) {
  const row = world.db.prepare(`${SELECT} WHERE p.code = ?`).get(code) as ProcedureRow | undefined;
  if (!row) throw notFound(`No procedure ${code}.`, "procedure_not_found");
  return {
    ...summary(row),
    requiredPapers: JSON.parse(row.required_papers),
    formSchema: JSON.parse(row.form_schema),
    resultDescription: row.result_description,
    legalBasis: JSON.parse(row.legal_basis),
  };
}

export function listAgencies(world: World, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor, 1);
  const rows = world.db
    .prepare("SELECT * FROM agencies WHERE code > ? ORDER BY code LIMIT ?")
    .all(after ? String(after[0]) : "", limit + 1) as {
    code: string; name: string; short_name: string; level: string; parent_code: string | null;
  }[];
  return toPage(rows, limit, (r) => [r.code], (r) => ({
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    level: r.level,
    parentCode: r.parent_code,
  }));
}

export function listAreas(world: World, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor, 1);
  const rows = world.db
    .prepare("SELECT * FROM areas WHERE code > ? ORDER BY code LIMIT ?")
    .all(after ? String(after[0]) : "", limit + 1) as {
    code: string; name: string; level: string; parent_code: string | null;
  }[];
  return toPage(rows, limit, (r) => [r.code], (r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
  }));
}
