import {
  type ApiError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionError,
  type RequestInfo,
  ServerError,
  ValidationError,
} from "../errors.js";

/** The real systems the SDK's adapters speak to. */
export type WireSystem = "dvcqg" | "igate" | "lgsp";

/** What a wire error code means, as an adapter's error table says. */
export type WireErrorKind =
  | "auth" // credentials or session refused: log in again once
  | "forbidden"
  | "not_found"
  | "conflict" // e.g. DVCQG "đã tồn tại"
  | "invalid" // the request itself is wrong: never retried
  | "server"; // the system failed: retried with backoff where the call may be repeated

/**
 * The typed error for a wire's error answer (often inside an HTTP 200). Its `code` is
 * `<system>:<wire code>`, e.g. `dvcqg:-1` or `lgsp:18`; the message keeps the wire's own text.
 * The class is the one the canonical client throws for the same meaning, so
 * `catch (e) { if (e instanceof NotFoundError) … }` works on every backend.
 */
export function wireError(
  system: WireSystem,
  init: {
    kind: WireErrorKind;
    wireCode: string;
    message: string;
    request: RequestInfo;
    /** HTTP status of the answer (200 when the wire hides errors in the body). */
    status: number;
    requestId?: string;
  },
): ApiError | ValidationError {
  const code = `${system}:${init.wireCode}`;
  const message = `${system} ${init.request.method} ${init.request.path} failed (${code}): ${init.message || "no details"}`;
  const base = { status: init.status, code, request: init.request, requestId: init.requestId };
  switch (init.kind) {
    case "auth":
      return new AuthenticationError(message, base);
    case "forbidden":
      return new PermissionError(message, base);
    case "not_found":
      return new NotFoundError(message, base);
    case "conflict":
      return new ConflictError(message, base);
    case "invalid":
      return new ValidationError(message, {
        fieldErrors: [],
        status: init.status,
        code,
        requestId: init.requestId,
      });
    case "server":
      return new ServerError(message, base);
  }
}
