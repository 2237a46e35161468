import { defineProject, type UserWorkspaceConfig } from "vitest/config";

/**
 * A package's test project: tests under `test/`, workspace packages resolved to their sources
 * (the `source` export condition), so no build is needed before testing.
 */
export function packageProject(name: string, test: UserWorkspaceConfig["test"] = {}) {
  return defineProject({
    resolve: { conditions: ["source"] },
    ssr: { resolve: { conditions: ["source"] } },
    test: { name, include: ["test/**/*.test.ts"], testTimeout: 20_000, ...test },
  });
}
