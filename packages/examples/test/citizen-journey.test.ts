import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

it("the citizen journey example runs end to end against a sandbox", async () => {
  const { stdout } = await promisify(execFile)(
    `${packageDir}/node_modules/.bin/tsx`,
    ["--conditions=source", "src/citizen-journey.ts"],
    {
      cwd: packageDir,
      timeout: 60_000,
    },
  );
  expect(stdout).toMatch(/Đã nộp hồ sơ \S+-\d{6}-\d{4}; mã tra cứu [A-Z0-9]{6}/);
  expect(stdout).toContain("Mã tra cứu sai: không tìm thấy hồ sơ");
  expect(stdout).toContain("Webhook đã xác thực: moi_dang_ky → da_tiep_nhan → dang_xu_ly");
});
