import { BotChats } from "../emulators/bot-chats.js";
import { WebhookPusher } from "../emulators/webhook-pusher.js";
import type { ChatState } from "./chat-state.js";
import { FileStore } from "./files.js";
import type { TelegramEmulatorOptions } from "./options.js";
import { SendCounters } from "./send-stats.js";
import type { BotCommand, BotUser, CallbackQuery, Update, WebhookInfo } from "./types.js";
import { UpdateQueue } from "./update-queue.js";

/** A bot's webhook and how its deliveries went. */
export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates: string[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** How a bot answered a button press (`answerCallbackQuery`). */
export interface CallbackAnswer {
  text?: string;
  showAlert: boolean;
  url?: string;
}

/** Telegram's token shape: the bot id, a colon and 35 characters. */
const TOKEN = /^(\d{1,15}):[\w-]{35}$/;

/** The bot id in `token`, or `undefined` when the token is not shaped like Telegram's. */
export function botIdOf(token: string): number | undefined {
  const digits = TOKEN.exec(token)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/** Everything the emulator knows about one bot: its chats, files, updates and webhook. */
export class EmulatedBot {
  readonly user: BotUser;
  readonly files: FileStore;
  readonly updates: UpdateQueue;
  readonly pusher: WebhookPusher<WebhookConfig, Update>;
  webhook: WebhookConfig | undefined;
  /** `setMyCommands` lists by scope and language. */
  readonly commands = new Map<string, BotCommand[]>();
  readonly chats = new BotChats<number, ChatState>("Chat");
  /** Messages sent and 429s answered, for `TelegramEmulator.stats`. */
  readonly sendCounters = new SendCounters();
  /** Unanswered button presses: what to do with the answer, by query id. */
  private readonly callbacks = new Map<string, (answer: CallbackAnswer) => void>();
  private callbackCount = 0;

  constructor(
    readonly id: number,
    options: TelegramEmulatorOptions,
  ) {
    this.user = {
      id,
      is_bot: true,
      first_name: "Trợ lý dịch vụ công (sandbox)",
      username: options.botUsername,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
    this.files = new FileStore(id);
    this.updates = new UpdateQueue(() => this.pusher.kick());
    // A failed delivery is retried without end; getWebhookInfo shows the last error.
    this.pusher = new WebhookPusher(
      this,
      {
        remove: (update) => this.updates.confirm(update.update_id + 1),
        request: (target, update) => ({
          payload: update,
          headers: {
            ...(target.secretToken && { "x-telegram-bot-api-secret-token": target.secretToken }),
          },
        }),
        wrongResponse: (response) =>
          `Wrong response from the webhook: ${response.status} ${response.statusText}`.trim(),
        failed: ({ target, error }) => {
          target.lastErrorDate = Math.floor(Date.now() / 1000);
          target.lastErrorMessage = error;
        },
      },
      options.webhook,
    );
  }

  /** Registers a button press; `answer` is called when the bot answers it. */
  addCallback(
    build: (id: string) => CallbackQuery,
    answer: (answer: CallbackAnswer) => void,
  ): CallbackQuery {
    const query = build(`${this.id}${String(++this.callbackCount).padStart(8, "0")}`);
    this.callbacks.set(query.id, answer);
    return query;
  }

  /** Answers a press once; `false` for an unknown or already answered query. */
  answerCallback(queryId: string, answer: CallbackAnswer): boolean {
    const pending = this.callbacks.get(queryId);
    if (!pending) return false;
    this.callbacks.delete(queryId);
    pending(answer);
    return true;
  }

  /** Lets a press expire unanswered; answering it later fails, as on Telegram. */
  expireCallback(queryId: string): void {
    this.callbacks.delete(queryId);
  }

  /** What `getWebhookInfo` answers. */
  webhookInfo(): WebhookInfo {
    const { webhook } = this;
    return {
      url: webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.updates.size,
      ...(webhook && {
        max_connections: webhook.maxConnections,
        ...(webhook.allowedUpdates.length > 0 && { allowed_updates: webhook.allowedUpdates }),
        ...(webhook.lastErrorDate !== undefined && {
          last_error_date: webhook.lastErrorDate,
          last_error_message: webhook.lastErrorMessage,
        }),
      }),
    };
  }

  async close(): Promise<void> {
    this.updates.release();
    await this.pusher.stop();
  }
}
