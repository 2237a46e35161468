import { join } from "node:path";
import { FileTokenStore, ZaloOa } from "@vnegov/zalo";
import { type ChannelSender, createZaloBotChannel, createZaloOaChannel } from "../../src/index.js";
import { authorise, oaHosts } from "../chat-drivers.js";
import type { World } from "../telegram-harness.js";

/** One send the emulator saw for a chat: `ok`, or the error it answered (`429`, `-32`, `500`…). */
export type Seen = "ok" | number;

/**
 * A Zalo channel of the bot and its emulator in the sandbox, seen the same way for both, so the
 * outbox tests run unchanged on the Zalo Bot API and on the OA.
 */
export interface ZaloPlatform {
  name: string;
  channel: "zalo" | "zalo_oa";
  /** The channel's `send`, as the delivery worker calls it (the channel is never started). */
  sender: ChannelSender;
  /** The chats' users write first, as both platforms require before the bot may send. */
  open(chatIds: readonly string[]): Promise<void>;
  /** The emulator's send limit per second (per minute: 60 times as many); `false`: none. */
  limit(perSecond: number | false): void;
  /** The texts the chat received, in order. */
  received(chatId: string): string[];
  /** Every send to the chat the emulator answered, in order. */
  seen(chatId: string): Seen[];
  /**
   * What the sends came to over all chats: `rateLimited` counts the emulator's own limit
   * answers (429, -32), not injected ones.
   */
  stats(): { sent: number; rateLimited: number; injected: number; attempts: number };
  /** The chat's next `times` sends answer the platform's rate-limit error, waiting 1 s. */
  rateLimit(chatId: string, times: number): void;
  /** The chat's next `times` sends answer 500. */
  fail(chatId: string, times: number): void;
  /** The user blocks the bot (Zalo Bot: 403) or the OA's messages (-244). */
  block(chatId: string): void;
  /** The platform's rate-limit answer, as `seen` shows it. */
  rateLimitedAs: Seen;
  /** Its answer to a user who blocked the bot, as `seen` shows it. */
  blockedAs: Seen;
  /** Its answer to a 5xx, as `seen` shows it. */
  failedAs: Seen;
  close(): Promise<void>;
}

/** Channel-side client limits out of the way: the worker is what paces the sends here. */
const CLIENT_CONCURRENCY = 100;

/** The Zalo Bot channel on its own token, against the sandbox's Zalo Bot emulator. */
export function zaloBotPlatform(world: World, botId: number): ZaloPlatform {
  const token = `${botId}:outbox-zalo-test`;
  const zalo = world.sandbox.zaloBot;
  const sender = createZaloBotChannel({
    engine: { handle: async () => [] },
    token,
    baseURL: `${world.sandbox.url}/zalo-bot`,
    mode: { type: "polling" },
    limiter: { maxConcurrent: CLIENT_CONCURRENCY },
  });
  return {
    name: "Zalo Bot API",
    channel: "zalo",
    sender,
    async open(chatIds) {
      // The updates stay queued: the bot never polls them.
      for (const id of chatIds) zalo.sendText(id, "/start", { token });
    },
    limit(perSecond) {
      zalo.setRateLimits(
        perSecond === false
          ? false
          : { perSecondPerBot: perSecond, perMinutePerBot: perSecond * 60 },
      );
    },
    received: (chatId) => zalo.messages(chatId, { token }).map((m) => m.text ?? ""),
    seen: (chatId) => zalo.sendAttempts(chatId, { token }).map((a) => a.errorCode ?? "ok"),
    stats: () => zalo.stats({ token }),
    rateLimit: (chatId, times) =>
      zalo.failSends(chatId, { status: 429, times, retryAfter: 1 }, { token }),
    fail: (chatId, times) => zalo.failSends(chatId, { status: 500, times }, { token }),
    block: (chatId) => zalo.blockBot(chatId, { token }),
    rateLimitedAs: 429,
    blockedAs: 403,
    failedAs: 500,
    close: async () => {},
  };
}

/** The Zalo OA channel, authorised once with PKCE, against the sandbox's OA emulator. */
export async function zaloOaPlatform(world: World, name: string): Promise<ZaloPlatform> {
  const oaEmulator = world.sandbox.zaloOa;
  const { appId, appSecret, oaSecretKey } = oaEmulator.credentials;
  const oa = new ZaloOa({
    appId,
    appSecret,
    tokens: new FileTokenStore(join(world.dir, `${name}-tokens.json`)),
    baseURLs: oaHosts(world.sandbox),
    limiter: { maxConcurrent: CLIENT_CONCURRENCY },
  });
  await authorise(oa);
  const sender = createZaloOaChannel({
    engine: {
      handle: async () => [],
      forget: async () => {},
      setPhone: async () => {},
      phoneOf: async () => undefined,
    },
    oa,
    appId,
    oaSecretKey,
  });
  // Notifications go by user id, so each one spends the OA's proactive quota: lifted here.
  oaEmulator.setLimits({ quota: null });
  return {
    name: "Zalo OA",
    channel: "zalo_oa",
    sender,
    async open(userIds) {
      // Writing opens the 7-day consultation window; no webhook is set, so nobody answers.
      for (const id of userIds) await oaEmulator.userSendsText(id, "/start");
    },
    limit(perSecond) {
      oaEmulator.setLimits(
        perSecond === false
          ? { perSecond: null, perMinute: null }
          : { perSecond, perMinute: perSecond * 60 },
      );
    },
    received: (userId) => oaEmulator.messages(userId).map((m) => m.text ?? ""),
    seen: (userId) => oaEmulator.sendAttempts(userId).map((a) => (a.error === 0 ? "ok" : a.error)),
    stats: () => oaEmulator.stats(),
    // Zalo's -32 names no wait (the client would wait a minute): the emulator adds Retry-After.
    rateLimit: (userId, times) =>
      oaEmulator.failSends(userId, { error: -32, times, retryAfter: 1 }),
    fail: (userId, times) => oaEmulator.failSends(userId, { status: 500, times }),
    block: (userId) => oaEmulator.blockOa(userId),
    rateLimitedAs: -32,
    blockedAs: -244,
    // A gateway's 500 carries the emulator's `{ error: -1 }`.
    failedAs: -1,
    close: () => sender.stop(),
  };
}
