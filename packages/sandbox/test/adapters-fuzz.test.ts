import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.js";

/**
 * Whatever a client sends, the DVCQG and iGate emulators answer as their real systems would
 * (an error body or a 4xx), never with a crash (500) or a hang.
 */
let sandbox: Sandbox;
let session: string;
let bearer: string;
const UNIT = "000.00.00.H99";

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2021 });
  const login = await fetch(`${sandbox.url}/dvcqg/auth`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(sandbox.dvcqg.credentials),
  });
  session = ((await login.json()) as { session: string }).session;
  const { clientId, clientSecret } = sandbox.igate.credentials;
  const token = await fetch(`${sandbox.url}/igate/auth/realms/digo/protocol/openid-connect/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  bearer = ((await token.json()) as { access_token: string }).access_token;
}, 60_000);
afterAll(() => sandbox?.close());

const SERVICES = [
  "LayThuTuc",
  "LayDanhSachTTHC",
  "TraCuuHoSo",
  "DongBoHoSoMC",
  "CapNhatTienDoHoSoMC",
];

describe("DVCQG emulator", () => {
  it("answers any body of any service with HTTP 200 and an error_code (property)", async () => {
    const params = fc.dictionary(
      fc.constantFrom("maTTHC", "mahoso", "isUpdating", "data", "page", "x"),
      fc.oneof(
        fc.jsonValue(),
        fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 3 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SERVICES), params, async (service, rest) => {
        const response = await fetch(`${sandbox.url}/dvcqg/integration`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...rest, session, madonvi: UNIT, service }),
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { error_code: unknown };
        expect(String(body.error_code)).toMatch(/^-?\d+$/);
      }),
      { numRuns: 150 },
    );
  });

  it("answers bodies that are not JSON objects with an error_code", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (raw) => {
          const response = await fetch(`${sandbox.url}/dvcqg/integration`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: raw,
          });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("iGate emulator", () => {
  it("answers any search query without a server error (property)", async () => {
    const query = fc.dictionary(
      fc.constantFrom(
        "page",
        "size",
        "spec",
        "code",
        "identity-number",
        "dossier-status",
        "accepted-from",
        "accepted-to",
        "sort",
      ),
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const response = await fetch(
          `${sandbox.url}/igate/pa/dossier/search?${new URLSearchParams(q)}`,
          { headers: { authorization: `Bearer ${bearer}` } },
        );
        expect([200, 400]).toContain(response.status);
        await response.json();
      }),
      { numRuns: 150 },
    );
  });
});
