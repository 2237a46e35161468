import { setTimeout as sleep } from "node:timers/promises";
import { TelegramError } from "telegraf";

/** Tries after this many 429s in a row are given up (the chat is flooded for long). */
const MAX_FLOOD_RETRIES = 5;

/**
 * Calls `call`, waiting out Telegram's flood control: on 429 it sleeps `retry_after` seconds
 * and tries again, up to `maxRetries` times. Other errors are thrown at once.
 */
export async function withFloodRetry<T>(
  call: () => Promise<T>,
  maxRetries = MAX_FLOOD_RETRIES,
): Promise<T> {
  for (let retries = 0; ; retries++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof TelegramError) || error.code !== 429 || retries >= maxRetries)
        throw error;
      await sleep((error.parameters?.retry_after ?? 1) * 1000);
    }
  }
}
