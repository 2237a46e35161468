/**
 * The memory half of the broadcast benchmark, in its own process so only the bot's side is
 * measured (the emulator runs in the sandbox's process): the vnegov outbox broadcast to
 * `subscribers` chats, with the resident set size sampled every 100 ms. Started by
 * `broadcast.bench.ts` as `broadcast-rss.ts <apiRoot> <token> <subscribers> <ceiling>`; prints
 * one line `result {json}`.
 */
import { outboxBroadcast } from "./broadcast-helpers.js";

const [apiRoot, token, subscribers, ceiling] = process.argv.slice(2);
if (!apiRoot || !token || !subscribers || !ceiling)
  throw new Error("usage: broadcast-rss.ts <apiRoot> <token> <subscribers> <ceiling>");

const count = Number(subscribers);
const rate = Number(ceiling);
const startRss = process.memoryUsage.rss();
let peakRss = startRss;
/** Where the memory was at the peak: V8's heap or outside it. */
let atPeak = process.memoryUsage();
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss <= peakRss) return;
  peakRss = rss;
  atPeak = process.memoryUsage();
}, 100);
const run = await outboxBroadcast({
  apiRoot,
  token,
  subscribers: count,
  ceiling: rate,
  // Four times the ideal duration, plus a minute for the enqueue and start-up.
  timeoutMs: (count / rate) * 4000 + 60_000,
});
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
console.log(
  `result ${JSON.stringify({
    startRss,
    peakRss,
    endRss: process.memoryUsage.rss(),
    heapUsed: process.memoryUsage().heapUsed,
    atPeak,
    ...run,
  })}`,
);
