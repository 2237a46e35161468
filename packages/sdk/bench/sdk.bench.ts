/**
 * SDK overhead and pagination throughput against the sandbox on loopback.
 *
 * 1. The same GET through raw axios (keep-alive, same headers) and through the SDK, in
 *    alternating rounds; the ratio of medians is the SDK's overhead (goal ≤ 1.1×).
 * 2. `for await` over 10 000 dossiers, 100 per page.
 */
import { Agent } from "node:http";
import { startSandbox } from "@vnegov/sandbox";
import axios from "axios";
import { Vnegov } from "../src/index.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const DOSSIERS = 10_000;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) await run();
  return (performance.now() - started) / CALLS;
}

const sandbox = await startSandbox({
  seed: 2021,
  rateLimits: { requestsPerSecond: 1e9 },
  validateResponses: false,
});
try {
  const key = sandbox.credentials.admin.apiKey;
  const raw = axios.create({ baseURL: sandbox.url, httpAgent: new Agent({ keepAlive: true }) });
  const sdk = new Vnegov({
    baseURL: sandbox.url,
    auth: { apiKey: key },
    limiter: { maxConcurrent: 10 },
  });
  const headers = {
    authorization: `Bearer ${key}`,
    "user-agent": "bench",
    "x-request-id": "req_bench",
  };
  const rawCall = () => raw.get("/portal/v1/agencies", { params: { limit: 5 }, headers });
  const sdkCall = () => sdk.portal.agencies.list({ limit: 5 }).then((page) => page.data);
  for (let i = 0; i < 200; i++) await Promise.all([rawCall(), sdkCall()]); // warm-up

  const rawMs: number[] = [];
  const sdkMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rawMs.push(await timed(rawCall));
    sdkMs.push(await timed(sdkCall));
  }

  // Grow the world to 10 000 dossiers by copying seeded rows under new codes.
  sandbox.db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${DOSSIERS}),
    seeded AS (SELECT *, ROW_NUMBER() OVER (ORDER BY code) - 1 AS k, COUNT(*) OVER () AS total FROM dossiers)
    INSERT INTO dossiers (code, procedure_code, agency_code, status, channel, applicant, applicant_id_number,
      secret_hash, form_data, fee_amount, submitted_at, received_at, appointment_at, completed_at, updated_at,
      pending_action, submitted_by)
    SELECT 'BENCH.' || n.i || '-240101-' || printf('%05d', n.i % 100000), d.procedure_code, d.agency_code, d.status,
      d.channel, d.applicant, d.applicant_id_number, d.secret_hash, d.form_data, d.fee_amount, d.submitted_at - n.i,
      d.received_at, d.appointment_at, d.completed_at, d.updated_at, d.pending_action, d.submitted_by
    FROM n JOIN seeded d ON d.k = n.i % d.total
  `);
  const total = (sandbox.db.prepare("SELECT COUNT(*) AS n FROM dossiers").get() as { n: number }).n;
  const iterations: number[] = [];
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let count = 0;
    for await (const _ of sdk.portal.dossiers.list({ limit: 100, maxItems: DOSSIERS })) count++;
    iterations.push(count / ((performance.now() - started) / 1000));
    if (count !== DOSSIERS) throw new Error(`iterated ${count} of ${DOSSIERS}`);
  }

  const rawMedian = median(rawMs);
  const sdkMedian = median(sdkMs);
  console.log(
    `\nvnegov SDK benchmark: median of ${ROUNDS} rounds × ${CALLS} sequential calls (sandbox in-process)`,
  );
  console.log(
    `  raw axios GET /portal/v1/agencies   ${(rawMedian * 1000).toFixed(0).padStart(6)} µs/call  (baseline)`,
  );
  console.log(
    `  SDK portal.agencies.list()          ${(sdkMedian * 1000).toFixed(0).padStart(6)} µs/call  ${(sdkMedian / rawMedian).toFixed(2)}× baseline (goal ≤ 1.10×)`,
  );
  console.log(
    `  for await over ${DOSSIERS} of ${total} dossiers  ${median(iterations).toFixed(0).padStart(6)} items/s (median of 3, 100 per page)`,
  );
  await sdk.close();
} finally {
  await sandbox.close();
}
