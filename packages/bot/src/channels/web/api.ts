import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { Logger } from "pino";
import type { BotEngine } from "../../engine/bot-engine.js";
import { eventStream } from "./events.js";
import { attachmentTooLarge, MAX_TEXT, mediaType, readInput } from "./incoming.js";
import type { NotificationHub } from "./notification-hub.js";
import { toWebReply } from "./outgoing.js";
import {
  internalError,
  notFound,
  problemResponse,
  tooLarge,
  unauthorized,
  WebChatProblem,
} from "./problem.js";
import type { SessionTokens } from "./session-tokens.js";

/** Room for the longest text even if every character is `\u`-escaped (6 bytes), plus framing. */
const JSON_LIMIT = MAX_TEXT * 6 + 1024;
/** Room for multipart boundaries and the small fields beside the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface ApiOptions {
  engine: Pick<BotEngine, "handle">;
  tokens: SessionTokens;
  hub: NotificationHub;
  /** Stops of the open event streams. */
  streams: Set<() => void>;
  maxAttachmentBytes: number;
  allowedOrigins: string[] | undefined;
  logger: Logger | undefined;
}

type Env = { Variables: { chatId: string } };

/** The JSON API the widget talks to, mounted under `/api/webchat`. */
export function webChatApi(options: ApiOptions): Hono<Env> {
  const { engine, tokens, logger } = options;
  const api = new Hono<Env>();

  if (options.allowedOrigins?.length) {
    api.use(
      "*",
      cors({
        origin: options.allowedOrigins,
        allowMethods: ["GET", "POST"],
        allowHeaders: ["Authorization", "Content-Type", "Last-Event-ID"],
        maxAge: 600,
      }),
    );
  }
  api.use("*", async (c, next) => {
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    await next();
  });

  api.post("/sessions", (c) => {
    const session = tokens.issue();
    logger?.debug({ sessionId: session.sessionId }, "web chat session created");
    return c.json(session, 201);
  });

  api.use("/sessions/:sessionId/*", async (c, next) => {
    const sessionId = c.req.param("sessionId") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "")?.[1];
    if (!token || !tokens.verify(sessionId, token)) throw unauthorized();
    c.set("chatId", sessionId);
    await next();
  });

  api.post("/sessions/:sessionId/messages", limitBody(options.maxAttachmentBytes), async (c) => {
    const chatId = c.get("chatId");
    const input = await readInput(c, options.maxAttachmentBytes);
    const replies = await engine.handle({ channel: "web", chatId, userId: chatId, ...input });
    return c.json({ replies: replies.map(toWebReply) });
  });

  api.get("/sessions/:sessionId/events", (c) =>
    eventStream(c, c.get("chatId"), options.hub, options.streams),
  );

  api.all("*", () => {
    throw notFound();
  });
  api.onError((error, c) => {
    if (error instanceof WebChatProblem) return problemResponse(c, error);
    logger?.error({ err: error }, "web chat request failed");
    return problemResponse(c, internalError());
  });
  return api;
}

/** Small bodies for JSON, room for one attachment for uploads; 413 beyond. */
function limitBody(maxAttachmentBytes: number): MiddlewareHandler<Env> {
  const json = bodyLimit({
    maxSize: JSON_LIMIT,
    onError: () => {
      throw tooLarge(`The request body exceeds ${JSON_LIMIT} bytes.`, JSON_LIMIT);
    },
  });
  const upload = bodyLimit({
    maxSize: maxAttachmentBytes + MULTIPART_OVERHEAD,
    onError: () => {
      throw attachmentTooLarge(maxAttachmentBytes);
    },
  });
  return (c, next) =>
    (mediaType(c.req.header("Content-Type")) === "multipart/form-data" ? upload : json)(c, next);
}
