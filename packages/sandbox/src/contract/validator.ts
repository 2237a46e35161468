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

  private constructor(private readonly api: OpenAPIBackend) {
    this.byId = new Map(api.getOperations().map((op) => [op.operationId as string, op]));
  }

  static async create(): Promise<ContractValidator> {
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
    return new ContractValidator(api);
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

  /** Field errors of a request (empty when it conforms). */
  validateRequest(
    operationId: string,
    request: {
      method: string;
      path: string;
      headers: Record<string, string>;
      query: Record<string, string | string[]>;
      body: unknown;
    },
  ): FieldError[] {
    const result = this.api.validateRequest(request, this.operation(operationId));
    return (result.errors ?? []).map((e) => toFieldError(e as AjvError));
  }

  /** Field errors of a response body (empty when it conforms). */
  validateResponse(operationId: string, status: number, body: unknown): FieldError[] {
    const result = this.api.validateResponse(body, this.operation(operationId), status);
    return (result.errors ?? []).map((e) => toFieldError(e as AjvError));
  }
}

function scopesOf(op: Operation): string[] | null {
  const security = op.security;
  if (!security || security.length === 0) return null;
  return security.flatMap((requirement) => Object.values(requirement).flat());
}

/** `/requestBody/applicant/idNumber` → `body.applicant.idNumber`, `/query/limit` → `query.limit`. */
function toFieldError(error: AjvError): FieldError {
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
