import addFormats from "ajv-formats";
import { OpenAPIBackend, type Operation } from "openapi-backend";
import type { FieldError } from "../http/problem.js";
import { loadSpec } from "./spec.js";

/** An operation of the contract, as the router needs it. */
export interface ContractOperation {
  operationId: string;
  method: string;
  /** OpenAPI path template, e.g. `/portal/v1/dossiers/{dossierCode}`. */
  path: string;
  /** Scopes any of which grants access; `null` when the operation needs no auth. */
  scopes: string[] | null;
  requestMediaTypes: string[];
  idempotent: boolean;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A compiled Ajv validator: `errors` is set by the last call. */
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/**
 * Request validation of one operation, worked out once. openapi-backend's `validateRequest`
 * re-parses the request on every call (the path template into a new RegExp, the query
 * string, cookies, lodash copies), which cost as much as a dossier look-up's SQL; this
 * gives its compiled validators the same input directly.
 */
interface RequestCheck {
  /**
   * openapi-backend's validators for the operation: the body's (if any), then the
   * parameters'. Compiled on first use, as openapi-backend's quick start leaves them.
   */
  validators?: Validate[];
  /** The path template as openapi-backend matches it: one group per path parameter. */
  pathPattern: RegExp;
  pathNames: string[];
  /** The body's only media type is JSON, so a body that is not an object must parse as JSON. */
  jsonOnly: boolean;
}

/** The raw request as {@link ContractValidator.validateRequest} checks it. */
export interface RequestToValidate {
  /** The URL's path, still percent-encoded. */
  path: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

/** openapi-backend set up for the contract; checking the document itself is a test's job. */
export async function contractBackend(): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: loadSpec() as never,
    strict: false,
    quick: true,
    validate: true,
    ajvOpts: { strict: false, allErrors: true },
    customizeAjv: (ajv) => {
      addFormats.default(ajv as never);
      return ajv;
    },
  });
  await api.init();
  return api;
}

/**
 * Validates requests and responses against the OpenAPI document with openapi-backend (Ajv
 * underneath). openapi-backend's own check of the document only knows OpenAPI 3.0, so it
 * is off here; a test validates the 3.1 document itself.
 */
export class ContractValidator {
  /**
   * Operations by id. openapi-backend rebuilds its whole operation list when given an id,
   * so validation is handed the operation object instead (≈ 0.3 ms saved per call).
   */
  private readonly byId: Map<string, Operation>;
  private readonly requestChecks = new Map<string, RequestCheck>();

  private constructor(private readonly api: OpenAPIBackend) {
    this.byId = new Map(api.getOperations().map((op) => [op.operationId as string, op]));
    for (const [id, op] of this.byId) this.requestChecks.set(id, requestCheck(op));
  }

  static async create(): Promise<ContractValidator> {
    return new ContractValidator(await contractBackend());
  }

  operations(): ContractOperation[] {
    return this.api.getOperations().map((op) => ({
      operationId: op.operationId as string,
      method: op.method.toUpperCase(),
      path: op.path,
      scopes: scopesOf(op),
      requestMediaTypes: Object.keys(
        (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content ?? {},
      ),
      idempotent: (op.parameters ?? []).some(
        (p) => (p as { name?: string }).name === "Idempotency-Key",
      ),
    }));
  }

  private operation(operationId: string): Operation {
    const op = this.byId.get(operationId);
    if (!op) throw new Error(`unknown operation ${operationId}`);
    return op;
  }

  /**
   * Field errors of a request (empty when it conforms): what openapi-backend's
   * `validateRequest` reports, without its per-call parsing.
   */
  validateRequest(operationId: string, request: RequestToValidate): FieldError[] {
    const check = this.requestChecks.get(operationId);
    if (!check) throw new Error(`unknown operation ${operationId}`);
    check.validators ??= (this.api.validator.getRequestValidatorsForOperation(operationId) ??
      []) as unknown as Validate[];
    const errors: AjvError[] = [];
    // As openapi-backend: a body that is not an object is read as JSON text once more.
    const { body } = request;
    let requestBody = body;
    if (typeof body !== "object" && body !== undefined) {
      if (check.jsonOnly) {
        try {
          JSON.parse(`${body}`);
        } catch (error) {
          const message = (error as Error).message;
          errors.push({ keyword: "parse", instancePath: "", params: {}, message });
        }
      }
      if (body) {
        try {
          requestBody = JSON.parse(String(body));
        } catch {
          // left as it is; the body's schema reports it
        }
      }
    }
    // Copies, since the parameters' validator coerces types in place.
    const input: Record<string, unknown> = {
      path: pathParams(check, request.path),
      query: { ...request.query },
      header: { ...request.headers },
      cookie: {},
    };
    const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    if (typeof requestBody === "object" || contentType === "application/json") {
      input.requestBody = requestBody;
    }
    for (const validate of check.validators) {
      validate(input);
      if (validate.errors) errors.push(...validate.errors);
    }
    return errors.map(toFieldError);
  }

  /** Field errors of a response body (empty when it conforms). */
  validateResponse(operationId: string, status: number, body: unknown): FieldError[] {
    const result = this.api.validateResponse(body, this.operation(operationId), status);
    return (result.errors ?? []).map((e) => toFieldError(e as AjvError));
  }
}

function requestCheck(op: Operation): RequestCheck {
  for (const p of (op.parameters ?? []) as {
    name: string;
    in: string;
    content?: unknown;
    explode?: boolean;
    schema?: { type?: unknown };
  }[]) {
    // openapi-backend decodes these specially; the contract has none, so neither does this.
    if (
      p.in === "cookie" ||
      p.content ||
      p.explode === false ||
      (p.in === "query" && p.schema?.type === "array")
    ) {
      throw new Error(`${op.operationId}: parameter ${p.name} needs decoding validator.ts lacks`);
    }
  }
  const content = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
  const mediaTypes = Object.keys(content ?? {});
  return {
    pathPattern: new RegExp(`^${op.path.replace(/\{[A-Za-z0-9_-]+\}/g, "([^\\/]*)")}$`),
    pathNames: [...op.path.matchAll(/\{([A-Za-z0-9_-]+)\}/g)].map((m) => m[1] as string),
    jsonOnly: mediaTypes.length === 1 && mediaTypes[0] === "application/json",
  };
}

/** Path parameters, decoded; none when the path does not fit the template (as bath-es5). */
function pathParams(check: RequestCheck, path: string): Record<string, string> {
  const params: Record<string, string> = {};
  // openapi-backend ignores trailing slashes
  const match = check.pathPattern.exec(path.length > 1 ? path.replace(/\/+$/, "") || "/" : path);
  if (!match) return params;
  check.pathNames.forEach((name, i) => {
    params[name] = decodeURIComponent(match[i + 1] as string);
  });
  return params;
}

function scopesOf(op: Operation): string[] | null {
  const security = op.security;
  if (!security || security.length === 0) return null;
  return security.flatMap((requirement) => Object.values(requirement).flat());
}

/** `/requestBody/applicant/idNumber` → `body.applicant.idNumber`, `/query/limit` → `query.limit`. */
export function toFieldError(error: AjvError): FieldError {
  const segments = error.instancePath.split("/").filter(Boolean);
  if (segments[0] === "requestBody") segments[0] = "body";
  const extra = error.params.missingProperty ?? error.params.additionalProperty;
  if (typeof extra === "string") segments.push(extra);
  const field = segments.length > 0 ? segments.join(".") : "body";
  let message = error.message ?? "is invalid";
  if (error.keyword === "enum") {
    message = `must be one of: ${(error.params.allowedValues as unknown[]).join(", ")}`;
  }
  if (error.keyword === "additionalProperties") message = "is not a known field";
  return { field, code: error.keyword, message };
}
