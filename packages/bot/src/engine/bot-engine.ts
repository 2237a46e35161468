import { foldDiacritics } from "@vnegov/domain";
import { NotFoundError, type PortalApi, type Vnegov, VnegovError } from "@vnegov/sdk";
import { directivesDialog, subscriptionsDialog } from "../dialogs/directives.js";
import { dossierStatusDialog, findDossierCode } from "../dialogs/dossier-status.js";
import { myTasksDialog } from "../dialogs/my-tasks.js";
import { staffLinkDialog, staffUnlinkDialog } from "../dialogs/staff-link.js";
import { submitFormDialog } from "../dialogs/submit-form/dialog.js";
import { type Locale, localeFromHint, type MessageKey, translate } from "../i18n/translate.js";
import type { Session, SessionStorage } from "../session/storage.js";
import { SqliteSubscriptionStore } from "../subscriptions/sqlite-store.js";
import type { SubscriptionStore } from "../subscriptions/store.js";
import type { Dialog, DialogContext } from "./dialog.js";
import type { IncomingMessage, OutgoingMessage } from "./messages.js";

export interface BotEngineOptions {
  sdk: Vnegov;
  /** Where dossiers are looked up; default `sdk.portal` (see `VNEGOV_BACKEND`). */
  portal?: PortalApi;
  storage: SessionStorage;
  /** Who follows which areas; default an in-memory SQLite store. */
  subscriptions?: SubscriptionStore;
  /** Dialogs besides the built-in ones. */
  dialogs?: Dialog[];
  /** Called with errors the user was told about politely (for logs). */
  onError?: (error: unknown, message: IncomingMessage) => void;
  now?: () => number;
}

const CANCEL = ["huy", "cancel"];
/** Channels whose terms require the bot to say it is automated, once per chat (Zalo's do). */
const DISCLOSING = new Set<IncomingMessage["channel"]>(["zalo", "zalo_oa"]);
const START = "__start";
const HELP = ["start", "help", "giup", "trogiup"];

/**
 * The conversation engine: channel adapters hand it normalised messages and send back what it
 * returns. Messages of one chat are handled one at a time, in order; other chats run in parallel.
 */
export class BotEngine {
  private readonly dialogs: Dialog[];
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly subscriptions: SubscriptionStore;

  constructor(private readonly options: BotEngineOptions) {
    this.subscriptions = options.subscriptions ?? new SqliteSubscriptionStore(":memory:");
    this.dialogs = [
      dossierStatusDialog,
      submitFormDialog,
      staffLinkDialog,
      staffUnlinkDialog,
      myTasksDialog,
      directivesDialog,
      subscriptionsDialog,
      ...(options.dialogs ?? []),
    ];
  }

  /** Handles one message and returns the replies, in order. Never throws for bad input. */
  handle(message: IncomingMessage): Promise<OutgoingMessage[]> {
    const key = `${message.channel}:${message.chatId}`;
    return this.serialize(key, () => this.process(key, message));
  }

  /**
   * Deletes everything the bot keeps about a chat: its session, subscriptions and staff link
   * (a user's withdrawal of consent under Decree 13/2023, Zalo's `user_withdraw`). Queued
   * behind the chat's messages, so none of them writes the session back afterwards.
   */
  forget(channel: IncomingMessage["channel"], chatId: string): Promise<void> {
    const key = `${channel}:${chatId}`;
    return this.serialize(key, async () => {
      const session = await this.options.storage.read(key);
      if (session?.staff) {
        await this.options.sdk.docs.staff.unlink(session.staff.linkId).catch((error) => {
          // Already unlinked on the server: nothing left to remove there.
          if (!(error instanceof NotFoundError)) throw error;
        });
      }
      await this.subscriptions.removeAll(key);
      await this.options.storage.delete(key);
    });
  }

  /** Keeps a phone number the user shared with consent (for template messages by phone). */
  setPhone(channel: IncomingMessage["channel"], chatId: string, phone: string): Promise<void> {
    const key = `${channel}:${chatId}`;
    return this.serialize(key, async () => {
      const session = (await this.options.storage.read(key)) ?? newSession(undefined);
      await this.options.storage.write(key, { ...session, phone });
    });
  }

  /** The phone number a chat's user shared, if any. */
  async phoneOf(channel: IncomingMessage["channel"], chatId: string): Promise<string | undefined> {
    return (await this.options.storage.read(`${channel}:${chatId}`))?.phone;
  }

  private serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const settled = run.catch(() => {});
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  private async process(key: string, message: IncomingMessage): Promise<OutgoingMessage[]> {
    const stored = await this.options.storage.read(key);
    const session: Session = stored ?? newSession(message.locale);
    const replies: OutgoingMessage[] = [];
    const ctx = this.context(key, message, session, replies);
    try {
      await this.route(ctx, message);
    } catch (error) {
      this.options.onError?.(error, message);
      // Bad luck upstream (timeouts, 5xx after retries) gets a polite answer, never a crash.
      if (!(error instanceof VnegovError)) session.dialog = null;
      replies.push({ text: ctx.t("error.unavailable") });
    }
    const disclosing = DISCLOSING.has(message.channel) && !session.disclosed;
    if (disclosing) session.disclosed = true;
    await this.options.storage.write(key, session);
    const written = replies.map((reply) => ({ ...reply, locale: session.locale }));
    return disclosing ? disclose(ctx.t("bot.disclosure"), written) : written;
  }

  private context(
    chatKey: string,
    message: IncomingMessage,
    session: Session,
    replies: OutgoingMessage[],
  ): DialogContext {
    return {
      message,
      session,
      chatKey,
      sdk: this.options.sdk,
      portal: this.options.portal ?? this.options.sdk.portal,
      subscriptions: this.subscriptions,
      t: (k: MessageKey, params?: Record<string, string | number>) =>
        translate(session.locale, k, params),
      reply: (reply) => {
        replies.push(typeof reply === "string" ? { text: reply } : reply);
      },
      goTo: (step, data = {}) => {
        if (!session.dialog) throw new Error("goTo outside a dialog");
        session.dialog = { ...session.dialog, step, data: { ...session.dialog.data, ...data } };
      },
      end: () => {
        session.dialog = null;
      },
      now: this.options.now ?? Date.now,
    };
  }

  private async route(ctx: DialogContext, message: IncomingMessage): Promise<void> {
    if (message.action !== undefined) {
      const prefix = message.action.split(":")[0] ?? "";
      const dialog = this.dialogs.find((d) => d.action && d.triggers.actions?.includes(prefix));
      if (!dialog?.action) {
        ctx.reply(ctx.t("unknown.text"));
        return;
      }
      if (ctx.session.dialog?.name !== dialog.name) this.enter(ctx, dialog);
      await dialog.action(ctx, message.action);
      if (ctx.session.dialog?.step === START) ctx.end();
      return;
    }
    const text = (message.text ?? "").trim();
    const words = text.split(/\s+/).filter(Boolean);
    const command = words[0]?.startsWith("/")
      ? foldDiacritics(words[0].slice(1).split("@")[0] ?? "")
      : undefined;
    const folded = foldDiacritics(text);

    if ((command && CANCEL.includes(command)) || CANCEL.includes(folded)) {
      ctx.reply(ctx.t(ctx.session.dialog ? "cancel.done" : "cancel.nothing"));
      ctx.end();
      return;
    }
    if (command === "lang") return this.setLocale(ctx, words[1]);
    if ((command && HELP.includes(command)) || HELP.includes(folded.replace(/\s+/g, ""))) {
      ctx.end();
      ctx.reply(ctx.t("help.text"));
      return;
    }
    const active = this.dialogs.find((d) => d.name === ctx.session.dialog?.name);
    if (active?.capturesText && ctx.session.dialog && !command)
      return active.step(ctx, ctx.session.dialog.step, ctx.session.dialog.data);
    for (const dialog of this.dialogs) {
      const argument = command
        ? dialog.triggers.commands.includes(command)
          ? words.slice(1).join(" ")
          : undefined
        : matchPhrase(folded, words, dialog.triggers.phrases);
      if (argument !== undefined) return this.start(ctx, dialog, argument);
    }
    if (active && ctx.session.dialog)
      return active.step(ctx, ctx.session.dialog.step, ctx.session.dialog.data);
    // A dossier code anywhere in free text starts a look-up.
    if (findDossierCode(text)) return this.start(ctx, dossierStatusDialog, text);
    ctx.reply(ctx.t("unknown.text"));
  }

  /** Starts `dialog` in this chat; one that asks nothing further ends at once. */
  private async start(ctx: DialogContext, dialog: Dialog, argument: string): Promise<void> {
    this.enter(ctx, dialog);
    await dialog.start(ctx, argument);
    if (ctx.session.dialog?.step === START) ctx.end();
  }

  /** Makes `dialog` the active one, parking the interrupted dialog if it keeps drafts. */
  private enter(ctx: DialogContext, dialog: Dialog): void {
    const current = ctx.session.dialog;
    if (current && this.dialogs.find((d) => d.name === current.name)?.keepsDraft)
      ctx.session.parked = { ...current, at: ctx.now() };
    ctx.session.dialog = { name: dialog.name, step: START, data: {} };
  }

  private setLocale(ctx: DialogContext, wanted: string | undefined): void {
    const locale = wanted?.toLowerCase() as Locale | undefined;
    if (locale !== "vi" && locale !== "en") {
      ctx.reply(ctx.t("lang.unknown"));
      return;
    }
    ctx.session.locale = locale;
    ctx.reply(ctx.t("lang.changed"));
  }
}

/** The text after a trigger phrase (by words, so diacritics in the original do not shift it). */
function matchPhrase(
  folded: string,
  words: string[],
  phrases: readonly string[],
): string | undefined {
  for (const phrase of phrases) {
    if (folded === phrase || folded.startsWith(`${phrase} `)) {
      return words.slice(phrase.split(" ").length).join(" ");
    }
  }
  return undefined;
}

function newSession(localeHint: string | undefined): Session {
  return { locale: localeFromHint(localeHint), dialog: null, failedLookups: [] };
}

/** The replies with `disclosure` leading the first one, so a chat's reply count is the same. */
function disclose(disclosure: string, replies: OutgoingMessage[]): OutgoingMessage[] {
  const [first, ...rest] = replies;
  if (!first) return [{ text: disclosure }];
  return [{ ...first, text: `${disclosure}\n\n${first.text}` }, ...rest];
}
