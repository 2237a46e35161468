import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** One invalid field inside a problem. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * An RFC 9457 problem the web chat API answers with. Handlers throw it; the API's error
 * handler renders it as `application/problem+json`.
 */
export class WebChatProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extra: { errors?: FieldError[]; maxBytes?: number } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "WebChatProblem";
  }
}

export function problemResponse(c: Context, problem: WebChatProblem): Response {
  const body = {
    type: `/problems/${problem.code}`,
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    code: problem.code,
    ...problem.extra,
  };
  return c.body(JSON.stringify(body), problem.status, {
    ...problem.headers,
    "Content-Type": "application/problem+json",
  });
}

export const badRequest = (code: string, detail: string) =>
  new WebChatProblem(400, code, "Bad Request", detail);

export const unauthorized = () =>
  // Unknown sessions and wrong tokens look the same, so session ids cannot be probed.
  new WebChatProblem(
    401,
    "unauthorized",
    "Unauthorized",
    "Unknown session or wrong token.",
    {},
    {
      "WWW-Authenticate": 'Bearer realm="webchat"',
    },
  );

export const notFound = () =>
  new WebChatProblem(404, "not_found", "Not Found", "There is no such web chat endpoint.");

export const tooLarge = (detail: string, maxBytes: number) =>
  new WebChatProblem(
    413,
    "payload_too_large",
    "Content Too Large",
    detail,
    { maxBytes },
    // The body may be left unread, so the connection cannot carry another request.
    { Connection: "close" },
  );

export const unsupportedMediaType = (detail: string) =>
  new WebChatProblem(415, "unsupported_media_type", "Unsupported Media Type", detail);

export const invalid = (errors: FieldError[]) =>
  new WebChatProblem(
    422,
    "validation_failed",
    "Unprocessable Content",
    errors.map((e) => e.message).join(" "),
    { errors },
  );

export const internalError = () =>
  new WebChatProblem(500, "internal", "Internal Server Error", "Something went wrong on our side.");
