import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // Project references need `composite`; the bundled declaration build must not have it.
  dts: { entry: "src/index.ts", compilerOptions: { composite: false, incremental: false } },
  clean: true,
  target: "node20",
});
