/** Thrown when messages a test waits for do not come in time. */
export class WaitTimeoutError extends Error {
  override readonly name = "WaitTimeoutError";
}

/**
 * What a bot (or an OA) sent into one conversation, in order, so tests can wait for replies:
 * `waitFor` counts every message so far, `next` hands each one out once however fast it came.
 *
 * @example
 * ```ts
 * const log = new MessageLog<string>((wanted, sent) => `wanted ${wanted}, got ${sent}`);
 * setTimeout(() => log.push("Xin chào"), 10);
 * await log.next(1, 5000); // ["Xin chào"]
 * ```
 */
export class MessageLog<T> {
  private readonly sent: T[] = [];
  /** How many of `sent` `next()` has handed out. */
  private read = 0;
  private readonly listeners = new Set<() => void>();

  /** `timeoutMessage` words the WaitTimeoutError in the platform's terms. */
  constructor(
    private readonly timeoutMessage: (wanted: number, sent: number, timeoutMs: number) => string,
  ) {}

  push(item: T): void {
    this.sent.push(item);
    for (const listener of [...this.listeners]) listener();
  }

  /** Everything sent so far, oldest first. */
  all(): T[] {
    return [...this.sent];
  }

  /** Waits until `count` messages were sent in all; returns them all. */
  async waitFor(count: number, timeoutMs: number): Promise<T[]> {
    await this.until(count, timeoutMs);
    return this.all();
  }

  /** The next `count` messages no earlier `next` returned, waiting for them to come. */
  async next(count: number, timeoutMs: number): Promise<T[]> {
    const from = this.read;
    await this.until(from + count, timeoutMs);
    this.read = from + count;
    return this.sent.slice(from, from + count);
  }

  private until(wanted: number, timeoutMs: number): Promise<void> {
    if (this.sent.length >= wanted) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.sent.length < wanted) return;
        finish();
        resolve();
      };
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new WaitTimeoutError(this.timeoutMessage(wanted, this.sent.length, timeoutMs)));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }
}
