import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import {
  type Sandbox,
  startSandbox,
  type ZaloOaEmulator,
  zaloOaBaseURLs,
  zaloOaSignature,
} from "@vnegov/sandbox";
import {
  AuthenticationError,
  PermissionError,
  RateLimitError,
  type RawResponse,
  SignatureVerificationError,
  ValidationError,
} from "@vnegov/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  codeChallengeFor,
  constructOaEvent,
  createPkcePair,
  createZaloOaWebhook,
  FileTokenStore,
  isKnownOaEvent,
  MemoryTokenStore,
  type OaEvent,
  type OaTokenStore,
  oaEventUserId,
  readOaAnswer,
  ZaloOa,
  type ZaloOaOptions,
  ZaloOutsideWindowError,
  ZaloPermissionError,
  zaloErrorCode,
} from "../src/index.js";

let sandbox: Sandbox;
let emulator: ZaloOaEmulator;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ zaloOa: { accessTokenTtlSeconds: 3600 } });
  emulator = sandbox.zaloOa;
  dir = await mkdtemp(join(tmpdir(), "vnegov-zalo-oa-"));
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  // A receipt fires 20 ms after its ZNS; let it land before the next test sets a webhook.
  await expect.poll(() => emulator.pendingReceipts).toBe(0);
  emulator.setLimits({ perMinute: null, quota: 1000, znsDailyQuota: 500 });
  emulator.setWebhook(undefined);
});

/** A client of the emulator that counts its token grants. */
function client(tokens: OaTokenStore, options: Partial<ZaloOaOptions> = {}) {
  const counter = { grants: 0 };
  const oa = new ZaloOa({
    appId: emulator.credentials.appId,
    appSecret: emulator.credentials.appSecret,
    tokens,
    baseURLs: zaloOaBaseURLs(sandbox.url),
    retry: { maxRetries: 0, maxRetryAfterMs: 100 },
    hooks: {
      onRequest: (event) => {
        if (event.route === "/v4/oa/access_token") counter.grants++;
      },
    },
    ...options,
  });
  return { oa, counter };
}

/** The whole authorisation: consent URL, the emulator's redirect, the code exchange. */
async function authorize(oa: ZaloOa) {
  const { codeVerifier, codeChallenge } = createPkcePair();
  const url = oa.authorizationUrl({
    redirectUri: "https://gov.example.vn/zalo/callback",
    codeChallenge,
    state: "state-123",
  });
  const response = await fetch(url, { redirect: "manual" });
  const callback = new URL(response.headers.get("location") ?? "");
  expect(callback.searchParams.get("state")).toBe("state-123");
  return oa.exchangeCode({ code: callback.searchParams.get("code") ?? "", codeVerifier });
}

async function authorizedClient(
  tokens: OaTokenStore = new MemoryTokenStore(),
  options?: Partial<ZaloOaOptions>,
) {
  const made = client(tokens, options);
  await authorize(made.oa);
  made.counter.grants = 0;
  return { ...made, tokens };
}

/** Serves a fetch-style handler on loopback. */
async function serve(handler: (request: Request) => Promise<Response>) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        ...(req.method !== "GET" && req.method !== "HEAD" && { body: Buffer.concat(chunks) }),
      }),
    );
    res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/oa/webhook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The tokens in a store, which must hold some. */
async function stored(tokens: OaTokenStore) {
  const pair = await tokens.read();
  if (!pair) throw new Error("the store holds no tokens");
  return pair;
}

const msgIdOf = (event: Record<string, unknown>) => (event.message as { msg_id: string }).msg_id;

describe("PKCE", () => {
  it("makes a 43-character verifier and its unpadded S256 challenge", () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(a.codeChallenge).toBe(
      createHash("sha256").update(a.codeVerifier).digest("base64url").replace(/=+$/, ""),
    );
    expect(a.codeChallenge).not.toContain("=");
    // RFC 7636, appendix B.
    expect(codeChallengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });
});

describe("ZaloOa: OAuth and tokens", () => {
  it("builds the consent URL and stores the exchanged tokens", async () => {
    const store = new MemoryTokenStore();
    const { oa } = client(store);
    const url = new URL(
      oa.authorizationUrl({
        redirectUri: "https://gov.example.vn/cb",
        codeChallenge: "abc",
        state: "s",
      }),
    );
    expect(url.origin + url.pathname).toBe(`${sandbox.url}/zalo-oa/oauth/v4/oa/permission`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      app_id: emulator.credentials.appId,
      redirect_uri: "https://gov.example.vn/cb",
      code_challenge: "abc",
      state: "s",
    });
    const before = Date.now();
    const tokens = await authorize(oa);
    expect(await store.read()).toEqual(tokens);
    // Neither the secret nor the tokens show when the client is logged.
    const shown = inspect(oa, { depth: 10, showHidden: true });
    for (const secret of [emulator.credentials.appSecret, tokens.accessToken, tokens.refreshToken])
      expect(shown).not.toContain(secret);
    expect(tokens.accessTokenExpiresAt).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(tokens.accessTokenExpiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
    // A wrong verifier is refused as an authentication failure.
    const { codeChallenge } = createPkcePair();
    const response = await fetch(
      oa.authorizationUrl({ redirectUri: "https://gov.example.vn/cb", codeChallenge, state: "s" }),
      { redirect: "manual" },
    );
    const code = new URL(response.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const refused = await oa.exchangeCode({ code, codeVerifier: "x".repeat(43) }).catch((e) => e);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect(refused.code).toBe("zalo_-14016");
  });

  it("refuses to call without tokens", async () => {
    const { oa } = client(new MemoryTokenStore());
    const error = await oa.getQuota("1").catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/authorise/);
  });

  it("shares one refresh among 20 calls racing on a refused token; the store gets the newest pair", async () => {
    const { oa, counter, tokens } = await authorizedClient();
    const before = await tokens.read();
    emulator.expireAccessTokens();
    const results = await Promise.all(Array.from({ length: 20 }, () => oa.getQuota("4001")));
    expect(results).toHaveLength(20);
    expect(counter.grants).toBe(1);
    const after = await tokens.read();
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    // The stored refresh token is the unused one: it rotates again.
    const next = await oa.refreshTokens();
    expect(next.refreshToken).not.toBe(after?.refreshToken);
    expect(await tokens.read()).toEqual(next);
    expect(counter.grants).toBe(2);
  });

  it("refreshes an access token about to expire before using it, once for concurrent calls", async () => {
    const { counter, tokens } = await authorizedClient();
    const current = await stored(tokens);
    // Stored as expiring in 30 s: within the refresh margin, in a fresh client's first read.
    const store = new MemoryTokenStore({ ...current, accessTokenExpiresAt: Date.now() + 30_000 });
    const fresh = client(store);
    await Promise.all(Array.from({ length: 20 }, () => fresh.oa.getQuota("4002")));
    expect(fresh.counter.grants).toBe(1);
    expect((await store.read())?.accessTokenExpiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    expect(counter.grants).toBe(0);
  });

  it("retries once with a fresh token after -216", async () => {
    const { tokens } = await authorizedClient();
    const store = new MemoryTokenStore({ ...(await stored(tokens)), accessToken: "garbage" });
    const { oa, counter } = client(store);
    // A multipart upload is sent again, whole, with the new token.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await expect(oa.uploadImage(png, "a.png")).resolves.toMatchObject({
      attachmentId: expect.any(String),
    });
    expect(counter.grants).toBe(1);
    await expect(oa.getQuota("4003")).resolves.toMatchObject({ userId: "4003" });
    expect(counter.grants).toBe(1);
  });

  it("lets processes share a FileTokenStore: the second sees the rotated tokens, one refresh in all", async () => {
    const path = join(dir, "shared", "zalo-oa.json");
    const a = await authorizedClient(new FileTokenStore(path));
    const b = client(new FileTokenStore(path));
    await b.oa.getQuota("4004"); // b now holds the first access token too
    emulator.expireAccessTokens();
    await a.oa.getQuota("4004"); // a refreshes
    expect(a.counter.grants).toBe(1);
    await b.oa.getQuota("4004"); // b is refused, finds a's pair in the file, no refresh
    expect(b.counter.grants).toBe(0);

    // Both racing on a refused token: the file lock lets exactly one refresh.
    emulator.expireAccessTokens();
    await Promise.all([
      ...Array.from({ length: 10 }, () => a.oa.getQuota("4004")),
      ...Array.from({ length: 10 }, () => b.oa.getQuota("4004")),
    ]);
    expect(a.counter.grants + b.counter.grants).toBe(2);
    const leftovers = (await readdir(join(dir, "shared"))).filter((f) => f !== "zalo-oa.json");
    expect(leftovers).toEqual([]);
  });

  it("reports a reused refresh token (-14020) as an AuthenticationError that says so", async () => {
    const { oa, tokens } = await authorizedClient();
    const stale = new MemoryTokenStore(await tokens.read());
    await oa.refreshTokens();
    const other = client(stale).oa;
    const error = await other.refreshTokens().catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe("zalo_-14020");
    expect(error.message).toMatch(/already used/);
    expect(error.message).not.toContain((await stale.read())?.refreshToken);
  });
});

describe("FileTokenStore", () => {
  it("writes atomically with mode 0600: a reader never sees half a pair", async () => {
    const path = join(dir, "atomic", "tokens.json");
    const store = new FileTokenStore(path);
    expect(await store.read()).toBeUndefined();
    const pairs = Array.from({ length: 60 }, (_, i) => ({
      accessToken: `access-${i}-${"a".repeat(i * 97)}`,
      refreshToken: `refresh-${i}-${"r".repeat((60 - i) * 89)}`,
      accessTokenExpiresAt: 1_700_000_000_000 + i,
    }));
    const reader = new FileTokenStore(path);
    let reads = 0;
    let writing = true;
    const readLoop = (async () => {
      while (writing) {
        const seen = await reader.read();
        if (seen) {
          const i = seen.accessTokenExpiresAt - 1_700_000_000_000;
          expect(seen).toEqual(pairs[i]);
          reads++;
        }
      }
    })();
    await Promise.all(pairs.map((pair) => store.write(pair)));
    writing = false;
    await readLoop;
    expect(reads).toBeGreaterThan(0);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, "atomic"))).toEqual(["tokens.json"]);
    const last = await store.read();
    expect(pairs).toContainEqual(last);
    await writeFile(path, '{"accessToken":');
    await expect(store.read()).rejects.toThrow(/not JSON/);
  });
});

describe("ZaloOa: messages", () => {
  it("sends text in pieces of at most 2000 with quick replies on the last, replying by message id", async () => {
    const { oa } = await authorizedClient();
    const event = await emulator.userSendsText("5001", "Tôi muốn tra cứu");
    const paragraph = "Thủ tục đăng ký khai sinh cần tờ khai và giấy chứng sinh. ".repeat(40);
    const text = `${paragraph}\n\n${paragraph}`;
    const sent = await oa.sendText({ messageId: msgIdOf(event) }, text, {
      quickReplies: [
        { title: "Nộp hồ sơ", payload: "#nop" },
        { title: "Tra cứu", payload: "#tra_cuu" },
      ],
    });
    const messages = emulator.messages("5001");
    expect(sent.map((s) => s.messageId)).toEqual(messages.map((m) => m.messageId));
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => (m.text ?? "").length <= 2000 && m.free)).toBe(true);
    expect(
      messages
        .map((m) => m.text)
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
    ).toBe(text.replace(/\s+/g, " ").trim());
    expect(messages.slice(0, -1).every((m) => m.quickReplies.length === 0)).toBe(true);
    expect(messages.at(-1)?.quickReplies).toEqual([
      { title: "Nộp hồ sơ", payload: "#nop" },
      { title: "Tra cứu", payload: "#tra_cuu" },
    ]);
    expect(messages[0]?.recipient).toEqual({ messageId: msgIdOf(event) });

    const quoted = await oa.sendText({ userId: "5001" }, "Đã nhận", {
      quoteMessageId: msgIdOf(event),
    });
    expect(emulator.messages("5001").at(-1)).toMatchObject({
      messageId: quoted[0]?.messageId,
      quoteMessageId: msgIdOf(event),
      recipient: { userId: "5001" },
      free: false,
    });
    await expect(oa.sendText({ userId: "5001" }, "  ")).rejects.toBeInstanceOf(ValidationError);
    await expect(
      oa.sendText({ userId: "5001" }, "x", {
        quickReplies: [{ title: "t", payload: "p".repeat(1001) }],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("uploads and sends images and files", async () => {
    const { oa } = await authorizedClient();
    await emulator.userSendsText("5002", "Gửi giúp tôi mẫu tờ khai");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const { attachmentId } = await oa.uploadImage(png, "so-do.png");
    const { token } = await oa.uploadFile(
      new TextEncoder().encode("%PDF-1.4 tờ khai"),
      "to-khai.pdf",
    );
    const image = await oa.sendImage({ userId: "5002" }, { attachmentId }, { caption: "Sơ đồ" });
    const byUrl = await oa.sendImage(
      { userId: "5002" },
      { url: "https://dichvucong.gov.vn/a.png" },
    );
    const file = await oa.sendFile({ userId: "5002" }, { token });
    expect(emulator.messages("5002")).toMatchObject([
      { messageId: image.messageId, text: "Sơ đồ", image: { attachmentId } },
      { messageId: byUrl.messageId, image: { url: "https://dichvucong.gov.vn/a.png" } },
      { messageId: file.messageId, file: { token, name: "to-khai.pdf" } },
    ]);
    await expect(oa.uploadImage(new Uint8Array(1024 * 1024 + 1), "big.png")).rejects.toBeInstanceOf(
      ValidationError,
    );
    const refused = await oa.uploadFile(new Uint8Array([1, 2]), "x.exe").catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.code).toBe("zalo_-201");
  });

  it("reads users and quotas", async () => {
    const { oa } = await authorizedClient();
    await emulator.follow("5003");
    await emulator.submitInfo("5003", { name: "Lê Văn C", phone: "0987654321" });
    const event = await emulator.userSendsText("5003", "Xin chào");
    await oa.sendText({ messageId: msgIdOf(event) }, "Chào bạn");
    const user = await oa.getUser("5003");
    expect(user).toMatchObject({
      userId: "5003",
      displayName: expect.any(String),
      isFollower: true,
      sharedInfo: { name: "Lê Văn C", phone: "0987654321" },
      lastInteractionDate: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
    });
    const quota = await oa.getQuota("5003");
    expect(quota).toMatchObject({ userId: "5003", csReply: { remain: 7, total: 8 } });
    expect(quota.lastInteractionAt).toBeGreaterThan(Date.now() - 60_000);
    const unknown = await oa.getUser("nobody").catch((e) => e);
    expect(unknown).toBeInstanceOf(ValidationError);
  });
});

describe("ZaloOa: ZNS", () => {
  it("normalises the phone to 84xxxxxxxxx and types Zalo's errors", async () => {
    const { oa } = await authorizedClient();
    const templateData = {
      ho_ten: "Phạm D",
      ma_ho_so: "H12.22-240525-0001",
      trang_thai: "Đã xử lý xong",
    };
    const first = await oa.sendZns({
      phone: "0912 345 678",
      templateId: "231001",
      templateData,
      trackingId: "t-1",
    });
    const second = await oa.sendZns({
      phone: "+84912345678",
      templateId: "231001",
      templateData,
      trackingId: "t-2",
    });
    expect(first).toMatchObject({
      msgId: expect.any(String),
      sentTime: expect.stringMatching(/^\d+$/),
    });
    expect(second.quota).toEqual({ dailyQuota: 500, remainingQuota: expect.any(Number) });
    expect(emulator.zns().slice(-2)).toMatchObject([
      { phone: "84912345678", trackingId: "t-1", msgId: first.msgId },
      { phone: "84912345678", trackingId: "t-2", msgId: second.msgId },
    ]);

    const count = emulator.zns().length;
    const badPhone = await oa
      .sendZns({ phone: "0212345678", templateId: "231001", templateData, trackingId: "t" })
      .catch((e) => e);
    expect(badPhone).toBeInstanceOf(ValidationError);
    expect(badPhone.fieldErrors[0].field).toBe("phone");
    expect(emulator.zns()).toHaveLength(count);

    const template = await oa
      .sendZns({ phone: "0912345678", templateId: "404", templateData, trackingId: "t" })
      .catch((e) => e);
    expect(template).toBeInstanceOf(ValidationError);
    expect(template).toMatchObject({ code: "zalo_-109", fieldErrors: [{ field: "template_id" }] });
    const empty = await oa
      .sendZns({ phone: "0912345678", templateId: "231001", templateData: {}, trackingId: "t" })
      .catch((e) => e);
    expect(empty).toMatchObject({ code: "zalo_-111" });
    emulator.setLimits({ znsDailyQuota: 0 });
    const exhausted = await oa
      .sendZns({ phone: "0912345678", templateId: "231001", templateData, trackingId: "t" })
      .catch((e) => e);
    expect(exhausted).toBeInstanceOf(RateLimitError);
    expect(exhausted).toMatchObject({ code: "zalo_-211", retryAfter: undefined });
  });
});

describe("ZaloOa: error mapping", () => {
  it("types the window, permission and rate-limit errors", async () => {
    const { oa } = await authorizedClient();
    const outside = await oa.sendText({ userId: "6001" }, "Thông báo").catch((e) => e);
    expect(outside).toBeInstanceOf(ZaloOutsideWindowError);
    expect(outside).toBeInstanceOf(ZaloPermissionError);
    expect(outside).toBeInstanceOf(PermissionError);
    expect(outside).toMatchObject({ code: "zalo_-230", status: 200, zaloError: -230 });
    expect(zaloErrorCode(outside)).toBe(-230);

    const event = await emulator.userSendsText("6001", "Chào");
    emulator.rewindUser("6001", 8 * 86_400_000);
    const reply = await oa.sendText({ messageId: msgIdOf(event) }, "Muộn").catch((e) => e);
    expect(reply).toBeInstanceOf(ZaloOutsideWindowError);
    expect(reply.code).toBe("zalo_-232");

    await emulator.userSendsText("6002", "Chào");
    emulator.setLimits({ quota: 0 });
    const quota = await oa.sendText({ userId: "6002" }, "x").catch((e) => e);
    expect(quota).toBeInstanceOf(RateLimitError);
    expect(quota.code).toBe("zalo_-211");

    emulator.setLimits({ perMinute: 1 });
    await oa.getQuota("6002");
    const limited = await oa.getQuota("6002").catch((e) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).toMatchObject({ code: "zalo_-32", retryAfter: 60 });

    emulator.setLimits({ perMinute: null });
    const invalid = await oa
      .sendImage({ userId: "6002" }, { attachmentId: "nope" })
      .catch((e) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toMatchObject({ code: "zalo_-201", status: 200 });
  });

  it("reads every answer shape into the right outcome", () => {
    const raw = (
      status: number,
      body: unknown,
      headers: Record<string, string> = {},
    ): RawResponse => ({
      status,
      header: (name) => headers[name],
      body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
    });
    const info = { method: "POST", path: "/v3.0/oa/message/cs" };
    const read = (status: number, body: unknown, headers?: Record<string, string>) =>
      readOaAnswer(raw(status, body, headers), info);

    expect(read(200, { error: 0, message: "Success", data: { message_id: "m" } })).toMatchObject({
      ok: true,
    });
    expect(read(200, { access_token: "a", refresh_token: "r", expires_in: "90000" })).toMatchObject(
      { ok: true },
    );
    const cases: [number, unknown, string, string, unknown][] = [
      [
        200,
        { error: -216, message: "Access token is invalid" },
        "reauthenticate",
        "zalo_-216",
        AuthenticationError,
      ],
      [
        200,
        { error: -220, message: "expired" },
        "reauthenticate",
        "zalo_-220",
        AuthenticationError,
      ],
      [401, "Unauthorized", "reauthenticate", "http_401", AuthenticationError],
      [200, { error: -32, message: "limit" }, "wait", "zalo_-32", RateLimitError],
      [200, { error: -211, message: "quota" }, "fail", "zalo_-211", RateLimitError],
      [200, { error: -201, message: "bad" }, "fail", "zalo_-201", ValidationError],
      [200, { error: -108, message: "phone" }, "fail", "zalo_-108", ValidationError],
      [200, { error: -112, message: "data" }, "fail", "zalo_-112", ValidationError],
      [200, { error: -213, message: "not follower" }, "fail", "zalo_-213", ZaloPermissionError],
      [200, { error: -227, message: "inactive" }, "fail", "zalo_-227", ZaloPermissionError],
      [200, { error: -244, message: "restricted" }, "fail", "zalo_-244", ZaloPermissionError],
      [200, { error: -232, message: "window" }, "fail", "zalo_-232", ZaloOutsideWindowError],
      [
        200,
        { error: -14020, error_name: "x", error_description: "used" },
        "fail",
        "zalo_-14020",
        AuthenticationError,
      ],
      [502, "<html>Bad Gateway</html>", "backoff", "http_502", Error],
    ];
    for (const [status, body, next, code, type] of cases) {
      const outcome = read(status, body);
      expect(outcome, code).toMatchObject({ ok: false, next });
      if (outcome.ok) continue;
      expect(outcome.error, code).toBeInstanceOf(type as never);
      expect((outcome.error as { code?: string }).code, code).toBe(code);
    }
    const wait = read(200, { error: -32, message: "limit" });
    expect(wait).toMatchObject({ retryAfterMs: 60_000 });
    expect(read(200, { error: -32 }, { "retry-after": "5" })).toMatchObject({ retryAfterMs: 5000 });
    expect(read(200, "not json")).toMatchObject({ ok: false, next: "fail" });
  });
});

describe("constructOaEvent", () => {
  const { appId, oaSecretKey } = {
    appId: "3141592653589793238",
    oaSecretKey: "sandbox-zalo-oa-secret-key-T7w4Lp",
  };
  const now = Date.now();
  const body = JSON.stringify({
    app_id: appId,
    user_id_by_app: "552177279717587730",
    event_name: "user_send_text",
    sender: { id: "246845883529197922" },
    recipient: { id: "388613280878808645" },
    message: { msg_id: "96d51803b6c9f59b", text: "Xin chào" },
    timestamp: String(now),
  });
  const sign = (raw: string, key = oaSecretKey) =>
    `mac=${createHash("sha256").update(`${appId}${raw}${now}${key}`).digest("hex")}`;
  const verify = (raw: string | Uint8Array, header: string | undefined, options = {}) =>
    constructOaEvent(raw, header, { appId, oaSecretKey, ...options });

  it("verifies a good signature over the raw body", () => {
    const event = verify(body, sign(body));
    expect(isKnownOaEvent(event)).toBe(true);
    if (!isKnownOaEvent(event) || event.event_name !== "user_send_text")
      throw new Error("narrowing");
    expect(event.message.text).toBe("Xin chào");
    expect(oaEventUserId(event)).toBe("246845883529197922");
    expect(
      verify(new TextEncoder().encode(body), sign(body).toUpperCase().replace("MAC=", "mac=")),
    ).toEqual(event);
    expect(sign(body)).toBe(zaloOaSignature({ appId, oaSecretKey }, body, String(now)));
  });

  it("rejects a tampered body, a missing header, a wrong prefix, a wrong key and a stale timestamp", () => {
    const fail = (run: () => unknown, message: RegExp) => {
      const error = (() => {
        try {
          run();
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SignatureVerificationError);
      expect((error as Error).message).toMatch(message);
    };
    fail(() => verify(body.replace("Xin chào", "Xin chao"), sign(body)), /does not match/);
    fail(() => verify(body, undefined), /missing/);
    fail(() => verify(body, ""), /missing/);
    fail(() => verify(body, sign(body).replace("mac=", "sha256=")), /mac=<hex>/);
    fail(() => verify(body, sign(body).slice(4)), /mac=<hex>/);
    fail(() => verify(body, sign(body, "another-key")), /does not match/);
    fail(() => verify(body, sign(body), { now: now + 3 * 3_600_000 }), /timestamp/);
    fail(() => verify(body, sign(body), { now: now + 60_000, toleranceMs: 30_000 }), /timestamp/);
    fail(() => verify("not json", sign("not json")), /not JSON/);
  });

  it("tolerates unknown event kinds", () => {
    const raw = JSON.stringify({
      app_id: appId,
      event_name: "user_click_chatnow",
      user_id: "9",
      timestamp: String(now),
    });
    const event = verify(raw, sign(raw));
    expect(event.event_name).toBe("user_click_chatnow");
    expect(isKnownOaEvent(event)).toBe(false);
    expect(oaEventUserId(event)).toBe("9");
  });
});

describe("createZaloOaWebhook", () => {
  it("answers 200, drops a twice-delivered event, refuses forgeries, ignores echoes, passes unknown kinds", async () => {
    const { appId, oaSecretKey, oaId } = emulator.credentials;
    const events: OaEvent[] = [];
    const errors: unknown[] = [];
    const handler = createZaloOaWebhook({
      appId,
      oaSecretKey,
      onEvent: (event) => {
        events.push(event);
      },
      onError: (error) => errors.push(error),
    });
    const server = await serve(handler);
    try {
      emulator.setWebhook(server.url, { deliverTwice: true });
      const sent = await emulator.userSendsText("7001", "Tra cứu hồ sơ");
      expect(emulator.deliveries().slice(-2)).toMatchObject([{ status: 200 }, { status: 200 }]);
      await expect.poll(() => events.length).toBe(1);
      expect(events[0]).toEqual(sent);

      emulator.setWebhook(server.url);
      await emulator.userSendsImage("7001", "https://x.vn/cccd.jpg");
      await emulator.follow("7001");
      await emulator.submitInfo("7001", { name: "Võ E", phone: "0901234567" });
      await emulator.withdraw("7001");
      await emulator.injectEvent({
        event_name: "oa_send_text",
        sender: { id: oaId },
        recipient: { id: "7001" },
        message: { msg_id: "echo-1", text: "Tin của OA" },
      });
      await emulator.injectEvent({ event_name: "user_click_chatnow", user_id: "7001" });
      await expect.poll(() => events.length).toBe(6);
      const kinds = events.map((e) => e.event_name);
      expect(kinds).toEqual([
        "user_send_text",
        "user_send_image",
        "follow",
        "user_submit_info",
        "user_withdraw",
        "user_click_chatnow",
      ]);
      for (const event of events.slice(0, 5)) expect(oaEventUserId(event)).toBe("7001");
      const info = events[3];
      if (info?.event_name !== "user_submit_info" || !isKnownOaEvent(info)) throw new Error("type");
      expect(info.info.phone).toBe("0901234567");

      // A ZNS receipt comes by webhook with the tracking id.
      const { oa } = await authorizedClient();
      const { msgId } = await oa.sendZns({
        phone: "0912345678",
        templateId: "231002",
        templateData: { otp: "123456" },
        trackingId: "otp-7001",
      });
      await expect.poll(() => events.length).toBe(7);
      expect(events[6]).toMatchObject({
        event_name: "user_received_message",
        message: { msg_id: msgId, tracking_id: "otp-7001" },
      });

      const forged = await fetch(server.url, {
        method: "POST",
        headers: { "x-zevent-signature": `mac=${"0".repeat(64)}` },
        body: JSON.stringify({
          app_id: appId,
          event_name: "user_send_text",
          timestamp: String(Date.now()),
        }),
      });
      expect(forged.status).toBe(401);
      const unsigned = await fetch(server.url, { method: "POST", body: "{}" });
      expect(unsigned.status).toBe(401);
      expect(errors).toHaveLength(2);
      expect((await fetch(server.url)).status).toBe(405);
      expect(events).toHaveLength(7);
    } finally {
      await server.close();
    }
  });

  it("refuses large bodies and reports a failing onEvent", async () => {
    const { appId, oaSecretKey } = emulator.credentials;
    const errors: [unknown, OaEvent | undefined][] = [];
    const handler = createZaloOaWebhook({
      appId,
      oaSecretKey,
      maxBodyBytes: 200,
      onEvent: () => {
        throw new Error("database down");
      },
      onError: (error, event) => errors.push([error, event]),
    });
    const raw = JSON.stringify({
      app_id: appId,
      event_name: "follow",
      follower: { id: "7002" },
      timestamp: String(Date.now()),
    });
    const signed = (body: string) =>
      handler(
        new Request("http://x/hook", {
          method: "POST",
          headers: {
            "x-zevent-signature": zaloOaSignature(
              { appId, oaSecretKey },
              body,
              JSON.parse(body).timestamp,
            ),
          },
          body,
        }),
      );
    expect((await signed(raw)).status).toBe(200);
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]?.[1]?.event_name).toBe("follow");
    const big = JSON.stringify({ ...JSON.parse(raw), pad: "x".repeat(300) });
    expect((await signed(big)).status).toBe(413);
  });
});
