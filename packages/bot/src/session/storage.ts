import type { Locale } from "../i18n/translate.js";

/** Where a chat stands: its language and the dialog step it is in. */
export interface Session {
  locale: Locale;
  /** The active dialog, or null between dialogs. */
  dialog: { name: string; step: string; data: Record<string, unknown> } | null;
  /** A dialog interrupted half-way (see `Dialog.keepsDraft`), with when it was parked. */
  parked?: { name: string; step: string; data: Record<string, unknown>; at: number };
  /** Epoch ms of recent failed secret guesses, for the per-user look-up limit. */
  failedLookups: number[];
  /** Whether the bot has said it is automated (channels whose terms require it). */
  disclosed?: boolean;
  /** A phone number the user shared on purpose (Zalo's `user_submit_info`), for ZNS. */
  phone?: string;
  /** The staff account linked to this chat, if any. */
  staff?: { id: string; linkId: string; fullName: string };
}

/** Persists sessions by chat key; implementations: SQLite (default), Redis (scale-out). */
export interface SessionStorage {
  read(key: string): Promise<Session | undefined>;
  write(key: string, session: Session): Promise<void>;
  delete(key: string): Promise<void>;
}
