import { copyFile, mkdir } from "node:fs/promises";
import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base.js";

export default defineConfig(
  packageBuild({
    entry: ["src/index.ts", "src/cli.ts"],
    // The contract ships inside the package so the server can validate against it.
    async onSuccess() {
      await mkdir("dist", { recursive: true });
      await copyFile("../../docs/openapi/vnegov.yaml", "dist/vnegov.yaml");
    },
  }),
);
