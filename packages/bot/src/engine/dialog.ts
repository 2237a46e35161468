import type { PortalApi, Vnegov } from "@vnegov/sdk";
import type { MessageKey } from "../i18n/translate.js";
import type { Session } from "../session/storage.js";
import type { SubscriptionStore } from "../subscriptions/store.js";
import type { IncomingMessage, OutgoingMessage } from "./messages.js";

/** What a dialog step can see and do. */
export interface DialogContext {
  readonly message: IncomingMessage;
  readonly session: Session;
  readonly sdk: Vnegov;
  /** Dossier look-ups: the canonical portal, or the DVCQG/iGate adapter the bot is configured for. */
  readonly portal: PortalApi;
  readonly subscriptions: SubscriptionStore;
  /** `channel:chatId`, the key sessions and subscriptions are stored under. */
  readonly chatKey: string;
  /** The catalogue text in the chat's language. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  reply(message: string | OutgoingMessage): void;
  /** Moves the active dialog to `step`, merging `data` into its state. */
  goTo(step: string, data?: Record<string, unknown>): void;
  /** Ends the active dialog. */
  end(): void;
  now(): number;
}

/**
 * A conversation as a small state machine: its state lives in the session, so a chat can
 * stop half-way and continue after a restart.
 */
export interface Dialog {
  readonly name: string;
  /** Commands (without `/`) and phrases (folded: no diacritics, lower case) that start it. */
  readonly triggers: {
    commands: readonly string[];
    phrases: readonly string[];
    /** Button actions (by prefix before `:`) that resume this dialog. */
    actions?: readonly string[];
  };
  /**
   * While this dialog is active, free text always goes to it (commands still switch dialogs):
   * answers to form questions must never be mistaken for another dialog's trigger phrase.
   */
  readonly capturesText?: boolean;
  /**
   * When another dialog interrupts this one (or it is started again), the engine parks its
   * state in `session.parked` instead of dropping it, so `start` can offer to continue.
   */
  readonly keepsDraft?: boolean;
  /** Starts the dialog; `argument` is the text after the command or phrase. */
  start(ctx: DialogContext, argument: string): Promise<void>;
  /** Handles a button press whose action starts with one of `triggers.actions`. */
  action?(ctx: DialogContext, action: string): Promise<void>;
  /** Handles a message while the dialog is active at `step`. */
  step(ctx: DialogContext, step: string, data: Record<string, unknown>): Promise<void>;
}
