import { randomBytes } from "node:crypto";
import { invalidParam } from "./errors.js";

/** An uploaded image or file. */
export interface OaUpload {
  name: string;
  size: number;
  mimeType: string;
}

const IMAGE_LIMIT = 1024 * 1024;
const FILE_LIMIT = 5 * 1024 * 1024;
const FILE_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
};

/** JPEG or PNG, judged by the bytes (as Zalo does), not the name. */
function imageType(data: Uint8Array): string | undefined {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, i) => data[i] === byte)) return "image/png";
  return undefined;
}

/** `upload/image` attachment ids and `upload/file` tokens. */
export class OaUploads {
  private readonly images = new Map<string, OaUpload>();
  private readonly files = new Map<string, OaUpload>();

  /** A JPG or PNG of at most 1 MB; its `attachment_id`. */
  addImage(data: Uint8Array, name: string): string {
    if (data.byteLength === 0 || data.byteLength > IMAGE_LIMIT)
      throw invalidParam("the image must be 1 byte to 1 MB");
    const mimeType = imageType(data);
    if (!mimeType) throw invalidParam("the image must be JPG or PNG");
    const id = randomBytes(24).toString("base64url");
    this.images.set(id, { name, size: data.byteLength, mimeType });
    return id;
  }

  /** A PDF, DOC, DOCX or CSV of at most 5 MB; its `token`. */
  addFile(data: Uint8Array, name: string): string {
    if (data.byteLength === 0 || data.byteLength > FILE_LIMIT)
      throw invalidParam("the file must be 1 byte to 5 MB");
    const mimeType = FILE_TYPES[/\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ""];
    if (!mimeType) throw invalidParam("the file must be PDF, DOC, DOCX or CSV");
    const token = randomBytes(32).toString("base64url");
    this.files.set(token, { name, size: data.byteLength, mimeType });
    return token;
  }

  image(attachmentId: string): OaUpload | undefined {
    return this.images.get(attachmentId);
  }

  file(token: string): OaUpload | undefined {
    return this.files.get(token);
  }
}
