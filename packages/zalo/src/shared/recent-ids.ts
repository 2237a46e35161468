/**
 * Ids seen within a time window, to drop repeated webhook deliveries (Zalo may send an event
 * twice). Bounded: the oldest ids go first when `maxSize` is reached.
 */
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs = 5 * 60_000,
    private readonly maxSize = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `id`; false when it was already seen within the window. */
  add(id: string): boolean {
    const now = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.windowMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    // Insertion order is age order: drop the expired and the overflow from the front.
    for (const [oldId, oldAt] of this.seen) {
      if (now - oldAt < this.windowMs && this.seen.size <= this.maxSize) break;
      this.seen.delete(oldId);
    }
    return true;
  }
}
