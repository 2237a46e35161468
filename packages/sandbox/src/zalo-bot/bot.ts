import { BotChats } from "../emulators/bot-chats.js";
import { WebhookPusher } from "../emulators/webhook-pusher.js";
import type { ChatLog } from "./chat-log.js";
import type { ZaloBotSendStats } from "./faults.js";
import type { ZaloBotEmulatorOptions } from "./options.js";
import type { BotInfo, Update, WebhookInfo } from "./types.js";
import { ZaloUpdateQueue } from "./update-queue.js";

/** A bot's webhook. */
export interface ZaloWebhookConfig {
  url: string;
  secretToken: string;
}

/** The last delivery that failed for good, for tests and the control routes. */
export interface ZaloWebhookFailure {
  /** Epoch milliseconds. */
  date: number;
  /** e.g. `Wrong response from the webhook: 500` or `Connection refused`. */
  message: string;
  attempts: number;
}

/**
 * Zalo's token shape: the bot id, a colon and a secret (`12345689:abc-xyz`). Zalo documents
 * no length for the secret; any run of letters, digits, `_` and `-` goes.
 */
const TOKEN = /^(\d{1,20}):([\w-]{1,128})$/;

/** The bot id in `token`, or `undefined` when the token is not shaped like Zalo's. */
export function zaloBotIdOf(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

/** Everything the emulator knows about one bot: its chats, updates and webhook. */
export class EmulatedZaloBot {
  readonly info: BotInfo;
  readonly updates: ZaloUpdateQueue;
  readonly pusher: WebhookPusher<ZaloWebhookConfig, Update>;
  webhook: ZaloWebhookConfig | undefined;
  /** The last update the webhook gave up on, if any. */
  lastWebhookFailure: ZaloWebhookFailure | undefined;
  /** When the webhook last changed (epoch ms). */
  webhookUpdatedAt: number | undefined;
  readonly chats = new BotChats<string, ChatLog>("Zalo chat");
  /** What the bot's sends came to, over all its chats. */
  readonly sendStats: ZaloBotSendStats = {
    sent: 0,
    chatsReached: 0,
    rateLimited: 0,
    injected: 0,
    attempts: 0,
  };

  constructor(
    readonly id: string,
    options: ZaloBotEmulatorOptions,
  ) {
    this.info = {
      id,
      account_name: options.accountName,
      account_type: "BASIC",
      can_join_groups: true,
    };
    this.updates = new ZaloUpdateQueue(() => this.pusher.kick());
    // Deliveries carry `X-Bot-Api-Secret-Token`; after `maxAttempts` an update is dropped.
    this.pusher = new WebhookPusher(
      this,
      {
        remove: (update) => this.updates.remove(update),
        request: (target, update) => ({
          payload: options.webhook.envelope === "wrapped" ? { ok: true, result: update } : update,
          headers: { "x-bot-api-secret-token": target.secretToken },
        }),
        wrongResponse: (response) => `Wrong response from the webhook: ${response.status}`,
        failed: ({ error, attempts, gaveUp }) => {
          if (gaveUp) this.lastWebhookFailure = { date: Date.now(), message: error, attempts };
        },
      },
      options.webhook,
    );
  }

  /** What `getWebhookInfo` answers. */
  webhookInfo(): WebhookInfo {
    return {
      url: this.webhook?.url ?? "",
      ...(this.webhookUpdatedAt !== undefined && { updated_at: this.webhookUpdatedAt }),
    };
  }

  async close(): Promise<void> {
    this.updates.release();
    await this.pusher.stop();
  }
}
