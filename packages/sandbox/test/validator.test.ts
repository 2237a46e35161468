import type { OpenAPIBackend } from "openapi-backend";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ContractValidator,
  contractBackend,
  type RequestToValidate,
  toFieldError,
} from "../src/contract/validator.js";

let validator: ContractValidator;
let reference: OpenAPIBackend;

beforeAll(async () => {
  validator = await ContractValidator.create();
  reference = await contractBackend();
});

const PATH_VALUES = [
  "000.00.17.H99-261010-0001",
  "stf_staffsnv01",
  "1.004227",
  "caf%C3%A9",
  "a%2Fb",
  "%20",
  "x".repeat(300),
];
const QUERIES: Record<string, string>[] = [
  {},
  { limit: "5" },
  { limit: "1000" },
  { limit: "abc", cursor: "!!" },
  { include: "recentHistory" },
  { include: "everything" },
  { status: "dang_xu_ly", updatedSince: "2024-05-01T00:00:00+07:00" },
  { updatedSince: "yesterday" },
  { unknown: "1" },
];
const HEADERS: Record<string, string>[] = [
  {},
  { "x-verification-secret": "ABC234", "idempotency-key": "k-1", "on-behalf-of": "stf_x" },
  { "x-verification-secret": "", "idempotency-key": "has space", "on-behalf-of": "bad id" },
  { "content-type": "application/json; charset=utf-8" },
  { "content-type": "application/x-www-form-urlencoded" },
];
const BODIES: unknown[] = [
  undefined,
  null,
  {},
  [],
  "text",
  '"5"',
  "",
  0,
  5,
  true,
  { procedureCode: 1, channel: "fax", applicant: { type: "alien" }, formData: [] },
  { status: "da_tiep_nhan", note: "x".repeat(5000) },
  { url: "not a url", events: ["nope"] },
  { grant_type: "client_credentials" },
];

/** Field errors from openapi-backend's own `validateRequest`, the behaviour to keep. */
function expected(operationId: string, method: string, request: RequestToValidate) {
  const op = reference.getOperation(operationId);
  if (!op) throw new Error(operationId);
  const result = reference.validateRequest(
    { method, ...structuredClone(request) } as never,
    op as never,
  );
  return (result.errors ?? []).map((e) => toFieldError(e as never));
}

describe("request validation", () => {
  it("reports exactly what openapi-backend's validateRequest reports", () => {
    let compared = 0;
    for (const op of validator.operations()) {
      const paths = PATH_VALUES.map((value) => op.path.replace(/\{\w+\}/g, value));
      const requests: RequestToValidate[] = [
        ...paths.map((path) => ({ path, headers: {}, query: {}, body: undefined })),
        { path: `${paths[0]}/`, headers: {}, query: {}, body: undefined },
        ...QUERIES.map((query) => ({
          path: paths[0] as string,
          headers: {},
          query,
          body: undefined,
        })),
        // The app reads a body only for operations that take one.
        ...HEADERS.flatMap((headers) =>
          (op.requestMediaTypes.length > 0 ? BODIES : [undefined]).map((body) => ({
            path: paths[0] as string,
            headers,
            query: {},
            body,
          })),
        ),
      ];
      for (const request of requests) {
        const actual = validator.validateRequest(op.operationId, structuredClone(request));
        expect(actual, `${op.operationId} ${JSON.stringify(request)}`).toEqual(
          expected(op.operationId, op.method, request),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("leaves the caller's query and headers as they were (the validator coerces types)", () => {
    const request = {
      path: "/portal/v1/procedures",
      headers: { "x-verification-secret": "1" },
      query: { limit: "5" },
      body: undefined,
    };
    expect(validator.validateRequest("listProcedures", request)).toEqual([]);
    expect(request.query).toEqual({ limit: "5" });
    expect(request.headers).toEqual({ "x-verification-secret": "1" });
  });
});
