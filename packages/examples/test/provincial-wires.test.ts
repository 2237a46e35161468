import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

it("the provincial wires example runs DVCQG, iGate and LGSP against a sandbox", async () => {
  const { stdout } = await promisify(execFile)(
    `${packageDir}/node_modules/.bin/tsx`,
    ["--conditions=source", "src/provincial-wires.ts"],
    { cwd: packageDir, timeout: 60_000 },
  );
  expect(stdout).toMatch(/DongBoHoSoMC: \S+-\d{6}-\d{4} đã tạo/);
  expect(stdout).toContain("CapNhatTienDoHoSoMC: 1 bước, 1 lần gọi");
  expect(stdout).toMatch(/DVCQG: \S+ — .+ — dang_xu_ly, hẹn trả \d{2}\/\d{2}\/\d{4}/);
  expect(stdout).toMatch(/iGate: \S+ — .+ — dang_xu_ly, hẹn trả \d{2}\/\d{2}\/\d{4}/);
  expect(stdout).toContain("DVCQG: CCCD sai: không tìm thấy hồ sơ");
  expect(stdout).toContain("iGate: CCCD sai: không tìm thấy hồ sơ");
  expect(stdout).toContain("LGSP: UBND tỉnh nhận 215/STP-HCTP");
  expect(stdout).toContain('LGSP: Sở Tư pháp thấy trạng thái "Đã tiếp nhận"');
});
