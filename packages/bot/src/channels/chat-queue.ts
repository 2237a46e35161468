/**
 * Runs tasks one at a time per chat, in the order given: replies, notifications and flood
 * waits of one chat never overtake each other, while other chats go on in parallel.
 */
export class ChatQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(chatId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(chatId) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => {});
    this.tails.set(chatId, tail);
    void tail.then(() => {
      if (this.tails.get(chatId) === tail) this.tails.delete(chatId);
    });
    return result;
  }

  /** Resolves when every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
