import type { EventType, Vnegov, VnegovEvent } from "@vnegov/sdk";
import type { Notifier } from "./notifier.js";
import type { EventCursor } from "./outbox/outbox.js";

/** The events the bot tells people about. */
export const NOTIFIED_EVENTS: readonly EventType[] = [
  "task.assigned",
  "task.due_soon",
  "directive.published",
  "dossier.status_changed",
];

export interface EventPollerOptions {
  sdk: Vnegov;
  notifier: Notifier;
  /** Where the last processed event id is kept (`outbox.cursor("events")`). */
  cursor: EventCursor;
  /** Default {@link NOTIFIED_EVENTS}. */
  types?: readonly EventType[];
  /** Between polls. Default 60 s. */
  intervalMs?: number;
  /**
   * With no cursor yet (the bot's first run), events created before this are skipped, not
   * notified: a new bot must not replay the portal's history. Default: when the poller is made.
   */
  startFrom?: Date;
  onError?: (error: unknown) => void;
}

/** How many events are processed between cursor writes (a crash repeats at most these, deduped). */
const CURSOR_EVERY = 100;

/**
 * The polling fallback for portal webhooks: reads the event feed (`/v1/events`) after the last
 * event it processed and hands each event to the notifier, then keeps its position. Whatever
 * happened while the bot was down, or a webhook that never arrived, is picked up on the next
 * poll; events also delivered by webhook are dropped by the notifier's dedupe by event id.
 *
 * @example
 * ```ts
 * const poller = new EventPoller({ sdk, notifier, cursor: outbox.cursor("events") });
 * poller.start();
 * ```
 */
export class EventPoller {
  private readonly startFrom: number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling: Promise<number> | undefined;

  constructor(private readonly options: EventPollerOptions) {
    this.startFrom = (options.startFrom ?? new Date()).getTime();
  }

  /** Reads the feed to its end now; resolves with how many events were notified. */
  poll(): Promise<number> {
    // One pass at a time: a slow pass and a timer tick must not process the same events twice.
    this.polling ??= this.pass().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private async pass(): Promise<number> {
    const { sdk, notifier, cursor } = this.options;
    const after = await cursor.read();
    const types = [...(this.options.types ?? NOTIFIED_EVENTS)];
    let last: string | undefined;
    let sinceWrite = 0;
    let notified = 0;
    for await (const event of sdk.events.list({ ...(after ? { after } : {}), types })) {
      if (after !== undefined || this.isNew(event)) {
        await notifier.notify(event);
        notified += 1;
      }
      last = event.id;
      if (++sinceWrite >= CURSOR_EVERY) {
        await cursor.write(last);
        sinceWrite = 0;
      }
    }
    if (last !== undefined && sinceWrite > 0) await cursor.write(last);
    return notified;
  }

  private isNew(event: VnegovEvent): boolean {
    return Date.parse(event.createdAt) >= this.startFrom;
  }

  /** Polls now and then every `intervalMs`, until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const every = this.options.intervalMs ?? 60_000;
    const tick = () => {
      if (!this.running) return;
      this.timer = setTimeout(run, every);
      this.timer.unref();
    };
    const run = () => {
      void this.poll()
        .catch((error) => this.options.onError?.(error))
        .finally(tick);
    };
    run();
  }

  /** Stops polling; resolves once a pass under way has finished. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling?.catch(() => undefined);
  }
}
