import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    projects: ["packages/*/vitest.config.ts"],
    reporters: ["default", "./vitest.summary-reporter.ts"],
  },
});
