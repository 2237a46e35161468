import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("the built package", () => {
  beforeAll(async () => {
    await run(`${packageDir}/node_modules/.bin/tsup`, ["--silent"], { cwd: packageDir });
  }, 120_000);

  it("ships ESM, CJS and type declarations", () => {
    for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) {
      expect(existsSync(`${packageDir}/dist/${file}`)).toBe(true);
    }
  });

  it.each([
    [
      "import",
      `import("@vnegov/sdk").then((m) => console.log(typeof m.Vnegov, typeof m.constructEvent, m.parseDossierCode("000.00.12.H12-240525-0001")?.sequence))`,
    ],
    [
      "require",
      `const m = require("@vnegov/sdk"); console.log(typeof m.Vnegov, typeof m.constructEvent, m.parseDossierCode("000.00.12.H12-240525-0001")?.sequence)`,
    ],
  ])("loads with %s", async (_, script) => {
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: packageDir });
    expect(stdout.trim()).toBe("function function 1");
  });
});
