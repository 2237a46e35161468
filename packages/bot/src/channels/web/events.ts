import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Notification, NotificationHub } from "./notification-hub.js";
import { toWebReply } from "./outgoing.js";

/** Proxies and load balancers drop connections that stay silent for about a minute. */
const PING_MS = 25_000;

/**
 * Streams `chatId`'s notifications as Server-Sent Events, first those missed after the
 * `Last-Event-ID`, until the browser leaves or the stream's `stop` (added to `open`) is called.
 */
export function eventStream(
  c: Context,
  chatId: string,
  hub: NotificationHub,
  open: Set<() => void>,
): Response {
  const lastEventId = Number(c.req.header("Last-Event-ID") ?? 0);
  // nginx would otherwise hold events back in its buffer.
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    let writes: Promise<unknown> = Promise.resolve();
    await new Promise<void>((resolve) => {
      const stop = () => {
        clearInterval(ping);
        subscription.unsubscribe();
        open.delete(stop);
        resolve();
      };
      // One write at a time, in order; a failed write means the browser is gone.
      const enqueue = (write: () => Promise<unknown>) => {
        writes = writes.then(write).catch(stop);
      };
      const push = (notification: Notification) =>
        enqueue(() =>
          stream.writeSSE({
            id: String(notification.id),
            data: JSON.stringify(toWebReply(notification.message)),
          }),
        );
      const subscription = hub.subscribe(
        chatId,
        Number.isSafeInteger(lastEventId) ? lastEventId : 0,
        push,
      );
      const ping = setInterval(() => enqueue(() => stream.write(": ping\n\n")), PING_MS);
      open.add(stop);
      stream.onAbort(stop);
      // Sent at once, so the browser knows the stream is open before any notification.
      enqueue(() => stream.write(": connected\n\n"));
      for (const notification of subscription.missed) push(notification);
    });
    await writes;
  });
}
