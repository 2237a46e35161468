import { randomBytes } from "node:crypto";
import { Script } from "node:vm";
import { type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotEngine, createWebChat, SqliteSessionStorage, type WebChat } from "../src/index.js";
import { attachmentEcho } from "./helpers/attachment-echo.js";
import { serveHttp } from "./helpers/browser.js";

const PORTAL = "https://dichvucong.lamgiang.example";
const MAX_ATTACHMENT = 64 * 1024;

let sandbox: Sandbox;
let sdk: Vnegov;
let storage: SqliteSessionStorage;
let engine: BotEngine;
let web: WebChat;
let server: Awaited<ReturnType<typeof serveHttp>>;
let api: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 2021,
    referenceDate: new Date("2024-05-24T12:00:00+07:00"),
  });
  sdk = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.bot.apiKey } });
  storage = new SqliteSessionStorage(":memory:");
  engine = new BotEngine({ sdk, storage, dialogs: [attachmentEcho] });
  web = createWebChat({ engine, maxAttachmentBytes: MAX_ATTACHMENT, allowedOrigins: [PORTAL] });
  server = await serveHttp(new Hono().route("/", web.app).fetch);
  api = `${server.url}/api/webchat`;
});
afterAll(async () => {
  web?.close();
  await server?.close();
  storage?.close();
  await sdk?.close();
  await sandbox?.close();
});

interface WebSession {
  sessionId: string;
  token: string;
}

async function newSession(): Promise<WebSession> {
  const response = await fetch(`${api}/sessions`, { method: "POST" });
  expect(response.status).toBe(201);
  return (await response.json()) as WebSession;
}

function post(
  session: WebSession,
  body: RequestInit["body"],
  headers: Record<string, string> = {},
) {
  return fetch(`${api}/sessions/${session.sessionId}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${session.token}`, ...headers },
    body,
  });
}

/** Sends a JSON message and returns the replies. */
async function say(session: WebSession, message: Record<string, unknown>) {
  const response = await post(session, JSON.stringify(message), {
    "content-type": "application/json",
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { replies: any[] }).replies;
}

const texts = (replies: { text: string }[]) => replies.map((r) => r.text).join("\n");

/** An open event stream: `next()` is the next event with data (pings skipped). */
async function events(session: WebSession, lastEventId?: string) {
  const controller = new AbortController();
  const response = await fetch(`${api}/sessions/${session.sessionId}/events`, {
    headers: {
      authorization: `Bearer ${session.token}`,
      ...(lastEventId ? { "last-event-id": lastEventId } : {}),
    },
    signal: controller.signal,
  });
  if (!response.body) throw new Error("no event stream");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return {
    response,
    async next(): Promise<{ id: string; data: any }> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end < 0) {
          const chunk = await reader.read();
          if (chunk.done) throw new Error("the event stream ended");
          buffer += chunk.value;
          continue;
        }
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        const data = field("data");
        if (data !== undefined) return { id: field("id") ?? "", data: JSON.parse(data) };
      }
    },
    close: () => controller.abort(),
  };
}

/** The token with its last character changed (to a different one, whatever it was). */
function flipLastCharacter(token: string): string {
  return `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, code, type: `/problems/${code}` });
  expect(problem.detail).toEqual(expect.any(String));
  return problem;
}

const inProgress = () => {
  const sample = sandbox.samples.dang_xu_ly?.[0];
  if (!sample) throw new Error("no sample dossier in progress");
  return sample;
};

describe("web chat HTTP API", () => {
  it("creates sessions with random ids and tokens", async () => {
    const a = await newSession();
    const b = await newSession();
    expect(a.sessionId).toMatch(/^[\w-]{22}$/);
    expect(a.token).toMatch(/^[\w-]{43}$/);
    expect(b.sessionId).not.toBe(a.sessionId);
    expect(b.token).not.toBe(a.token);
  });

  it("looks up a dossier step by step, and answers button actions", async () => {
    const session = await newSession();
    const { code, secret } = inProgress();
    expect(texts(await say(session, { text: "/tracuu", locale: "vi-VN" }))).toContain(
      "nhập mã hồ sơ",
    );
    expect(texts(await say(session, { text: code }))).toContain("mã tra cứu");
    const answer = texts(await say(session, { text: secret }));
    expect(answer).toContain(`Hồ sơ ${code}\n`);
    expect(answer).toContain("Trạng thái: Đang xử lý");

    const [pick] = await say(session, { text: "/chithi" });
    const area = pick.buttons[0][0];
    expect(area).toEqual({
      label: expect.any(String),
      action: expect.stringMatching(/^dir:area:/),
    });
    expect(texts(await say(session, { action: area.action }))).toContain(area.label);
  });

  it("speaks English when the browser's first message says so", async () => {
    const session = await newSession();
    expect(texts(await say(session, { text: "/help", locale: "en-US" }))).toContain(
      "Look up a dossier",
    );
  });

  it("takes one file as multipart and hands it to the dialog", async () => {
    const session = await newSession();
    expect(texts(await say(session, { text: "/guitep" }))).toBe("Hãy đính kèm tệp.");
    const form = new FormData();
    form.append("file", new Blob([randomBytes(1000)], { type: "image/png" }), "can-cuoc.png");
    form.append("locale", "vi");
    const response = await post(session, form);
    expect(response.status).toBe(200);
    expect(texts(((await response.json()) as { replies: any[] }).replies)).toBe(
      "Đã nhận tệp can-cuoc.png (1000 byte, image/png)",
    );
  });

  it("refuses a missing or wrong token, another session's token and unknown sessions with 401", async () => {
    const mine = await newSession();
    const theirs = await newSession();
    const json = { "content-type": "application/json" };
    const hello = JSON.stringify({ text: "xin chào" });
    const attempts: Response[] = [
      await fetch(`${api}/sessions/${mine.sessionId}/messages`, {
        method: "POST",
        headers: json,
        body: hello,
      }),
      await post({ ...mine, token: flipLastCharacter(mine.token) }, hello, json),
      await post({ ...mine, token: "x" }, hello, json),
      await post({ sessionId: theirs.sessionId, token: mine.token }, hello, json),
      await post(
        { sessionId: randomBytes(16).toString("base64url"), token: mine.token },
        hello,
        json,
      ),
      await post({ sessionId: "not-a-session", token: mine.token }, hello, json),
      await fetch(`${api}/sessions/${theirs.sessionId}/events`, {
        headers: { authorization: `Bearer ${mine.token}` },
      }),
    ];
    for (const response of attempts) {
      await expectProblem(response, 401, "unauthorized");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("answers bad input with clear 4xx problems, never a 500", async () => {
    const session = await newSession();
    const json = { "content-type": "application/json" };
    const send = (body: unknown) => post(session, JSON.stringify(body), json);

    await expectProblem(await post(session, "{text:", json), 400, "malformed_json");
    const cases: [unknown, string][] = [
      [{ text: 5 }, "text"],
      [{ text: "   " }, "text"],
      [{ text: "a".repeat(4001) }, "text"],
      [{ action: "x".repeat(65) }, "action"],
      [{ text: "hi", action: "dir:area:1" }, "body"],
      [{}, "body"],
      [{ text: "hi", extra: true }, "body"],
      [["hi"], "body"],
      [{ text: "hi", locale: "<script>" }, "locale"],
    ];
    for (const [body, field] of cases) {
      const problem = await expectProblem(await send(body), 422, "validation_failed");
      expect(problem.errors).toEqual([expect.objectContaining({ field })]);
    }
    expect(texts(await say(session, { text: "a".repeat(4000) }))).toContain("chưa hiểu");

    await expectProblem(await post(session, "xin chào"), 415, "unsupported_media_type");
    await expectProblem(await post(session, new Uint8Array([1, 2])), 415, "unsupported_media_type");
    await expectProblem(
      await post(session, "--x\r\nbroken", { "content-type": "multipart/form-data; boundary=y" }),
      400,
      "malformed_multipart",
    );
    const noFile = new FormData();
    noFile.append("text", "chỉ có chữ");
    await expectProblem(await post(session, noFile), 422, "validation_failed");
    const tooLong = await post(session, JSON.stringify({ text: "a".repeat(30_000) }), json);
    await expectProblem(tooLong, 413, "payload_too_large");
    await expectProblem(await fetch(`${api}/nothing-here`, { method: "POST" }), 404, "not_found");
  });

  it("refuses attachments over the limit with 413 and the limit in the body", async () => {
    const session = await newSession();
    for (const size of [MAX_ATTACHMENT + 1, 4 * MAX_ATTACHMENT]) {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(size)]), "lon.bin");
      const problem = await expectProblem(await post(session, form), 413, "payload_too_large");
      expect(problem.maxBytes).toBe(MAX_ATTACHMENT);
    }
  });

  it("pushes send() notifications as Server-Sent Events and replays missed ones", async () => {
    const session = await newSession();
    const first = await events(session);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const notice = {
      text: "Hồ sơ 000.00.12.H12-240525-0001 đã có kết quả.",
      buttons: [[{ label: "Xem", action: "dw:view" }]],
      attachment: {
        fileName: "ket-qua.pdf",
        contentType: "application/pdf",
        data: new TextEncoder().encode("%PDF"),
      },
    };
    await web.send(session.sessionId, notice);
    const pushed = await first.next();
    expect(pushed.data).toEqual({
      text: notice.text,
      buttons: notice.buttons,
      attachment: {
        fileName: "ket-qua.pdf",
        contentType: "application/pdf",
        size: 4,
        url: "data:application/pdf;base64,JVBERg==",
      },
    });
    first.close();

    // Sent while the browser was away: delivered on reconnect, after what it already saw.
    await web.send(session.sessionId, { text: "Thông báo thứ hai" });
    const again = await events(session, pushed.id);
    expect((await again.next()).data).toEqual({ text: "Thông báo thứ hai" });
    again.close();
  });

  it("keeps sessions apart: one never sees or steers another's chat", async () => {
    const a = await newSession();
    const b = await newSession();
    const streamA = await events(a);
    const streamB = await events(b);
    await web.send(a.sessionId, { text: "cho A" });
    await web.send(b.sessionId, { text: "cho B" });
    expect((await streamB.next()).data.text).toBe("cho B");
    expect((await streamA.next()).data.text).toBe("cho A");
    streamA.close();
    streamB.close();

    const { code, secret } = inProgress();
    expect(texts(await say(a, { text: `/tracuu ${code}` }))).toContain("mã tra cứu");
    // B is not in A's look-up, so A's secret means nothing in B's chat.
    expect(texts(await say(b, { text: secret }))).not.toContain("Trạng thái");
    expect(texts(await say(a, { text: secret }))).toContain("Trạng thái: Đang xử lý");
  });

  it("rejects send() to an id that is not a web chat session", async () => {
    await expect(web.send("123456", { text: "x" })).rejects.toThrow(/not a web chat session/);
  });

  it("lets only the allowed origins call the API from the browser (CORS)", async () => {
    const preflight = (origin: string) =>
      fetch(`${api}/sessions/x/messages`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      });
    const allowed = await preflight(PORTAL);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();

    const plain = createWebChat({ engine });
    const response = await plain.app.request("/api/webchat/sessions", {
      method: "POST",
      headers: { origin: PORTAL },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves the demo portal with security headers, and the widget as plain JavaScript", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("Cổng dịch vụ công tỉnh Lam Giang (sandbox)");
    expect(html).toContain('<script src="/webchat.js" defer></script>');
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toMatch(/style-src 'self' 'nonce-[\w+/=]+'/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");

    const script = await fetch(`${server.url}/webchat.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const source = await script.text();
    expect(() => new Script(source)).not.toThrow();
    expect(source).not.toContain("innerHTML");
    const style = await fetch(`${server.url}/webchat.css`);
    expect(style.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("bakes publicUrl into the widget and the embed snippet, and refuses a relative one", async () => {
    const hosted = createWebChat({ engine, publicUrl: "https://chat.lamgiang.example/" });
    const source = await (await hosted.app.request("/webchat.js")).text();
    expect(source).toContain('"base":"https://chat.lamgiang.example/"');
    const html = await (await hosted.app.request("/")).text();
    expect(html).toContain('<script src="https://chat.lamgiang.example/webchat.js" defer>');
    expect(() => createWebChat({ engine, publicUrl: "/chat" })).toThrow(/absolute http/);
  });
});
