import { NotFoundError, type PortalApi } from "@vnegov/sdk";
import type { SubscriptionStore } from "../subscriptions/store.js";
import type { Notifier } from "./notifier.js";

export interface DossierWatcherOptions {
  /** Where followed dossiers are looked up: the canonical portal or a DVCQG/iGate adapter. */
  portal: PortalApi;
  subscriptions: SubscriptionStore;
  notifier: Notifier;
  /** Between checks. Default 5 minutes. */
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Checks followed dossiers with their verification secrets and reports status changes. The
 * portal only sends webhooks for dossiers this bot submitted; citizens also follow dossiers
 * they submitted at the counter or on the portal, and those are seen only by asking.
 */
export class DossierWatcher {
  private readonly known = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: DossierWatcherOptions) {}

  /** One pass over every followed dossier; the first pass only learns current statuses. */
  async check(): Promise<void> {
    const followed = await this.options.subscriptions.ofKind("dossier");
    const secrets = new Map(followed.map((f) => [f.subscription.code, f.subscription.secret]));
    for (const [code, secret] of secrets) {
      try {
        const dossier = await this.options.portal.dossiers.get(code, { secret });
        // A status the backend's tables do not know is no news: report it once it maps.
        if (dossier.status === "unknown" || dossier.statusCode === null) continue;
        const previous = this.known.get(code);
        this.known.set(code, dossier.status);
        if (previous === undefined || previous === dossier.status) continue;
        await this.options.notifier.notify({
          id: `watch_${code}_${dossier.updatedAt}`,
          type: "dossier.status_changed",
          createdAt: new Date().toISOString(),
          data: {
            dossierCode: dossier.code,
            procedureCode: dossier.procedureCode,
            agencyCode: dossier.agencyCode,
            status: dossier.status,
            statusCode: dossier.statusCode,
            previousStatus: previous as typeof dossier.status,
            timeliness: dossier.timeliness,
            appointmentAt: dossier.appointmentAt,
            note: dossier.pendingAction?.note ?? null,
          },
        });
      } catch (error) {
        // A withdrawn secret or a purged dossier must not stop the others.
        if (!(error instanceof NotFoundError)) this.options.onError?.(error);
      }
    }
  }

  /** Checks now and then every `intervalMs`, until `stop()`. */
  start(): void {
    const every = this.options.intervalMs ?? 5 * 60_000;
    this.running = true;
    const tick = () => {
      if (!this.running) return;
      this.timer = setTimeout(() => {
        void this.check()
          .catch((error) => this.options.onError?.(error))
          .finally(tick);
      }, every);
      this.timer.unref();
    };
    void this.check()
      .catch((error) => this.options.onError?.(error))
      .finally(tick);
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
