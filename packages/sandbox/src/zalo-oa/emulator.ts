import { OaApi, type OaWorld } from "./api.js";
import type { ZaloOaCsMessage } from "./cs.js";
import {
  OaSendFaults,
  type ZaloOaBlockError,
  type ZaloOaSendAttempt,
  type ZaloOaSendFault,
  type ZaloOaSendStats,
} from "./faults.js";
import { OaLimits } from "./limits.js";
import { OaOAuth } from "./oauth.js";
import type { ZaloOaCredentials, ZaloOaEmulatorLimits, ZaloOaEmulatorOptions } from "./options.js";
import { SentLog } from "./sent-log.js";
import { OaUploads } from "./uploads.js";
import { OaUsers } from "./users.js";
import { OaWebhookSender, type ZaloOaDelivery, type ZaloOaWebhookEvent } from "./webhook.js";
import type { ZaloOaZnsMessage } from "./zns.js";

/** A file the user sends. */
export interface ZaloOaUserFile {
  url: string;
  name: string;
  /** Bytes. Default 0. */
  size?: number;
  /** Zalo's file type, e.g. `pdf`. Default: from the name. */
  type?: string;
}

/** What a user shares through `request_user_info`. */
export interface ZaloOaUserInfo {
  name?: string;
  phone?: string;
  address?: string;
  city?: string;
  district?: string;
  ward?: string;
}

/** Base URLs a Zalo OA client uses to reach the emulator on a sandbox at `sandboxUrl`. */
export function zaloOaBaseURLs(sandboxUrl: string): {
  openApi: string;
  oauth: string;
  business: string;
} {
  const base = sandboxUrl.replace(/\/$/, "");
  return {
    openApi: `${base}/zalo-oa/openapi`,
    oauth: `${base}/zalo-oa/oauth`,
    business: `${base}/zalo-oa/business`,
  };
}

const DEFAULT_WAIT_MS = 5000;

/**
 * An in-memory Zalo Official Account: the Open API v3, OAuth v4 and ZNS an OA client calls
 * (served on the sandbox under `/zalo-oa/openapi`, `/zalo-oa/oauth` and `/zalo-oa/business`),
 * and the users' side for tests: they write, follow, share info or withdraw consent, and each
 * event is delivered, signed, to the webhook.
 *
 * @example
 * ```ts
 * const oa = sandbox.zaloOa;
 * oa.setWebhook("http://127.0.0.1:3000/zalo/oa/webhook");
 * const event = await oa.userSendsText("1001", "Tra cứu hồ sơ");
 * const [reply] = await oa.waitForMessages("1001", 1);
 * ```
 */
export class ZaloOaEmulator {
  /** The Open API and ZNS, for the routes. */
  readonly api: OaApi;
  /** OAuth v4, for the routes. */
  readonly oauth: OaOAuth;
  private readonly world: OaWorld;

  constructor(readonly options: ZaloOaEmulatorOptions) {
    this.oauth = new OaOAuth(options);
    this.world = {
      options,
      oauth: this.oauth,
      users: new OaUsers(),
      uploads: new OaUploads(),
      limits: new OaLimits(options.limits),
      faults: new OaSendFaults(),
      webhook: new OaWebhookSender(options.credentials, options.webhook),
      sent: new SentLog(),
      zns: [],
      timers: new Set(),
    };
    this.api = new OaApi(this.world);
  }

  /** The app's and OA's ids and secrets. */
  get credentials(): ZaloOaCredentials {
    return { ...this.options.credentials };
  }

  /** Where events are delivered (`undefined`: nowhere); `deliverTwice` sends each one twice. */
  setWebhook(url: string | undefined, options: { deliverTwice?: boolean } = {}): void {
    this.world.webhook.set(url, options);
  }

  /** The user writes `text` (a pressed quick reply arrives the same way, with its payload). */
  userSendsText(userId: string, text: string): Promise<ZaloOaWebhookEvent> {
    if (typeof text !== "string" || text === "") throw new TypeError("text must not be empty.");
    return this.userMessage(userId, "user_send_text", { text });
  }

  /** The user sends an image by URL. */
  userSendsImage(userId: string, url: string): Promise<ZaloOaWebhookEvent> {
    if (typeof url !== "string" || !/^https?:\/\//.test(url))
      throw new TypeError("url must be http(s).");
    return this.userMessage(userId, "user_send_image", {
      text: "",
      attachments: [{ type: "image", payload: { url, thumbnail: url } }],
    });
  }

  /** The user sends a file. */
  userSendsFile(userId: string, file: ZaloOaUserFile): Promise<ZaloOaWebhookEvent> {
    if (typeof file?.url !== "string" || typeof file.name !== "string")
      throw new TypeError("file needs url and name.");
    const type = file.type ?? /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
    return this.userMessage(userId, "user_send_file", {
      attachments: [
        {
          type: "file",
          payload: { url: file.url, name: file.name, size: String(file.size ?? 0), type },
        },
      ],
    });
  }

  /** The user sends a sticker (a message the bot cannot read, but must answer). */
  userSendsSticker(userId: string, stickerId: string): Promise<ZaloOaWebhookEvent> {
    return this.userMessage(userId, "user_send_sticker", {
      attachments: [{ type: "sticker", payload: { id: stickerId } }],
    });
  }

  /** The user follows the OA. */
  follow(userId: string): Promise<ZaloOaWebhookEvent> {
    const user = this.world.users.interacted(userId);
    user.follower = true;
    return this.deliver({
      ...this.envelope("follow", user.userIdByApp),
      oa_id: this.options.credentials.oaId,
      source: "oa_profile",
      follower: { id: userId },
    });
  }

  /** The user unfollows the OA. */
  unfollow(userId: string): Promise<ZaloOaWebhookEvent> {
    const user = this.world.users.ensure(userId);
    user.follower = false;
    return this.deliver({
      ...this.envelope("unfollow", user.userIdByApp),
      oa_id: this.options.credentials.oaId,
      source: "oa_profile",
      follower: { id: userId },
    });
  }

  /** The user answers a `request_user_info` message, sharing `info`. */
  submitInfo(userId: string, info: ZaloOaUserInfo): Promise<ZaloOaWebhookEvent> {
    const user = this.world.users.interacted(userId);
    const shared = Object.fromEntries(
      Object.entries(info ?? {}).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    );
    user.sharedInfo = { ...user.sharedInfo, ...shared };
    return this.deliver({
      ...this.envelope("user_submit_info", user.userIdByApp),
      oa_id: this.options.credentials.oaId,
      sender: { id: userId },
      recipient: { id: this.options.credentials.oaId },
      info: shared,
    });
  }

  /** The user withdraws consent / asks for their data to be deleted (`user_withdraw`). */
  withdraw(userId: string): Promise<ZaloOaWebhookEvent> {
    const user = this.world.users.ensure(userId);
    user.withdrawn = true;
    return this.deliver({
      ...this.envelope("user_withdraw", user.userIdByApp),
      oa_id: this.options.credentials.oaId,
      sender: { id: userId },
      recipient: { id: this.options.credentials.oaId },
    });
  }

  /** Delivers any event as given (an `oa_send_*` echo, a new kind…), signed; `app_id` and `timestamp` are filled in when absent. */
  injectEvent(
    event: { event_name: string } & Record<string, unknown>,
  ): Promise<ZaloOaWebhookEvent> {
    if (typeof event?.event_name !== "string") throw new TypeError("event_name is required.");
    return this.deliver({
      app_id: this.options.credentials.appId,
      timestamp: String(Date.now()),
      ...event,
    } as ZaloOaWebhookEvent);
  }

  /** The consultation messages the OA sent the user, oldest first. */
  messages(userId: string): ZaloOaCsMessage[] {
    return this.world.sent.of(userId).all();
  }

  /** Waits until the OA has sent the user `count` messages in all (default 5 s). */
  waitForMessages(
    userId: string,
    count: number,
    options: { timeoutMs?: number } = {},
  ): Promise<ZaloOaCsMessage[]> {
    return this.world.sent.of(userId).waitFor(count, options.timeoutMs ?? DEFAULT_WAIT_MS);
  }

  /**
   * The OA's next `count` messages to the user that no earlier `nextMessages` returned,
   * waiting for them (default 5 s): each message is seen once, in order, however fast it came.
   */
  nextMessages(
    userId: string,
    count = 1,
    options: { timeoutMs?: number } = {},
  ): Promise<ZaloOaCsMessage[]> {
    return this.world.sent.of(userId).next(count, options.timeoutMs ?? DEFAULT_WAIT_MS);
  }

  /**
   * The user's next `fault.times` (default 1) consultation messages answer `fault` instead of
   * being sent: a Zalo error such as -32 (HTTP 200; `retryAfter` adds a `Retry-After` header
   * Zalo itself never sends, so a test need not wait out the minute) or an HTTP 5xx. Faults
   * queue up in the order given.
   *
   * @example
   * ```ts
   * oa.failSends("1001", { error: -32, retryAfter: 1 }); // one -32, then sent
   * oa.failSends("1002", { status: 500, times: 2 });
   * ```
   */
  failSends(userId: string, fault: ZaloOaSendFault): void {
    this.world.faults.add(userId, fault);
  }

  /**
   * The user can no longer be reached: every consultation message to them answers `error`,
   * -244 by default (the user restricted the OA's messages, i.e. blocked it), or -213 (does
   * not follow) or -227 (inactive over 45 days), until {@link unblockOa}.
   */
  blockOa(userId: string, error: ZaloOaBlockError = -244): void {
    this.world.faults.block(userId, error);
  }

  /** The user is reachable again. */
  unblockOa(userId: string): void {
    this.world.faults.unblock(userId);
  }

  /**
   * Every consultation message to the user that carried a valid token, oldest first, with
   * Zalo's `error` (0: sent) and the HTTP status answered.
   */
  sendAttempts(userId: string): ZaloOaSendAttempt[] {
    return this.world.faults.attemptsOf(userId);
  }

  /**
   * What the consultation messages came to so far, over all users (as the bot emulators'
   * `stats`); take a snapshot before and after to measure one run.
   */
  stats(): ZaloOaSendStats {
    return this.world.faults.totals;
  }

  /** The ZNS messages sent, oldest first. */
  zns(): ZaloOaZnsMessage[] {
    return [...this.world.zns];
  }

  /** Every webhook delivery attempt, oldest first. */
  deliveries(): ZaloOaDelivery[] {
    return this.world.webhook.deliveries();
  }

  /** Every access token issued so far expires now (-220); refresh tokens still work. */
  expireAccessTokens(): void {
    this.oauth.expireAccessTokens();
  }

  /**
   * Changes limits: calls per minute (-32; counting starts afresh), proactive quota and ZNS
   * daily quota (-211); `null` lifts one.
   */
  setLimits(limits: Partial<ZaloOaEmulatorLimits>): void {
    this.world.limits.set(limits);
  }

  /** The limits now (quotas count down as messages are sent). */
  get limits(): ZaloOaEmulatorLimits {
    return this.world.limits.current;
  }

  /**
   * Moves the user's interactions and messages `ms` into the past, as if that long had passed:
   * 48 h ends the free replies, 7 days closes the consultation window.
   */
  rewindUser(userId: string, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new TypeError("ms must be a non-negative number.");
    this.world.users.rewind(userId, ms);
  }

  /** ZNS delivery receipts scheduled but not yet posted to the webhook. */
  get pendingReceipts(): number {
    return this.world.timers.size;
  }

  /** Stops deliveries and pending receipts. */
  async close(): Promise<void> {
    for (const timer of this.world.timers) clearTimeout(timer);
    this.world.timers.clear();
    await this.world.webhook.close();
  }

  private envelope(eventName: string, userIdByApp: string) {
    return {
      app_id: this.options.credentials.appId,
      user_id_by_app: userIdByApp,
      event_name: eventName,
      timestamp: String(Date.now()),
    };
  }

  private userMessage(
    userId: string,
    eventName: string,
    content: Record<string, unknown>,
  ): Promise<ZaloOaWebhookEvent> {
    const message = this.world.users.wrote(userId);
    const user = this.world.users.ensure(userId);
    const { timestamp, ...head } = this.envelope(eventName, user.userIdByApp);
    return this.deliver({
      ...head,
      sender: { id: userId },
      recipient: { id: this.options.credentials.oaId },
      message: { msg_id: message.msgId, ...content },
      timestamp,
    });
  }

  private async deliver(event: ZaloOaWebhookEvent): Promise<ZaloOaWebhookEvent> {
    await this.world.webhook.deliver(event);
    return event;
  }
}
