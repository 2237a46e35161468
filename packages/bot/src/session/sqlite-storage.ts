import Database from "better-sqlite3";
import type { Session, SessionStorage } from "./storage.js";

/** Sessions in a SQLite file (or `:memory:`): the embedded default, survives restarts. */
export class SqliteSessionStorage implements SessionStorage {
  private readonly db: Database.Database;
  // Prepared once: preparing on every call cost more than running the statement.
  private readonly statements: {
    read: Database.Statement<[string], { value: string }>;
    write: Database.Statement<[string, string, number]>;
    delete: Database.Statement<[string]>;
  };

  constructor(path: string) {
    this.db = new Database(path);
    if (path !== ":memory:") this.db.pragma("journal_mode = WAL");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL)",
    );
    this.statements = {
      read: this.db.prepare("SELECT value FROM sessions WHERE key = ?"),
      write: this.db.prepare(
        "INSERT INTO sessions (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      ),
      delete: this.db.prepare("DELETE FROM sessions WHERE key = ?"),
    };
  }

  async read(key: string): Promise<Session | undefined> {
    const row = this.statements.read.get(key);
    return row ? (JSON.parse(row.value) as Session) : undefined;
  }

  async write(key: string, session: Session): Promise<void> {
    this.statements.write.run(key, JSON.stringify(session), Date.now());
  }

  async delete(key: string): Promise<void> {
    this.statements.delete.run(key);
  }

  close(): void {
    this.db.close();
  }
}
