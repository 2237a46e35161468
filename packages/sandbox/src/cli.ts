#!/usr/bin/env node
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DEFAULT_HOLIDAYS, DOSSIER_STATUSES, type DossierStatus } from "@vnegov/domain";
import { Command, InvalidArgumentError, Option } from "commander";
import { openDatabase } from "./db/database.js";
import { ApiProblem } from "./http/problem.js";
import { startSandbox } from "./sandbox.js";
import { publishDirective } from "./services/documents.js";
import { transitionDossier } from "./services/dossiers.js";
import { createLinkCode } from "./services/staff.js";
import { VERSION } from "./version.js";
import type { World } from "./world.js";

const DEFAULT_DB = ".vnegov/sandbox.sqlite";

const integer = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError("must be a non-negative integer");
  return n;
};

function ensureDir(file: string): void {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
}

/** Runs a change against the database file, as an officer at the console would. */
function withWorld<T>(file: string, change: (world: World) => T): T {
  const db = openDatabase(file);
  try {
    const world: World = {
      db,
      now: Date.now,
      calendar: { holidays: DEFAULT_HOLIDAYS },
      randomBytes,
      onEvents: () => {},
    };
    return db.transaction(() => change(world))();
  } finally {
    db.close();
  }
}

function fail(error: unknown): never {
  if (error instanceof ApiProblem) {
    console.error(`error: ${error.message}`);
    for (const e of error.errors ?? []) console.error(`  ${e.field}: ${e.message}`);
  } else {
    console.error(`error: ${(error as Error).message}`);
  }
  process.exit(1);
}

const program = new Command("vnegov-sandbox")
  .description("A local Vietnamese e-government world: Portal API + Document API on SQLite.")
  .version(VERSION);

program
  .command("start")
  .description("start the sandbox server")
  .option("-p, --port <port>", "port to listen on", integer, 4010)
  .option("--host <host>", "interface to bind", "127.0.0.1")
  .option("--db <file>", "SQLite database file (`:memory:` for none)", DEFAULT_DB)
  .addOption(
    new Option(
      "--seed [number]",
      "build the sample world into an empty database (default seed 2021)",
    ).argParser(integer),
  )
  .option("--rate-limit <perSecond>", "requests per second per client", integer, 100)
  .option("--no-response-validation", "skip checking responses against the contract")
  .option("--log-level <level>", "pino log level", "info")
  .action(
    async (opts: {
      port: number;
      host: string;
      db: string;
      seed?: number | true;
      rateLimit: number;
      responseValidation: boolean;
      logLevel: string;
    }) => {
      ensureDir(opts.db);
      const sandbox = await startSandbox({
        db: opts.db,
        port: opts.port,
        host: opts.host,
        seed: opts.seed ?? false,
        rateLimits: { requestsPerSecond: opts.rateLimit },
        validateResponses: opts.responseValidation,
        logger: opts.logLevel,
      }).catch(fail);
      const sample = sandbox.samples.dang_xu_ly?.[0] ?? sandbox.samples.yeu_cau_bo_sung?.[0];
      console.log(`vnegov sandbox ${VERSION} listening on ${sandbox.url}`);
      console.log(`  database      ${opts.db}`);
      console.log(`  contract      ${sandbox.url}/openapi.yaml`);
      console.log(`  bot API key   ${sandbox.credentials.bot.apiKey}`);
      console.log(`  admin API key ${sandbox.credentials.admin.apiKey}`);
      if (sample) {
        console.log(
          `  try           curl -H 'Authorization: Bearer ${sandbox.credentials.bot.apiKey}' \\`,
        );
        console.log(
          `                  -H 'X-Verification-Secret: ${sample.secret}' ${sandbox.url}/portal/v1/dossiers/${sample.code}`,
        );
      }
      const stop = () => {
        sandbox.close().then(() => process.exit(0), fail);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
  );

program
  .command("advance")
  .description(
    "move a dossier to another status, as an officer would (history entry + webhook event)",
  )
  .argument("<dossierCode>", "mã hồ sơ")
  .addArgument(new Command().createArgument("<status>", "target status").choices(DOSSIER_STATUSES))
  .option("--note <text>", "note recorded in the history")
  .option("--officer <name>", "officer's name")
  .option("--fee <amount>", "amount due, for nghia_vu_tai_chinh", integer)
  .option("--db <file>", "SQLite database file", DEFAULT_DB)
  .action(
    (
      code: string,
      status: DossierStatus,
      opts: { note?: string; officer?: string; fee?: number; db: string },
    ) => {
      try {
        const dossier = withWorld(opts.db, (world) =>
          transitionDossier(world, code, {
            status,
            note: opts.note,
            officerName: opts.officer,
            feeAmount: opts.fee,
          }),
        );
        console.log(
          `${dossier.code}: ${dossier.status} (appointment ${dossier.appointmentAt ?? "none"})`,
        );
      } catch (error) {
        fail(error);
      }
    },
  );

const collect = (value: string, previous: string[]) => [...previous, value];

program
  .command("publish-directive")
  .description("publish a directive (chỉ thị, công điện, thông báo) to its audiences")
  .requiredOption("--number <numberNotation>", "số/ký hiệu, e.g. 17/CT-UBND")
  .addOption(
    new Option("--type <type>", "document type")
      .choices(["chi_thi", "cong_dien", "thong_bao"])
      .default("chi_thi"),
  )
  .requiredOption("--subject <text>", "trích yếu")
  .option("--summary <text>", "summary")
  .option("--issuer <name>", "issuing body", "UBND tỉnh Lam Giang")
  .option("--issuer-agency <code>", "issuing agency code", "000.00.00.H99")
  .option("--signer <name>", "signer's name", "Trần Văn Ký")
  .option("--position <title>", "signer's position", "Chủ tịch")
  .addOption(
    new Option("--urgency <level>", "mức độ khẩn")
      .choices(["thuong", "khan", "thuong_khan", "hoa_toc"])
      .default("thuong"),
  )
  .option("--area <code>", "audience area code (repeatable)", collect, [])
  .option("--agency <code>", "audience agency code (repeatable)", collect, [])
  .option("--public", "addressed to the public")
  .option("--effective-from <time>", "start of effect (RFC 3339); default now")
  .option("--effective-to <time>", "end of effect (RFC 3339)")
  .option("--db <file>", "SQLite database file", DEFAULT_DB)
  .action((opts) => {
    const audiences = [
      ...(opts.public ? [{ kind: "public" as const }] : []),
      ...opts.area.map((code: string) => ({ kind: "area" as const, code })),
      ...opts.agency.map((code: string) => ({ kind: "agency" as const, code })),
    ];
    if (audiences.length === 0) fail(new Error("name an audience: --area, --agency or --public"));
    try {
      const directive = withWorld(opts.db, (world) =>
        publishDirective(world, {
          numberNotation: opts.number,
          type: opts.type,
          subject: opts.subject,
          summary: opts.summary,
          issuerName: opts.issuer,
          issuerAgencyCode: opts.issuerAgency,
          signer: { fullName: opts.signer, position: opts.position, authority: "TM" },
          issuedAt: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
          urgency: opts.urgency,
          audiences,
          effectiveFrom: opts.effectiveFrom ?? new Date().toISOString(),
          effectiveTo: opts.effectiveTo,
        }),
      );
      console.log(`published ${directive.numberNotation} as ${directive.id}`);
    } catch (error) {
      fail(error);
    }
  });

program
  .command("link-code")
  .description("issue a one-time code a staff member gives the bot to link a chat")
  .argument("<staffId>", "staff id, e.g. stf_staffsnv01")
  .option("--ttl <seconds>", "validity", integer, 900)
  .option("--db <file>", "SQLite database file", DEFAULT_DB)
  .action((staffId: string, opts: { ttl: number; db: string }) => {
    try {
      const code = withWorld(opts.db, (world) => createLinkCode(world, staffId, opts.ttl));
      console.log(`${code.code} (valid until ${code.expiresAt})`);
    } catch (error) {
      fail(error);
    }
  });

program.parseAsync().catch(fail);
