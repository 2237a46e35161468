/** A credential just obtained, and until when it is good. */
export interface FreshCredential<T> {
  value: T;
  /** Epoch ms when it lapses; `Infinity` for one that lasts until the server refuses it. */
  expiresAt: number;
}

/** How early before it lapses a credential is renewed: 10 % of its lifetime, at most a minute. */
const MAX_EARLY_MS = 60_000;

/**
 * Caches a credential (token, session) and fetches a new one a little before it lapses, so no
 * call carries a dying one. However many calls wait, one fetch is in flight; the first caller's
 * `signal` governs it. `invalidate` drops a credential the server refused.
 */
export class CredentialCache<T> {
  private current: { value: T; refreshAt: number } | undefined;
  private inflight: Promise<T> | undefined;

  constructor(private readonly fetch: (signal?: AbortSignal) => Promise<FreshCredential<T>>) {}

  /** The cached credential while it is fresh, else a new one. */
  get(signal?: AbortSignal): Promise<T> {
    if (this.current && Date.now() < this.current.refreshAt) {
      return Promise.resolve(this.current.value);
    }
    this.inflight ??= this.fetch(signal)
      .then(({ value, expiresAt }) => {
        const now = Date.now();
        const life = Math.max(0, expiresAt - now);
        this.current = { value, refreshAt: now + life - Math.min(MAX_EARLY_MS, life * 0.1) };
        return value;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  /**
   * Forgets the credential so the next {@link get} fetches one. With `refused`, only when it is
   * still the cached one: a parallel call may already have renewed it.
   */
  invalidate(refused?: T): void {
    if (refused === undefined || this.current?.value === refused) this.current = undefined;
  }
}
