import Database from "better-sqlite3";
import type { Subscription, SubscriptionStore } from "./store.js";

/** Subscriptions in a SQLite file: the embedded default. */
export class SqliteSubscriptionStore implements SubscriptionStore {
  private readonly db: Database.Database;
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(path: string) {
    this.db = new Database(path);
    if (path !== ":memory:") this.db.pragma("journal_mode = WAL");
    this.db.exec(`CREATE TABLE IF NOT EXISTS subscriptions (
      chat_key TEXT NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, secret TEXT, created_at INTEGER NOT NULL,
      PRIMARY KEY (chat_key, kind, code))`);
    this.db.exec(
      "CREATE INDEX IF NOT EXISTS subscriptions_by_target ON subscriptions (kind, code)",
    );
  }

  async add(chatKey: string, s: Subscription): Promise<void> {
    this.statement(
      "INSERT OR IGNORE INTO subscriptions (chat_key, kind, code, name, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(chatKey, s.kind, s.code, s.name, s.secret ?? null, Date.now());
  }

  async remove(chatKey: string, kind: Subscription["kind"], code: string): Promise<boolean> {
    return (
      this.statement("DELETE FROM subscriptions WHERE chat_key = ? AND kind = ? AND code = ?").run(
        chatKey,
        kind,
        code,
      ).changes > 0
    );
  }

  async removeAll(chatKey: string): Promise<number> {
    return this.statement("DELETE FROM subscriptions WHERE chat_key = ?").run(chatKey).changes;
  }

  async list(chatKey: string): Promise<Subscription[]> {
    const rows = this.statement(
      "SELECT kind, code, name, secret FROM subscriptions WHERE chat_key = ? ORDER BY created_at, code",
    ).all(chatKey) as (Subscription & { secret: string | null })[];
    return rows.map(({ secret, ...s }) => (secret === null ? s : { ...s, secret }));
  }

  async ofKind(
    kind: Subscription["kind"],
  ): Promise<{ chatKey: string; subscription: Subscription }[]> {
    const rows = this.statement(
      "SELECT chat_key, kind, code, name, secret FROM subscriptions WHERE kind = ?",
    ).all(kind) as (Subscription & { chat_key: string; secret: string | null })[];
    return rows.map(({ chat_key, secret, ...s }) => ({
      chatKey: chat_key,
      subscription: secret === null ? s : { ...s, secret },
    }));
  }

  async followers(kind: Subscription["kind"], code: string): Promise<string[]> {
    return (
      this.statement("SELECT chat_key FROM subscriptions WHERE kind = ? AND code = ?").all(
        kind,
        code,
      ) as { chat_key: string }[]
    ).map((r) => r.chat_key);
  }

  /** The statement for `sql`, prepared on first use: preparing costs more than running. */
  private statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    this.db.close();
  }
}
