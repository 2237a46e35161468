/**
 * Spaces the send starts of one channel `intervalMs` apart, at departure. Each send takes the
 * next slot on a timeline of planned start times. A timer that fires late (GC, a busy event
 * loop, the 1 ms floor of `setTimeout` at high rates) may catch up on missed slots, but by
 * `catchUpMs` at most: spacing from the previous *actual* start instead would let every delay
 * accumulate (measured: a quarter of a 1 000 msg/s ceiling), while unbounded catching up would
 * send a stall's backlog in one burst the platform counts against its one-second window.
 */
export class DepartureGate {
  private tail: Promise<void> = Promise.resolve();
  private nextSlot = 0;

  /**
   * With `shared`, each departure takes a slot shared with other processes instead (Redis);
   * this gate then only keeps one slot request of this process in flight at a time.
   */
  constructor(
    private readonly intervalMs: number,
    private readonly catchUpMs = 0,
    private readonly shared?: () => Promise<void>,
  ) {}

  /** Resolves when a send may start. */
  pass(): Promise<void> {
    const turn = this.tail.then(() => (this.shared ? this.shared() : this.localTurn()));
    // A failed shared slot (Redis down) fails that send only, not every later one.
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async localTurn(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(this.nextSlot, now - this.catchUpMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
    // The next slot counts from this start, less the lateness forgiven.
    this.nextSlot = Math.max(slot, performance.now() - this.catchUpMs) + this.intervalMs;
  }
}
