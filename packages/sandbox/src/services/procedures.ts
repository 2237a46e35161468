import { foldDiacritics } from "@vnegov/domain";
import { sqlLimit, Where } from "../db/where.js";
import { decodeCursor, type Page, toPage } from "../http/pagination.js";
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
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every word of `q` must appear in `column` (folded text), in any order, diacritics ignored. */
export function addTextSearch(where: Where, column: string, q: string): void {
  for (const word of foldDiacritics(q).split(" ").filter(Boolean)) {
    where.add(`${column} LIKE ? ESCAPE '\\'`, likeContains(word));
  }
}

export function listProcedures(
  world: World,
  filter: { q?: string; agencyCode?: string; onlineLevel?: string },
  cursor: string | undefined,
  limit: number,
): Page<ReturnType<typeof summary>> {
  const where = new Where();
  if (filter.q) addTextSearch(where, "p.search_text", filter.q);
  if (filter.agencyCode) where.add("p.agency_code = ?", filter.agencyCode);
  if (filter.onlineLevel) where.add("p.online_level = ?", filter.onlineLevel);
  const after = decodeCursor(cursor, 1);
  if (after) where.add("p.code > ?", String(after[0]));
  const rows = world.db
    .prepare(`${SELECT} ${where} ORDER BY p.code ${sqlLimit(limit + 1)}`)
    .all(...where.args) as ProcedureRow[];
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

interface PlaceRow {
  code: string;
  name: string;
  short_name?: string;
  level: string;
  parent_code: string | null;
}

/** A page of a reference table keyed by `code` (agencies, areas), in code order. */
function listByCode(
  world: World,
  table: "agencies" | "areas",
  cursor: string | undefined,
  limit: number,
) {
  const after = decodeCursor(cursor, 1);
  const rows = world.db
    .prepare(`SELECT * FROM ${table} WHERE code > ? ORDER BY code ${sqlLimit(limit + 1)}`)
    .all(after ? String(after[0]) : "") as PlaceRow[];
  return toPage(
    rows,
    limit,
    (r) => [r.code],
    (r) => ({
      code: r.code,
      name: r.name,
      ...(r.short_name === undefined ? {} : { shortName: r.short_name }),
      level: r.level,
      parentCode: r.parent_code,
    }),
  );
}

export const listAgencies = (world: World, cursor: string | undefined, limit: number) =>
  listByCode(world, "agencies", cursor, limit);

export const listAreas = (world: World, cursor: string | undefined, limit: number) =>
  listByCode(world, "areas", cursor, limit);
