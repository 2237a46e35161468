import { LGSP_ERROR_CODES, type LgspErrorCode } from "@vnegov/domain";
import { ApiError, type RequestInfo, type ValidationError } from "../../errors.js";
import { type WireErrorKind, wireError } from "../wire-error.js";

/** What the SDK does with one LGSP error code. */
export interface LgspErrorRule {
  /** The meaning, hence the error class (see `wireError`). */
  kind: WireErrorKind;
  /** `reauthenticate`: log in again once; `backoff`: retry repeatable calls; `fail`: throw. */
  next: "reauthenticate" | "backoff" | "fail";
}

/**
 * LGSP's error codes and what they become. `errorCode`s come from the LGSP Lạng Sơn guide
 * (v2.2 §4); the three-digit ones are the gateway's HTTP-like `code` when a body has no
 * `errorCode` (401: the token; 404: no such document for this unit). Codes 10–23 are final
 * except 20 (an LGSP system error), which is retried with backoff where the call may be
 * repeated. Any other code becomes a plain `ApiError` carrying it (`lgsp:<code>`).
 */
export const LGSP_ERRORS: Readonly<
  Record<Exclude<LgspErrorCode, "0"> | "400" | "401" | "404" | "500", LgspErrorRule>
> = Object.freeze({
  "10": { kind: "invalid", next: "fail" },
  "15": { kind: "auth", next: "fail" },
  "18": { kind: "not_found", next: "fail" },
  "19": { kind: "forbidden", next: "fail" },
  "20": { kind: "server", next: "backoff" },
  "21": { kind: "server", next: "fail" },
  "22": { kind: "invalid", next: "fail" },
  "23": { kind: "conflict", next: "fail" },
  "400": { kind: "invalid", next: "fail" },
  "401": { kind: "auth", next: "reauthenticate" },
  "404": { kind: "not_found", next: "fail" },
  "500": { kind: "server", next: "backoff" },
});

/** The typed error for an LGSP error code, and what to do next. */
export function lgspError(
  wireCode: string,
  message: string,
  request: RequestInfo,
  status: number,
): { error: ApiError | ValidationError; next: LgspErrorRule["next"] } {
  const rule = (LGSP_ERRORS as Record<string, LgspErrorRule | undefined>)[wireCode];
  const text =
    message || (LGSP_ERROR_CODES as Record<string, { vi: string } | undefined>)[wireCode]?.vi || "";
  if (!rule) {
    // Unknown to the table: still a typed error, with the raw code to log or show.
    const error = new ApiError(
      `lgsp ${request.method} ${request.path} failed (lgsp:${wireCode}): ${text || "no details"}`,
      { status, code: `lgsp:${wireCode}`, request },
    );
    return { error, next: "fail" };
  }
  return {
    error: wireError("lgsp", { kind: rule.kind, wireCode, message: text, request, status }),
    next: rule.next,
  };
}
