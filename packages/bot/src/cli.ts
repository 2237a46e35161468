#!/usr/bin/env node
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import pino from "pino";
import { formatBroadcasts } from "./main/broadcast-report.js";
import { ConfigError, loadConfig } from "./main/config.js";
import { runBot } from "./main/run-bot.js";
import { SqliteOutbox } from "./notify/outbox/sqlite-outbox.js";

const program = new Command("vnegov-bot")
  .description(
    "The vnegov chat bot. With no configuration it starts the sandbox portal in-process and a web chat on localhost; set TELEGRAM_BOT_TOKEN for Telegram, ZALO_BOT_TOKEN or the Zalo OA settings for Zalo. Settings: docs/bot.md.",
  )
  .option("-c, --config <file>", "JSON file of settings (environment variables win)")
  .action(async (opts: { config?: string }) => {
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig(process.env, opts.config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      process.exit(2);
    }
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
        sample
          ? `  Try:       /tracuu ${sample.code} ${sample.secret}   or   /nophoso khai sinh`
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
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig(process.env, opts.config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      process.exit(2);
    }
    const file = join(config.DATA_DIR, "outbox.sqlite");
    if (!existsSync(file)) {
      console.error(`No outbox at ${file}: has the bot run with DATA_DIR=${config.DATA_DIR}?`);
      process.exit(1);
    }
    // The running bot writes; this reader only looks (SQLite WAL lets both at once).
    const outbox = new SqliteOutbox(file);
    try {
      for (;;) {
        const broadcasts = outbox.broadcastStatus({ limit: 20 });
        if (opts.json) console.log(JSON.stringify(broadcasts, null, 2));
        else console.log(`${opts.watch ? "\x1b[2J\x1b[H" : ""}${formatBroadcasts(broadcasts)}`);
        if (!opts.watch || broadcasts.every((b) => b.done)) break;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    } finally {
      outbox.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`vnegov-bot: ${(error as Error).message}`);
  process.exit(1);
});
