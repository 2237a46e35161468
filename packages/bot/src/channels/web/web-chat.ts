import { Hono } from "hono";
import { NONCE, type SecureHeadersVariables, secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import type { BotEngine } from "../../engine/bot-engine.js";
import type { OutgoingMessage } from "../../engine/messages.js";
import type { ChannelSender } from "../sender.js";
import { webChatApi } from "./api.js";
import { demoPage } from "./demo-page.js";
import { NotificationHub } from "./notification-hub.js";
import { isSessionId, SessionTokens } from "./session-tokens.js";
import { widgetScript } from "./widget-script.js";
import { WIDGET_STYLE } from "./widget-style.js";

/** Options of {@link createWebChat}. */
export interface WebChatOptions {
  /** The conversation engine, the same one the other channels use. */
  engine: Pick<BotEngine, "handle">;
  /**
   * Where browsers reach this app, e.g. `https://chat.lamgiang.gov.vn` (behind a proxy, or
   * under a path). Default: wherever the widget script was loaded from.
   */
  publicUrl?: string;
  /** Largest file a citizen may attach; default 10 MiB. Larger uploads get 413. */
  maxAttachmentBytes?: number;
  /**
   * Origins of portals that embed the widget from another origin (CORS). Default none: the API
   * answers pages of its own origin only.
   */
  allowedOrigins?: string[];
  /**
   * Key that signs session tokens. Set it to keep widget sessions valid across restarts and
   * instances; default a random key per process.
   */
  secret?: string;
  logger?: Logger;
}

/** The web chat channel: a Hono app to mount, and the sender notifications go through. */
export interface WebChat extends ChannelSender {
  readonly channel: "web";
  /**
   * `GET /` demo portal page, `GET /webchat.js` + `/webchat.css` the widget, and the JSON API
   * under `/api/webchat/`. Mount it at `/` (`root.route("/", webChat.app)`).
   */
  readonly app: Hono;
  /**
   * Pushes `message` to the browser chat `chatId` (its session id) over Server-Sent Events.
   * A browser that is offline gets the latest 20 when it reconnects to this process.
   * Rejects for an id that is not a web chat session.
   */
  send(chatId: string, message: OutgoingMessage): Promise<void>;
  /** Ends the open event streams, so the HTTP server can close. */
  close(): void;
}

/**
 * The web chat channel: a widget a portal embeds with one script tag, speaking to `engine`.
 *
 * @example
 * ```ts
 * const web = createWebChat({ engine, allowedOrigins: ["https://dichvucong.lamgiang.gov.vn"] });
 * const root = new Hono().route("/", web.app);
 * serve({ fetch: root.fetch, port: 8080 });
 * ```
 */
export function createWebChat(options: WebChatOptions): WebChat {
  const maxAttachmentBytes = options.maxAttachmentBytes ?? 10 * 1024 * 1024;
  const publicUrl = options.publicUrl === undefined ? undefined : absoluteUrl(options.publicUrl);
  const hub = new NotificationHub();
  const streams = new Set<() => void>();
  const script = widgetScript({ base: publicUrl ? `${publicUrl}/` : null, maxAttachmentBytes });

  const app = new Hono();
  app.route("/", pageApp(publicUrl));
  app.get("/webchat.js", (c) => c.body(script, 200, assetHeaders("text/javascript")));
  app.get("/webchat.css", (c) => c.body(WIDGET_STYLE, 200, assetHeaders("text/css")));
  app.route(
    "/api/webchat",
    webChatApi({
      engine: options.engine,
      tokens: new SessionTokens(options.secret),
      hub,
      streams,
      maxAttachmentBytes,
      allowedOrigins: options.allowedOrigins,
      logger: options.logger,
    }),
  );

  return {
    channel: "web",
    app,
    async send(chatId, message) {
      if (!isSessionId(chatId)) throw new Error(`"${chatId}" is not a web chat session id`);
      hub.publish(chatId, message);
    },
    close() {
      for (const stop of [...streams]) stop();
    },
  };
}

/** The demo page, with a Content Security Policy that allows nothing but this app. */
function pageApp(publicUrl: string | undefined): Hono<{ Variables: SecureHeadersVariables }> {
  const self = ["'self'", ...(publicUrl ? [new URL(publicUrl).origin] : [])];
  const page = new Hono<{ Variables: SecureHeadersVariables }>();
  page.get(
    "/",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: self,
        styleSrc: [...self, NONCE],
        connectSrc: self,
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    }),
    (c) =>
      c.html(
        demoPage({
          scriptUrl: `${publicUrl ?? ""}/webchat.js`,
          embedUrl: `${publicUrl ?? new URL(c.req.url).origin}/webchat.js`,
          nonce: c.get("secureHeadersNonce") ?? "",
        }),
      ),
  );
  return page;
}

function assetHeaders(type: string): Record<string, string> {
  return {
    "Content-Type": `${type}; charset=utf-8`,
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
    // Portals of any origin load the widget, also those isolated with COEP.
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
}

/** `url` without a trailing slash; throws early for anything but an absolute http(s) URL. */
function absoluteUrl(url: string): string {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new Error(`publicUrl must be an absolute http(s) URL, got "${url}"`);
  }
  return url.replace(/\/+$/, "");
}
