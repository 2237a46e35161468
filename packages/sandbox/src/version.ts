import pkg from "../package.json" with { type: "json" };

/** The sandbox's version, reported by `/healthz`. */
export const VERSION: string = pkg.version;
