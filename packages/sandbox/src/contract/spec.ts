import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** Where the contract lives: beside the bundle when built, in `docs/` when run from source. */
const CANDIDATES = ["./vnegov.yaml", "../../../../docs/openapi/vnegov.yaml"];

/** Path of `vnegov.yaml`, the OpenAPI document the server implements. */
export function specPath(): string {
  for (const candidate of CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error("vnegov.yaml not found beside the sandbox; reinstall @vnegov/sandbox");
}

/** The OpenAPI document as an object. */
export function loadSpec(): Record<string, unknown> {
  return parse(readFileSync(specPath(), "utf8")) as Record<string, unknown>;
}
