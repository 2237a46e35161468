import type { Update } from "telegraf/types";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";
/** What Telegram accepts as a webhook secret token. */
export const SECRET_TOKEN = /^[\w-]{1,256}$/;

/** The update in a webhook body, or `undefined` when it is not JSON with an `update_id`. */
export function parseUpdate(body: string): Update | undefined {
  try {
    const value: unknown = JSON.parse(body);
    const id = (value as { update_id?: unknown } | null)?.update_id;
    return Number.isSafeInteger(id) ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
}

/** Update ids remembered to drop Telegram's redeliveries (after a lost 200). */
const REMEMBERED = 1000;

/** The most recent update ids seen. */
export class RecentUpdates {
  private readonly ids = new Set<number>();

  /** Records `id`; `false` when it was seen already. */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > REMEMBERED) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
