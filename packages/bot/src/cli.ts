#!/usr/bin/env node
import { Command } from "commander";
import pino from "pino";
import { formatBroadcasts } from "./main/broadcast-report.js";
import { startBroadcast } from "./main/broadcast-start.js";
import { type BotConfig, ConfigError, loadConfig } from "./main/config.js";
import { openOutbox } from "./main/outbox.js";
import { runBot } from "./main/run-bot.js";

/** The settings, or exit 2 with every problem listed. */
const BACKEND_NAMES: Record<BotConfig["VNEGOV_BACKEND"], string> = {
  canonical: "the vnegov Portal API",
  dvcqg: "DVCQG (National Public Service Portal integration)",
  igate: "VNPT iGate",
};

/** What proves a sample dossier is yours on this backend: its mã tra cứu, or the applicant's CCCD. */
function lookupProof(
  backend: BotConfig["VNEGOV_BACKEND"],
  sample: { secret: string; applicantIdNumber?: string },
): string {
  return backend === "canonical" ? sample.secret : (sample.applicantIdNumber ?? "<CCCD>");
}

function configOrExit(file: string | undefined): BotConfig {
  try {
    return loadConfig(process.env, file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

const program = new Command("vnegov-bot")
  .description(
    "The vnegov chat bot. With no configuration it starts the sandbox portal in-process and a web chat on localhost; set TELEGRAM_BOT_TOKEN for Telegram, ZALO_BOT_TOKEN or the Zalo OA settings for Zalo. Settings: docs/bot.md.",
  )
  .option("-c, --config <file>", "JSON file of settings (environment variables win)")
  .action(async (opts: { config?: string }) => {
    const config = configOrExit(opts.config);
    const log = pino({ level: config.LOG_LEVEL });
    const bot = await runBot(config, log);
    const sample = bot.sandbox?.samples.dang_xu_ly?.[0];
    console.log(
      [
        "vnegov-bot is running.",
        `  Web chat:  ${bot.webChatUrl}`,
        `  Telegram:  ${bot.telegram ? "on" : "off (set TELEGRAM_BOT_TOKEN to connect a bot)"}`,
        `  Zalo:      ${
          bot.zalo.bot || bot.zalo.oa
            ? [bot.zalo.bot && "Bot on", bot.zalo.oa && "OA on"].filter(Boolean).join(", ")
            : "off (set ZALO_BOT_TOKEN or the Zalo OA settings: docs/zalo.md)"
        }`,
        bot.sandbox
          ? `  Portal:    embedded sandbox at ${bot.sandbox.url} (sample province Tỉnh Lam Giang)`
          : `  Portal:    ${config.VNEGOV_BASE_URL}`,
        `  Look-ups:  ${BACKEND_NAMES[bot.backend]}${bot.sandbox && bot.backend !== "canonical" ? " (the sandbox's emulator)" : ""}`,
        sample
          ? `  Try:       /tracuu ${sample.code} ${lookupProof(bot.backend, sample)}   or   /nophoso khai sinh`
          : "",
        "Press Ctrl+C to stop.",
      ]
        .filter(Boolean)
        .join("\n"),
    );
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await bot.close();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });

const broadcast = program.command("broadcast").description("Notifications sent through the outbox");
broadcast
  .command("status")
  .description("Progress of recent broadcasts: sent, waiting, failed, blocked, rate and ETA")
  .option("-c, --config <file>", "JSON file of settings (environment variables win)")
  .option("--json", "print JSON instead of a table")
  .option("-w, --watch", "refresh every 2 seconds until every broadcast is done")
  .action(async (opts: { config?: string; json?: boolean; watch?: boolean }) => {
    // The running bot writes; this reader only looks (SQLite WAL, or Redis, lets both at once).
    const opened = await openOutbox(configOrExit(opts.config), { mustExist: true });
    try {
      for (;;) {
        const broadcasts = await opened.outbox.broadcastStatus({ limit: 20 });
        if (opts.json) console.log(JSON.stringify(broadcasts, null, 2));
        else console.log(`${opts.watch ? "\x1b[2J\x1b[H" : ""}${formatBroadcasts(broadcasts)}`);
        if (!opts.watch || broadcasts.every((b) => b.done)) break;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    } finally {
      await opened.close();
    }
  });
broadcast
  .command("start")
  .description(
    "Send a published directive to its followers now (by number, e.g. 16/CT-TTg, or id), through the running bot's outbox, with a progress bar",
  )
  .argument("<directive>", "the directive's number and notation, or its id")
  .option("-c, --config <file>", "JSON file of settings (environment variables win)")
  .action(async (directive: string, opts: { config?: string }) => {
    const code = await startBroadcast(configOrExit(opts.config), directive, {
      write: (text) => process.stdout.write(text),
      tty: process.stdout.isTTY === true,
    });
    process.exit(code);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`vnegov-bot: ${(error as Error).message}`);
  process.exit(1);
});
