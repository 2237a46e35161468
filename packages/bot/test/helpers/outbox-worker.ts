/**
 * A delivery worker in its own process, for the crash test: it sends what the outbox file
 * holds to the Telegram emulator until SIGTERM (stops cleanly) or SIGKILL (dies mid-send).
 *
 *   node --conditions=source --import tsx test/helpers/outbox-worker.ts <outbox.sqlite> <subscriptions.sqlite>
 *     <apiRoot> <token> <perSecond> <leaseMs>
 */
import { SqliteSubscriptionStore } from "../../src/index.js";
import { DeliveryWorker, SqliteOutbox } from "../../src/notify/outbox/index.js";
import { telegramSender } from "./outbox-fixtures.js";

const [outboxPath, subscriptionsPath, apiRoot, token, perSecond, leaseMs] = process.argv.slice(2);
if (!outboxPath || !subscriptionsPath || !apiRoot || !token || !perSecond || !leaseMs)
  throw new Error(
    "usage: outbox-worker <outbox> <subscriptions> <apiRoot> <token> <perSecond> <leaseMs>",
  );

const outbox = new SqliteOutbox(outboxPath);
const subscriptions = new SqliteSubscriptionStore(subscriptionsPath);
const worker = new DeliveryWorker({
  outbox,
  senders: [telegramSender(apiRoot, token)],
  subscriptions,
  limits: { telegram: { perSecond: Number(perSecond) } },
  leaseMs: Number(leaseMs),
  pollIntervalMs: 50,
  owner: `child-${process.pid}`,
});
worker.start();
process.stdout.write(`ready ${worker.owner}\n`);
// The test holds our stdin open; if the test process dies, nobody else will stop us.
process.stdin.resume();
process.stdin.once("close", () => process.exit(1));
process.once("SIGTERM", () => {
  void worker.stop().then(() => {
    outbox.close();
    subscriptions.close();
    process.stdout.write(`stopped ${JSON.stringify(worker.counters())}\n`);
    process.exit(0);
  });
});
