import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { DEFAULT_HOLIDAYS } from "@vnegov/domain";
import { Hono } from "hono";
import pino, { type Logger } from "pino";
import { createApp } from "./app.js";
import { specPath } from "./contract/spec.js";
import { ContractValidator } from "./contract/validator.js";
import { type Db, openDatabase } from "./db/database.js";
import { DvcqgEmulator, type DvcqgEmulatorInit, dvcqgRoutes } from "./dvcqg/index.js";
import { DEFAULT_DELIVERY, type DeliveryOptions, WebhookDispatcher } from "./events/dispatcher.js";
import { DEFAULT_FAULTS, FaultInjector, type FaultOptions } from "./http/faults.js";
import { DEFAULT_RATE_LIMITS, type RateLimitOptions, RateLimits } from "./http/limits.js";
import { IgateEmulator, type IgateEmulatorInit, igateRoutes } from "./igate/index.js";
import { LgspEmulator, type LgspEmulatorInit, lgspRoutes } from "./lgsp/index.js";
import { ensureSandboxClients, SANDBOX_CREDENTIALS } from "./seed/clients.js";
import { readSamples, type SampleDossiers, seedWorld } from "./seed/world.js";
import { createClient, type NewClient } from "./services/clients.js";
import { emitDueSoon } from "./services/tasks.js";
import { TelegramEmulator } from "./telegram/emulator.js";
import { telegramRoutes } from "./telegram/index.js";
import { type TelegramEmulatorInit, telegramOptions } from "./telegram/options.js";
import { VERSION } from "./version.js";
import type { World } from "./world.js";
import { ZaloBotEmulator } from "./zalo-bot/emulator.js";
import { zaloBotRoutes } from "./zalo-bot/index.js";
import { type ZaloBotEmulatorInit, zaloBotOptions } from "./zalo-bot/options.js";
import { ZaloOaEmulator } from "./zalo-oa/emulator.js";
import { zaloOaRoutes } from "./zalo-oa/index.js";
import { type ZaloOaEmulatorInit, zaloOaOptions } from "./zalo-oa/options.js";

/** Options of {@link startSandbox}; every field has a default. */
export interface SandboxOptions {
  /** SQLite file, or `:memory:` (default) for a throwaway world. */
  db?: string;
  /** Port on `host`; 0 (default) picks a free one. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /**
   * Build the sample world into an empty database: `true` with the default RNG seed (2021) or
   * a number as the seed. The same seed and `referenceDate` give the same world. Default false.
   */
  seed?: boolean | number;
  /** "Today" of the sample world: recent dossiers and task deadlines are placed around it. Default now. */
  referenceDate?: Date;
  /** The server's clock for domain time (appointment dates, timeliness, deadlines). Default `Date.now`. */
  now?: () => number;
  /** Days off (`YYYY-MM-DD`) for appointment dates; default Vietnam's public holidays 2020–2027. */
  holidays?: Iterable<string>;
  rateLimits?: Partial<RateLimitOptions>;
  faults?: Partial<FaultOptions>;
  webhooks?: Partial<DeliveryOptions>;
  /** Largest request body. Default 10 MiB. */
  bodyLimitBytes?: number;
  /** Lifetime of OAuth2 access tokens. Default 3600 s. */
  tokenTtlSeconds?: number;
  /** Check every response against the contract (500 on a violation). Default true. */
  validateResponses?: boolean;
  /** A pino logger, or a level for the default one. Default `"silent"`. */
  logger?: Logger | string;
  /** The Telegram Bot API emulator (served at `/bot<token>/…` on the same server). */
  telegram?: TelegramEmulatorInit;
  /** The Zalo Bot API emulator (served at `/zalo-bot/bot<token>/…` on the same server). */
  zaloBot?: ZaloBotEmulatorInit;
  /** The Zalo Official Account emulator (Open API, OAuth and ZNS under `/zalo-oa/…`). */
  zaloOa?: ZaloOaEmulatorInit;
  /** The National Public Service Portal (DVCQG) integration emulator, under `/dvcqg/…`. */
  dvcqg?: DvcqgEmulatorInit;
  /** The VNPT iGate emulator (Keycloak token + dossier search), under `/igate/…`. */
  igate?: IgateEmulatorInit;
  /** The LGSP document-exchange (edXML) emulator, under `/lgsp/…`. */
  lgsp?: LgspEmulatorInit;
}

/** A running sandbox. */
export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  db: Db;
  credentials: typeof SANDBOX_CREDENTIALS;
  /** Seeded dossiers with their verification secrets, one or more per status (empty when not seeded). */
  samples: SampleDossiers;
  /** Registers another API client, e.g. one with a low rate limit or few scopes. */
  createClient(input: NewClient): { clientId: string; apiKey: string };
  /** The Telegram emulator: telegraf's `apiRoot` is `url`; tests play the user here. */
  telegram: TelegramEmulator;
  /** The Zalo Bot API emulator: a client's base URL is `${url}/zalo-bot`; tests play the user here. */
  zaloBot: ZaloBotEmulator;
  /** The Zalo OA emulator: base URLs from `zaloOaBaseURLs(url)`; tests play the users here. */
  zaloOa: ZaloOaEmulator;
  /** The DVCQG emulator over the same world: the canonical API's dossiers are visible there. */
  dvcqg: DvcqgEmulator;
  /** The iGate emulator over the same world. */
  igate: IgateEmulator;
  /** The LGSP emulator: agencies of the world exchange edXML documents through it. */
  lgsp: LgspEmulator;
  /** Delivers due webhooks and emits due-soon task events now rather than on the next tick. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database, seeds it when asked, and starts the HTTP server and webhook dispatcher. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log =
    typeof options.logger === "object"
      ? options.logger
      : pino({ level: options.logger ?? "silent" });
  const db = openDatabase(options.db ?? ":memory:");
  let dispatcher: WebhookDispatcher | undefined;
  const world: World = {
    db,
    now: options.now ?? Date.now,
    calendar: { holidays: new Set(options.holidays ?? DEFAULT_HOLIDAYS) },
    randomBytes,
    onEvents: () => dispatcher?.kick(),
  };
  try {
    ensureSandboxClients(world);
    if (options.seed !== undefined && options.seed !== false) {
      const seed = options.seed === true ? 2021 : options.seed;
      await seedWorld(
        world,
        { seed, referenceDate: options.referenceDate ?? new Date(world.now()) },
        log,
      );
    }
    const validator = await ContractValidator.create();
    const limits = new RateLimits({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits });
    const telegram = new TelegramEmulator(telegramOptions(options.telegram));
    const zaloBot = new ZaloBotEmulator(zaloBotOptions(options.zaloBot));
    const zaloOa = new ZaloOaEmulator(zaloOaOptions(options.zaloOa));
    const dvcqg = new DvcqgEmulator(world, options.dvcqg);
    const igate = new IgateEmulator(world, options.igate);
    const lgsp = new LgspEmulator(world, options.lgsp);
    // Every emulator on the one server, each under its own prefix, outside the contract.
    const emulators = new Hono();
    emulators.route("/", telegramRoutes(telegram, log));
    emulators.route("/", zaloBotRoutes(zaloBot, log));
    emulators.route("/", zaloOaRoutes(zaloOa, log));
    emulators.route("/", dvcqgRoutes(dvcqg, log));
    emulators.route("/", igateRoutes(igate, log));
    emulators.route("/", lgspRoutes(lgsp, log));
    const app = createApp({
      world,
      validator,
      limits,
      faults: new FaultInjector({ ...DEFAULT_FAULTS, ...options.faults }),
      log,
      version: VERSION,
      bodyLimitBytes: options.bodyLimitBytes ?? 10 * 1024 * 1024,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      validateResponses: options.validateResponses ?? true,
      specText: readFileSync(specPath(), "utf8"),
      routes: emulators,
    });
    dispatcher = new WebhookDispatcher(
      world,
      { ...DEFAULT_DELIVERY, ...options.webhooks },
      log,
      () => {
        emitDueSoon(world);
        // Replays are promised for 24 h; older idempotency records only hold space.
        db.prepare("DELETE FROM idempotency_keys WHERE created_at < ?").run(
          Date.now() - 86_400_000,
        );
      },
    );
    const server = await listen(app.fetch, options.port ?? 0, options.host ?? "127.0.0.1");
    dispatcher.start();
    const { port } = server.address() as AddressInfo;
    const host = options.host ?? "127.0.0.1";
    const active = dispatcher;
    return {
      url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
      port,
      db,
      credentials: SANDBOX_CREDENTIALS,
      samples: readSamples(db),
      telegram,
      zaloBot,
      zaloOa,
      dvcqg,
      igate,
      lgsp,
      createClient: (input) => createClient(world, input),
      flush: async () => {
        active.kick();
        await active.stop();
        active.start();
      },
      close: async () => {
        await Promise.all([
          active.stop(),
          telegram.close(),
          zaloBot.close(),
          zaloOa.close(),
          dvcqg.close(),
          igate.close(),
          lgsp.close(),
        ]);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections?.();
        });
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

type NodeServer = ReturnType<typeof serve> & { closeAllConnections?: () => void };

function listen(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
  port: number,
  hostname: string,
): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () =>
      resolve(server as NodeServer),
    ) as NodeServer;
    server.once("error", reject);
  });
}
