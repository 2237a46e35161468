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
      `import("./dist/index.js").then((m) => console.log(typeof m.ZaloBot, typeof m.ZaloOa, typeof m.constructOaEvent, m.createPkcePair().codeChallenge.length))`,
    ],
    [
      "require",
      `const m = require("./dist/index.cjs"); console.log(typeof m.ZaloBot, typeof m.ZaloOa, typeof m.constructOaEvent, m.createPkcePair().codeChallenge.length)`,
    ],
  ])("loads with %s", async (_, script) => {
    // @vnegov/sdk is loaded from its sources (it may not be built); this package from dist.
    const { stdout } = await run(
      `${packageDir}/node_modules/.bin/tsx`,
      ["--conditions=source", "-e", script],
      { cwd: packageDir },
    );
    expect(stdout.trim()).toBe("function function function 43");
  });
});
