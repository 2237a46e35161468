import { copyFile, mkdir } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  clean: true,
  target: "node20",
  // The contract ships inside the package so the server can validate against it.
  async onSuccess() {
    await mkdir("dist", { recursive: true });
    await copyFile("../../docs/openapi/vnegov.yaml", "dist/vnegov.yaml");
  },
});
