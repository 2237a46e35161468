import { extname } from "node:path";

/** A file a user or the bot uploaded; ids are valid for the bot that saw it, as on Telegram. */
export interface StoredFile {
  fileId: string;
  uniqueId: string;
  /** Where `GET /file/bot<token>/<path>` serves it. */
  path: string;
  data: Uint8Array;
  mimeType?: string;
  fileName?: string;
}

/** Telegram guesses a document's type from its name; so does the emulator. */
const MIME_TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".json": "application/json",
  ".xml": "application/xml",
  ".zip": "application/zip",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xls": "application/vnd.ms-excel",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function mimeTypeOf(fileName: string): string | undefined {
  return MIME_TYPES[extname(fileName).toLowerCase()];
}

/** One bot's files, by id and by download path. */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private count = 0;

  constructor(private readonly botId: number) {}

  add(
    data: Uint8Array,
    where: { folder: "photos" | "documents"; extension: string },
    meta: { mimeType?: string; fileName?: string } = {},
  ): StoredFile {
    const n = ++this.count;
    // Opaque like Telegram's ids, but deterministic so test output is stable.
    const fileId = Buffer.from(`vnegov-file:${this.botId}:${n}`).toString("base64url");
    const file: StoredFile = {
      fileId,
      uniqueId: Buffer.from(`u${this.botId}.${n}`).toString("base64url"),
      path: `${where.folder}/file_${n}.${where.extension.replace(/^\./, "") || "dat"}`,
      data,
      ...meta,
    };
    this.byId.set(fileId, file);
    this.byPath.set(file.path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }
}
