import type { Hooks, LimiterOptions, RateLimiter, RetryOptions } from "@vnegov/sdk";
import type { OaTokenStore } from "./tokens.js";

/** Options of {@link ZaloOa}. */
export interface ZaloOaOptions {
  /** The Zalo App's ID (developers.zalo.me). */
  appId: string;
  /** The Zalo App's secret key: sent as `secret_key` to OAuth only, never logged. */
  appSecret: string;
  /** Where the OA's tokens live; {@link FileTokenStore} in production. */
  tokens: OaTokenStore;
  /** The three Zalo hosts; override them to talk to the sandbox's emulator. */
  baseURLs?: ZaloOaBaseURLs;
  /** Per-attempt timeout. Default 30 s. */
  timeout?: number;
  retry?: RetryOptions;
  /** Concurrency/rate limits of the Open API and ZNS calls, or your own limiter. */
  limiter?: LimiterOptions | RateLimiter;
  /** Logging and metrics; they see routes and statuses, never tokens or bodies. */
  hooks?: Hooks;
}

/** Base URLs of the hosts the OA client talks to. */
export interface ZaloOaBaseURLs {
  /** Open API: messages, uploads, users. Default `https://openapi.zalo.me`. */
  openApi?: string;
  /** OAuth v4. Default `https://oauth.zaloapp.com`. */
  oauth?: string;
  /** ZNS. Default `https://business.openapi.zalo.me`. */
  business?: string;
}

/**
 * Who a consultation message goes to: a user (counts as a proactive message), or a reply to
 * one of the user's messages by its `msg_id` (free: 8 replies within 48 h of the user writing).
 */
export type OaRecipient = { userId: string } | { messageId: string };

/** A quick reply: an `oa.query.show` button whose payload comes back as the user's message. */
export interface OaQuickReply {
  /** At most 100 characters. */
  title: string;
  /** At most 1000 characters; arrives as the text of a `user_send_text` event. */
  payload: string;
}

/** Options of {@link ZaloOa.sendText}. */
export interface SendTextOptions {
  /** Buttons under the last piece of the text. */
  quickReplies?: OaQuickReply[];
  /** Quotes a message of the conversation (`quote_message_id`) in the first piece. */
  quoteMessageId?: string;
}

/** Options of {@link ZaloOa.sendImage}. */
export interface SendImageOptions {
  /** Text shown with the image. */
  caption?: string;
}

/** What the Open API tells about a user (`/v3.0/oa/user/detail`). */
export interface OaUser {
  userId: string;
  userIdByApp?: string;
  displayName: string;
  avatar?: string;
  isFollower: boolean;
  /** Zalo marks some profiles as sensitive. */
  isSensitive?: boolean;
  /** Zalo's text, e.g. `24/05/2024`. */
  lastInteractionDate?: string;
  /** What the user shared with the OA (e.g. through `request_user_info`). */
  sharedInfo?: {
    name?: string;
    phone?: string;
    address?: string;
    city?: string;
    district?: string;
  };
  /** The answer's `data` as sent. */
  raw: Record<string, unknown>;
}

/** The message quota for one user (`/v3.0/oa/quota/message`). */
export interface OaQuota {
  userId: string;
  /** The user's last interaction with the OA, in epoch ms; absent when never. */
  lastInteractionAt?: number;
  /** Free replies (by message id) left for the user's latest message, of `total`. */
  csReply?: { remain: number; total: number };
  /** The answer's `data` as sent. */
  raw: Record<string, unknown>;
}

/** A ZNS (template message by phone number) to send. */
export interface ZnsMessage {
  /** Any Vietnamese mobile form (`0912…`, `+84 912…`, `84912…`); sent as `84xxxxxxxxx`. */
  phone: string;
  /** An approved template's id. */
  templateId: string;
  /** The template's parameters. */
  templateData: Record<string, string | number>;
  /** Your id for this send; comes back in the `user_received_message` receipt. */
  trackingId: string;
}

/** What Zalo answers to a ZNS send. */
export interface ZnsResult {
  msgId: string;
  /** Zalo's send time, as it sent it (epoch ms as a string). */
  sentTime: string;
  quota?: { dailyQuota: number; remainingQuota: number };
}
