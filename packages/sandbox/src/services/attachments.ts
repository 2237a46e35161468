import type { Db } from "../db/database.js";
import { newId, sha256Hex } from "../http/ids.js";
import type { World } from "../world.js";

export interface AttachmentRow {
  id: string;
  field_key: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  signed: number;
}

/** Stores a file and returns its id. */
export function storeAttachment(
  world: World,
  owner: { kind: "dossier" | "document"; id: string },
  file: {
    fieldKey?: string | null;
    fileName: string;
    contentType: string;
    content: Buffer;
    signed?: boolean;
  },
  at: number,
): string {
  const id = newId("att", world.randomBytes);
  world.db
    .prepare(
      `INSERT INTO attachments (id, owner_kind, owner_id, field_key, file_name, content_type, size, sha256, signed, content, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      owner.kind,
      owner.id,
      file.fieldKey ?? null,
      file.fileName,
      file.contentType,
      file.content.length,
      sha256Hex(file.content),
      file.signed ? 1 : 0,
      file.content,
      at,
    );
  return id;
}

export function listAttachments(db: Db, kind: "dossier" | "document", ownerId: string) {
  const rows = db
    .prepare(
      `SELECT id, field_key, file_name, content_type, size, sha256, signed FROM attachments
       WHERE owner_kind = ? AND owner_id = ? ORDER BY created_at, id`,
    )
    .all(kind, ownerId) as AttachmentRow[];
  return rows.map((r) => ({
    id: r.id,
    fieldKey: r.field_key,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    signed: r.signed === 1,
  }));
}
