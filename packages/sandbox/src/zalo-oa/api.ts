import { randomBytes } from "node:crypto";
import { readCsMessage, type ZaloOaCsMessage } from "./cs.js";
import { invalidParam, outsideWindow, replyOutsideWindow } from "./errors.js";
import type { OaSendFaults } from "./faults.js";
import type { OaLimits } from "./limits.js";
import type { OaOAuth } from "./oauth.js";
import type { ZaloOaEmulatorOptions } from "./options.js";
import type { SentLog } from "./sent-log.js";
import type { OaUploads } from "./uploads.js";
import { newMsgId, numericId, type OaUsers } from "./users.js";
import type { OaWebhookSender } from "./webhook.js";
import { readZns, type ZaloOaZnsMessage } from "./zns.js";

const HOUR = 3_600_000;
/** The consultation window: the user interacted within 7 days. */
export const WINDOW_MS = 7 * 24 * HOUR;
/** Replies by message id are free within 48 h of the user's message… */
export const FREE_REPLY_MS = 48 * HOUR;
/** …8 of them, counted again from each new user message. */
export const FREE_REPLIES = 8;
/** The ZNS receipt follows the send by this much. */
const RECEIPT_DELAY_MS = 20;

/** Everything the emulated OA holds. */
export interface OaWorld {
  options: ZaloOaEmulatorOptions;
  oauth: OaOAuth;
  users: OaUsers;
  uploads: OaUploads;
  limits: OaLimits;
  /** Faults injected per user, blocks, and the consultation messages attempted. */
  faults: OaSendFaults;
  webhook: OaWebhookSender;
  sent: SentLog;
  zns: ZaloOaZnsMessage[];
  timers: Set<NodeJS.Timeout>;
}

type Wire = Record<string, unknown>;
const isObject = (value: unknown): value is Wire =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `dd/MM/yyyy` in Việt Nam, as `user_last_interaction_date`. */
function vietnamDate(at: number): string {
  const [year, month, day] = new Date(at + 7 * HOUR).toISOString().slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/**
 * The OA Open API and ZNS endpoints: each checks the `access_token` header (-216 unknown,
 * -220 expired) and the per-minute limit (-32), then Zalo's rules for the call.
 */
export class OaApi {
  constructor(private readonly world: OaWorld) {}

  /**
   * `POST /v3.0/oa/message/cs`: the token, then a fault injected for the user (or their
   * block), then the call limits and Zalo's rules; the attempt is recorded per user.
   */
  sendCs(accessToken: string | undefined, body: unknown): Wire {
    this.world.oauth.check(accessToken);
    return this.world.faults.attempt(this.recipientOf(body), () => {
      this.world.limits.call();
      return this.deliverCs(body);
    });
  }

  /** The user a `message/cs` body is for, when it names one the emulator knows of. */
  private recipientOf(body: unknown): string | undefined {
    if (!isObject(body) || !isObject(body.recipient)) return undefined;
    const { user_id: userId, message_id: messageId } = body.recipient;
    if (typeof userId === "string" && userId !== "") return userId;
    if (typeof messageId === "string") return this.world.users.message(messageId)?.userId;
    return undefined;
  }

  private deliverCs(body: unknown): Wire {
    if (!isObject(body) || !isObject(body.recipient)) throw invalidParam("recipient");
    const content = readCsMessage(body.message, this.world.uploads);
    const { users, limits } = this.world;
    const now = Date.now();
    const inWindow = (at: number | undefined) => at !== undefined && now - at <= WINDOW_MS;
    const { user_id: userId, message_id: messageId } = body.recipient;
    let recipient: ZaloOaCsMessage["recipient"];
    let user: NonNullable<ReturnType<OaUsers["get"]>>;
    let free = false;
    if (typeof messageId === "string" && messageId !== "") {
      const replied = users.message(messageId);
      if (!replied) throw invalidParam("recipient.message_id");
      user = users.ensure(replied.userId);
      recipient = { messageId };
      if (now - replied.at <= FREE_REPLY_MS && user.freeRepliesUsed < FREE_REPLIES) free = true;
      else if (!inWindow(user.lastInteractionAt)) throw replyOutsideWindow();
    } else if (typeof userId === "string" && userId !== "") {
      const known = users.get(userId);
      if (!known || !inWindow(known.lastInteractionAt)) throw outsideWindow();
      user = known;
      recipient = { userId };
    } else {
      throw invalidParam("recipient needs user_id or message_id");
    }
    if (free) user.freeRepliesUsed += 1;
    else limits.spendQuota();
    const message: ZaloOaCsMessage = {
      messageId: newMsgId(),
      userId: user.userId,
      recipient,
      ...content,
      free,
      sentAt: now,
    };
    this.world.sent.add(message);
    return {
      message_id: message.messageId,
      user_id: user.userId,
      quota: { quota_type: free ? "reply" : "sub_quota" },
    };
  }

  /** `GET /v3.0/oa/user/detail?data={"user_id":…}`. */
  userDetail(accessToken: string | undefined, data: string | undefined): Wire {
    this.authorize(accessToken);
    let userId: unknown;
    try {
      userId = (JSON.parse(data ?? "") as Wire).user_id;
    } catch {
      throw invalidParam("data");
    }
    const user = typeof userId === "string" ? this.world.users.get(userId) : undefined;
    if (!user) throw invalidParam("user_id");
    return {
      user_id: user.userId,
      user_id_by_app: user.userIdByApp,
      user_external_id: "",
      display_name: user.displayName,
      user_alias: "",
      is_sensitive: false,
      ...(user.lastInteractionAt !== undefined && {
        user_last_interaction_date: vietnamDate(user.lastInteractionAt),
      }),
      user_is_follower: user.follower,
      avatar: user.avatar,
      avatars: { 120: user.avatar, 240: user.avatar },
      tags_and_notes_info: { notes: [], tag_names: [] },
      ...(user.sharedInfo && { shared_info: user.sharedInfo }),
    };
  }

  /** `POST /v3.0/oa/quota/message` with `{ user_id }`. */
  quota(accessToken: string | undefined, body: unknown): Wire {
    this.authorize(accessToken);
    const userId = isObject(body) ? body.user_id : undefined;
    if (typeof userId !== "string" || userId === "") throw invalidParam("user_id");
    const user = this.world.users.get(userId);
    const wrote = user?.lastWroteAt;
    const open = wrote !== undefined && Date.now() - wrote <= FREE_REPLY_MS;
    const quota = this.world.limits.current.quota;
    return {
      user_id: userId,
      ...(user?.lastInteractionAt !== undefined && {
        last_interaction: String(user.lastInteractionAt),
      }),
      cs_reply: {
        remain: open ? FREE_REPLIES - (user?.freeRepliesUsed ?? 0) : 0,
        total: FREE_REPLIES,
        ...(open && { expired_time: String(wrote + FREE_REPLY_MS) }),
      },
      sub_quota: { remain: quota ?? -1 },
    };
  }

  /** `POST /v2.0/oa/upload/image` (multipart `file`). */
  uploadImage(accessToken: string | undefined, file: File | undefined, data: Uint8Array): Wire {
    this.authorize(accessToken);
    if (!file) throw invalidParam("file");
    return { attachment_id: this.world.uploads.addImage(data, file.name) };
  }

  /** `POST /v2.0/oa/upload/file` (multipart `file`). */
  uploadFile(accessToken: string | undefined, file: File | undefined, data: Uint8Array): Wire {
    this.authorize(accessToken);
    if (!file) throw invalidParam("file");
    return { token: this.world.uploads.addFile(data, file.name) };
  }

  /** `POST business/message/template`: a ZNS; the receipt follows by webhook. */
  sendZns(accessToken: string | undefined, body: unknown): Wire {
    this.authorize(accessToken);
    const fields = readZns(body, this.world.options.znsTemplates);
    const quota = this.world.limits.spendZns();
    const sent: ZaloOaZnsMessage = {
      msgId: randomBytes(16).toString("hex"),
      ...fields,
      sentTime: String(Date.now()),
      userId: numericId(`phone:${fields.phone}`),
    };
    this.world.zns.push(sent);
    this.scheduleReceipt(sent);
    return {
      msg_id: sent.msgId,
      sent_time: sent.sentTime,
      // Zalo sends these as strings.
      quota: { dailyQuota: String(quota.dailyQuota), remainingQuota: String(quota.remainingQuota) },
    };
  }

  private authorize(accessToken: string | undefined): void {
    this.world.oauth.check(accessToken);
    this.world.limits.call();
  }

  private scheduleReceipt(sent: ZaloOaZnsMessage): void {
    const { credentials } = this.world.options;
    const timer = setTimeout(() => {
      this.world.timers.delete(timer);
      void this.world.webhook.deliver({
        app_id: credentials.appId,
        user_id_by_app: numericId(`app:${sent.userId}`),
        event_name: "user_received_message",
        sender: { id: credentials.oaId },
        recipient: { id: sent.userId },
        message: {
          msg_id: sent.msgId,
          ...(sent.trackingId !== undefined && { tracking_id: sent.trackingId }),
          delivery_time: String(Date.now()),
        },
        timestamp: String(Date.now()),
      });
    }, RECEIPT_DELAY_MS);
    this.world.timers.add(timer);
  }
}
