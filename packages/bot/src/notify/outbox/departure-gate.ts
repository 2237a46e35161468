/** Options of {@link DepartureGate}. */
export interface DepartureGateOptions {
  /** Planned time between two send starts, ms. */
  intervalMs: number;
  /**
   * How far departures may catch up on slots a late timer (GC, a busy event loop, a WAL
   * checkpoint) made them miss, ms. Default 0: every late millisecond is lost.
   */
  catchUpMs?: number;
  /**
   * Most departures in any one second, catch-up included. Default: no bound beyond the pace.
   * With it, catching up never puts more into one second than the pace would: the platform
   * counts sends per second, so that count, not the spacing, is what must stay under its limit.
   */
  perSecond?: number;
  /**
   * Takes each departure's slot from a timeline shared with other processes (Redis) instead;
   * this gate then only keeps one slot request of this process in flight at a time.
   */
  shared?: () => Promise<void>;
}

const WINDOW_MS = 1000;

/**
 * Spaces the send starts of one channel `intervalMs` apart, at departure. Each send takes the
 * next slot on a timeline of planned start times. Spacing from the previous *actual* start
 * instead would let every timer's lateness accumulate (measured: a quarter of a 1 000 msg/s
 * ceiling, 5 % even with 2 ms of catch-up, as young-generation GCs and SQLite checkpoints hold
 * the event loop for 3–20 ms several times a second). So a late departure catches up on the
 * slots it missed, by `catchUpMs` at most, and never beyond `perSecond` departures in the last
 * second (kept in a ring of the last departures' times): a stall's backlog leaves at once,
 * but no one-second window of the platform's count ever holds more than the paced rate.
 */
export class DepartureGate {
  private tail: Promise<void> = Promise.resolve();
  private nextSlot = 0;
  /** Start times of the last `perSecond` departures, oldest at `oldest`. */
  private readonly recent: Float64Array | undefined;
  private oldest = 0;

  constructor(private readonly options: DepartureGateOptions) {
    const { perSecond } = options;
    if (perSecond !== undefined)
      this.recent = new Float64Array(Math.max(1, Math.floor(perSecond))).fill(-Infinity);
  }

  /** Resolves when a send may start. */
  pass(): Promise<void> {
    const { shared } = this.options;
    const turn = this.tail.then(() => (shared ? shared() : this.localTurn()));
    // A failed shared slot (Redis down) fails that send only, not every later one.
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async localTurn(): Promise<void> {
    const { intervalMs, catchUpMs = 0 } = this.options;
    const now = performance.now();
    let slot = Math.max(this.nextSlot, now - catchUpMs);
    // The departure `perSecond` sends ago must be a second old.
    if (this.recent) slot = Math.max(slot, (this.recent[this.oldest] as number) + WINDOW_MS);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
    const started = performance.now();
    if (this.recent) {
      this.recent[this.oldest] = started;
      this.oldest = (this.oldest + 1) % this.recent.length;
    }
    // The next slot counts from this start, less the lateness forgiven.
    this.nextSlot = Math.max(slot, started - catchUpMs) + intervalMs;
  }
}
