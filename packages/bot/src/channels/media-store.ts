import { randomBytes } from "node:crypto";
import type { OutgoingAttachment } from "../engine/messages.js";

/** Files kept at most at once; the oldest go first. */
const MAX_FILES = 1_000;

/**
 * Outgoing files served at unguessable URLs for a while, for platforms that fetch media by
 * URL (Zalo's `sendPhoto`). Zalo may fetch a URL more than once, minutes later, so a file
 * stays for `ttlMs` (default 30 min), not one download.
 */
export class MediaStore {
  private readonly files = new Map<string, { file: OutgoingAttachment; expiresAt: number }>();

  /** `baseUrl` is where {@link MediaStore.response} is mounted, e.g. `https://bot.example/media`. */
  constructor(
    private readonly baseUrl: string,
    private readonly ttlMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps `file` and returns its public URL. */
  put(file: OutgoingAttachment): string {
    this.prune();
    const id = randomBytes(18).toString("base64url");
    this.files.set(id, { file, expiresAt: this.now() + this.ttlMs });
    if (this.files.size > MAX_FILES) this.files.delete(this.files.keys().next().value as string);
    return `${this.baseUrl.replace(/\/$/, "")}/${id}`;
  }

  /** The file with id `id` as an HTTP response; 404 once it expired or for unknown ids. */
  response(id: string): Response {
    const entry = this.files.get(id);
    if (!entry || entry.expiresAt <= this.now()) return new Response(null, { status: 404 });
    const { file } = entry;
    return new Response(file.data, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "private, max-age=600",
        "x-content-type-options": "nosniff",
      },
    });
  }

  private prune(): void {
    const now = this.now();
    for (const [id, entry] of this.files) if (entry.expiresAt <= now) this.files.delete(id);
  }
}
