import { EdxmlError, type EdxmlErrorCode } from "./errors.js";

/**
 * Runs `work`, letting `EdxmlError` through and wrapping anything else (a library bug, a
 * stack overflow, a getter throwing in a caller's object) in one with code `fallback`, so
 * that the public functions keep their promise of throwing `EdxmlError` only.
 */
export function guarded<T>(fallback: EdxmlErrorCode, message: string, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof EdxmlError) throw err;
    throw new EdxmlError(fallback, message, { cause: err });
  }
}
