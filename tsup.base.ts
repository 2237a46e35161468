import type { Options } from "tsup";

/**
 * The build every package shares: ESM + CJS + bundled `.d.ts` for Node 20. Packages pass
 * what differs (extra entries, a post-build step).
 */
export function packageBuild(options: Options = {}): Options {
  return {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    // Project references need `composite`; the bundled declaration build must not have it.
    dts: { entry: "src/index.ts", compilerOptions: { composite: false, incremental: false } },
    clean: true,
    shims: true,
    target: "node20",
    // Workspace packages are bundled from their sources (their `source` export condition);
    // the shared domain rules ship inside each package, so it stands alone.
    esbuildOptions(esbuild) {
      esbuild.conditions = ["source"];
    },
    noExternal: ["@vnegov/domain"],
    // Entries share one copy of each module (CJS too), so `instanceof` holds across subpaths.
    splitting: true,
    ...options,
  };
}
