import { createHash, randomBytes } from "node:crypto";
import {
  type Sandbox,
  startSandbox,
  WaitTimeoutError,
  type ZaloOaEmulator,
  zaloOaBaseURLs,
  zaloOaSignature,
} from "@vnegov/sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { controlClient, type Delivery, webhookReceiver } from "./http-helpers.js";

let sandbox: Sandbox;
let oa: ZaloOaEmulator;
let urls: ReturnType<typeof zaloOaBaseURLs>;

beforeAll(async () => {
  sandbox = await startSandbox({ zaloOa: { accessTokenTtlSeconds: 3600 } });
  oa = sandbox.zaloOa;
  urls = zaloOaBaseURLs(sandbox.url);
});
afterAll(() => sandbox.close());
afterEach(() => {
  oa.setLimits({ perMinute: null, perSecond: null, quota: 1000, znsDailyQuota: 500 });
  oa.setWebhook(undefined);
});

const challengeOf = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

/** The OA admin's consent: the redirect's query. */
async function authorize(query: Record<string, string>) {
  const response = await fetch(`${urls.oauth}/v4/oa/permission?${new URLSearchParams(query)}`, {
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), response };
}

async function tokenRequest(form: Record<string, string>, secret = oa.credentials.appSecret) {
  const response = await fetch(`${urls.oauth}/v4/oa/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", secret_key: secret },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Authorises the app and returns a token pair. */
async function tokens() {
  const verifier = randomBytes(32).toString("base64url");
  const { location } = await authorize({
    app_id: oa.credentials.appId,
    redirect_uri: "https://gov.example.vn/zalo/callback",
    code_challenge: challengeOf(verifier),
    state: "s1",
  });
  const code = new URL(location ?? "").searchParams.get("code") ?? "";
  const { body } = await tokenRequest({
    code,
    app_id: oa.credentials.appId,
    grant_type: "authorization_code",
    code_verifier: verifier,
  });
  return body as { access_token: string; refresh_token: string; expires_in: string };
}

/** One Open API / ZNS call as a client makes it. */
async function api(
  url: string,
  init: { token?: string; body?: unknown; method?: string } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.token !== undefined && { access_token: init.token }),
      ...(init.body !== undefined && { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: await response.json() };
}

const cs = (token: string, recipient: object, message: object) =>
  api(`${urls.openApi}/v3.0/oa/message/cs`, { token, body: { recipient, message } });

describe("Zalo OA emulator: OAuth v4", () => {
  it("consents at once and redirects with code, oa_id and state", async () => {
    const { status, location } = await authorize({
      app_id: oa.credentials.appId,
      redirect_uri: "https://gov.example.vn/cb?x=1",
      code_challenge: challengeOf("v".repeat(43)),
      state: "xyz",
    });
    expect(status).toBe(302);
    const target = new URL(location ?? "");
    expect(target.origin + target.pathname).toBe("https://gov.example.vn/cb");
    expect(target.searchParams.get("x")).toBe("1");
    expect(target.searchParams.get("state")).toBe("xyz");
    expect(target.searchParams.get("oa_id")).toBe(oa.credentials.oaId);
    expect(target.searchParams.get("code")).toMatch(/^[\w-]{20,}$/);
    const wrongApp = await authorize({ app_id: "1", redirect_uri: "https://gov.example.vn/cb" });
    expect(wrongApp.status).toBe(400);
    expect(await wrongApp.response.json()).toMatchObject({ error: -14002 });
  });

  it("exchanges a code once, with the PKCE verifier and the app secret", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const consent = async () =>
      new URL(
        (
          await authorize({
            app_id: oa.credentials.appId,
            redirect_uri: "https://gov.example.vn/cb",
            code_challenge: challengeOf(verifier),
            state: "s",
          })
        ).location ?? "",
      ).searchParams.get("code") ?? "";
    const form = (code: string, codeVerifier = verifier) => ({
      code,
      app_id: oa.credentials.appId,
      grant_type: "authorization_code",
      code_verifier: codeVerifier,
    });

    const wrongVerifier = await tokenRequest(form(await consent(), "x".repeat(43)));
    expect(wrongVerifier).toMatchObject({ status: 200, body: { error: -14016 } });
    expect(wrongVerifier.body.error_name).toBeTypeOf("string");

    const wrongSecret = await tokenRequest(form(await consent()), "not-the-secret");
    expect(wrongSecret.body.error).toBe(-14004);

    const code = await consent();
    const granted = await tokenRequest(form(code));
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: "3600",
    });
    expect((await tokenRequest(form(code))).body.error).toBe(-14019);
  });

  it("rotates single-use refresh tokens: a reused one gets -14020", async () => {
    const first = await tokens();
    const refresh = (token: string) =>
      tokenRequest({
        refresh_token: token,
        app_id: oa.credentials.appId,
        grant_type: "refresh_token",
      });
    const second = (await refresh(first.refresh_token)).body;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const reused = await refresh(first.refresh_token);
    expect(reused).toMatchObject({ status: 200, body: { error: -14020 } });
    expect((await refresh("unknown")).body.error).toBe(-14014);
    // Both access tokens work until they expire; the new refresh token works once.
    for (const token of [first.access_token, second.access_token]) {
      const quota = await api(`${urls.openApi}/v3.0/oa/quota/message`, {
        token,
        body: { user_id: "1" },
      });
      expect(quota.body.error).toBe(0);
    }
    expect((await refresh(second.refresh_token)).body.access_token).toBeTypeOf("string");
  });

  it("checks the access_token header: -216 missing or unknown, -220 expired, all HTTP 200", async () => {
    const { access_token: token } = await tokens();
    const detail = (t?: string) =>
      api(`${urls.openApi}/v3.0/oa/user/detail?data=${encodeURIComponent('{"user_id":"x"}')}`, {
        token: t,
      });
    expect(await detail()).toMatchObject({ status: 200, body: { error: -216 } });
    expect(await detail("bogus")).toMatchObject({ status: 200, body: { error: -216 } });
    expect((await detail(token)).body.error).toBe(-201); // valid token, unknown user
    oa.expireAccessTokens();
    expect(await detail(token)).toMatchObject({ status: 200, body: { error: -220 } });
    const fresh = await tokens();
    expect((await detail(fresh.access_token)).body.error).toBe(-201);
  });
});

describe("Zalo OA emulator: consultation messages", () => {
  let token: string;
  beforeAll(async () => {
    token = (await tokens()).access_token;
  });

  it("refuses users outside the 7-day window (-230) and counts user_id sends as proactive", async () => {
    expect((await cs(token, { user_id: "2001" }, { text: "Xin chào" })).body.error).toBe(-230);
    await oa.userSendsText("2001", "Chào OA");
    const quota = oa.limits.quota ?? 0;
    const sent = await cs(token, { user_id: "2001" }, { text: "Xin chào" });
    expect(sent.body).toMatchObject({ error: 0, message: "Success" });
    expect(sent.body.data.message_id).toMatch(/^[0-9a-f]{32}$/);
    expect(oa.limits.quota).toBe(quota - 1);
    expect(oa.messages("2001")).toMatchObject([
      { text: "Xin chào", recipient: { userId: "2001" }, free: false },
    ]);
    oa.setLimits({ quota: 0 });
    expect((await cs(token, { user_id: "2001" }, { text: "Lần nữa" })).body.error).toBe(-211);
  });

  it("gives 8 free replies by message_id within 48 h, then charges the quota", async () => {
    const event = await oa.userSendsText("2002", "Hồ sơ của tôi?");
    const msgId = (event.message as { msg_id: string }).msg_id;
    oa.setLimits({ quota: 0 });
    for (let i = 0; i < 8; i++) {
      const reply = await cs(token, { message_id: msgId }, { text: `Trả lời ${i + 1}` });
      expect(reply.body.error).toBe(0);
    }
    expect((await cs(token, { message_id: msgId }, { text: "9" })).body.error).toBe(-211);
    const quota = await api(`${urls.openApi}/v3.0/oa/quota/message`, {
      token,
      body: { user_id: "2002" },
    });
    expect(quota.body.data.cs_reply).toMatchObject({ remain: 0, total: 8 });
    // Writing again resets the free replies.
    await oa.userSendsText("2002", "Cảm ơn");
    expect((await cs(token, { message_id: msgId }, { text: "10" })).body.error).toBe(0);
    expect(oa.messages("2002").every((m) => m.free)).toBe(true);
    expect(oa.messages("2002")).toHaveLength(9);
  });

  it("closes the window after 7 days: -230 by user_id, -232 by message_id", async () => {
    const event = await oa.userSendsText("2003", "Xin chào");
    const msgId = (event.message as { msg_id: string }).msg_id;
    oa.rewindUser("2003", 3 * 86_400_000);
    // After 48 h the reply is no longer free but still inside the window.
    const paid = await cs(token, { message_id: msgId }, { text: "Muộn" });
    expect(paid.body.error).toBe(0);
    expect(oa.messages("2003")[0]?.free).toBe(false);
    oa.rewindUser("2003", 5 * 86_400_000);
    expect((await cs(token, { user_id: "2003" }, { text: "x" })).body.error).toBe(-230);
    expect((await cs(token, { message_id: msgId }, { text: "x" })).body.error).toBe(-232);
    expect((await cs(token, { message_id: "nope" }, { text: "x" })).body.error).toBe(-201);
  });

  it("limits text to 2000 characters and checks buttons", async () => {
    const event = await oa.userSendsText("2004", "Hi");
    const to = { message_id: (event.message as { msg_id: string }).msg_id };
    expect((await cs(token, to, { text: "a".repeat(2001) })).body.error).toBe(-201);
    expect((await cs(token, to, { text: "" })).body.error).toBe(-201);
    expect((await cs(token, to, { text: "a".repeat(2000) })).body.error).toBe(0);
    const withButtons = await cs(token, to, {
      text: "Chọn thủ tục",
      quote_message_id: to.message_id,
      attachment: {
        type: "template",
        payload: {
          buttons: [
            { title: "Khai sinh", type: "oa.query.show", payload: "#khai_sinh" },
            {
              title: "Cổng DVC",
              type: "oa.open.url",
              payload: { url: "https://dichvucong.gov.vn" },
            },
          ],
        },
      },
    });
    expect(withButtons.body.error).toBe(0);
    expect(oa.messages("2004").at(-1)).toMatchObject({
      text: "Chọn thủ tục",
      quoteMessageId: to.message_id,
      quickReplies: [{ title: "Khai sinh", payload: "#khai_sinh" }],
      buttons: [{ type: "oa.query.show" }, { type: "oa.open.url" }],
    });
    const badButton = await cs(token, to, {
      text: "x",
      attachment: {
        type: "template",
        payload: { buttons: [{ title: "t", type: "oa.query.show", payload: "p".repeat(1001) }] },
      },
    });
    expect(badButton.body.error).toBe(-201);
  });

  it("uploads images and files and sends them", async () => {
    await oa.userSendsText("2005", "Gửi giấy tờ");
    const upload = async (kind: "image" | "file", data: Uint8Array, name: string) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(data)]), name);
      const response = await fetch(`${urls.openApi}/v2.0/oa/upload/${kind}`, {
        method: "POST",
        headers: { access_token: token },
        body: form,
      });
      return (await response.json()) as any;
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const image = await upload("image", png, "cccd.png");
    expect(image).toMatchObject({ error: 0, data: { attachment_id: expect.any(String) } });
    expect((await upload("image", new Uint8Array([1, 2, 3]), "x.png")).error).toBe(-201);
    expect((await upload("image", new Uint8Array(1024 * 1024 + 1), "big.png")).error).toBe(-201);
    const file = await upload("file", new TextEncoder().encode("%PDF-1.4"), "to-khai.pdf");
    expect(file).toMatchObject({ error: 0, data: { token: expect.any(String) } });
    expect((await upload("file", new Uint8Array([1]), "virus.exe")).error).toBe(-201);

    const to = { user_id: "2005" };
    const media = (element: object) => ({
      text: "Ảnh",
      attachment: { type: "template", payload: { template_type: "media", elements: [element] } },
    });
    expect(
      (await cs(token, to, media({ media_type: "image", attachment_id: image.data.attachment_id })))
        .body.error,
    ).toBe(0);
    expect(
      (await cs(token, to, media({ media_type: "image", url: "https://x.vn/a.jpg" }))).body.error,
    ).toBe(0);
    expect(
      (await cs(token, to, media({ media_type: "image", attachment_id: "nope" }))).body.error,
    ).toBe(-201);
    const sentFile = await cs(token, to, {
      attachment: { type: "file", payload: { token: file.data.token } },
    });
    expect(sentFile.body.error).toBe(0);
    expect(oa.messages("2005")).toMatchObject([
      { text: "Ảnh", image: { attachmentId: image.data.attachment_id } },
      { image: { url: "https://x.vn/a.jpg" } },
      { file: { token: file.data.token, name: "to-khai.pdf" } },
    ]);
  });

  it("answers -32 past the per-minute limit", async () => {
    oa.setLimits({ perMinute: 2 });
    const quota = () =>
      api(`${urls.openApi}/v3.0/oa/quota/message`, { token, body: { user_id: "1" } });
    const answers = [await quota(), await quota(), await quota()];
    expect(answers.map((a) => a.body.error)).toEqual([0, 0, -32]);
    expect(answers[2]?.status).toBe(200);
  });

  it("reports users and waits for messages", async () => {
    await oa.follow("2006");
    await oa.submitInfo("2006", { name: "Nguyễn Văn A", phone: "0912345678" });
    const detail = await api(
      `${urls.openApi}/v3.0/oa/user/detail?data=${encodeURIComponent('{"user_id":"2006"}')}`,
      { token },
    );
    expect(detail.body.data).toMatchObject({
      user_id: "2006",
      user_is_follower: true,
      display_name: expect.any(String),
      shared_info: { name: "Nguyễn Văn A", phone: "0912345678" },
    });
    const waiting = oa.waitForMessages("2006", 1, { timeoutMs: 2000 });
    await cs(token, { user_id: "2006" }, { text: "Chào mừng" });
    expect((await waiting).map((m) => m.text)).toEqual(["Chào mừng"]);
    await expect(oa.waitForMessages("2006", 2, { timeoutMs: 30 })).rejects.toBeInstanceOf(
      WaitTimeoutError,
    );
    // nextMessages hands out each message once, in order.
    await cs(token, { user_id: "2006" }, { text: "Một" });
    await cs(token, { user_id: "2006" }, { text: "Hai" });
    expect((await oa.nextMessages("2006", 2)).map((m) => m.text)).toEqual(["Chào mừng", "Một"]);
    const next = await fetch(`${sandbox.url}/_emulator/zalo-oa/users/2006/messages/next`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: 1, timeoutMs: 1000 }),
    });
    expect(((await next.json()) as any).result.map((m: any) => m.text)).toEqual(["Hai"]);
    await expect(oa.nextMessages("2006", 1, { timeoutMs: 30 })).rejects.toBeInstanceOf(
      WaitTimeoutError,
    );
  });
});

describe("Zalo OA emulator: injected failures", () => {
  let token: string;
  beforeAll(async () => {
    token = (await tokens()).access_token;
  });
  const csRaw = (recipient: object) =>
    fetch(`${urls.openApi}/v3.0/oa/message/cs`, {
      method: "POST",
      headers: { access_token: token, "content-type": "application/json" },
      body: JSON.stringify({ recipient, message: { text: "Thông báo" } }),
    });

  it("answers a user's injected -32 (with Retry-After) and 5xx in order, then sends, recording every attempt", async () => {
    await oa.userSendsText("2101", "Xin chào");
    await oa.userSendsText("2102", "Xin chào");
    const before = oa.stats();
    oa.failSends("2101", { error: -32, retryAfter: 1 });
    oa.failSends("2101", { status: 502, times: 2 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await csRaw({ user_id: "2101" }));
    expect(answers.map((a) => a.status)).toEqual([200, 502, 502, 200]);
    expect(await answers[0]?.json()).toEqual({
      error: -32,
      message: "Exceeded the number of API calls per minute",
    });
    expect(answers[0]?.headers.get("retry-after")).toBe("1");
    expect(await answers[1]?.json()).toEqual({ error: -1, message: "Internal server error" });
    expect(await answers[3]?.json()).toMatchObject({ error: 0 });
    expect(oa.messages("2101")).toHaveLength(1);
    // Another user is not affected; a reply by message id counts for its user.
    expect((await cs(token, { user_id: "2102" }, { text: "x" })).body.error).toBe(0);
    expect(
      oa.sendAttempts("2101").map(({ error, status, injected }) => ({ error, status, injected })),
    ).toEqual([
      { error: -32, status: 200, injected: true },
      { error: -1, status: 502, injected: true },
      { error: -1, status: 502, injected: true },
      { error: 0, status: 200, injected: undefined },
    ]);
    const after = oa.stats();
    expect(after.attempts - before.attempts).toBe(5);
    expect(after.sent - before.sent).toBe(2);
    expect(after.injected - before.injected).toBe(3);
    expect(after.rateLimited - before.rateLimited).toBe(0);
    expect(() => oa.failSends("2101", { error: 5 })).toThrow(/below 0/);
    expect(() => oa.failSends("2101", { status: 404 })).toThrow(/500/);
  });

  it("refuses every message to a user who blocked the OA (-244, or -213/-227) until unblocked", async () => {
    const event = await oa.userSendsText("2103", "Xin chào");
    const msgId = (event.message as { msg_id: string }).msg_id;
    oa.blockOa("2103");
    expect((await cs(token, { user_id: "2103" }, { text: "1" })).body).toEqual({
      error: -244,
      message: "User has restricted receiving this type of message from the OA",
    });
    // A reply by message id reaches the same user, so it is refused too.
    expect((await cs(token, { message_id: msgId }, { text: "2" })).body.error).toBe(-244);
    oa.blockOa("2103", -213);
    expect((await cs(token, { user_id: "2103" }, { text: "3" })).body.error).toBe(-213);
    oa.unblockOa("2103");
    expect((await cs(token, { user_id: "2103" }, { text: "4" })).body.error).toBe(0);
    expect(oa.messages("2103").map((m) => m.text)).toEqual(["4"]);
    expect(oa.sendAttempts("2103").map((a) => a.error)).toEqual([-244, -244, -213, 0]);
    expect(() => oa.blockOa("2103", -201 as -244)).toThrow(/-244/);
  });

  it("answers -32 past a per-second limit and counts those apart from injected ones", async () => {
    await oa.userSendsText("2104", "Xin chào");
    oa.setLimits({ perSecond: 2 });
    const before = oa.stats();
    const errors = [];
    for (let i = 0; i < 3; i++)
      errors.push((await cs(token, { user_id: "2104" }, { text: `${i}` })).body.error);
    expect(errors).toEqual([0, 0, -32]);
    expect(oa.stats().rateLimited - before.rateLimited).toBe(1);
    expect(oa.sendAttempts("2104").map((a) => a.injected ?? false)).toEqual([false, false, false]);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await cs(token, { user_id: "2104" }, { text: "3" })).body.error).toBe(0);
  });

  it("injects faults, blocks and reads attempts and stats over HTTP", async () => {
    const control = controlClient(() => sandbox, "zalo-oa");
    await oa.userSendsText("2105", "Xin chào");
    expect((await control("/users/2105/faults", { body: { status: 500 } })).status).toBe(200);
    expect((await control("/users/2105/faults", { body: { error: "x" } })).status).toBe(400);
    expect((await cs(token, { user_id: "2105" }, { text: "1" })).status).toBe(500);
    await control("/users/2105/block", { body: { error: -227 } });
    expect((await cs(token, { user_id: "2105" }, { text: "2" })).body.error).toBe(-227);
    await control("/users/2105/unblock", { body: {} });
    expect((await cs(token, { user_id: "2105" }, { text: "3" })).body.error).toBe(0);
    const attempts = await control("/users/2105/attempts");
    expect(attempts.body.result.map((a: any) => a.error)).toEqual([-1, -227, 0]);
    const stats = await control("/stats");
    expect(stats.body.result).toEqual(oa.stats());
    const limits = await control("/limits", { method: "PUT", body: { perSecond: 50 } });
    expect(limits.body.result).toMatchObject({ perSecond: 50 });
  });
});

describe("Zalo OA emulator: ZNS", () => {
  let token: string;
  beforeAll(async () => {
    token = (await tokens()).access_token;
  });
  const zns = (body: object) => api(`${urls.business}/message/template`, { token, body });
  const valid = {
    phone: "84912345678",
    template_id: "231001",
    template_data: {
      ho_ten: "Trần Thị B",
      ma_ho_so: "000.00.12.H12-240525-0001",
      trang_thai: "Đã tiếp nhận",
    },
    tracking_id: "trk-1",
  };

  it("validates phone, template and data", async () => {
    expect((await zns({ ...valid, phone: "0912345678" })).body.error).toBe(-108);
    expect((await zns({ ...valid, phone: "+84912345678" })).body.error).toBe(-108);
    expect((await zns({ ...valid, template_id: "999" })).body.error).toBe(-109);
    expect((await zns({ ...valid, template_data: {} })).body.error).toBe(-111);
    expect((await zns({ ...valid, template_data: { ho_ten: "B" } })).body.error).toBe(-112);
    const expired = await api(`${urls.business}/message/template`, { token: "x", body: valid });
    expect(expired.body.error).toBe(-216);
  });

  it("sends, records the tracking id and delivers a signed receipt", async () => {
    const hook = await webhookReceiver();
    oa.setWebhook(hook.url);
    try {
      const sent = await zns(valid);
      expect(sent.body).toMatchObject({
        error: 0,
        data: {
          msg_id: expect.any(String),
          sent_time: expect.any(String),
          quota: { dailyQuota: "500" },
        },
      });
      expect(oa.zns().at(-1)).toMatchObject({ phone: "84912345678", trackingId: "trk-1" });
      await expect.poll(() => hook.received.length).toBe(1);
      const [{ headers, raw }] = hook.received as [Delivery];
      const receipt = JSON.parse(raw);
      expect(receipt).toMatchObject({
        event_name: "user_received_message",
        message: { msg_id: sent.body.data.msg_id, tracking_id: "trk-1" },
      });
      expect(headers["x-zevent-signature"]).toBe(
        zaloOaSignature(oa.credentials, raw, receipt.timestamp),
      );
      oa.setLimits({ znsDailyQuota: 0 });
      expect((await zns(valid)).body.error).toBe(-211);
    } finally {
      await hook.close();
    }
  });
});

describe("Zalo OA emulator: webhook delivery", () => {
  it("signs mac = sha256(appId + body + timestamp + oaSecretKey) and sends Zalo's envelope", async () => {
    const hook = await webhookReceiver();
    oa.setWebhook(hook.url);
    try {
      const event = await oa.userSendsText("3001", "Tra cứu hồ sơ");
      expect(hook.received).toHaveLength(1);
      const [{ headers, raw }] = hook.received as [Delivery];
      const body = JSON.parse(raw);
      expect(body).toEqual(event);
      const { appId, oaSecretKey, oaId } = oa.credentials;
      const mac = createHash("sha256")
        .update(appId + raw + body.timestamp + oaSecretKey)
        .digest("hex");
      expect(headers["x-zevent-signature"]).toBe(`mac=${mac}`);
      expect(body).toMatchObject({
        app_id: appId,
        user_id_by_app: expect.stringMatching(/^\d+$/),
        event_name: "user_send_text",
        sender: { id: "3001" },
        recipient: { id: oaId },
        message: { msg_id: expect.stringMatching(/^[0-9a-f]{32}$/), text: "Tra cứu hồ sơ" },
        timestamp: expect.stringMatching(/^\d{13}$/),
      });

      await oa.userSendsImage("3001", "https://x.vn/a.jpg");
      await oa.userSendsFile("3001", { url: "https://x.vn/a.pdf", name: "a.pdf", size: 10 });
      await oa.follow("3001");
      await oa.withdraw("3001");
      const names = hook.received.map((r) => JSON.parse(r.raw));
      expect(names.slice(1)).toMatchObject([
        {
          event_name: "user_send_image",
          message: { attachments: [{ type: "image", payload: { url: "https://x.vn/a.jpg" } }] },
        },
        {
          event_name: "user_send_file",
          message: {
            attachments: [{ type: "file", payload: { name: "a.pdf", size: "10", type: "pdf" } }],
          },
        },
        { event_name: "follow", follower: { id: "3001" }, oa_id: oaId },
        { event_name: "user_withdraw", sender: { id: "3001" } },
      ]);

      oa.setWebhook(hook.url, { deliverTwice: true });
      await oa.userSendsText("3001", "Hai lần");
      const last = hook.received.slice(-2).map((r) => r.raw);
      expect(last[0]).toBe(last[1]);
      expect(oa.deliveries().slice(-2)).toMatchObject([{ status: 200 }, { status: 200 }]);
    } finally {
      await hook.close();
    }
  });

  it("records failed deliveries and serves the controls over HTTP", async () => {
    const hook = await webhookReceiver([], 500);
    const control = controlClient(() => sandbox, "zalo-oa");
    try {
      expect((await control("/credentials")).body.result).toEqual(oa.credentials);
      await control("/webhook", { method: "PUT", body: { url: hook.url } });
      const sent = await control("/users/3002/messages", { body: { text: "Xin chào" } });
      expect(sent.body.result).toMatchObject({ event_name: "user_send_text" });
      expect(oa.deliveries().at(-1)).toMatchObject({ eventName: "user_send_text", status: 500 });
      expect((await control("/users/3002/messages", { body: {} })).status).toBe(400);
      expect((await control("/users/3002/messages?count=1&timeoutMs=30")).status).toBe(408);
      const limits = await control("/limits", { method: "PUT", body: { quota: 5 } });
      expect(limits.body.result).toMatchObject({ quota: 5 });
      expect((await control("/tokens/expire", { body: {} })).body.result).toBe(true);
      const injected = await control("/events", { body: { event_name: "oa_send_text" } });
      expect(injected.body.result).toMatchObject({
        event_name: "oa_send_text",
        app_id: oa.credentials.appId,
      });
    } finally {
      await hook.close();
    }
  });
});
