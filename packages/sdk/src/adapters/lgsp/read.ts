import { retryAfterMs } from "../../core/retry.js";
import { jsonBody, type Outcome, type RawResponse } from "../../core/transport.js";
import { ConnectionError, RateLimitError, type RequestInfo } from "../../errors.js";
import { lgspError } from "./errors.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads an LGSP answer. LGSP reports refusals in HTTP 200 bodies: `data.status: "FAIL"` with a
 * string `errorCode` (`"22"`), or a gateway `code` other than 200 (`{ code: 404, message }`);
 * only an expired token is a real HTTP 401. Successes are the whole JSON body.
 */
export function readLgsp(response: RawResponse, info: RequestInfo): Outcome {
  const { status } = response;
  let body: unknown;
  try {
    body = jsonBody(response);
  } catch {
    body = undefined;
  }
  if (status === 429) {
    const waitMs = retryAfterMs(response.header("retry-after"));
    const error = new RateLimitError(`lgsp ${info.method} ${info.path} was rate limited (429).`, {
      status,
      code: "lgsp:429",
      request: info,
      retryAfter: waitMs === undefined ? undefined : waitMs / 1000,
    });
    return { ok: false, error, next: "wait", retryAfterMs: waitMs };
  }
  if (status >= 400) {
    const code = isObject(body) && body.code !== undefined ? String(body.code) : String(status);
    const message = isObject(body) && typeof body.message === "string" ? body.message : "";
    // A proxy's 502/503/504 is as transient as LGSP's own 500.
    const wireCode = status >= 500 ? "500" : status === 401 ? "401" : code;
    return { ok: false, ...lgspError(wireCode, message, info, status) };
  }
  if (!isObject(body)) {
    const error = new ConnectionError(`LGSP sent a malformed response (${status}).`, info);
    return { ok: false, error, next: "fail" };
  }
  const data = isObject(body.data) ? body.data : undefined;
  const errorCode = data?.errorCode;
  const failed = data?.status === "FAIL";
  if ((errorCode !== undefined && errorCode !== null && String(errorCode) !== "0") || failed) {
    const wireCode =
      errorCode === undefined || errorCode === null
        ? String(body.code ?? "unknown")
        : String(errorCode);
    return { ok: false, ...lgspError(wireCode, describe(body, data), info, status) };
  }
  const gateway = body.code;
  if (
    (gateway !== undefined && String(gateway) !== "200" && String(gateway) !== "0") ||
    body.success === false
  )
    return {
      ok: false,
      ...lgspError(String(gateway ?? "unknown"), describe(body, data), info, status),
    };
  return { ok: true, value: body };
}

/** `errorDesc` (or `message`) with the `errorDetail[].exception`s, for the error's message. */
function describe(body: Json, data: Json | undefined): string {
  const main =
    typeof data?.errorDesc === "string"
      ? data.errorDesc
      : typeof body.message === "string"
        ? body.message
        : "";
  const details = Array.isArray(body.errorDetail)
    ? body.errorDetail
        .map((d) => (isObject(d) && typeof d.exception === "string" ? d.exception : undefined))
        .filter((d): d is string => d !== undefined && d !== main)
    : [];
  return [main, ...details].filter((s) => s !== "").join(" — ");
}
