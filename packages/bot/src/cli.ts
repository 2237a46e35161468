#!/usr/bin/env node
import { Command } from "commander";
import pino from "pino";
import { ConfigError, loadConfig } from "./main/config.js";
import { runBot } from "./main/run-bot.js";

const program = new Command("vnegov-bot")
  .description(
    "The vnegov chat bot. With no configuration it starts the sandbox portal in-process and a web chat on localhost; set TELEGRAM_BOT_TOKEN for Telegram. Settings: docs/bot.md.",
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

program.parseAsync().catch((error: unknown) => {
  console.error(`vnegov-bot: ${(error as Error).message}`);
  process.exit(1);
});
