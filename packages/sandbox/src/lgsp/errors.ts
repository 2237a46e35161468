import { LGSP_ERROR_CODES, type LgspErrorCode } from "@vnegov/domain";

/** The Vietnamese description of an error code; undocumented codes get a generic one. */
export function lgspErrorDesc(code: string): string {
  return (
    (LGSP_ERROR_CODES as Record<string, { vi: string } | undefined>)[code]?.vi ??
    "Lỗi không xác định"
  );
}

/**
 * A refusal LGSP reports with one of its documented `errorCode`s, inside an HTTP 200 body
 * (`data.status: "FAIL"`).
 */
export class LgspFailure extends Error {
  constructor(
    /** One of LGSP's documented codes, or (injected faults only) any other. */
    readonly errorCode: Exclude<LgspErrorCode, "0"> | (string & {}),
    /** Why, for `errorDetail[].exception`. */
    readonly detail: string = lgspErrorDesc(errorCode),
  ) {
    super(`${errorCode}: ${detail}`);
  }
}

/**
 * A refusal outside LGSP's error table, reported the gateway's way: `{ code, message }` with an
 * HTTP-like `code` (400 bad request, 401 token, 404 no such document). Only 401 is a real HTTP
 * 401; the others come in an HTTP 200 body [UNCONFIRMED shape].
 */
export class LgspGatewayError extends Error {
  constructor(
    readonly code: 400 | 401 | 404,
    message: string,
  ) {
    super(message);
  }

  get httpStatus(): 200 | 401 {
    return this.code === 401 ? 401 : 200;
  }
}
