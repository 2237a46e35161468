import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const cliArgs = ["--conditions=source", "src/cli.ts"];
const tsx = join(packageDir, "node_modules/.bin/tsx");

/** Runs a CLI command without blocking the event loop (the test also talks HTTP meanwhile). */
function runCli(
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [...cliArgs, ...args],
      { cwd: packageDir, encoding: "utf8", timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe("vnegov-sandbox CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "vnegov-cli-"));
  const db = join(dir, "world.sqlite");
  let server: ChildProcess;
  let output = "";
  let url = "";

  beforeAll(async () => {
    server = spawn(
      tsx,
      [...cliArgs, "start", "--port", "0", "--db", db, "--seed", "--log-level", "warn"],
      { cwd: packageDir },
    );
    server.stdout?.on("data", (chunk) => (output += chunk));
    server.stderr?.on("data", (chunk) => (output += chunk));
    const deadline = Date.now() + 60_000;
    while (!/listening on (\S+)/.test(output)) {
      if (Date.now() > deadline || server.exitCode !== null)
        throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    url = (/listening on (\S+)/.exec(output) as RegExpExecArray)[1] as string;
  }, 90_000);

  afterAll(() => {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  it("start seeds a file database and prints the URL, keys and a working sample look-up", async () => {
    expect(output).toContain("vng_sandbox_bot_key");
    const [, secret, code] =
      /X-Verification-Secret: (\w+)' \S+\/portal\/v1\/dossiers\/(\S+)/.exec(output) ?? [];
    const res = await fetch(`${url}/portal/v1/dossiers/${code}`, {
      headers: {
        authorization: "Bearer vng_sandbox_bot_key",
        "x-verification-secret": secret as string,
      },
    });
    expect(res.status).toBe(200);
  });

  it("advance moves a dossier as an officer, and the running server sees it", async () => {
    const officer = { authorization: "Bearer vng_sandbox_admin_key" };
    const list: any = await (
      await fetch(`${url}/portal/v1/dossiers?status=moi_dang_ky&limit=1`, { headers: officer })
    ).json();
    const code = list.data[0].code;
    const result = await runCli([
      "advance",
      code,
      "da_tiep_nhan",
      "--note",
      "Tiếp nhận qua CLI",
      "--db",
      db,
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`${code}: da_tiep_nhan`);
    const after: any = await (
      await fetch(`${url}/portal/v1/dossiers/${code}`, { headers: officer })
    ).json();
    expect(after.status).toBe("da_tiep_nhan");
    const refused = await runCli(["advance", code, "da_tra_ket_qua", "--db", db]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("cannot move");
    expect((await runCli(["advance", code, "nonsense", "--db", db])).status).not.toBe(0);
  });

  it("publish-directive publishes to its audiences; link-code issues a code", async () => {
    const result = await runCli([
      "publish-directive",
      "--number",
      "40/CĐ-UBND",
      "--type",
      "cong_dien",
      "--subject",
      "Về ứng phó mưa lũ",
      "--area",
      "99",
      "--urgency",
      "hoa_toc",
      "--db",
      db,
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^published 40\/CĐ-UBND as doc_/);
    const directives: any = await (
      await fetch(`${url}/docs/v1/directives?areaCode=99001&limit=1`, {
        headers: { authorization: "Bearer vng_sandbox_bot_key" },
      })
    ).json();
    expect(directives.data[0]).toMatchObject({ numberNotation: "40/CĐ-UBND", urgency: "hoa_toc" });
    const bad = await runCli([
      "publish-directive",
      "--number",
      "41/CĐ-UBND",
      "--subject",
      "x",
      "--area",
      "00000",
      "--db",
      db,
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("body.audiences.0.code");
    expect((await runCli(["link-code", "stf_staffsnv01", "--db", db])).stdout).toMatch(
      /^[A-Z0-9]{8} \(valid until/,
    );
  });
});
