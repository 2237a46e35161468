import type { Db } from "../db/database.js";

/** An edoc as stored: the uploaded bytes, untouched, and what routing read from them. */
export interface EdocRow {
  doc_id: string;
  from_code: string;
  from_name: string | null;
  system_id: string | null;
  document_id: string;
  edoc_code: string;
  subject: string;
  file_name: string | null;
  edxml: Buffer;
  sha256: string;
  world_document_id: string | null;
  created_at: number;
}

/** One line of a unit's received list: an edoc delivered to it, or a status report on one it sent. */
export interface InboxRow {
  id: number;
  doc_id: string;
  service_type: "edoc" | "status";
  from_code: string;
  to_code: string;
  status: string;
  status_desc: string;
  created_at: number;
  updated_at: number;
}

/** The LGSP emulator's tables (migration 2), nothing else. */
export class LgspStore {
  constructor(private readonly db: Db) {}

  insertEdoc(row: EdocRow, to: readonly string[], status: { code: string; desc: string }): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO lgsp_edocs (doc_id, from_code, from_name, system_id, document_id, edoc_code, subject,
             file_name, edxml, sha256, world_document_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.doc_id,
          row.from_code,
          row.from_name,
          row.system_id,
          row.document_id,
          row.edoc_code,
          row.subject,
          row.file_name,
          row.edxml,
          row.sha256,
          row.world_document_id,
          row.created_at,
        );
      for (const code of to)
        this.addInbox(row.doc_id, "edoc", row.from_code, code, status, row.created_at);
    })();
  }

  addInbox(
    docId: string,
    serviceType: InboxRow["service_type"],
    from: string,
    to: string,
    status: { code: string; desc: string },
    at: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO lgsp_inbox (doc_id, service_type, from_code, to_code, status, status_desc, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(docId, serviceType, from, to, status.code, status.desc, at, at);
  }

  edoc(docId: string): EdocRow | undefined {
    return this.db.prepare("SELECT * FROM lgsp_edocs WHERE doc_id = ?").get(docId) as
      | EdocRow
      | undefined;
  }

  edocs(): EdocRow[] {
    return this.db
      .prepare("SELECT * FROM lgsp_edocs ORDER BY created_at, doc_id")
      .all() as EdocRow[];
  }

  /** The receipt of `docId` at unit `to`, if it was delivered there. */
  receipt(docId: string, to: string): InboxRow | undefined {
    return this.db
      .prepare(
        "SELECT * FROM lgsp_inbox WHERE doc_id = ? AND to_code = ? AND service_type = 'edoc'",
      )
      .get(docId, to) as InboxRow | undefined;
  }

  receipts(docId: string): InboxRow[] {
    return this.db
      .prepare("SELECT * FROM lgsp_inbox WHERE doc_id = ? ORDER BY id")
      .all(docId) as InboxRow[];
  }

  setReceiptStatus(id: number, status: { code: string; desc: string }, at: number): void {
    this.db
      .prepare("UPDATE lgsp_inbox SET status = ?, status_desc = ?, updated_at = ? WHERE id = ?")
      .run(status.code, status.desc, at, id);
  }

  /** What unit `to` received, changed in [fromMs, toMs). */
  inbox(to: string, fromMs: number, toMs: number): InboxRow[] {
    return this.db
      .prepare(
        "SELECT * FROM lgsp_inbox WHERE to_code = ? AND updated_at >= ? AND updated_at < ? ORDER BY updated_at, id",
      )
      .all(to, fromMs, toMs) as InboxRow[];
  }

  isLocked(code: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM lgsp_locked_units WHERE agency_code = ?").get(code) !==
      undefined
    );
  }

  lock(code: string, at: number): void {
    this.db
      .prepare("INSERT OR IGNORE INTO lgsp_locked_units (agency_code, locked_at) VALUES (?, ?)")
      .run(code, at);
  }

  unlock(code: string): void {
    this.db.prepare("DELETE FROM lgsp_locked_units WHERE agency_code = ?").run(code);
  }
}
