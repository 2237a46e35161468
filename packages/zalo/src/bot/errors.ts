import { VnegovError } from "@vnegov/sdk";

/**
 * `getUpdates` was refused because the bot has a webhook: Zalo delivers updates one way only.
 * Call `deleteWebhook()` first, or receive updates with `createZaloBotWebhook` instead.
 */
export class ZaloWebhookConflictError extends VnegovError {
  constructor(options?: { cause?: unknown }) {
    super(
      "Zalo refused getUpdates because a webhook is set for this bot; call deleteWebhook() first (or receive updates through the webhook).",
      options,
    );
  }
}
