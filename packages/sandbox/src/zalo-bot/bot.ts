import { ChatLog } from "./chat-log.js";
import type { ZaloBotEmulatorOptions } from "./options.js";
import type { BotInfo, Chat, WebhookInfo } from "./types.js";
import { ZaloUpdateQueue } from "./update-queue.js";
import { type ZaloWebhookConfig, ZaloWebhookPusher } from "./webhook-pusher.js";

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
  readonly pusher: ZaloWebhookPusher;
  webhook: ZaloWebhookConfig | undefined;
  /** When the webhook last changed (epoch ms). */
  webhookUpdatedAt: number | undefined;
  private readonly chats = new Map<string, ChatLog>();

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
    this.pusher = new ZaloWebhookPusher(this.updates, options.webhook, () => this.webhook);
  }

  chat(chatId: string): ChatLog | undefined {
    return this.chats.get(chatId);
  }

  /** The chat, opened when a user writes first (a bot cannot start a conversation). */
  openChat(chat: Chat): ChatLog {
    let log = this.chats.get(chat.id);
    if (!log) {
      log = new ChatLog(chat);
      this.chats.set(chat.id, log);
    }
    return log;
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
