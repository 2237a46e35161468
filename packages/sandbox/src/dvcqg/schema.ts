import type { Db } from "../db/database.js";

/**
 * The emulator's own tables, beside the world's: what a DVCQG record carries that the
 * canonical model has no column for (file URLs, fee lines, supplement rounds, result papers…)
 * and the progress fields of each history entry it wrote. Created on start rather than in
 * the shared migrations, so the world's schema stays the contract's.
 */
export function ensureDvcqgTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS dvcqg_records (
      dossier_code TEXT PRIMARY KEY REFERENCES dossiers(code),
      record TEXT NOT NULL, synced_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS dvcqg_progress (
      history_id TEXT PRIMARY KEY, dossier_code TEXT NOT NULL,
      title TEXT, department TEXT, started_at INTEGER, due_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS dvcqg_progress_by_dossier ON dvcqg_progress (dossier_code);
  `);
}
