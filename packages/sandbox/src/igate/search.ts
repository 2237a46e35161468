import { type DossierStatus, foldDiacritics, parseIgateDate } from "@vnegov/domain";
import { sqlLimit, Where } from "../db/where.js";
import type { World } from "../world.js";
import type { IgateDossierRow } from "./dossier-view.js";
import { SpringError } from "./errors.js";

const SELECT = `SELECT d.*, p.name AS procedure_name, a.name AS agency_name FROM dossiers d
  JOIN procedures p ON p.code = d.procedure_code JOIN agencies a ON a.code = d.agency_code`;

/** iGate sort keys → columns. */
const SORTABLE: Record<string, string> = {
  appliedDate: "d.submitted_at",
  acceptedDate: "d.received_at",
  appointmentDate: "d.appointment_at",
  completedDate: "d.completed_at",
  updatedDate: "d.updated_at",
  code: "d.code",
};

const DEFAULT_PAGE_SIZE = 20;

/** A search as the gateway understood its query string. */
export interface IgateSearch {
  page: number;
  size: number;
  /** `slice` answers without totals; anything else is a Spring `Page` with them. */
  slice: boolean;
  where: Where;
  orderBy: string;
}

/** Status ids this search asked for, matched against the table and any per-dossier overrides. */
export type StatusMatcher = (ids: number[]) => {
  /** Statuses whose ids were asked for. */
  statuses: DossierStatus[];
  /** Dossiers whose forced raw status was asked for. */
  codes: string[];
  /** Dossiers with a forced status: they no longer match by their own. */
  hidden: string[];
};

/**
 * Reads `/pa/dossier/search`'s query. Paging follows Spring's resolver: a `page` or `size` that
 * is not a number falls back to the default and an oversized `size` is cut to `maxPageSize`,
 * silently. Filters that cannot be converted are a 400, as Spring's conversion errors are.
 */
export function parseSearch(
  query: URLSearchParams,
  maxPageSize: number,
  matchStatuses: StatusMatcher,
): IgateSearch {
  const page = intParam(query.get("page"));
  const size = intParam(query.get("size"));
  const where = new Where();

  const code = query.get("code")?.trim();
  if (code) where.add("d.code = ?", code);
  const identity = query.get("identity-number")?.trim();
  if (identity) where.add("d.applicant_id_number = ?", identity);
  const statusList = query.get("dossier-status");
  if (statusList !== null && statusList.trim() !== "") {
    const ids = statusList.split(",").map((part) => {
      const id = part.trim();
      if (!/^-?\d+$/.test(id))
        throw new SpringError(
          400,
          `Failed to convert value of type 'java.lang.String' to required type 'java.util.List'; For input string: "${id}"`,
        );
      return Number(id);
    });
    const { statuses, codes, hidden } = matchStatuses(ids);
    const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
    const byStatus =
      statuses.length === 0
        ? "0"
        : `(d.status IN (${marks(statuses.length)})${hidden.length > 0 ? ` AND d.code NOT IN (${marks(hidden.length)})` : ""})`;
    const parts = [byStatus, codes.length > 0 ? `d.code IN (${marks(codes.length)})` : "0"];
    where.add(
      `(${parts.join(" OR ")})`,
      ...statuses,
      ...(statuses.length > 0 ? hidden : []),
      ...codes,
    );
  }
  const from = dateParam(query, "accepted-from", false);
  if (from !== undefined) where.add("d.received_at >= ?", from);
  const to = dateParam(query, "accepted-to", true);
  if (to !== undefined) where.add("d.received_at <= ?", to);

  return {
    page: page !== undefined && page >= 0 ? page : 0,
    size: size !== undefined && size >= 1 ? Math.min(size, maxPageSize) : DEFAULT_PAGE_SIZE,
    slice: query.get("spec") === "slice",
    where,
    orderBy: orderOf(query.getAll("sort")),
  };
}

/** Runs a search: one page of rows, whether more follow, and (for `Page`) the total. */
export function runSearch(
  world: World,
  search: IgateSearch,
  applicantName: string | undefined,
): { rows: IgateDossierRow[]; hasNext: boolean; total?: number } {
  const { where, size, page } = search;
  const start = page * size;
  if (!Number.isSafeInteger(start)) return { rows: [], hasNext: false };
  const base = `${SELECT} ${where} ORDER BY ${search.orderBy}`;
  let rows: IgateDossierRow[];
  let total: number | undefined;
  if (applicantName) {
    // Names are matched in JS: diacritics folding has no SQLite collation.
    const wanted = foldDiacritics(applicantName).toLowerCase();
    const all = (world.db.prepare(base).all(...where.args) as IgateDossierRow[]).filter((r) =>
      foldDiacritics((JSON.parse(r.applicant) as { fullName: string }).fullName)
        .toLowerCase()
        .includes(wanted),
    );
    total = all.length;
    rows = all.slice(start, start + size + 1);
  } else {
    // A Slice asks for one row more than the page to know whether another page follows.
    rows = world.db
      .prepare(`${base} ${sqlLimit(size + 1)} OFFSET ${start}`)
      .all(...where.args) as IgateDossierRow[];
    if (!search.slice)
      total = (
        world.db.prepare(`SELECT COUNT(*) AS n FROM dossiers d ${where}`).get(...where.args) as {
          n: number;
        }
      ).n;
  }
  return {
    rows: rows.slice(0, size),
    hasNext: rows.length > size,
    ...(search.slice || total === undefined ? {} : { total }),
  };
}

/** One dossier by code, or undefined. */
export function loadDossier(world: World, code: string): IgateDossierRow | undefined {
  return world.db.prepare(`${SELECT} WHERE d.code = ? ${sqlLimit(1)}`).get(code) as
    | IgateDossierRow
    | undefined;
}

/** Every dossier code (to find one by its derived id). */
export function allCodes(world: World): string[] {
  return (world.db.prepare("SELECT code FROM dossiers").all() as { code: string }[]).map(
    (r) => r.code,
  );
}

function intParam(value: string | null): number | undefined {
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** An instant, or a bare date taken as the whole Vietnamese day (its start, or its end for `to`). */
function dateParam(query: URLSearchParams, name: string, endOfDay: boolean): number | undefined {
  const value = query.get(name)?.trim();
  if (!value) return undefined;
  const ms = parseIgateDate(value);
  if (ms === null)
    throw new SpringError(
      400,
      `Failed to convert value of type 'java.lang.String' to required type 'java.util.Date'; Parse attempt failed for value [${value}]`,
    );
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && endOfDay ? ms + 86_400_000 - 1 : ms;
}

/** `sort=field,asc|desc` (repeatable), then natural order; null dates sort first ascending, as in MongoDB. */
function orderOf(sorts: string[]): string {
  const terms: string[] = [];
  for (const sort of sorts) {
    const [field = "", direction = "asc"] = sort.split(",").map((s) => s.trim());
    if (field === "") continue;
    const column = SORTABLE[field];
    if (!column) throw new SpringError(400, `No property '${field}' found for type 'Dossier'`);
    const dir = direction.toLowerCase();
    if (dir !== "asc" && dir !== "desc")
      throw new SpringError(
        400,
        `Invalid value '${direction}' for orders given; Has to be either 'desc' or 'asc' (case insensitive)`,
      );
    terms.push(`${column} ${dir.toUpperCase()}`);
  }
  // Insertion order breaks ties, so pages never overlap.
  terms.push("d.rowid ASC");
  return terms.join(", ");
}
