import type { Problem } from "./types.js";

/** One field-level error, as the server reports it in a problem's `errors`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The root of every error the SDK throws; `instanceof VnegovError` catches them all. */
export class VnegovError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Facts about the request that failed, with credentials already removed. */
export interface RequestInfo {
  method: string;
  /** Path and query, e.g. `/portal/v1/dossiers/…`; never includes secrets (they travel in headers). */
  path: string;
}

/** The server answered with an error status. */
export class ApiError extends VnegovError {
  /** HTTP status. */
  readonly status: number;
  /** The problem's stable machine code, e.g. `invalid_transition`. */
  readonly code: string;
  /** The server's request id, for support tickets and logs. */
  readonly requestId: string | undefined;
  /** The full RFC 9457 problem body, when the server sent one. */
  readonly problem: Problem | undefined;
  readonly request: RequestInfo;

  constructor(
    message: string,
    init: {
      status: number;
      code: string;
      requestId?: string;
      problem?: Problem;
      request: RequestInfo;
    },
  ) {
    super(message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.problem = init.problem;
    this.request = init.request;
  }
}

/** 401: the API key or token is missing, wrong or expired. */
export class AuthenticationError extends ApiError {}

/** 403: the credentials lack a scope, or the acting staff member is not linked. */
export class PermissionError extends ApiError {}

/** 404: no such resource, or not visible to this client (a wrong verification secret looks the same). */
export class NotFoundError extends ApiError {}

/** 409: not allowed in the resource's current state (e.g. `invalid_transition`). */
export class ConflictError extends ApiError {}

/**
 * Invalid input: thrown by the SDK before any request when arguments are wrong, or for a
 * server's 400/422. `fieldErrors` names each field.
 */
export class ValidationError extends VnegovError {
  readonly fieldErrors: FieldError[];
  /** Set when the server rejected the request (400/422); absent for the SDK's own checks. */
  readonly status: number | undefined;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly problem: Problem | undefined;

  constructor(
    message: string,
    init: {
      fieldErrors: FieldError[];
      status?: number;
      code?: string;
      requestId?: string;
      problem?: Problem;
    },
  ) {
    super(message);
    this.fieldErrors = init.fieldErrors;
    this.status = init.status;
    this.code = init.code ?? "invalid_argument";
    this.requestId = init.requestId;
    this.problem = init.problem;
  }
}

/** 429: rate limited; wait `retryAfter` seconds. Thrown once retries are used up. */
export class RateLimitError extends ApiError {
  readonly retryAfter: number | undefined;

  constructor(
    message: string,
    init: ConstructorParameters<typeof ApiError>[1] & { retryAfter: number | undefined },
  ) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}

/** 5xx from the server. */
export class ServerError extends ApiError {}

/** No usable answer: connection refused or reset, DNS failure, or a malformed response body. */
export class ConnectionError extends VnegovError {
  readonly request: RequestInfo;

  constructor(message: string, request: RequestInfo, options?: { cause?: unknown }) {
    super(message, options);
    this.request = request;
  }
}

/** The request took longer than `timeout` (or was aborted by the caller's signal). */
export class TimeoutError extends ConnectionError {}

/** A webhook delivery whose signature or timestamp does not verify. */
export class SignatureVerificationError extends VnegovError {}
