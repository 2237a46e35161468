import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import type { ChannelSender } from "../channels/sender.js";
import { DeliveryWorker } from "../notify/outbox/delivery-worker.js";
import type { Outbox, OutboxDelivery } from "../notify/outbox/outbox.js";
import { SqliteOutbox } from "../notify/outbox/sqlite-outbox.js";
import type { SubscriptionStore } from "../subscriptions/store.js";
import type { BotConfig } from "./config.js";

/** The configured outbox, how to deliver it, and how to close it. */
export interface OpenedOutbox {
  outbox: Outbox;
  /** Where it lives, for messages: a file path or the Redis URL's host. */
  where: string;
  /** A delivery worker for it (one per process). */
  worker(options: {
    senders: readonly ChannelSender[];
    subscriptions: SubscriptionStore;
    logger: Logger;
  }): OutboxDelivery;
  close(): Promise<void>;
}

/**
 * Opens the outbox `OUTBOX` names: the SQLite file in `DATA_DIR` (default), or BullMQ on
 * `REDIS_URL` (loaded only then). With `mustExist`, a missing SQLite file is an error instead
 * of a new outbox (for the CLI, which reads what a running bot writes).
 */
export async function openOutbox(
  config: BotConfig,
  options: { mustExist?: boolean } = {},
): Promise<OpenedOutbox> {
  if (config.OUTBOX === "bullmq" && config.REDIS_URL) {
    const { BullmqOutbox, QueueDeliveryWorker } = await import("../notify/queue/index.js");
    const outbox = new BullmqOutbox({
      redis: config.REDIS_URL,
      prefix: config.OUTBOX_REDIS_PREFIX,
    });
    return {
      outbox,
      where: `Redis ${new URL(config.REDIS_URL).host}`,
      worker: (o) => new QueueDeliveryWorker({ outbox, ...o }),
      close: () => outbox.close(),
    };
  }
  const file = join(config.DATA_DIR, "outbox.sqlite");
  if (options.mustExist && !existsSync(file))
    throw new Error(`No outbox at ${file}: has the bot run with DATA_DIR=${config.DATA_DIR}?`);
  const outbox = new SqliteOutbox(file);
  return {
    outbox,
    where: file,
    worker: (o) => new DeliveryWorker({ outbox, ...o }),
    close: async () => outbox.close(),
  };
}
