import { BotRegistry } from "../emulators/bot-registry.js";
import { EmulatedZaloBot, type ZaloWebhookFailure, zaloBotIdOf } from "./bot.js";
import { ChatLog, type ZaloBotChatAction, type ZaloBotChatMessage } from "./chat-log.js";
import type { ZaloBotSendAttempt, ZaloBotSendFault, ZaloBotSendStats } from "./faults.js";
import { newMessageId } from "./methods.js";
import {
  DEFAULT_ZALO_BOT_RATE_LIMITS,
  type ZaloBotEmulatorOptions,
  type ZaloBotRateLimitOptions,
} from "./options.js";
import { ZaloSendQuota } from "./quota.js";
import type { Message, Update, User, WebhookInfo } from "./types.js";
import { fakeZaloUser } from "./users.js";

/** Which bot a user-side call talks to: the only bot so far, unless `token` names one. */
export interface ZaloBotSelector {
  token?: string;
}

/** Who writes, and where. In a private chat the user's id is the chat id. */
export interface ZaloBotUserOptions extends ZaloBotSelector {
  /** Overrides fields of the fake Vietnamese user (in a group, `from.id` picks the member). */
  from?: Partial<Omit<User, "is_bot">>;
  /** Default `PRIVATE`. */
  chatType?: "PRIVATE" | "GROUP";
}

export interface ZaloBotWaitOptions extends ZaloBotSelector {
  /** Default 5000 ms. */
  timeoutMs?: number;
}

const DEFAULT_WAIT_MS = 5000;
const CHAT_ID = /^[\w.-]{1,64}$/;
/** A stand-in sticker CDN; Zalo's real sticker URLs are not documented. */
const STICKER_URL = "https://stickers.zalo.sandbox.invalid/";

/**
 * An in-memory Zalo Bot Platform: the Bot API a bot calls (served on the sandbox at
 * `/zalo-bot/bot<token>/<method>`), and the user's side of its chats for tests and demos.
 * Any token shaped like Zalo's (`<digits>:<secret>`) is a bot, created at first sight.
 *
 * @example
 * ```ts
 * const zalo = sandbox.zaloBot;
 * zalo.sendText("u1001", "Tra cứu hồ sơ", { token });
 * const [reply] = await zalo.nextMessages("u1001", 1, { token });
 * ```
 */
export class ZaloBotEmulator {
  private readonly bots: BotRegistry<string, EmulatedZaloBot>;
  private quota: ZaloSendQuota | undefined;

  constructor(readonly options: ZaloBotEmulatorOptions) {
    this.bots = new BotRegistry({
      idOf: zaloBotIdOf,
      create: (id) => new EmulatedZaloBot(id, options),
      names: { token: "Zalo bot", bot: "Zalo bot" },
    });
    this.quota = options.rateLimits ? new ZaloSendQuota(options.rateLimits) : undefined;
  }

  /**
   * The bot `token` belongs to, created on first sight; `undefined` for a malformed token or
   * one whose id is known under another token (Zalo: 401).
   */
  botFor(token: string): EmulatedZaloBot | undefined {
    return this.bots.botFor(token);
  }

  /** The send quota in force; `undefined` when off. */
  get sendQuota(): ZaloSendQuota | undefined {
    return this.quota;
  }

  /** Replaces the send quota (missing fields take the defaults), or turns it off. */
  setRateLimits(limits: Partial<ZaloBotRateLimitOptions> | false): void {
    this.quota = limits
      ? new ZaloSendQuota({ ...DEFAULT_ZALO_BOT_RATE_LIMITS, ...limits })
      : undefined;
  }

  /** The user writes `text` (`message.text.received`). */
  sendText(chatId: string, text: string, options: ZaloBotUserOptions = {}): Update {
    return this.post(chatId, options, "message.text.received", { text });
  }

  /** The user sends a photo, which Zalo hands over as a URL (`message.image.received`). */
  sendImage(
    chatId: string,
    photoUrl: string,
    options: ZaloBotUserOptions & { caption?: string } = {},
  ): Update {
    return this.post(chatId, options, "message.image.received", {
      photo: photoUrl,
      ...(options.caption !== undefined && { caption: options.caption }),
    });
  }

  /** The user sends a sticker (`message.sticker.received`: its id and image URL). */
  sendSticker(chatId: string, sticker: string, options: ZaloBotUserOptions = {}): Update {
    return this.post(chatId, options, "message.sticker.received", {
      sticker,
      url: `${STICKER_URL}${encodeURIComponent(sticker)}.webp`,
    });
  }

  /**
   * A user in a protected group writes: Zalo passes `message.unsupported.received` with no
   * content, and the bot should answer politely.
   */
  sendUnsupported(chatId: string, options: ZaloBotUserOptions = {}): Update {
    return this.post(chatId, options, "message.unsupported.received", {});
  }

  /**
   * Queues any update as given (an event the docs do not list, a payload of another shape).
   * A `message.chat.id` in it opens that chat, so the bot can answer.
   */
  injectUpdate(update: Update, options: ZaloBotSelector = {}): Update {
    const bot = this.bots.pick(options.token);
    const chat = update.message?.chat;
    if (chat && typeof chat.id === "string") bot.chats.open(chat.id, () => new ChatLog(chat));
    bot.updates.push(update);
    return update;
  }

  /** The bot's messages in the chat so far; empty for a chat nobody opened. */
  messages(chatId: string, options: ZaloBotSelector = {}): ZaloBotChatMessage[] {
    return this.bots.pick(options.token).chats.get(chatId)?.sent.all() ?? [];
  }

  /** The chat actions (`typing`, `upload_photo`) the bot sent to the chat. */
  chatActions(chatId: string, options: ZaloBotSelector = {}): ZaloBotChatAction[] {
    return [...(this.bots.pick(options.token).chats.get(chatId)?.actions ?? [])];
  }

  /** Waits until the bot has sent `count` messages to the chat in all; returns the chat's. */
  waitForMessages(
    chatId: string,
    count: number,
    options: ZaloBotWaitOptions = {},
  ): Promise<ZaloBotChatMessage[]> {
    return this.chatOf(chatId, options).sent.waitFor(count, options.timeoutMs ?? DEFAULT_WAIT_MS);
  }

  /**
   * The bot's next `count` messages in the chat that no earlier `nextMessages` returned,
   * waiting for them: each reply is seen once, in order.
   */
  nextMessages(
    chatId: string,
    count = 1,
    options: ZaloBotWaitOptions = {},
  ): Promise<ZaloBotChatMessage[]> {
    return this.chatOf(chatId, options).sent.next(count, options.timeoutMs ?? DEFAULT_WAIT_MS);
  }

  /**
   * The chat's next `fault.times` (default 1) sends answer `fault.status` instead of being
   * delivered: 429 `Quota exceeded` with `Retry-After: fault.retryAfter` (default 1 s), or a
   * 5xx. Faults queue up in the order given. The chat must be open (its user wrote first).
   *
   * @example
   * ```ts
   * zalo.failSends("u1001", { status: 500, times: 2 }, { token }); // two 500s, then delivered
   * ```
   */
  failSends(chatId: string, fault: ZaloBotSendFault, options: ZaloBotSelector = {}): void {
    this.chatOf(chatId, options).faults.add(fault);
  }

  /**
   * The user blocks the bot: every send to the chat answers 403 `Forbidden: the user has
   * blocked the bot` (Zalo documents no answer for this; see `userBlockedBot`), until
   * {@link unblockBot}.
   */
  blockBot(chatId: string, options: ZaloBotSelector = {}): void {
    this.chatOf(chatId, options).faults.blocked = true;
  }

  /** The user unblocks the bot: sends to the chat are delivered again. */
  unblockBot(chatId: string, options: ZaloBotSelector = {}): void {
    this.chatOf(chatId, options).faults.blocked = false;
  }

  /**
   * Every send call to the chat that got past its parameter checks, oldest first, with the
   * `errorCode` of those not delivered (a fault, the block, or the quota's 429).
   */
  sendAttempts(chatId: string, options: ZaloBotSelector = {}): ZaloBotSendAttempt[] {
    return [...(this.bots.pick(options.token).chats.get(chatId)?.faults.attempts ?? [])];
  }

  /**
   * What the bot sent and how often sends were refused, since it first called the Bot API
   * (kept across `setRateLimits`; take a snapshot before and after to measure one run).
   */
  stats(options: ZaloBotSelector = {}): ZaloBotSendStats {
    return { ...this.bots.pick(options.token).sendStats };
  }

  /** What `getWebhookInfo` would tell the bot. */
  webhookInfo(options: ZaloBotSelector = {}): WebhookInfo {
    return this.bots.pick(options.token).webhookInfo();
  }

  /** The last update the webhook gave up on (after `webhook.maxAttempts` deliveries), if any. */
  lastWebhookFailure(options: ZaloBotSelector = {}): ZaloWebhookFailure | undefined {
    return this.bots.pick(options.token).lastWebhookFailure;
  }

  /** Ends long polls and webhook deliveries. */
  close(): Promise<void> {
    return this.bots.close();
  }

  private chatOf(chatId: string, { token }: ZaloBotSelector): ChatLog {
    return this.bots.pick(token).chats.opened(chatId);
  }

  /** A message from the user, queued for the bot as an update. */
  private post(
    chatId: string,
    options: ZaloBotUserOptions,
    eventName: Update["event_name"],
    content: Partial<Message>,
  ): Update {
    if (typeof chatId !== "string" || !CHAT_ID.test(chatId))
      throw new Error("chatId must be 1–64 letters, digits, '_', '-' or '.'.");
    const bot = this.bots.pick(options.token);
    const chatType = options.chatType ?? "PRIVATE";
    const userId = chatType === "PRIVATE" ? chatId : (options.from?.id ?? `${chatId}.member`);
    const from: User = { ...fakeZaloUser(userId), ...options.from, id: userId, is_bot: false };
    const log = bot.chats.open(chatId, () => new ChatLog({ id: chatId, chat_type: chatType }));
    const message: Message = {
      message_id: newMessageId(),
      date: Date.now(),
      from,
      chat: log.chat,
      ...content,
    };
    log.userMessages.push(message);
    const update: Update = { event_name: eventName, message };
    bot.updates.push(update);
    return update;
  }
}
