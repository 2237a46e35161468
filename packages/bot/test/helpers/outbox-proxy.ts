import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** One Bot API send that reached the proxy. */
export interface ProxiedSend {
  /** The bot's token (one per test scenario). */
  token: string;
  method: string;
  chatId: string;
  text: string;
  /** What the bot was answered. */
  status: number;
  /** When the request arrived (epoch ms). */
  at: number;
}

/**
 * A real HTTP hop between a bot and the sandbox's Telegram emulator: it forwards every Bot API
 * call, records the sends in arrival order, counts the 429s the emulator answers, and can
 * answer for Telegram on chosen chats (500, or 403 "bot was blocked by the user").
 */
export interface TelegramProxy {
  /** Give this as the bot's `apiRoot`. */
  url: string;
  sends: ProxiedSend[];
  /** 429 answers from the emulator (flood limits exceeded). */
  tooManyRequests(): number;
  /** Answers the next `times` sends to the chat with 500 Internal Server Error. */
  failNext(chatId: number, times: number): void;
  /** Answers every send to the chat with 403, as Telegram does for a user who blocked the bot. */
  block(chatId: number, description?: string): void;
  sendsTo(chatId: number): ProxiedSend[];
  close(): Promise<void>;
}

const SEND_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument"]);

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function startTelegramProxy(upstream: string): Promise<TelegramProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  const forward = (request: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; contentType: string; body: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: request.url,
          method: request.method,
          agent,
          headers: {
            "content-type": String(request.headers["content-type"] ?? "application/json"),
            "content-length": body.length,
          },
        },
        (answer) => {
          void bodyOf(answer).then((data) =>
            resolve({
              status: answer.statusCode ?? 502,
              contentType: String(answer.headers["content-type"] ?? "application/json"),
              body: data,
            }),
          );
        },
      );
      outgoing.once("error", reject);
      outgoing.end(body);
    });
  const sends: ProxiedSend[] = [];
  const failing = new Map<string, number>();
  const blocked = new Map<string, string>();
  let limited = 0;

  const server = createServer((request, response) => {
    void (async () => {
      const at = Date.now();
      const body = await bodyOf(request);
      const [, token = "", method = ""] = /\/bot([^/]+)\/(\w+)/.exec(request.url ?? "") ?? [];
      const isSend = SEND_METHODS.has(method);
      let chatId = "";
      let text = "";
      if (isSend && String(request.headers["content-type"]).includes("json")) {
        const params = JSON.parse(body.toString("utf8")) as { chat_id?: unknown; text?: unknown };
        chatId = String(params.chat_id ?? "");
        text = typeof params.text === "string" ? params.text : "";
      }
      const record = (status: number) => {
        if (isSend) sends.push({ token, method, chatId, text, status, at });
      };
      const blockedAs = blocked.get(chatId);
      if (isSend && blockedAs !== undefined) {
        record(403);
        return answer(response, 403, { ok: false, error_code: 403, description: blockedAs });
      }
      const failures = failing.get(chatId) ?? 0;
      if (isSend && failures > 0) {
        failing.set(chatId, failures - 1);
        record(500);
        return answer(response, 500, {
          ok: false,
          error_code: 500,
          description: "Internal Server Error",
        });
      }
      const forwarded = await forward(request, body);
      if (forwarded.status === 429) limited += 1;
      record(forwarded.status);
      response.writeHead(forwarded.status, { "content-type": forwarded.contentType });
      response.end(forwarded.body);
    })().catch((error: unknown) => {
      answer(response, 502, { ok: false, error_code: 502, description: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sends,
    tooManyRequests: () => limited,
    failNext: (chatId, times) => void failing.set(String(chatId), times),
    block: (chatId, description = "Forbidden: bot was blocked by the user") =>
      void blocked.set(String(chatId), description),
    sendsTo: (chatId) => sends.filter((s) => s.chatId === String(chatId)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

/** Most sends that arrived within any one second (`sends` in arrival order). */
export function busiestSecond(sends: readonly ProxiedSend[]): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < sends.length; end++) {
    while ((sends[end]?.at ?? 0) - (sends[start]?.at ?? 0) >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
