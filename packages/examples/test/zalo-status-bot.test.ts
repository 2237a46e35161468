import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

it("the Zalo status bot example answers a citizen through the emulator", async () => {
  const { stdout } = await promisify(execFile)(
    `${packageDir}/node_modules/.bin/tsx`,
    ["--conditions=source", "src/zalo-status-bot.ts"],
    { cwd: packageDir, timeout: 60_000 },
  );
  expect(stdout).toContain("đang chạy");
  expect(stdout).toMatch(/Người dân nhận được: Hồ sơ \S+-\d{6}-\d{4}: dang_xu_ly/);
});
