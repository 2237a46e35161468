/**
 * A wire code no table knows: kept with where it came from, so callers can show, log or
 * forward it instead of crashing. `value` is always `"unknown"`.
 */
export interface UnknownCode {
  readonly value: "unknown";
  /** The code exactly as the wire sent it. */
  readonly code: string;
  /** The table that did not know it, e.g. `dvcqg.TrangThaiHoSo`. */
  readonly table: string;
}

/** A decoded wire code: ours, or {@link UnknownCode}. */
export type Decoded<T extends string> = { readonly value: T; readonly code: string } | UnknownCode;

/**
 * An explicit two-way mapping between one of our enums and a wire's codes or keywords.
 * `decode` never throws; `encode` is total over our enum, so a missing entry is a type error.
 */
export interface CodeTable<T extends string> {
  /** Where the codes live, e.g. `dvcqg.TrangThaiHoSo`; named in {@link UnknownCode}s. */
  readonly name: string;
  /** Our value → the wire's code. */
  readonly entries: Readonly<Record<T, string>>;
  encode(value: T): string;
  decode(code: string | number | null | undefined): Decoded<T>;
}

/**
 * Builds a {@link CodeTable}. `aliases` are further wire spellings read as one of ours (DVCQG's
 * English keywords, `"01"` for `"1"`); they are decoded but never produced.
 */
export function codeTable<T extends string>(
  name: string,
  entries: Readonly<Record<T, string>>,
  aliases: Readonly<Record<string, T>> = {},
): CodeTable<T> {
  const byCode = new Map<string, T>();
  for (const [value, code] of Object.entries(entries) as [T, string][]) {
    if (byCode.has(code)) throw new Error(`${name}: code ${code} is mapped twice`);
    byCode.set(code, value);
  }
  for (const [code, value] of Object.entries(aliases))
    if (!byCode.has(code)) byCode.set(code, value);
  return {
    name,
    entries,
    encode: (value) => entries[value],
    decode(code) {
      const raw = code === null || code === undefined ? "" : String(code).trim();
      const value = byCode.get(raw);
      return value === undefined
        ? { value: "unknown", code: raw, table: name }
        : { value, code: raw };
    },
  };
}

/** True for a code the table did not know. */
export function isUnknownCode(decoded: Decoded<string>): decoded is UnknownCode {
  return "table" in decoded;
}
