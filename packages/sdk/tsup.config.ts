import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base.js";

// The core client plus one entry per real-system adapter (`@vnegov/sdk/dvcqg`, …), so an
// application loads only the wires it speaks.
const entry = {
  index: "src/index.ts",
  dvcqg: "src/adapters/dvcqg/index.ts",
  igate: "src/adapters/igate/index.ts",
  lgsp: "src/adapters/lgsp/index.ts",
};

export default defineConfig(
  packageBuild({
    entry,
    dts: { entry, compilerOptions: { composite: false, incremental: false } },
  }),
);
