import type { ZaloOa } from "@vnegov/zalo";
import type { Logger } from "pino";
import type { BotEngine } from "../../engine/bot-engine.js";
import type { ChannelSender } from "../sender.js";

/**
 * ZNS, for dossier status pushes outside the chat window: an approved template and which of
 * the notification's facts fill which of its parameters.
 */
export interface ZnsOptions {
  templateId: string;
  /**
   * Template parameter → fact: `dossierCode`, `status`, `statusText`, `appointment`, `note`,
   * `changedAt`. Default `{ ma_ho_so: "dossierCode", trang_thai: "statusText",
   * ngay_cap_nhat: "changedAt" }`.
   */
  params?: Record<string, string>;
}

/** Options of {@link createZaloOaChannel}. */
export interface ZaloOaChannelOptions {
  engine: Pick<BotEngine, "handle" | "forget" | "setPhone" | "phoneOf">;
  /** The OA client, with its token store (authorised beforehand). */
  oa: ZaloOa;
  /** The Zalo App id and the OA secret key that sign webhook events. */
  appId: string;
  oaSecretKey: string;
  /** Largest image or file a user may send; larger ones get a polite refusal. Default 10 MiB. */
  maxAttachmentBytes?: number;
  zns?: ZnsOptions;
  logger?: Logger;
}

/** A Zalo Official Account speaking for the engine; also the sender notifications go through. */
export interface ZaloOaChannel extends ChannelSender {
  readonly channel: "zalo_oa";
  /**
   * Takes one webhook request, fetch-style: 401 when `X-ZEvent-Signature` does not verify,
   * otherwise 200 at once (Zalo wants an answer within 2 s) while the event is handled.
   */
  handleWebhook(request: Request): Promise<Response>;
  /** Waits for the events under way. */
  stop(): Promise<void>;
}
