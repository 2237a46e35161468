import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SampleDossiers, type Sandbox, startSandbox } from "@vnegov/sandbox";
import { Vnegov } from "@vnegov/sdk";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotConfigInput, loadConfig, type RunningBot, runBot } from "../src/index.js";

/**
 * The citizen's dossier look-up, end to end, on each backend `VNEGOV_BACKEND` names: the bot is
 * configured by settings alone (as for a real province), reaches the sandbox's canonical API or
 * its DVCQG / iGate emulator over HTTP, and a citizen talks to it through the web chat API.
 */
type Backend = "canonical" | "dvcqg" | "igate";
type Sample = NonNullable<SampleDossiers["dang_xu_ly"]>[number];

let sandbox: Sandbox;
let admin: Vnegov;
const dirs: string[] = [];
const bots: RunningBot[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2021 });
  admin = new Vnegov({ baseURL: sandbox.url, auth: { apiKey: sandbox.credentials.admin.apiKey } });
}, 60_000);

afterAll(async () => {
  for (const bot of bots) await bot.close();
  await admin?.close();
  await sandbox?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The settings a province would give for `backend`, pointing at the sandbox. */
async function settingsFor(backend: Backend): Promise<BotConfigInput> {
  const base = { VNEGOV_BACKEND: backend };
  if (backend === "dvcqg") {
    const province = (await admin.portal.agencies.list({ limit: 100 }).toArray()).find(
      (a) => a.level === "tinh",
    );
    return {
      ...base,
      DVCQG_URL: `${sandbox.url}/dvcqg`,
      DVCQG_USERNAME: sandbox.dvcqg.credentials.username,
      DVCQG_PASSWORD: sandbox.dvcqg.credentials.password,
      DVCQG_MADONVI: province?.code,
    };
  }
  if (backend === "igate")
    return {
      ...base,
      IGATE_URL: `${sandbox.url}/igate`,
      IGATE_TOKEN_URL: `${sandbox.url}/igate/auth/realms/digo/protocol/openid-connect/token`,
      IGATE_CLIENT_ID: sandbox.igate.credentials.clientId,
      IGATE_CLIENT_SECRET: sandbox.igate.credentials.clientSecret,
    };
  return base;
}

async function startBot(settings: BotConfigInput): Promise<RunningBot> {
  const dir = mkdtempSync(join(tmpdir(), "vnegov-backend-"));
  dirs.push(dir);
  const env = Object.fromEntries(
    Object.entries({ PORT: "0", DATA_DIR: dir, ...settings }).map(([k, v]) => [k, String(v)]),
  );
  const bot = await runBot(loadConfig(env), pino({ level: "silent" }));
  bots.push(bot);
  return bot;
}

/** A web chat conversation: `say(text)` returns the bot's replies as one text. */
async function chat(bot: RunningBot) {
  const api = new URL("api/webchat/sessions", bot.webChatUrl).href;
  const opened = await fetch(api, { method: "POST" });
  expect(opened.status).toBe(201);
  const { sessionId, token } = (await opened.json()) as { sessionId: string; token: string };
  return async (text: string): Promise<string> => {
    const response = await fetch(`${api}/${sessionId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    expect(response.status).toBe(200);
    const { replies } = (await response.json()) as { replies: { text: string }[] };
    return replies.map((r) => r.text).join("\n");
  };
}

const PROOF: Record<Backend, { ask: string; of: (s: Sample) => string }> = {
  canonical: { ask: "mã tra cứu", of: (s) => s.secret },
  dvcqg: { ask: "số định danh cá nhân", of: (s) => s.applicantIdNumber ?? "" },
  igate: { ask: "số định danh cá nhân", of: (s) => s.applicantIdNumber ?? "" },
};

describe.each([
  ["canonical", 0],
  ["dvcqg", 1],
  ["igate", 2],
] as const)("VNEGOV_BACKEND=%s", (backend, sampleIndex) => {
  it("looks a citizen's dossier up, refuses a wrong proof, and follows an officer's change", async () => {
    const sample = sandbox.samples.dang_xu_ly?.[sampleIndex];
    if (!sample?.applicantIdNumber) throw new Error("the seeded world has too few samples");
    const bot = await startBot({
      VNEGOV_BASE_URL: sandbox.url,
      VNEGOV_API_KEY: sandbox.credentials.bot.apiKey,
      ...(await settingsFor(backend)),
    });
    expect(bot.backend).toBe(backend);
    const say = await chat(bot);

    expect(await say(`Tra cứu hồ sơ ${sample.code}`)).toContain(PROOF[backend].ask);
    // Another backend's proof is as wrong as a made-up one.
    const wrong = backend === "canonical" ? sample.applicantIdNumber : sample.secret;
    expect(await say(wrong)).toContain("Không tìm thấy hồ sơ");
    const found = await say(PROOF[backend].of(sample));
    expect(found).toContain(`Hồ sơ ${sample.code}`);
    expect(found).toContain("Trạng thái: Đang xử lý");

    // An officer's move on the canonical API is what the adapter's system reports next.
    await admin.portal.dossiers.transition(sample.code, {
      status: "yeu_cau_bo_sung",
      note: "Bổ sung bản sao giấy khai sinh",
    });
    const again = await say(`/tracuu ${sample.code} ${PROOF[backend].of(sample)}`);
    expect(again).toContain("Trạng thái: Yêu cầu bổ sung");
    expect(again).not.toContain("Đang xử lý\n");
  });
});

describe("VNEGOV_BACKEND with the embedded sandbox", () => {
  it.each(["dvcqg", "igate"] as const)(
    "%s runs on the sandbox's own emulator, with no settings but the backend",
    async (backend) => {
      const bot = await startBot({ VNEGOV_BACKEND: backend, SANDBOX_DB: ":memory:" });
      const sample = bot.sandbox?.samples.da_tiep_nhan?.[0];
      if (!sample?.applicantIdNumber) throw new Error("the embedded sandbox has no samples");
      const say = await chat(bot);
      const found = await say(`/tracuu ${sample.code} ${sample.applicantIdNumber}`);
      expect(found).toContain("Trạng thái: Đã tiếp nhận");
      expect(await say(`/tracuu ${sample.code} ${sample.secret}`)).toContain(
        "Không tìm thấy hồ sơ với mã và số định danh này",
      );
    },
    60_000,
  );
});
