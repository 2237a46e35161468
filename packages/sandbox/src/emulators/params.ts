/**
 * A file part of a multipart request. Its own `Content-Type` is not kept: telegraf sends none
 * (parsers then say text/plain), and the platforms go by the file name anyway.
 */
export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

/** The platform's Bot API errors for a request it cannot read. */
export interface ParamErrors {
  /** The body is over the byte limit. */
  tooLarge(): Error;
  /** A JSON body that does not parse. */
  badJson(): Error;
  /** A JSON body that parses to something other than an object. */
  notAnObject(): Error;
  /** A multipart body that does not parse. */
  badMultipart(): Error;
}

/**
 * A Bot API method's parameters, wherever they came from: the query string, a JSON body, a
 * url-encoded form or a multipart form (Telegram and Zalo take all four). Form values are
 * strings, so the readers convert; a platform adds its own readers in a subclass.
 */
export class RequestParams {
  constructor(
    protected readonly values: Map<string, unknown>,
    protected readonly files: Map<string, UploadedFile>,
  ) {}

  /** Reads `request` (at most `limitBytes` of body) into this class of parameters. */
  static async read<P extends RequestParams>(
    this: new (
      values: Map<string, unknown>,
      files: Map<string, UploadedFile>,
    ) => P,
    request: Request,
    limitBytes: number,
    errors: ParamErrors,
  ): Promise<P> {
    const values = new Map<string, unknown>(new URL(request.url).searchParams);
    const files = new Map<string, UploadedFile>();
    const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    const body = await readBytes(request, limitBytes, errors);
    if (body.byteLength === 0) return new this(values, files);
    const text = () => Buffer.from(body).toString("utf8");
    if (type === "application/json") {
      const parsed = parseJson(text());
      if (parsed === undefined) throw errors.badJson();
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
        throw errors.notAnObject();
      for (const [k, v] of Object.entries(parsed)) values.set(k, v);
    } else if (type === "application/x-www-form-urlencoded") {
      for (const [k, v] of new URLSearchParams(text())) values.set(k, v);
    } else if (type === "multipart/form-data") {
      const form = await new Response(body, {
        headers: { "content-type": request.headers.get("content-type") ?? "" },
      })
        .formData()
        .catch(() => {
          throw errors.badMultipart();
        });
      for (const [k, v] of form) {
        if (typeof v === "string") values.set(k, v);
        else files.set(k, { name: v.name, data: new Uint8Array(await v.arrayBuffer()) });
      }
    }
    return new this(values, files);
  }

  /** The value as a string; numbers and booleans are converted, objects sent as JSON. */
  string(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === null) return undefined;
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/** The parsed JSON, or `undefined` when `text` is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The body with a byte limit; uploads stream without a Content-Length, so count as it comes. */
async function readBytes(
  request: Request,
  limitBytes: number,
  errors: ParamErrors,
): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? "0") > limitBytes) throw errors.tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limitBytes) throw errors.tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
