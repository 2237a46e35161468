/**
 * A delivery worker in its own process, for the crash and scale-out tests: it sends what the
 * outbox holds to the Telegram emulator until SIGTERM (stops cleanly) or SIGKILL (dies
 * mid-send). The outbox is a SQLite file, or with a `redis://` URL the BullMQ outbox under the
 * key prefix in `OUTBOX_PREFIX`.
 *
 *   node --conditions=source --import tsx test/helpers/outbox-worker.ts <outbox.sqlite | redis://…>
 *     <subscriptions.sqlite> <apiRoot> <token> <perSecond> <leaseMs> [headroom]
 */
import { SqliteSubscriptionStore } from "../../src/index.js";
import {
  DeliveryWorker,
  type OutboxDelivery,
  SqliteOutbox,
  type WorkerCounters,
} from "../../src/notify/outbox/index.js";
import { BullmqOutbox, QueueDeliveryWorker } from "../../src/notify/queue/index.js";
import { telegramSender } from "./outbox-fixtures.js";

const [outboxPath, subscriptionsPath, apiRoot, token, perSecond, leaseMs, headroom] =
  process.argv.slice(2);
if (!outboxPath || !subscriptionsPath || !apiRoot || !token || !perSecond || !leaseMs)
  throw new Error(
    "usage: outbox-worker <outbox> <subscriptions> <apiRoot> <token> <perSecond> <leaseMs>",
  );

const subscriptions = new SqliteSubscriptionStore(subscriptionsPath);
const common = {
  senders: [telegramSender(apiRoot, token)],
  subscriptions,
  limits: {
    telegram: { perSecond: Number(perSecond), ...(headroom ? { headroom: Number(headroom) } : {}) },
  },
  leaseMs: Number(leaseMs),
};
let worker: OutboxDelivery & { counters(): WorkerCounters };
let close: () => unknown;
if (outboxPath.startsWith("redis://")) {
  const outbox = new BullmqOutbox({ redis: outboxPath, prefix: process.env.OUTBOX_PREFIX ?? "" });
  worker = new QueueDeliveryWorker({ ...common, outbox });
  close = () => outbox.close();
} else {
  const outbox = new SqliteOutbox(outboxPath);
  worker = new DeliveryWorker({
    ...common,
    outbox,
    pollIntervalMs: 50,
    owner: `child-${process.pid}`,
  });
  close = () => outbox.close();
}
worker.start();
process.stdout.write(`ready ${process.pid}\n`);
// The test holds our stdin open; if the test process dies, nobody else will stop us.
process.stdin.resume();
process.stdin.once("close", () => process.exit(1));
process.once("SIGTERM", () => {
  void worker.stop().then(async () => {
    await close();
    subscriptions.close();
    process.stdout.write(`stopped ${JSON.stringify(worker.counters())}\n`);
    process.exit(0);
  });
});
