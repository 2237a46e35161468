import type { Vnegov, VnegovEvent } from "@vnegov/sdk";
import type { ChannelSender } from "../channels/sender.js";
import type { ChannelName } from "../engine/messages.js";
import type { SessionStorage } from "../session/storage.js";
import type { SubscriptionStore } from "../subscriptions/store.js";
import { recipientsOf } from "./recipients.js";
import { renderEvent } from "./render.js";

/** What happened to one event's notifications. */
export interface NotifyResult {
  delivered: number;
  failed: number;
  /** Recipients on a channel this process has no sender for. */
  skipped: number;
}

/**
 * Turns portal and document-system events into chat messages. The seam the durable notifier
 * replaces: intake (webhooks, the dossier watcher) only ever calls `notify`.
 */
export interface Notifier {
  notify(event: VnegovEvent): Promise<NotifyResult>;
}

export interface DirectNotifierOptions {
  sdk: Vnegov;
  senders: readonly ChannelSender[];
  subscriptions: SubscriptionStore;
  /** Read for each recipient's language; Vietnamese without it. */
  sessions?: SessionStorage;
  /** Called for each failed delivery (for logs). */
  onError?: (error: unknown, chatKey: string) => void;
}

/** Event ids remembered to drop repeats (webhook retries); older ones are forgotten. */
const REMEMBERED = 10_000;

/**
 * Sends each event straight to its recipients, one after another: fine for a pilot. It keeps
 * nothing durable — an event that arrives while the process is down or a send that fails is
 * not retried; the durable outbox notifier is built for that.
 */
export class DirectNotifier implements Notifier {
  private readonly seen = new Set<string>();
  /** Last status told per dossier: the webhook and the watcher may both report a change. */
  private readonly dossierStatus = new Map<string, string>();

  constructor(private readonly options: DirectNotifierOptions) {}

  async notify(event: VnegovEvent): Promise<NotifyResult> {
    const result: NotifyResult = { delivered: 0, failed: 0, skipped: 0 };
    if (this.seen.has(event.id) || this.repeatsStatus(event)) return result;
    this.remember(event.id);
    const recipients = await recipientsOf(event, this.options);
    for (const chatKey of recipients) {
      const split = chatKey.indexOf(":");
      const channel = chatKey.slice(0, split) as ChannelName;
      const chatId = chatKey.slice(split + 1);
      const sender = this.options.senders.find((s) => s.channel === channel);
      const locale = (await this.options.sessions?.read(chatKey))?.locale ?? "vi";
      const message = renderEvent(event, locale);
      if (!message) continue;
      if (!sender) {
        result.skipped += 1;
        continue;
      }
      try {
        await sender.send(chatId, message);
        result.delivered += 1;
      } catch (error) {
        result.failed += 1;
        this.options.onError?.(error, chatKey);
      }
    }
    return result;
  }

  private repeatsStatus(event: VnegovEvent): boolean {
    if (event.type !== "dossier.status_changed") return false;
    const { dossierCode, status } = event.data;
    if (this.dossierStatus.get(dossierCode) === status) return true;
    this.dossierStatus.set(dossierCode, status);
    return false;
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > REMEMBERED) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
