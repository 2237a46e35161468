/** One field-level validation error inside a problem. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * An RFC 9457 problem. Handlers throw it; the app renders it as `application/problem+json`
 * with the request id added.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    title: string,
    detail?: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(detail ?? title);
    this.name = "ApiProblem";
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }

  toJSON(requestId: string): Record<string, unknown> {
    return {
      type: `/problems/${this.code}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      code: this.code,
      requestId,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const badRequest = (code: string, detail: string, errors?: FieldError[]) =>
  new ApiProblem(400, code, "Bad Request", detail, errors ? { errors } : {});

export const unauthorized = (detail: string) =>
  new ApiProblem(401, "unauthorized", "Unauthorized", detail, {
    headers: { "WWW-Authenticate": 'Bearer realm="vnegov"' },
  });

export const forbidden = (code: string, detail: string) =>
  new ApiProblem(403, code, "Forbidden", detail);

export const notFound = (detail: string, code = "not_found") =>
  new ApiProblem(404, code, "Not Found", detail);

export const conflict = (code: string, detail: string) =>
  new ApiProblem(409, code, "Conflict", detail);

export const unprocessable = (detail: string, errors: FieldError[]) =>
  new ApiProblem(422, "validation_failed", "Unprocessable Content", detail, { errors });

export const tooManyRequests = (retryAfterSeconds: number, detail = "Too many requests.") =>
  new ApiProblem(429, "rate_limited", "Too Many Requests", detail, {
    headers: { "Retry-After": String(retryAfterSeconds) },
    extra: { retryAfter: retryAfterSeconds },
  });
