import { BottleneckLimiter, ConcurrencyLimiter, type RateLimiter } from "@vnegov/sdk";
import type { ChannelName } from "../../engine/messages.js";

/**
 * How fast one channel may deliver notifications. The overall rate is paced by a bottleneck
 * limiter (see `DeliveryWorker`); the per-chat gaps are kept by the outbox itself as a durable
 * "not before" per chat, so they hold across restarts and across processes sharing the file.
 */
export interface ChannelLimits {
  /** The platform's ceiling for one bot over all chats, in messages per second. */
  perSecond: number;
  /**
   * The share of `perSecond` actually used (0–1]. The platform counts arrivals, we count
   * departures; a few percent absorb network jitter, so steady state never meets a 429.
   */
  headroom: number;
  /** Least time between the end of one send and the next to the same private chat, ms. */
  chatIntervalMs: number;
  /** The same for group chats (Telegram: 20 a minute, so 3 s apart). */
  groupIntervalMs: number;
  /** Whether a chat id names a group; Telegram's group and channel ids are negative. */
  isGroup: (chatId: string) => boolean;
  /**
   * Claimed rows waiting for, or in, a send at once. Small on purpose: each is a message that
   * may be repeated if the process dies (see `DeliveryWorker`). Of them, the `DeliveryWorker`
   * keeps at most a tenth of a second's worth waiting for their departure slot; the rest of
   * the room is for sends on the wire, which a slow platform needs.
   * Default: half a second's worth at the paced rate, at least 4.
   */
  maxInFlight?: number;
}

const negative = (chatId: string) => chatId.startsWith("-");
const never = () => false;

/**
 * Telegram's published flood limits: about 30 messages a second per bot, 1 a second per chat,
 * 20 a minute per group (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 */
export const TELEGRAM_LIMITS: ChannelLimits = {
  perSecond: 30,
  headroom: 0.97,
  chatIntervalMs: 1000,
  groupIntervalMs: 3000,
  isGroup: negative,
};

/**
 * Zalo Bot API: Zalo publishes no numeric limits (its terms only say Free and Premium plans
 * differ) and answers 429 "quota exceeded" past them. One a second is the sandbox's assumed
 * 60 a minute per bot, and slow enough that a Free-plan bot is not cut off mid-broadcast; raise
 * it when Zalo confirms the plan's quota. Zalo bots cannot be in groups yet. Headroom as for
 * Telegram: paced at exactly the ceiling, one slow send followed by a fast one lands two
 * arrivals in one window of the platform's count, and that is a 429.
 */
export const ZALO_BOT_LIMITS: ChannelLimits = {
  perSecond: 1,
  headroom: 0.97,
  chatIntervalMs: 1000,
  groupIntervalMs: 1000,
  isGroup: never,
};

/**
 * Zalo OA Open API: only secondary notes quote numbers (~20 requests a second); the documented
 * signal is error -32 (per-minute limit), which the client turns into a 429 with a one-minute
 * wait. A quarter of the unconfirmed figure keeps a broadcast clear of it; each consultation
 * message also spends the OA's paid quota, so going faster buys little. Headroom as for the
 * Zalo Bot API, for when `perSecond` is set to the OA's actual ceiling.
 */
export const ZALO_OA_LIMITS: ChannelLimits = {
  perSecond: 5,
  headroom: 0.97,
  chatIntervalMs: 1000,
  groupIntervalMs: 1000,
  isGroup: never,
};

/** Web chat: our own server; only spacing so one busy browser is not flooded. */
export const WEB_LIMITS: ChannelLimits = {
  perSecond: 200,
  headroom: 1,
  chatIntervalMs: 0,
  groupIntervalMs: 0,
  isGroup: never,
};

export const DEFAULT_CHANNEL_LIMITS: Record<ChannelName, ChannelLimits> = {
  telegram: TELEGRAM_LIMITS,
  zalo: ZALO_BOT_LIMITS,
  zalo_oa: ZALO_OA_LIMITS,
  web: WEB_LIMITS,
};

/** The limits of `channel`, with `overrides` on top of the defaults. */
export function limitsFor(
  channel: ChannelName,
  overrides: Partial<ChannelLimits> = {},
): Required<ChannelLimits> {
  const merged = { ...DEFAULT_CHANNEL_LIMITS[channel], ...overrides };
  if (!(merged.perSecond > 0)) throw new RangeError(`${channel}: perSecond must be above 0.`);
  if (!(merged.headroom > 0 && merged.headroom <= 1))
    throw new RangeError(`${channel}: headroom must be in (0, 1].`);
  const paced = merged.perSecond * merged.headroom;
  return {
    ...merged,
    maxInFlight: merged.maxInFlight ?? Math.max(4, Math.ceil(paced / 2)),
  };
}

/** The gap the outbox keeps after a send to `chatId`. */
export function chatIntervalOf(limits: ChannelLimits, chatId: string): number {
  return limits.isGroup(chatId) ? limits.groupIntervalMs : limits.chatIntervalMs;
}

/**
 * A channel's overall limiter. In one process: a cap of `maxInFlight` sends at once that a 429
 * pauses; the pace itself is kept at departure (`DepartureGate`), because Bottleneck's
 * in-process store spends a timer tick on every job and tops out near 350 jobs a second
 * (measured), a third of a 1 000 msg/s ceiling. With `redis`: Bottleneck clustered on it, so
 * every process using the same `id` shares the rate; set at the full ceiling, as the departure
 * slots already keep the paced rate, and without a shared in-flight cap (a process that died
 * would keep holding it).
 */
export function channelLimiter(
  limits: Required<ChannelLimits>,
  redis?: { id: string; client: { options: object } },
): RateLimiter {
  return redis
    ? new BottleneckLimiter({ requestsPerSecond: limits.perSecond, maxConcurrent: null, redis })
    : new ConcurrencyLimiter(limits.maxInFlight);
}

/**
 * How far a channel's departures may catch up after a late timer: a third of the headroom's
 * share of a second, at most 10 ms (10 ms at the default 0.97), so a catch-up's burst is at
 * most 1 % of a second's sends. Event-loop stalls up to that long (young-generation GCs,
 * SQLite checkpoints) then cost no rate: at 1 000 msg/s, 2 ms of catch-up reached 0.92 of the
 * ceiling and 10 ms 0.96. The `DepartureGate`'s one-second bound keeps a catch-up from ever
 * raising a second's count.
 */
export const catchUpOf = (limits: Required<ChannelLimits>) =>
  Math.min(10, ((1 - limits.headroom) * 1000) / 3);
