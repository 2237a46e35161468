import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { tooManyRequests } from "./errors.js";
import type { TelegramRateLimitOptions } from "./options.js";
import type { Chat } from "./types.js";

const BURST_WINDOW_SECONDS = 10;

/** Telegram's flood control for messages a bot sends: per chat, per group and per bot. */
export class SendLimits {
  private readonly perChat: BurstyRateLimiter;
  private readonly perGroup: RateLimiterMemory | undefined;
  private readonly global: RateLimiterMemory;

  constructor(options: TelegramRateLimitOptions) {
    this.perChat = new BurstyRateLimiter(
      new RateLimiterMemory({ keyPrefix: "chat", points: options.perChatPerSecond, duration: 1 }),
      new RateLimiterMemory({
        keyPrefix: "burst",
        points: options.perChatBurst,
        duration: BURST_WINDOW_SECONDS,
      }),
    );
    this.perGroup =
      options.groupPerMinute > 0
        ? new RateLimiterMemory({
            keyPrefix: "group",
            points: options.groupPerMinute,
            duration: 60,
          })
        : undefined;
    this.global = new RateLimiterMemory({
      keyPrefix: "bot",
      points: options.globalPerSecond,
      duration: 1,
    });
  }

  /** Counts one message from `botId` to `chat`; throws 429 with `retry_after` past a limit. */
  async consume(botId: number, chat: Chat): Promise<void> {
    const key = `${botId}:${chat.id}`;
    try {
      await this.perChat.consume(key);
      if (chat.type !== "private") await this.perGroup?.consume(key);
      await this.global.consume(botId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // Telegram's retry_after is whole seconds, at least 1.
      throw tooManyRequests(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
  }
}
