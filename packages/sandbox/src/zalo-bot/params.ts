import { badRequest, tooLarge } from "./errors.js";

/**
 * A method's parameters, wherever they came from: the query string, a JSON body, a
 * url-encoded form or a multipart form (the docs allow all four). Values read as strings.
 */
export class ZaloParams {
  private constructor(private readonly values: Map<string, unknown>) {}

  static async read(request: Request, limitBytes: number): Promise<ZaloParams> {
    const values = new Map<string, unknown>(new URL(request.url).searchParams);
    const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    const body = await readBytes(request, limitBytes);
    if (body.byteLength === 0) return new ZaloParams(values);
    const text = () => Buffer.from(body).toString("utf8");
    if (type === "application/json") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text());
      } catch {
        throw badRequest("can't parse JSON body");
      }
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
        throw badRequest("the JSON body must be an object");
      for (const [k, v] of Object.entries(parsed)) values.set(k, v);
    } else if (type === "application/x-www-form-urlencoded") {
      for (const [k, v] of new URLSearchParams(text())) values.set(k, v);
    } else if (type === "multipart/form-data") {
      const form = await new Response(body, {
        headers: { "content-type": request.headers.get("content-type") ?? "" },
      })
        .formData()
        .catch(() => {
          throw badRequest("can't parse multipart/form-data body");
        });
      for (const [k, v] of form) if (typeof v === "string") values.set(k, v);
    }
    return new ZaloParams(values);
  }

  /** The value as a string; numbers and booleans are converted, objects are not strings. */
  string(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

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
