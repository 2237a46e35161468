/** What a chat follows: an area's or an agency's directives, or one dossier's progress. */
export interface Subscription {
  kind: "area" | "agency" | "dossier";
  code: string;
  /** Human name at subscription time, for listing. */
  name: string;
  /** A dossier's verification secret, so its status can be checked on the owner's behalf. */
  secret?: string;
}

/** Who follows what; the notifier reads it to fan directives out. */
export interface SubscriptionStore {
  add(chatKey: string, subscription: Subscription): Promise<void>;
  remove(chatKey: string, kind: Subscription["kind"], code: string): Promise<boolean>;
  list(chatKey: string): Promise<Subscription[]>;
  /** Drops every subscription of a chat (the user withdrew consent); returns how many. */
  removeAll(chatKey: string): Promise<number>;
  /** Every subscription of one kind, with its chat (the dossier watcher polls these). */
  ofKind(kind: Subscription["kind"]): Promise<{ chatKey: string; subscription: Subscription }[]>;
  /** Chat keys following a target. */
  followers(kind: Subscription["kind"], code: string): Promise<string[]>;
}
