import { parseJson, RequestParams, type UploadedFile } from "../emulators/params.js";
import { badRequest } from "./errors.js";

/** A method's parameters, read as Telegram does (telegraf sends JSON, multipart for uploads). */
export class Params extends RequestParams {
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
