import type { Vnegov, VnegovEvent } from "@vnegov/sdk";
import type { ChannelName, OutgoingMessage } from "../../engine/messages.js";
import type { Locale } from "../../i18n/translate.js";
import type { SessionStorage } from "../../session/storage.js";
import type { SubscriptionStore } from "../../subscriptions/store.js";
import type { Notifier, NotifyResult } from "../notifier.js";
import { recipientsOf } from "../recipients.js";
import { renderEvent } from "../render.js";
import type { EnqueueInput, Outbox, OutboxRecipient } from "./outbox.js";
import { labelOf, priorityOf } from "./priority.js";

export interface OutboxNotifierOptions {
  sdk: Vnegov;
  subscriptions: SubscriptionStore;
  /** Where the deliveries go: `SqliteOutbox` (embedded) or `BullmqOutbox` (Redis). */
  outbox: Outbox;
  /** Read for each recipient's language; Vietnamese without it. */
  sessions?: SessionStorage;
  /**
   * Channels this deployment delivers on; recipients on others are counted as `skipped` and
   * not queued (they would wait forever). Default: every channel.
   */
  channels?: readonly ChannelName[];
  /** Delivery priority of an event; default {@link priorityOf} (urgent directives first). */
  priority?: (event: VnegovEvent) => number;
}

/**
 * What `OutboxNotifier.notify` did. Nothing is sent during `notify`: `delivered` counts rows
 * **queued** durably for delivery (the outbox then guarantees them), `failed` is always 0
 * (failures happen later and show in `broadcastStatus`), `skipped` counts recipients without
 * a message for this event or on a channel not delivered here. A repeated event answers all
 * zeros with `duplicate` (same id) or `repeated` (a dossier status already told, a directive
 * already broadcast).
 */
export interface OutboxNotifyResult extends NotifyResult {
  /** Same as `delivered`: rows written to the outbox. */
  queued: number;
  duplicate: boolean;
  repeated: boolean;
}

/**
 * What one event settles, when other events may report the same: the dossier watcher and the
 * webhook see one status change under different ids, and a directive is published once however
 * it reaches us (webhook, event feed, `vnegov-bot broadcast start`).
 */
function stateOf(event: VnegovEvent): Pick<EnqueueInput, "state"> {
  switch (event.type) {
    case "dossier.status_changed":
      return { state: { key: `dossier:${event.data.dossierCode}`, value: event.data.status } };
    case "directive.published":
      return { state: { key: `directive:${event.data.id}`, value: "published" } };
    default:
      return {};
  }
}

/** Session reads in flight at once while rendering a large fan-out. */
const LOCALE_BATCH = 256;

/**
 * The durable {@link Notifier}: each event is fanned out once (dedupe by event id) into one
 * outbox row per recipient, in the recipient's language, written in one transaction; a
 * `DeliveryWorker` sends them. `notify` returns once the rows are committed, so a webhook can
 * answer 200 knowing nothing will be lost.
 *
 * @example
 * ```ts
 * const notifier = new OutboxNotifier({ sdk, subscriptions, sessions, outbox });
 * const webhook = createEventWebhook({ secret, notifier });
 * ```
 */
export class OutboxNotifier implements Notifier {
  constructor(private readonly options: OutboxNotifierOptions) {}

  async notify(event: VnegovEvent): Promise<OutboxNotifyResult> {
    const { outbox } = this.options;
    const none = { delivered: 0, failed: 0, skipped: 0, queued: 0, repeated: false };
    if (await outbox.hasEvent(event.id)) return { ...none, duplicate: true };
    const chatKeys = await recipientsOf(event, this.options);
    const recipients: OutboxRecipient[] = [];
    let skipped = 0;
    const rendered = new Map<Locale, OutgoingMessage | undefined>();
    const served = this.options.channels && new Set<string>(this.options.channels);
    const wanted = chatKeys.filter((key) => {
      const keep = !served || served.has(key.slice(0, key.indexOf(":")));
      if (!keep) skipped += 1;
      return keep;
    });
    for (let i = 0; i < wanted.length; i += LOCALE_BATCH) {
      const batch = wanted.slice(i, i + LOCALE_BATCH);
      const locales = await Promise.all(batch.map((key) => this.localeOf(key)));
      for (const [j, chatKey] of batch.entries()) {
        const locale = locales[j] ?? "vi";
        if (!rendered.has(locale)) rendered.set(locale, renderEvent(event, locale));
        const message = rendered.get(locale);
        if (message) recipients.push({ chatKey, message });
        else skipped += 1;
      }
    }
    const result = await outbox.enqueue({
      event: {
        id: event.id,
        type: event.type,
        priority: (this.options.priority ?? priorityOf)(event),
        label: labelOf(event),
      },
      recipients,
      ...stateOf(event),
    });
    if (result.duplicate || result.repeated)
      return { ...none, duplicate: result.duplicate, repeated: result.repeated };
    return {
      delivered: result.queued,
      failed: 0,
      skipped,
      queued: result.queued,
      duplicate: false,
      repeated: false,
    };
  }

  private async localeOf(chatKey: string): Promise<Locale> {
    return (await this.options.sessions?.read(chatKey))?.locale ?? "vi";
  }
}
