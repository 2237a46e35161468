/**
 * A Zalo bot in a screenful, on `@vnegov/zalo` alone plus the SDK: a citizen writes a dossier
 * code and its verification secret, the bot answers with the dossier's status.
 *
 *   pnpm --filter @vnegov/examples zalo-status-bot        # offline: sandbox portal + Zalo emulator
 *   ZALO_BOT_TOKEN=123:abc VNEGOV_BASE_URL=… VNEGOV_API_KEY=… pnpm … zalo-status-bot
 */
import { startSandbox } from "@vnegov/sandbox";
import { isDossierCode, NotFoundError, Vnegov } from "@vnegov/sdk";
import { isKnownZaloUpdate, ZaloBot, type ZaloUpdate } from "@vnegov/zalo";

const token = process.env.ZALO_BOT_TOKEN;
// Without a token: a throwaway sandbox plays the portal and Zalo, and a fake citizen writes.
const sandbox = token ? undefined : await startSandbox({ seed: true });
const vnegov = new Vnegov({
  baseURL: process.env.VNEGOV_BASE_URL ?? (sandbox?.url as string),
  auth: { apiKey: process.env.VNEGOV_API_KEY ?? "vng_sandbox_bot_key" },
});
const bot = new ZaloBot({
  token: token ?? "1234567:example-status-bot",
  ...(sandbox && { baseURL: `${sandbox.url}/zalo-bot` }),
});

async function answer(update: ZaloUpdate): Promise<void> {
  if (!isKnownZaloUpdate(update) || update.event_name !== "message.text.received") return;
  const chatId = update.message.chat.id;
  const [code = "", secret] = update.message.text.trim().split(/\s+/);
  if (!isDossierCode(code) || !secret) {
    await bot.sendText({
      chatId,
      text: "Gửi: <mã hồ sơ> <mã tra cứu>, ví dụ 000.00.12.H99-240524-0001 K7M2QX",
    });
    return;
  }
  try {
    const dossier = await vnegov.portal.dossiers.get(code, { secret });
    await bot.sendText({ chatId, text: `Hồ sơ ${dossier.code}: ${dossier.status}` });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    await bot.sendText({ chatId, text: "Không tìm thấy hồ sơ với mã và mã tra cứu này." });
  }
}

const me = await bot.getMe();
console.log(`Bot ${me.account_name} đang chạy`);
await bot.deleteWebhook();
const stop = new AbortController();
const polling = bot.startPolling(answer, { signal: stop.signal, timeout: 1 });

if (sandbox) {
  const [sample] = sandbox.samples.dang_xu_ly ?? [];
  sandbox.zaloBot.sendText("citizen-1", `${sample?.code} ${sample?.secret}`);
  const [reply] = await sandbox.zaloBot.waitForMessages("citizen-1", 1);
  console.log(`Người dân nhận được: ${reply?.text}`);
  stop.abort();
  await polling;
  await vnegov.close();
  await sandbox.close();
}
