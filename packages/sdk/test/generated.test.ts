import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("generated contract types", () => {
  it("match docs/openapi/vnegov.yaml (run `pnpm --filter @vnegov/sdk generate` when this fails)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vnegov-gen-"));
    try {
      const output = join(dir, "openapi.generated.ts");
      await promisify(execFile)(
        join(packageDir, "node_modules/.bin/openapi-typescript"),
        ["../../docs/openapi/vnegov.yaml", "--output", output],
        { cwd: packageDir },
      );
      const committed = readFileSync(
        join(packageDir, "src/generated/openapi.generated.ts"),
        "utf8",
      );
      expect(committed === readFileSync(output, "utf8")).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
