import { copyFile, mkdir } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm", "cjs"],
  // Project references need `composite`; the bundled declaration build must not have it.
  dts: { entry: "src/index.ts", compilerOptions: { composite: false, incremental: false } },
  clean: true,
  shims: true,
  target: "node20",
  // Bundle workspace packages from their sources (their `source` export condition).
  esbuildOptions(options) {
    options.conditions = ["source"];
  },
  // The shared domain rules are bundled in, so the package stands alone.
  noExternal: ["@vnegov/domain"],
  // The contract ships inside the package so the server can validate against it.
  async onSuccess() {
    await mkdir("dist", { recursive: true });
    await copyFile("../../docs/openapi/vnegov.yaml", "dist/vnegov.yaml");
  },
});
