/**
 * Helpers of the emulators' `/_emulator/...` routes, the user's side over HTTP. Every route
 * answers `{ ok: true, result }`, or `{ ok: false, description }` with 400 (bad input), 408
 * (waited in vain) or a Bot API error's own status.
 */

import { type Context, Hono } from "hono";
import { BotApiError } from "./bot-api-error.js";
import { WaitTimeoutError } from "./message-log.js";

/** A request's JSON object. */
export type JsonBody = Record<string, unknown>;

/** A success: `{ ok: true, result }`. */
export const ok = (result: unknown): Response => Response.json({ ok: true, result });
const fail = (status: number, description: string) =>
  Response.json({ ok: false, description }, { status });

/** A Hono app for one emulator's control routes, answering failures as they all do. */
export function controlApp(): Hono {
  const app = new Hono();
  app.onError(controlError);
  return app;
}

/** A `WaitTimeoutError` is 408, a Bot API error keeps its status, anything else is bad input. */
function controlError(error: Error): Response {
  if (error instanceof WaitTimeoutError) return fail(408, error.message);
  if (error instanceof BotApiError) return fail(error.errorCode, error.description);
  return fail(400, error.message);
}

/** The request's JSON object; a `TypeError` (400) for anything else. */
export async function bodyOf(c: Context): Promise<JsonBody> {
  const body = await c.req.json().catch(() => undefined);
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new TypeError("Send a JSON object.");
  return body as JsonBody;
}

/** A `PUT /rate-limits` body: `false` (limits off) or an object of limits. */
export async function rateLimitsOf(c: Context): Promise<JsonBody | false> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (body !== false && (!body || typeof body !== "object"))
    throw new TypeError("Send false or an object of limits.");
  return body as JsonBody | false;
}

/** A body field when it is a string. */
export const str = (value: unknown) => (typeof value === "string" ? value : undefined);
/** A body field when it is a number. */
export const num = (value: unknown) => (typeof value === "number" ? value : undefined);

/** The body's `timeoutMs`, to spread into wait options (absent: the emulator's default). */
export function timeoutOf(body: JsonBody): { timeoutMs?: number } {
  const timeoutMs = num(body.timeoutMs);
  return timeoutMs === undefined ? {} : { timeoutMs };
}

/** How an emulator's user side reads what a bot (or an OA) sent into one conversation. */
export interface MessageSource<Id, Options, Message> {
  messages(id: Id, options: Options): Message[];
  waitForMessages(
    id: Id,
    count: number,
    options: Options & { timeoutMs?: number },
  ): Promise<Message[]>;
  nextMessages(
    id: Id,
    count: number,
    options: Options & { timeoutMs?: number },
  ): Promise<Message[]>;
}

/**
 * The routes reading one conversation: `GET <path>` lists the messages so far, or with
 * `?count=` waits until that many came in all (`?timeoutMs=`, default 5 s); `POST <path>/next`
 * with `{ count?, timeoutMs? }` returns the next `count` (default 1) no earlier call returned.
 * `target` finds the conversation in the request; `view` makes a message JSON.
 */
export function messageRoutes<Id, Options, Message>(
  app: Hono,
  path: string,
  source: MessageSource<Id, Options, Message>,
  target: (c: Context) => [id: Id, options: Options],
  view: (message: Message) => unknown = (message) => message,
): void {
  app.get(path, async (c) => {
    const count = Number(c.req.query("count") ?? "0");
    const timeoutMs = Number(c.req.query("timeoutMs") ?? "5000");
    const [id, options] = target(c);
    const messages =
      count > 0
        ? await source.waitForMessages(id, count, { ...options, timeoutMs })
        : source.messages(id, options);
    return ok(messages.map(view));
  });

  app.post(`${path}/next`, async (c) => {
    const body = await bodyOf(c);
    const [id, options] = target(c);
    const messages = await source.nextMessages(id, num(body.count) ?? 1, {
      ...options,
      ...timeoutOf(body),
    });
    return ok(messages.map(view));
  });
}
