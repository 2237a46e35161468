import {
  createZaloOaWebhook,
  isKnownOaEvent,
  type OaEvent,
  type OaKnownEvent,
  oaEventUserId,
  ZaloOutsideWindowError,
} from "@vnegov/zalo";
import { formatSize } from "../../dialogs/submit-form/render.js";
import type { IncomingAttachment, OutgoingMessage } from "../../engine/messages.js";
import { translate } from "../../i18n/translate.js";
import { ChatQueue } from "../chat-queue.js";
import { AttachmentTooLargeError, downloadLimited } from "../download.js";
import { ChoiceMemory } from "./choices.js";
import type { ZaloOaChannel, ZaloOaChannelOptions } from "./oa-options.js";
import { photoFile } from "./photo-name.js";
import { renderReplies } from "./render.js";

const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const DEFAULT_ZNS_PARAMS = {
  ma_ho_so: "dossierCode",
  trang_thai: "statusText",
  ngay_cap_nhat: "changedAt",
};

type Recipient = { userId: string } | { messageId: string };

/**
 * A Zalo Official Account channel: signed webhook events become the engine's messages;
 * replies go back as consultation messages quoting the user's message (the free reply
 * window), buttons as a numbered list with quick replies. Notifications outside the window
 * fall back to a ZNS template to the phone number the user shared.
 */
export function createZaloOaChannel(options: ZaloOaChannelOptions): ZaloOaChannel {
  const { engine, oa, logger } = options;
  const maxAttachmentBytes = options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const queue = new ChatQueue();
  const choices = new ChoiceMemory();

  async function deliver(to: Recipient, userId: string, replies: readonly OutgoingMessage[]) {
    choices.remember(userId, replies);
    const prompt = translate(replies[0]?.locale ?? "vi", "zalo.choose");
    for (const { text, labels, reply } of renderReplies(replies, prompt)) {
      const quickReplies = labels.map((label) => ({ title: label, payload: label }));
      const { attachment } = reply;
      if (attachment?.contentType.startsWith("image/")) {
        const { attachmentId } = await oa.uploadImage(attachment.data, attachment.fileName);
        await oa.sendImage(to, { attachmentId });
      } else if (attachment) {
        const { token } = await oa.uploadFile(attachment.data, attachment.fileName);
        await oa.sendFile(to, { token });
      }
      await oa.sendText(to, text, quickReplies.length > 0 ? { quickReplies } : {});
    }
  }

  async function attachmentsOf(event: OaKnownEvent): Promise<IncomingAttachment[]> {
    if (event.event_name !== "user_send_image" && event.event_name !== "user_send_file") return [];
    const found: IncomingAttachment[] = [];
    for (const [i, item] of (event.message.attachments ?? []).entries()) {
      const { url, name } = item.payload as { url?: unknown; name?: unknown };
      if (typeof url !== "string") continue;
      const { data, contentType } = await downloadLimited(url, maxAttachmentBytes, "Zalo");
      if (event.event_name === "user_send_image") {
        found.push({ ...photoFile(`${event.message.msg_id}-${i + 1}`, contentType), data });
        continue;
      }
      found.push({
        fileName: typeof name === "string" ? name : `zalo-file-${i + 1}`,
        contentType: contentType ?? "application/octet-stream",
        data,
      });
    }
    return found;
  }

  /** One user event: the engine's turn and the replies, quoting the user's message. */
  async function converse(event: OaKnownEvent, userId: string): Promise<void> {
    const messageId = "message" in event ? event.message.msg_id : undefined;
    const to: Recipient = messageId ? { messageId } : { userId };
    switch (event.event_name) {
      case "user_submit_info":
        if (event.info.phone) await engine.setPhone("zalo_oa", userId, event.info.phone);
        return;
      case "follow":
        return deliver(to, userId, await engine.handle(turn(userId, "/start")));
      case "user_send_text":
      case "user_send_image":
      case "user_send_file":
        break;
      default:
        // Stickers, voice, locations…: nothing the engine can read, but a polite answer.
        if (event.event_name.startsWith("user_send_"))
          await oa.sendText(to, translate("vi", "zalo.unsupported"));
        return;
    }
    let attachments: IncomingAttachment[];
    try {
      attachments = await attachmentsOf(event);
    } catch (error) {
      if (!(error instanceof AttachmentTooLargeError)) throw error;
      const size = formatSize(error.limitBytes);
      await oa.sendText(to, translate("vi", "zalo.attachmentTooLarge", { size }));
      return;
    }
    const text = event.event_name === "user_send_text" ? event.message.text : undefined;
    const action = text ? choices.take(userId, text) : undefined;
    const replies = await engine.handle({
      ...turn(userId, action === undefined ? text : undefined),
      ...(action !== undefined && { action }),
      ...(attachments.length > 0 && { attachments }),
    });
    await deliver(to, userId, replies);
  }

  async function onEvent(event: OaEvent): Promise<void> {
    const userId = oaEventUserId(event);
    // Events Zalo may add later, and those about no user, are not for the engine.
    if (!isKnownOaEvent(event) || !userId) return;
    if (event.event_name === "user_withdraw") {
      // Consent withdrawn (Decree 13/2023): everything the bot keeps about the user goes.
      await queue.run(userId, () => engine.forget("zalo_oa", userId));
      logger?.info({ event: event.event_name }, "zalo oa user data deleted");
      return;
    }
    await queue
      .run(userId, () => converse(event, userId))
      .catch((error: unknown) =>
        logger?.error({ err: error, event: event.event_name }, "zalo oa event failed"),
      );
  }

  const webhook = createZaloOaWebhook({
    appId: options.appId,
    oaSecretKey: options.oaSecretKey,
    onEvent,
    onError: (error) => logger?.error({ err: error }, "zalo oa webhook event failed"),
  });

  /** A notification: in the chat window when possible, else a ZNS template by phone. */
  async function push(userId: string, message: OutgoingMessage): Promise<void> {
    try {
      await deliver({ userId }, userId, [message]);
    } catch (error) {
      const zns = options.zns;
      if (!(error instanceof ZaloOutsideWindowError) || !zns || !message.template) throw error;
      const phone = await engine.phoneOf("zalo_oa", userId);
      if (!phone) throw error;
      const facts = message.template.params;
      const templateData = Object.fromEntries(
        Object.entries(zns.params ?? DEFAULT_ZNS_PARAMS).map(([param, fact]) => [
          param,
          facts[fact] ?? "",
        ]),
      );
      await oa.sendZns({
        phone,
        templateId: zns.templateId,
        templateData,
        // One ZNS per status change and user, however often the push is retried.
        trackingId: `${facts.dossierCode}:${facts.status}:${userId}`.slice(0, 48),
      });
    }
  }

  return {
    channel: "zalo_oa",
    handleWebhook: (request) => webhook(request),
    stop: () => queue.idle(),
    send: (chatId, message) => queue.run(chatId, () => push(chatId, message)),
  };
}

function turn(userId: string, text: string | undefined) {
  return {
    channel: "zalo_oa" as const,
    chatId: userId,
    userId,
    ...(text !== undefined && { text }),
  };
}
