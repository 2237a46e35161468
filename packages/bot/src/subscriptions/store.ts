/** What a chat follows: an area's or an agency's directives. */
export interface Subscription {
  kind: "area" | "agency";
  code: string;
  /** Human name at subscription time, for listing. */
  name: string;
}

/** Who follows what; the notifier reads it to fan directives out. */
export interface SubscriptionStore {
  add(chatKey: string, subscription: Subscription): Promise<void>;
  remove(chatKey: string, kind: Subscription["kind"], code: string): Promise<boolean>;
  list(chatKey: string): Promise<Subscription[]>;
  /** Chat keys following a target. */
  followers(kind: Subscription["kind"], code: string): Promise<string[]>;
}
