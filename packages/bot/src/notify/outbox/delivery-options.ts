import type { RateLimiter } from "@vnegov/sdk";
import type { Logger } from "pino";
import type { ChannelSender } from "../../channels/sender.js";
import type { ChannelName } from "../../engine/messages.js";
import type { SubscriptionStore } from "../../subscriptions/store.js";
import type { BackoffOptions } from "./backoff.js";
import type { SendFailure } from "./classify.js";
import type { DepartureGate } from "./departure-gate.js";
import type { ChannelLimits } from "./limits.js";
import type { WorkerCounters } from "./worker-metrics.js";

/** What every delivery worker is told, whichever outbox it sends from. */
export interface DeliveryOptions {
  /** One sender per channel to deliver on; deliveries of other channels stay queued. */
  senders: readonly ChannelSender[];
  /** Where a chat that blocked the bot loses its subscriptions (`removeAll`). */
  subscriptions?: SubscriptionStore;
  /** Per-channel overrides of the platform ceilings (`TELEGRAM_LIMITS`…). */
  limits?: Partial<Record<ChannelName, Partial<ChannelLimits>>>;
  /** A channel's overall limiter instead of the worker's own (see each worker for its default). */
  limiters?: Partial<Record<ChannelName, RateLimiter>>;
  /** How long a claim (a job's lock) holds without renewal. Default 15 s. */
  leaseMs?: number;
  /** Retry delays after 5xx and network errors; default 1 s doubling to 5 min, ±20 %. */
  backoff?: BackoffOptions;
  /** Overrides the error classification (see `classifySendError`). */
  classify?: (error: unknown, channel: ChannelName) => SendFailure;
  /** Called after a chat was found blocked and its subscriptions removed. */
  onBlocked?: (chatKey: string) => void | Promise<void>;
  logger?: Logger;
}

/** One channel of a delivery worker: its sender, its pace and what became of its sends. */
export interface ChannelLane {
  channel: ChannelName;
  sender: ChannelSender;
  limits: Required<ChannelLimits>;
  limiter: RateLimiter;
  /** The limiter was given: shared, never disconnected here. */
  given: boolean;
  gate: DepartureGate;
  counters: WorkerCounters;
}
