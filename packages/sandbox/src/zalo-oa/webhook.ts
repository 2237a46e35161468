import { createHash } from "node:crypto";
import { postWebhook } from "../emulators/webhook-pusher.js";
import type { ZaloOaCredentials, ZaloOaEmulatorWebhookOptions } from "./options.js";

/** An event as the emulator delivers it (Zalo's wire names). */
export type ZaloOaWebhookEvent = {
  app_id: string;
  event_name: string;
  /** Epoch ms, as a string. */
  timestamp: string;
} & Record<string, unknown>;

/** One delivery attempt. */
export interface ZaloOaDelivery {
  eventName: string;
  /** The receiver's HTTP status; absent when the request failed. */
  status?: number;
  error?: string;
  at: number;
}

/**
 * `X-ZEvent-Signature`: `mac=` + hex SHA-256 of app id + raw body + the body's `timestamp` +
 * OA secret key (plain SHA-256, not an HMAC).
 */
export function zaloOaSignature(
  credentials: Pick<ZaloOaCredentials, "appId" | "oaSecretKey">,
  body: string,
  timestamp: string,
): string {
  const mac = createHash("sha256")
    .update(`${credentials.appId}${body}${timestamp}${credentials.oaSecretKey}`, "utf8")
    .digest("hex");
  return `mac=${mac}`;
}

/**
 * Posts signed events to the OA's webhook: once each (twice with `deliverTwice`), no retries
 * (Zalo retries only when it cannot connect, 30 s and more later).
 */
export class OaWebhookSender {
  private target: { url?: string; deliverTwice: boolean };
  private readonly log: ZaloOaDelivery[] = [];
  private readonly closed = new AbortController();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly credentials: ZaloOaCredentials,
    private readonly options: ZaloOaEmulatorWebhookOptions,
  ) {
    this.target = { url: options.url, deliverTwice: options.deliverTwice };
  }

  set(url: string | undefined, options: { deliverTwice?: boolean } = {}): void {
    if (url !== undefined && !/^https?:\/\//.test(url))
      throw new TypeError("The webhook URL must be http(s).");
    this.target = { url, deliverTwice: options.deliverTwice ?? this.options.deliverTwice };
  }

  get url(): string | undefined {
    return this.target.url;
  }

  /** Every delivery attempt so far, oldest first. */
  deliveries(): ZaloOaDelivery[] {
    return [...this.log];
  }

  /** Delivers `event`; resolves once the receiver answered (each time, when twice). */
  deliver(event: ZaloOaWebhookEvent): Promise<void> {
    const run = this.send(event);
    this.pending.add(run);
    return run.finally(() => this.pending.delete(run));
  }

  async close(): Promise<void> {
    this.closed.abort();
    await Promise.allSettled([...this.pending]);
  }

  private async send(event: ZaloOaWebhookEvent): Promise<void> {
    const { url, deliverTwice } = this.target;
    if (!url || this.closed.signal.aborted) return;
    const body = JSON.stringify(event);
    const signature = zaloOaSignature(this.credentials, body, event.timestamp);
    for (let i = 0; i < (deliverTwice ? 2 : 1); i++) {
      const attempt: ZaloOaDelivery = { eventName: event.event_name, at: Date.now() };
      try {
        const response = await postWebhook(url, {
          body,
          headers: { "x-zevent-signature": signature },
          timeoutMs: this.options.timeoutMs,
          signal: this.closed.signal,
        });
        attempt.status = response.status;
      } catch (error) {
        attempt.error = (error as Error).message;
      }
      this.log.push(attempt);
    }
  }
}
