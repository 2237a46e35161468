import { Hono } from "hono";
import type { Logger } from "pino";
import type { ContractOperation, ContractValidator } from "./contract/validator.js";
import { docsHandlers } from "./handlers/docs.js";
import { platformHandlers } from "./handlers/platform.js";
import { portalHandlers } from "./handlers/portal.js";
import type { Handler, HandlerContext, HandlerResult, OperationInput } from "./handlers/types.js";
import { parseBody, readBody } from "./http/body.js";
import type { FaultInjector } from "./http/faults.js";
import { newId, sha256Hex } from "./http/ids.js";
import type { RateLimits } from "./http/limits.js";
import { ApiProblem, conflict, forbidden, unauthorized } from "./http/problem.js";
import { authenticate } from "./services/clients.js";
import type { Principal, World } from "./world.js";

/** Every operation of the contract, by operationId. */
export const HANDLERS: Record<string, Handler> = {
  ...platformHandlers,
  ...portalHandlers,
  ...docsHandlers,
};

/** Operations that check a guessable secret, so failures count against the client. */
const GUESSABLE = new Set([
  "getDossier",
  "listDossierHistory",
  "supplementDossier",
  "withdrawDossier",
  "redeemLinkCode",
]);

export interface AppOptions {
  world: World;
  validator: ContractValidator;
  faults: FaultInjector;
  limits: RateLimits;
  log: Logger;
  version: string;
  bodyLimitBytes: number;
  tokenTtlSeconds: number;
  validateResponses: boolean;
  specText: string;
  /** Routes served ahead of the contract's, outside its validation and auth (emulators). */
  routes?: Hono;
}

const JSON_TYPE = "application/json; charset=utf-8";
const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

/** Builds the HTTP app: one route per contract operation, all through the same pipeline. */
export function createApp(options: AppOptions): Hono {
  const operations = options.validator.operations();
  const missing = operations.filter((op) => !HANDLERS[op.operationId]).map((op) => op.operationId);
  if (missing.length > 0) throw new Error(`operations without a handler: ${missing.join(", ")}`);

  const ctx: HandlerContext = {
    world: options.world,
    version: options.version,
    tokenTtlSeconds: options.tokenTtlSeconds,
    recordFailedGuess: (principal) => options.limits.recordFailedGuess(principal),
  };
  const app = new Hono();
  if (options.routes) app.route("/", options.routes);
  // Static segments before parameters, so `/staff/links` is not read as `/staff/{staffId}`.
  const ordered = [...operations].sort((a, b) => countParams(a.path) - countParams(b.path));
  for (const op of ordered) {
    app.on(op.method, op.path.replace(/\{(\w+)\}/g, ":$1"), (c) => {
      const requestId = requestIdOf(c.req.header("x-request-id"));
      const drop = () =>
        (c.env as { incoming?: { socket?: { destroy(): void } } })?.incoming?.socket?.destroy();
      return handle(options, ctx, op, c.req.raw, c.req.param(), requestId, drop);
    });
  }
  app.get(
    "/openapi.yaml",
    () =>
      new Response(options.specText, {
        headers: { "content-type": "application/yaml; charset=utf-8" },
      }),
  );
  app.notFound((c) =>
    problemResponse(
      new ApiProblem(
        404,
        "route_not_found",
        "Not Found",
        `No operation at ${c.req.method} ${c.req.path}.`,
      ),
      requestIdOf(undefined),
    ),
  );
  app.onError((error, c) => {
    options.log.error({ err: error }, "unhandled error");
    return problemResponse(internal(), requestIdOf(c.req.header("x-request-id")));
  });
  return app;
}

const countParams = (path: string) => (path.match(/\{/g) ?? []).length;

/** Echo a sane client request id; otherwise make one. */
function requestIdOf(header: string | undefined): string {
  return header && /^[\w.:-]{1,128}$/.test(header) ? header : newId("req");
}

const internal = () =>
  new ApiProblem(
    500,
    "internal_error",
    "Internal Server Error",
    "The sandbox failed to handle this request.",
  );

async function handle(
  options: AppOptions,
  ctx: HandlerContext,
  op: ContractOperation,
  request: Request,
  params: Record<string, string>,
  requestId: string,
  drop: () => void,
): Promise<Response> {
  try {
    if (
      (await options.faults.apply(request.headers.get("x-sandbox-fault") ?? undefined, drop)) ===
      "dropped"
    ) {
      return new Response(null, { status: 500 });
    }
    const principal = op.scopes ? await authorize(options, op, request) : null;
    if (principal && GUESSABLE.has(op.operationId)) await options.limits.checkGuesses(principal);

    let body: unknown;
    if (op.requestMediaTypes.length > 0) {
      const text = await readBody(request, options.bodyLimitBytes);
      body =
        text === ""
          ? undefined
          : parseBody(text, request.headers.get("content-type"), op.requestMediaTypes);
    }
    const url = new URL(request.url);
    assertDecodable(url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const headers = Object.fromEntries(request.headers);
    const errors = options.validator.validateRequest(op.operationId, {
      path: url.pathname,
      headers,
      query,
      body,
    });
    if (errors.length > 0) {
      const inBody = errors.some((e) => e.field === "body" || e.field.startsWith("body."));
      throw inBody
        ? new ApiProblem(
            422,
            "validation_failed",
            "Unprocessable Content",
            "The request body does not match the contract.",
            { errors },
          )
        : new ApiProblem(
            400,
            "invalid_parameter",
            "Bad Request",
            "A parameter does not match the contract.",
            { errors },
          );
    }

    const input: OperationInput = { params, query, headers, body, principal };
    const result = run(options.world, ctx, op, input, request);
    if (op.method !== "GET") options.world.onEvents();
    return respond(options, op, result, requestId);
  } catch (error) {
    // A handler that died mid-transaction (stack overflow, out of memory) must not leave it
    // open: every later request would fail to start its own.
    if (options.world.db.inTransaction) options.world.db.exec("ROLLBACK");
    if (error instanceof ApiProblem) return problemResponse(error, requestId);
    options.log.error({ err: error, operation: op.operationId, requestId }, "handler failed");
    return problemResponse(internal(), requestId);
  }
}

function assertDecodable(path: string): void {
  try {
    decodeURIComponent(path);
  } catch {
    throw new ApiProblem(
      400,
      "malformed_path",
      "Bad Request",
      "The path has malformed percent-encoding.",
    );
  }
}

async function authorize(
  options: AppOptions,
  op: ContractOperation,
  request: Request,
): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match?.[1]) throw unauthorized("Send Authorization: Bearer <API key or access token>.");
  const principal = authenticate(options.world, match[1]);
  if (!principal) throw unauthorized("The API key or access token is invalid or expired.");
  await options.limits.consume(principal);
  const needed = op.scopes ?? [];
  if (needed.length > 0 && !needed.some((s) => principal.scopes.has(s))) {
    throw forbidden(
      "insufficient_scope",
      `${op.operationId} needs the scope ${needed.join(" or ")}.`,
    );
  }
  return principal;
}

/**
 * Runs the handler. Writes run in one transaction; an idempotent request also records (or
 * replays) its response in that transaction, so a key maps to exactly one outcome.
 */
function run(
  world: World,
  ctx: HandlerContext,
  op: ContractOperation,
  input: OperationInput,
  request: Request,
): HandlerResult {
  const handler = HANDLERS[op.operationId] as Handler;
  if (op.method === "GET") return handler(input, ctx);
  const key = input.headers["idempotency-key"];
  if (!op.idempotent || key === undefined || input.principal === null) {
    return world.db.transaction(() => handler(input, ctx))();
  }
  const clientId = input.principal.clientId;
  const hash = sha256Hex(
    `${request.method} ${new URL(request.url).pathname}\n${JSON.stringify(input.body ?? null)}`,
  );
  return world.db.transaction((): HandlerResult => {
    const previous = world.db
      .prepare(
        "SELECT request_hash, status, response FROM idempotency_keys WHERE client_id = ? AND operation = ? AND key = ?",
      )
      .get(clientId, op.operationId, key) as
      | { request_hash: string; status: number; response: string }
      | undefined;
    if (previous) {
      if (previous.request_hash !== hash) {
        throw conflict(
          "idempotency_key_reused",
          "This Idempotency-Key was used with a different request.",
        );
      }
      return {
        status: previous.status,
        body: JSON.parse(previous.response),
        headers: { "Idempotent-Replayed": "true" },
      };
    }
    const result = handler(input, ctx);
    if (result.status < 300) {
      world.db
        .prepare(
          "INSERT INTO idempotency_keys (client_id, operation, key, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          clientId,
          op.operationId,
          key,
          hash,
          result.status,
          JSON.stringify(result.body ?? null),
          Date.now(),
        );
    }
    return { ...result, headers: { ...result.headers, "Idempotent-Replayed": "false" } };
  })();
}

function respond(
  options: AppOptions,
  op: ContractOperation,
  result: HandlerResult,
  requestId: string,
): Response {
  const headers: Record<string, string> = { ...result.headers, "X-Request-Id": requestId };
  if (result.binary) {
    return new Response(new Uint8Array(result.binary.data), {
      status: result.status,
      headers: { ...headers, "content-type": result.binary.contentType },
    });
  }
  if (result.body === undefined) return new Response(null, { status: result.status, headers });
  if (options.validateResponses) {
    const errors = options.validator.validateResponse(op.operationId, result.status, result.body);
    if (errors.length > 0) {
      options.log.error({ operation: op.operationId, errors }, "response violates the contract");
      return problemResponse(
        new ApiProblem(
          500,
          "response_contract_violation",
          "Internal Server Error",
          `The ${op.operationId} response does not match the contract.`,
          { errors },
        ),
        requestId,
      );
    }
  }
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { ...headers, "content-type": JSON_TYPE },
  });
}

export function problemResponse(problem: ApiProblem, requestId: string): Response {
  return new Response(JSON.stringify(problem.toJSON(requestId)), {
    status: problem.status,
    headers: { ...problem.headers, "X-Request-Id": requestId, "content-type": PROBLEM_TYPE },
  });
}
