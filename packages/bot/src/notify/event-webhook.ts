import { constructEvent, SignatureVerificationError } from "@vnegov/sdk";
import type { Notifier } from "./notifier.js";

export interface EventWebhookOptions {
  /** The `whsec_…` secret the portal returned when the webhook was registered. */
  secret: string;
  notifier: Notifier;
  /** Called when notifying fails (the portal will retry the delivery). */
  onError?: (error: unknown) => void;
}

/**
 * A fetch-style handler for portal/document webhooks: verifies the signature with the SDK,
 * then notifies. 400 for a forged or stale delivery, 500 (so the portal retries) when
 * notifying failed, 204 otherwise. Mount it on any router: `app.post(path, c => h(c.req.raw))`.
 */
export function createEventWebhook(options: EventWebhookOptions) {
  return async (request: Request): Promise<Response> => {
    const body = new Uint8Array(await request.arrayBuffer());
    let event: ReturnType<typeof constructEvent>;
    try {
      event = constructEvent(body, request.headers, options.secret);
    } catch (error) {
      if (!(error instanceof SignatureVerificationError)) throw error;
      return Response.json({ error: "invalid_signature" }, { status: 400 });
    }
    try {
      await options.notifier.notify(event);
      return new Response(null, { status: 204 });
    } catch (error) {
      options.onError?.(error);
      return Response.json({ error: "notify_failed" }, { status: 500 });
    }
  };
}
