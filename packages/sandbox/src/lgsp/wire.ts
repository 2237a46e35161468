import { LGSP_ERROR_CODES } from "@vnegov/domain";
import { LgspFailure, LgspGatewayError, lgspErrorDesc } from "./errors.js";

/**
 * LGSP's answer bodies. Successes carry `code: 200`; refusals come in an HTTP 200 body
 * (`data.status: "FAIL"`, the string `errorCode`, `errorDesc`, and `errorDetail[]`), except a
 * missing or expired token, which is a real HTTP 401.
 */

/** `{ code: 200, message: "Success", data }`, plus `success: true` as the list endpoints have. */
export const success = (data: unknown, extra: Record<string, unknown> = {}): Response =>
  Response.json({ code: 200, success: true, message: "Success", ...extra, data });

/** `data` of a send/update success: `status: "OK"`, `errorCode: "0"`. */
export const okStatus = (fields: Record<string, unknown>) => ({
  status: "OK",
  ...fields,
  errorCode: "0",
  errorDesc: LGSP_ERROR_CODES["0"].vi,
});

/** The body of a refusal, any error becoming LGSP's `20` (system error). */
export function failure(error: unknown): Response {
  if (error instanceof LgspGatewayError)
    return Response.json(
      { code: error.code, success: false, message: error.message, data: null },
      { status: error.httpStatus },
    );
  const known = error instanceof LgspFailure ? error : new LgspFailure("20");
  const errorDesc = lgspErrorDesc(known.errorCode);
  return Response.json({
    // The gateway's own code is HTTP-like: 500 for its failures, 400 for the caller's.
    code: known.errorCode === "20" || known.errorCode === "21" ? 500 : 400,
    success: false,
    message: errorDesc,
    data: { status: "FAIL", docId: null, errorCode: known.errorCode, errorDesc },
    errorDetail: [{ exception: known.detail }],
  });
}
