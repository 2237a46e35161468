import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Sandbox } from "@vnegov/sandbox";

/** One request a webhook receiver got. */
export interface Delivery {
  headers: IncomingHttpHeaders;
  /** The body as sent. */
  raw: string;
  /** The body parsed as JSON; `undefined` when it is not JSON. */
  body: any;
  /** Epoch ms of arrival. */
  at: number;
}

/** A webhook receiver on loopback answering `statuses` in turn, then `then`. */
export async function webhookReceiver(statuses: number[] = [], then = 200) {
  const received: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers, raw, body: parseJson(raw), at: Date.now() });
      res.statusCode = statuses.shift() ?? then;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Resolves once `check()` holds; fails after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Calls of one emulator's control routes (`/_emulator/<emulator>`), as a test in another
 * process makes them: JSON in and out, POST when there is a body.
 */
export function controlClient(sandbox: () => Sandbox, emulator: string) {
  return async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${sandbox().url}/_emulator/${emulator}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? {} : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
}
