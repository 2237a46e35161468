/** The benchmark's portal and Telegram emulator, in their own process, without rate limits. */
import { startSandbox } from "@vnegov/sandbox";

const sandbox = await startSandbox({
  seed: 2021,
  rateLimits: { requestsPerSecond: 1_000_000 },
  telegram: { rateLimits: false },
});
const samples = Object.values(sandbox.samples)
  .flat()
  .map(({ code, secret }) => ({ code, secret }));
console.log(`ready ${JSON.stringify({ url: sandbox.url, samples })}`);
process.once("SIGTERM", () => void sandbox.close().then(() => process.exit(0)));
