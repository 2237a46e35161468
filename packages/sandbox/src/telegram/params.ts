import { badRequest, tooLarge } from "./errors.js";

/**
 * A file part of a multipart request. Its own `Content-Type` is not kept: telegraf sends none
 * (parsers then say text/plain), and Telegram goes by the file name anyway.
 */
export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

/**
 * A method's parameters, wherever they came from: the query string, a JSON body, a
 * url-encoded form or a multipart form (telegraf uses JSON, and multipart for uploads).
 * Form values are strings, so the readers convert as Telegram does.
 */
export class Params {
  private constructor(
    private readonly values: Map<string, unknown>,
    private readonly files: Map<string, UploadedFile>,
  ) {}

  static async read(request: Request, limitBytes: number): Promise<Params> {
    const values = new Map<string, unknown>(new URL(request.url).searchParams);
    const files = new Map<string, UploadedFile>();
    const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    const body = await readBytes(request, limitBytes);
    if (body.byteLength === 0) return new Params(values, files);
    if (type === "application/json") {
      const parsed = parseJson(Buffer.from(body).toString("utf8"));
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
        throw badRequest("can't parse JSON object");
      for (const [k, v] of Object.entries(parsed)) values.set(k, v);
    } else if (type === "application/x-www-form-urlencoded") {
      for (const [k, v] of new URLSearchParams(Buffer.from(body).toString("utf8")))
        values.set(k, v);
    } else if (type === "multipart/form-data") {
      const form = await new Response(body, {
        headers: { "content-type": request.headers.get("content-type") ?? "" },
      })
        .formData()
        .catch(() => {
          throw badRequest("can't parse multipart/form-data request");
        });
      for (const [k, v] of form) {
        if (typeof v === "string") values.set(k, v);
        else files.set(k, { name: v.name, data: new Uint8Array(await v.arrayBuffer()) });
      }
    }
    return new Params(values, files);
  }

  string(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  int(name: string): number | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null || value === "") return undefined;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw badRequest(`invalid ${name} specified`);
    return n;
  }

  bool(name: string): boolean {
    const value = this.values.get(name);
    return value === true || value === "true" || value === "1" || value === 1;
  }

  /** A structured parameter, sent as JSON itself or as a JSON string in a form. */
  json(name: string, what: string): unknown {
    const value = this.values.get(name);
    if (typeof value !== "string") return value ?? undefined;
    const parsed = parseJson(value);
    if (parsed === undefined) throw badRequest(`can't parse ${what} JSON object`);
    return parsed;
  }

  /** An uploaded file: a part named `name`, or the part an `attach://<part>` value names. */
  file(name: string): UploadedFile | undefined {
    const direct = this.files.get(name);
    if (direct) return direct;
    const value = this.string(name);
    return value?.startsWith("attach://") ? this.files.get(value.slice(9)) : undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The body with a byte limit; uploads stream without a Content-Length, so count as it comes. */
async function readBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? "0") > limitBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limitBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
