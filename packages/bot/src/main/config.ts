import { readFileSync } from "node:fs";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);
const url = z.url({ protocol: /^https?$/ });
/** JSON text as a value; unreadable text stays a string, for the schema to refuse. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A comma-separated list in the environment, an array in the file. */
const list = z.union([
  z.array(z.string()),
  z.string().transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  ),
]);

/**
 * Everything `vnegov-bot` can be told, by environment variable or in a JSON config file with
 * the same names (the environment wins). Nothing is required: without a portal it starts the
 * sandbox in-process.
 */
const schema = z
  .object({
    /** Portal/Document API; unset means the embedded sandbox. */
    VNEGOV_BASE_URL: url.optional(),
    VNEGOV_API_KEY: z.string().min(1).optional(),
    VNEGOV_CLIENT_ID: z.string().min(1).optional(),
    VNEGOV_CLIENT_SECRET: z.string().min(1).optional(),
    /**
     * Where citizens' dossier look-ups go: our canonical Portal API, the National Public Service
     * Portal integration (`dvcqg`) or a VNPT iGate one-stop system (`igate`). Documents, tasks and
     * notifications stay on the canonical API.
     */
    VNEGOV_BACKEND: z.enum(["canonical", "dvcqg", "igate"]).default("canonical"),
    /** DVCQG adapter: the provincial adapter's base URL, account and unit code (mã đơn vị). */
    DVCQG_URL: url.optional(),
    DVCQG_USERNAME: z.string().min(1).optional(),
    DVCQG_PASSWORD: z.string().min(1).optional(),
    DVCQG_MADONVI: z.string().min(1).optional(),
    /** iGate adapter: the API gateway, the Keycloak token URL and the client's credentials. */
    IGATE_URL: url.optional(),
    IGATE_TOKEN_URL: url.optional(),
    IGATE_CLIENT_ID: z.string().min(1).optional(),
    IGATE_CLIENT_SECRET: z.string().min(1).optional(),
    /** The `whsec_…` secret of a webhook registered by hand; unset: the bot registers one. */
    VNEGOV_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** SQLite file of the embedded sandbox. */
    SANDBOX_DB: z.string().min(1).default(".vnegov/sandbox.sqlite"),
    SANDBOX_PORT: port.default(0),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: port.default(3000),
    /** Where the portal and browsers reach this process; default `http://HOST:PORT`. */
    PUBLIC_URL: url.optional(),
    /** Sessions and subscriptions live here (SQLite). */
    DATA_DIR: z.string().min(1).default(".vnegov"),
    /** Sessions in Redis instead of SQLite, shared by several bot processes (and the outbox with OUTBOX=bullmq). */
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    /** Where notifications wait: `sqlite` (DATA_DIR/outbox.sqlite) or `bullmq` (REDIS_URL, for several processes). */
    OUTBOX: z.enum(["sqlite", "bullmq"]).default("sqlite"),
    /** Prefix of the BullMQ outbox's Redis keys: deployments sharing one Redis use their own. */
    OUTBOX_REDIS_PREFIX: z.string().min(1).default("vnegov:outbox"),
    /** How often the portal's event feed is read (the fallback for missed webhooks), in seconds. */
    EVENTS_POLL_SECONDS: z.coerce.number().int().min(5).default(60),
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{30,}$/, "must look like 123456789:AA… (from @BotFather)")
      .optional(),
    TELEGRAM_API_ROOT: url.default("https://api.telegram.org"),
    TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A–Z, a–z, 0–9, _ and -")
      .optional(),
    /** A Zalo Bot token (`<bot id>:<secret>`, from Zalo Bot Creator): turns the Zalo Bot channel on. */
    ZALO_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{8,}$/, "must look like 12345689:abc-xyz (from Zalo Bot Creator)")
      .optional(),
    ZALO_BOT_API_URL: url.default("https://bot-api.zaloplatforms.com"),
    ZALO_BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    ZALO_BOT_WEBHOOK_SECRET: z.string().min(8).max(256).optional(),
    /** The Zalo App linked to the OA; with the two secrets it turns the Zalo OA channel on. */
    ZALO_OA_APP_ID: z.string().min(1).optional(),
    ZALO_OA_APP_SECRET: z.string().min(1).optional(),
    /** The OA secret key from the app's webhook page: it signs webhook events. */
    ZALO_OA_SECRET_KEY: z.string().min(1).optional(),
    /** Where the OA's access and refresh tokens are kept; default `DATA_DIR/zalo-oa-tokens.json`. */
    ZALO_OA_TOKEN_FILE: z.string().min(1).optional(),
    ZALO_OA_API_URL: url.default("https://openapi.zalo.me"),
    ZALO_OAUTH_URL: url.default("https://oauth.zaloapp.com"),
    ZALO_BUSINESS_URL: url.default("https://business.openapi.zalo.me"),
    /** An approved ZNS template for dossier status pushes outside the chat window. */
    ZALO_ZNS_TEMPLATE_ID: z.string().min(1).optional(),
    /** Template parameter → fact (dossierCode, status, statusText, appointment, note, changedAt). */
    ZALO_ZNS_PARAMS: z
      .preprocess(
        (value) => (typeof value === "string" ? parseJson(value) : value),
        z.record(z.string(), z.string(), { error: "must be a JSON object of strings" }),
      )
      .optional(),
    WEBCHAT_ALLOWED_ORIGINS: list.default([]),
    WEBCHAT_SECRET: z.string().min(16).optional(),
    /** Guards `/ops/broadcasts` and `/metrics` (Bearer); unset, they are open (default host is loopback). */
    OPS_TOKEN: z.string().min(16).optional(),
    /** How often followed dossiers are checked, in seconds. */
    DOSSIER_WATCH_SECONDS: z.coerce.number().int().min(10).default(300),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
  })
  .superRefine((c, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (c.VNEGOV_BASE_URL && !c.VNEGOV_API_KEY && !(c.VNEGOV_CLIENT_ID && c.VNEGOV_CLIENT_SECRET))
      problem(
        "VNEGOV_API_KEY",
        "is needed with VNEGOV_BASE_URL (or VNEGOV_CLIENT_ID and VNEGOV_CLIENT_SECRET)",
      );
    if (Boolean(c.VNEGOV_CLIENT_ID) !== Boolean(c.VNEGOV_CLIENT_SECRET))
      problem("VNEGOV_CLIENT_SECRET", "VNEGOV_CLIENT_ID and VNEGOV_CLIENT_SECRET go together");
    // With the embedded sandbox its emulators stand in for the real systems; otherwise the
    // adapter needs every setting of its system.
    const needs = (keys: (keyof typeof c)[]) => {
      if (!c.VNEGOV_BASE_URL) return;
      for (const key of keys)
        if (!c[key]) problem(key, `is needed when VNEGOV_BACKEND=${c.VNEGOV_BACKEND}`);
    };
    if (c.VNEGOV_BACKEND === "dvcqg")
      needs(["DVCQG_URL", "DVCQG_USERNAME", "DVCQG_PASSWORD", "DVCQG_MADONVI"]);
    if (c.VNEGOV_BACKEND === "igate")
      needs(["IGATE_URL", "IGATE_TOKEN_URL", "IGATE_CLIENT_ID", "IGATE_CLIENT_SECRET"]);
    if (c.OUTBOX === "bullmq" && !c.REDIS_URL) problem("REDIS_URL", "is needed when OUTBOX=bullmq");
    if (c.TELEGRAM_MODE === "webhook" && !c.TELEGRAM_WEBHOOK_SECRET)
      problem("TELEGRAM_WEBHOOK_SECRET", "is needed when TELEGRAM_MODE=webhook");
    if (c.TELEGRAM_MODE === "webhook" && !c.PUBLIC_URL)
      problem("PUBLIC_URL", "is needed when TELEGRAM_MODE=webhook (Telegram must reach it)");
    if (c.ZALO_BOT_TOKEN && c.ZALO_BOT_MODE === "webhook") {
      if (!c.ZALO_BOT_WEBHOOK_SECRET)
        problem("ZALO_BOT_WEBHOOK_SECRET", "is needed when ZALO_BOT_MODE=webhook");
      if (!c.PUBLIC_URL)
        problem("PUBLIC_URL", "is needed when ZALO_BOT_MODE=webhook (Zalo must reach it)");
    }
    const oa = [c.ZALO_OA_APP_ID, c.ZALO_OA_APP_SECRET, c.ZALO_OA_SECRET_KEY];
    if (oa.some(Boolean) && !oa.every(Boolean))
      problem(
        "ZALO_OA_SECRET_KEY",
        "ZALO_OA_APP_ID, ZALO_OA_APP_SECRET and ZALO_OA_SECRET_KEY go together",
      );
    if (oa.every(Boolean) && !c.PUBLIC_URL)
      problem(
        "PUBLIC_URL",
        "is needed for Zalo OA (its webhook and OAuth callback must be reachable)",
      );
  });

/** The validated configuration of `vnegov-bot`. */
export type BotConfig = z.output<typeof schema>;
/** What may be given, before defaults. */
export type BotConfigInput = z.input<typeof schema>;

/** A configuration that cannot be used, with one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const KEYS = Object.keys(schema.shape) as (keyof BotConfigInput)[];

/**
 * Reads the configuration from `file` (JSON, optional) and the environment, which wins.
 * Unknown keys in the file are errors (typos must not pass silently); unknown environment
 * variables are ignored.
 *
 * @throws {ConfigError} listing every problem.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  file?: string,
): BotConfig {
  const fromFile: Record<string, unknown> = {};
  const problems: string[] = [];
  if (file) {
    try {
      Object.assign(fromFile, JSON.parse(readFileSync(file, "utf8")));
    } catch (error) {
      throw new ConfigError([`${file}: ${(error as Error).message}`]);
    }
    for (const key of Object.keys(fromFile))
      if (!KEYS.includes(key as keyof BotConfigInput)) problems.push(`${key}: unknown setting`);
  }
  const fromEnv = Object.fromEntries(
    KEYS.flatMap((k) => (env[k] !== undefined && env[k] !== "" ? [[k, env[k]]] : [])),
  );
  const parsed = schema.safeParse({ ...fromFile, ...fromEnv });
  if (!parsed.success)
    problems.push(...parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}
