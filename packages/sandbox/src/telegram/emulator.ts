import { BotRegistry } from "../emulators/bot-registry.js";
import { botIdOf, type CallbackAnswer, EmulatedBot } from "./bot.js";
import { ChatState } from "./chat-state.js";
import { storeDocument, storePhoto } from "./media.js";
import type { TelegramEmulatorOptions, TelegramRateLimitOptions } from "./options.js";
import { DEFAULT_TELEGRAM_RATE_LIMITS } from "./options.js";
import { SendLimits } from "./rate-limits.js";
import type { TelegramSendStats } from "./send-stats.js";
import type { Message, MessageEntity, Update, User, WebhookInfo } from "./types.js";
import { chatFor, fakeUser } from "./users.js";
import { type ChatMessage, chatMessageOf } from "./views.js";

/** Which bot a user-side call talks to: the only bot so far, unless `token` names one. */
export interface BotSelector {
  token?: string;
}

/** Who writes. In a private chat the user's id is the chat id. */
export interface UserOptions extends BotSelector {
  /** Overrides fields of the fake Vietnamese user the chat id stands for. */
  from?: Partial<Omit<User, "is_bot">>;
  /** The user's app language; default `vi`. */
  languageCode?: string;
}

export interface UserFileOptions extends UserOptions {
  /** Default `file.bin` for documents. */
  fileName?: string;
  /** Default: guessed from `fileName`, as Telegram does. */
  mimeType?: string;
  caption?: string;
}

export interface WaitOptions extends BotSelector {
  /** Default 5000 ms. */
  timeoutMs?: number;
}

const DEFAULT_WAIT_MS = 5000;
const COMMAND = /^\/[A-Za-z0-9_]+(@\w+)?/;

/**
 * An in-memory Telegram: the Bot API a bot calls (served on the sandbox at
 * `/bot<token>/<method>`), and the user's side of its chats for tests and demos — the
 * "other phone". Any token shaped like Telegram's is a bot, created at first sight.
 *
 * @example
 * ```ts
 * const tg = sandbox.telegram;
 * tg.sendText(1001, "/start");
 * const [reply] = await tg.nextMessages(1001);
 * await tg.pressButton(1001, reply.messageId, reply.buttons[0][0].callbackData);
 * ```
 */
export class TelegramEmulator {
  private readonly bots: BotRegistry<number, EmulatedBot>;
  private limits: SendLimits | undefined;

  constructor(readonly options: TelegramEmulatorOptions) {
    this.bots = new BotRegistry({
      idOf: botIdOf,
      create: (id) => new EmulatedBot(id, options),
      names: { token: "Telegram bot", bot: "bot" },
    });
    this.limits = options.rateLimits ? new SendLimits(options.rateLimits) : undefined;
  }

  /**
   * The bot `token` belongs to, created on first sight; `undefined` for a malformed token or
   * one whose id is known under another token (Telegram: 401).
   */
  botFor(token: string): EmulatedBot | undefined {
    return this.bots.botFor(token);
  }

  /** Flood limits in force; `undefined` when off. */
  get sendLimits(): SendLimits | undefined {
    return this.limits;
  }

  /** Replaces the flood limits (fields not given take Telegram's defaults), or turns them off. */
  setRateLimits(limits: Partial<TelegramRateLimitOptions> | false): void {
    this.limits = limits
      ? new SendLimits({ ...DEFAULT_TELEGRAM_RATE_LIMITS, ...limits })
      : undefined;
  }

  /**
   * What the bot sent and how often the flood limits refused it (429) since it first called the
   * Bot API. The counts survive `setRateLimits`; take a snapshot before and after to measure
   * one run.
   *
   * @example
   * ```ts
   * const before = sandbox.telegram.stats({ token });
   * await broadcast();
   * const after = sandbox.telegram.stats({ token });
   * const floods = after.rateLimited - before.rateLimited;
   * ```
   */
  stats(options: BotSelector = {}): TelegramSendStats {
    return this.bots.pick(options.token).sendCounters.snapshot();
  }

  /**
   * Opens many chats at once, as if each user had started the bot earlier and the bot had read
   * that `/start` already: the bot may send to them, and no update is queued. For subscriber
   * bases of broadcasts (100 000 chats in well under a second); `sendText` opens one chat the
   * way a user does. Negative ids are groups. Returns how many chats were new.
   */
  openChats(chatIds: Iterable<number>, options: UserOptions = {}): number {
    const bot = this.bots.pick(options.token);
    const ids = [...chatIds];
    // All or nothing: a bad id opens none.
    if (!ids.every((id) => Number.isSafeInteger(id) && id !== 0))
      throw new Error("chatId must be a non-zero integer.");
    let opened = 0;
    for (const chatId of ids) {
      if (bot.chats.get(chatId)) continue;
      bot.chats.open(chatId, () => new ChatState(chatFor(chatId, this.userOf(chatId, options))));
      opened += 1;
    }
    return opened;
  }

  /** The user writes `text` (a `/command` gets its bot_command entity). */
  sendText(chatId: number, text: string, options: UserOptions = {}): Message {
    const command = COMMAND.exec(text)?.[0];
    const entities: MessageEntity[] | undefined = command
      ? [{ type: "bot_command", offset: 0, length: command.length }]
      : undefined;
    return this.post(chatId, options, () => ({ text, ...(entities && { entities }) }));
  }

  /** The user sends a photo (PNG, JPEG or GIF bytes); the bot sees its sizes. */
  sendPhoto(chatId: number, data: Uint8Array, options: UserFileOptions = {}): Message {
    return this.post(chatId, options, (bot) => ({
      photo: storePhoto(bot.files, data),
      ...(options.caption !== undefined && { caption: options.caption }),
    }));
  }

  /** The user sends a file. */
  sendDocument(chatId: number, data: Uint8Array, options: UserFileOptions = {}): Message {
    return this.post(chatId, options, (bot) => ({
      document: storeDocument(bot.files, data, options.fileName ?? "file.bin", options.mimeType),
      ...(options.caption !== undefined && { caption: options.caption }),
    }));
  }

  /**
   * The user presses a button of the bot's message `messageId` (any `callbackData` goes, as
   * from a modified client). Resolves with the bot's `answerCallbackQuery`, or `undefined`
   * when the bot does not answer within `timeoutMs`.
   */
  async pressButton(
    chatId: number,
    messageId: number,
    callbackData: string,
    options: UserOptions & WaitOptions = {},
  ): Promise<CallbackAnswer | undefined> {
    const bot = this.bots.pick(options.token);
    const chat = bot.chats.opened(chatId);
    const target = chat.get(messageId);
    if (!target?.fromBot) throw new Error(`Chat ${chatId} has no bot message ${messageId}.`);
    const from = this.userOf(chatId, options);
    return new Promise((resolve) => {
      const query = bot.addCallback(
        (id) => ({
          id,
          from,
          message: target.message,
          chat_instance: `${bot.id}${Math.abs(chatId)}`,
          data: callbackData,
        }),
        (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
      );
      const timer = setTimeout(() => {
        bot.expireCallback(query.id);
        resolve(undefined);
      }, options.timeoutMs ?? DEFAULT_WAIT_MS);
      bot.updates.push({ callback_query: query });
    });
  }

  /**
   * Queues any update as given (an edited message, a sticker…), for what the user-side
   * helpers do not make. `undefined` when the bot's `allowed_updates` exclude its kind.
   */
  injectUpdate(update: Omit<Update, "update_id">, options: BotSelector = {}): Update | undefined {
    return this.bots.pick(options.token).updates.push(update);
  }

  /** The bot's messages in the chat, as they are now; empty for a chat nobody opened. */
  messages(chatId: number, options: BotSelector = {}): ChatMessage[] {
    const bot = this.bots.pick(options.token);
    return (bot.chats.get(chatId)?.botMessages() ?? []).map((m) => chatMessageOf(m, bot.files));
  }

  /** Waits until the bot has sent `count` messages to the chat in all; returns the chat's. */
  async waitForMessages(
    chatId: number,
    count: number,
    options: WaitOptions = {},
  ): Promise<ChatMessage[]> {
    const bot = this.bots.pick(options.token);
    const chat = bot.chats.opened(chatId);
    const messages = await chat.waitFor(count, options.timeoutMs ?? DEFAULT_WAIT_MS);
    return messages.map((m) => chatMessageOf(m, bot.files));
  }

  /**
   * The bot's next `count` messages in the chat that no earlier `nextMessages` returned,
   * waiting for them: each reply is seen once, in order, however fast it came.
   */
  async nextMessages(chatId: number, count = 1, options: WaitOptions = {}): Promise<ChatMessage[]> {
    const bot = this.bots.pick(options.token);
    const chat = bot.chats.opened(chatId);
    const messages = await chat.next(count, options.timeoutMs ?? DEFAULT_WAIT_MS);
    return messages.map((m) => chatMessageOf(m, bot.files));
  }

  /** What `getWebhookInfo` would tell the bot. */
  webhookInfo(options: BotSelector = {}): WebhookInfo {
    return this.bots.pick(options.token).webhookInfo();
  }

  /** Ends long polls and webhook deliveries. */
  close(): Promise<void> {
    return this.bots.close();
  }

  private userOf(chatId: number, options: UserOptions): User {
    const base = fakeUser(Math.abs(chatId), options.languageCode);
    return { ...base, ...options.from, ...(chatId > 0 && { id: chatId }), is_bot: false };
  }

  /** A message from the user, queued for the bot as an update. */
  private post(
    chatId: number,
    options: UserOptions,
    content: (bot: EmulatedBot) => Omit<Message, "message_id" | "chat" | "date" | "from">,
  ): Message {
    if (!Number.isSafeInteger(chatId) || chatId === 0)
      throw new Error("chatId must be a non-zero integer.");
    const bot = this.bots.pick(options.token);
    const from = this.userOf(chatId, options);
    const chat = bot.chats.open(chatId, () => new ChatState(chatFor(chatId, from)));
    const message = chat.add({ from, ...content(bot) }, false);
    bot.updates.push({ message });
    return message;
  }
}
