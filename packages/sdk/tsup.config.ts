import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
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
  // The domain rules ship inside the SDK, so one install gives the whole API.
  noExternal: ["@vnegov/domain"],
});
