import { deflateSync } from "node:zlib";
import type { Sandbox } from "@vnegov/sandbox";

/** A bot token of Telegram's shape: id, colon, 35 characters. */
export const tokenFor = (id: number) => `${id}:${"AAF-vnegov_sandbox".padEnd(35, "x")}`;

export interface BotApiAnswer<T = any> {
  status: number;
  body: { ok: boolean; result?: T; error_code?: number; description?: string; parameters?: any };
}

/** One Bot API call as telegraf makes it: JSON, or a prepared form body. */
export async function callBot<T = any>(
  sandbox: Sandbox,
  token: string,
  method: string,
  params?: Record<string, unknown> | FormData | URLSearchParams,
  init: { httpMethod?: string; signal?: AbortSignal } = {},
): Promise<BotApiAnswer<T>> {
  const form = params instanceof FormData || params instanceof URLSearchParams;
  const response = await fetch(`${sandbox.url}/bot${token}/${method}`, {
    method: init.httpMethod ?? "POST",
    headers: form || params === undefined ? {} : { "content-type": "application/json" },
    body: form ? params : params === undefined ? undefined : JSON.stringify(params),
    signal: init.signal,
  });
  return { status: response.status, body: (await response.json()) as BotApiAnswer<T>["body"] };
}

/** A valid PNG of the given size (a single grey colour). */
export function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
