import { createHash } from "node:crypto";
import type { LgspAgencyRecord } from "@vnegov/domain";
import type { Db } from "../db/database.js";

/** One unit as `getAgenciesList` lists it (LGSP Lạng Sơn's `content[]` item). */
export type LgspAgencyView = LgspAgencyRecord;

interface AgencyRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/**
 * A stable UUID-shaped id per agency code, as LGSP hands out ids of its own (not the code):
 * the same world always gives the same ids.
 */
function agencyId(code: string): string {
  const hex = createHash("sha1").update(`lgsp-agency:${code}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The world's agencies, one page (`page` from 1) in code order, and the total. */
export function agencyPage(
  db: Db,
  page: number,
  size: number,
): { total: number; content: LgspAgencyView[] } {
  const all = db
    .prepare("SELECT code, name, level, parent_code FROM agencies ORDER BY code")
    .all() as AgencyRow[];
  const byCode = new Map(all.map((a) => [a.code, a]));
  const depth = (row: AgencyRow): number => {
    let d = 1;
    const seen = new Set<string>([row.code]);
    for (
      let p = row.parent_code;
      p && byCode.has(p) && !seen.has(p);
      p = byCode.get(p)?.parent_code ?? null
    ) {
      seen.add(p);
      d++;
    }
    return d;
  };
  const content = all.slice((page - 1) * size, page * size).map((row) => {
    const internal = row.level !== "trung_uong";
    return {
      id: agencyId(row.code),
      code: row.code,
      oldCode: null,
      name: row.name,
      centerCode: null,
      parentId: row.parent_code ? agencyId(row.parent_code) : null,
      level: depth(row),
      type: internal ? ("INTERNAL" as const) : ("NATIONAL" as const),
      typeInternal: internal,
    };
  });
  return { total: all.length, content };
}

/** The name of a world agency, or undefined when the world has no such agency. */
export function agencyName(db: Db, code: string): string | undefined {
  const row = db.prepare("SELECT name FROM agencies WHERE code = ?").get(code) as
    | { name: string }
    | undefined;
  return row?.name;
}
