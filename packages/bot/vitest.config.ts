import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    name: "bot",
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
