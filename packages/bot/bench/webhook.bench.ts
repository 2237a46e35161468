/**
 * Telegram webhook throughput: the vnegov bot answering dossier look-ups, against a bare
 * telegraf echo bot measured in the same run (goal ≥ 0.8×). The portal + Telegram emulator,
 * the bot and autocannon each run in their own process; every update comes from one of
 * `CHATS` chats and carries a fresh `update_id`. Both bots reply through the emulator's
 * sendMessage; the look-up also reads the dossier (with its latest steps) from the portal, and
 * `/help` shows what the engine alone costs.
 */
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  type BenchRequest,
  CONNECTIONS,
  type Figures,
  printTable,
  ROUNDS,
  rounds,
  SECONDS,
  startProcess,
  stopProcess,
} from "../../../bench.base.js";

const CHATS = 200;
const TOKEN = `123456789:${"A".repeat(35)}`;
const SECRET = "bench-webhook-secret-0123456789";
const packageDir = fileURLToPath(new URL("..", import.meta.url));

const children: ChildProcess[] = [];

async function start(args: string[], ready: RegExp): Promise<string> {
  const { match, process } = await startProcess(packageDir, args, ready);
  children.push(process);
  return match;
}

/** Makes the emulator know `CHATS` private chats (a first message from each user). */
async function openChats(url: string): Promise<void> {
  for (let chat = 1; chat <= CHATS; chat++) {
    const response = await fetch(`${url}/_emulator/telegram/bots/${TOKEN}/chats/${chat}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "/start" }),
    });
    if (!response.ok) throw new Error(`emulator: ${response.status} ${await response.text()}`);
  }
}

/** Updates as Telegram would POST them: the text from chat 1…CHATS in turn. */
function updates(text: (i: number) => string): () => BenchRequest {
  let updateId = 1_000_000;
  return () => {
    updateId += 1;
    const chat = (updateId % CHATS) + 1;
    const from = { id: chat, is_bot: false, first_name: "Dân", language_code: "vi" };
    return {
      method: "POST",
      path: "/hooks/telegram",
      headers: {
        "content-type": "application/json",
        "x-telegram-bot-api-secret-token": SECRET,
      },
      body: JSON.stringify({
        update_id: updateId,
        message: {
          message_id: updateId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chat, type: "private", first_name: "Dân" },
          from,
          text: text(updateId),
        },
      }),
    };
  };
}

/**
 * The text of the bot's last message in a few chats, so a bot that answers fast but wrongly
 * (an apology after an error) fails the benchmark instead of winning it.
 */
async function lastReplies(url: string): Promise<string[]> {
  const texts: string[] = [];
  for (let chat = 1; chat <= 5; chat++) {
    const response = await fetch(`${url}/_emulator/telegram/bots/${TOKEN}/chats/${chat}/messages`);
    const { result } = (await response.json()) as { result: { text?: string }[] };
    texts.push(result.at(-1)?.text ?? "");
  }
  return texts;
}

function expectReplies(texts: string[], pattern: RegExp, scenario: string): void {
  const wrong = texts.filter((text) => !pattern.test(text));
  if (wrong.length === 0) return;
  console.error(`${scenario}: unexpected replies, e.g. ${JSON.stringify(wrong[0])}`);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  try {
    const world = JSON.parse(await start(["bench/sandbox-process.ts"], /^ready (.+)$/m)) as {
      url: string;
      samples: { code: string; secret: string }[];
    };
    await openChats(world.url);
    const lookup = (i: number) => {
      const s = world.samples[i % world.samples.length] as { code: string; secret: string };
      return `/tracuu ${s.code} ${s.secret}`;
    };
    const target = (kind: string) =>
      start(["bench/target-process.ts", kind, world.url, TOKEN, SECRET], /listening (\d+)/);
    const echo = `http://127.0.0.1:${await target("echo")}`;
    const vnegov = `http://127.0.0.1:${await target("vnegov")}`;

    const results = new Map<string, Figures>();
    results.set("baseline: telegraf echo bot", await rounds(echo, updates(lookup)));
    // The engine's own cost (session, routing, i18n, one reply) without the portal call.
    results.set(
      "vnegov bot: /help (engine only)",
      await rounds(
        vnegov,
        updates(() => "/help"),
      ),
    );
    expectReplies(await lastReplies(world.url), /\/tracuu/, "/help");
    results.set("vnegov bot: dossier look-up", await rounds(vnegov, updates(lookup)));
    expectReplies(await lastReplies(world.url), /^Hồ sơ .+\nThủ tục: /, "look-up");
    printTable(
      `vnegov Telegram webhook benchmark: median of ${ROUNDS} × ${SECONDS}s rounds, ${CONNECTIONS} connections, ${CHATS} chats, ${world.samples.length} dossiers (goal ≥ 0.80×)`,
      results,
      "baseline: telegraf echo bot",
    );
    if ([...results.values()].some((f) => f.errors > 0)) process.exitCode = 1;
  } finally {
    await Promise.all(children.map(stopProcess));
  }
}

await main();
