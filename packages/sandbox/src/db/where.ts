/** SQL conditions joined with AND, collected with their parameters. */
export class Where {
  private readonly conditions: string[] = [];
  readonly args: (string | number)[] = [];

  /** Adds a condition; `?` placeholders take `args` in order. */
  add(condition: string, ...args: (string | number)[]): this {
    this.conditions.push(condition);
    this.args.push(...args);
    return this;
  }

  /** `WHERE …`, or nothing when there are no conditions. */
  toString(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(" AND ")}` : "";
  }
}

/**
 * `LIMIT n` as SQL text. SQLite re-prepares a statement on every run when its LIMIT is a
 * bound parameter (the planner may use the value), which cost a list more than its query.
 */
export function sqlLimit(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`bad row limit ${rows}`);
  return `LIMIT ${rows}`;
}
