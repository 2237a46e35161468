import { PermissionError } from "@vnegov/sdk";

/**
 * Zalo refused to deliver to this user or with this OA's rights: the user has not followed
 * (-213), has been inactive over 45 days (-227), restricted this kind of message (-244), or the
 * OA lacks the API permission or package (-223, -224). Retrying does not help. `code` is
 * `zalo_<error>`, e.g. `zalo_-213`; `zaloError` the number.
 */
export class ZaloPermissionError extends PermissionError {
  /** Zalo's error number, e.g. -213. */
  get zaloError(): number {
    return zaloErrorCode(this) ?? 0;
  }
}

/**
 * The user is outside the consultation window (-230: no interaction within 7 days; -232: the
 * reply falls outside the window too). Reach the citizen with ZNS (`sendZns`) instead, or wait
 * until they write again.
 *
 * @example
 * ```ts
 * try {
 *   await oa.sendText({ userId }, text);
 * } catch (error) {
 *   if (!(error instanceof ZaloOutsideWindowError)) throw error;
 *   await oa.sendZns({ phone, templateId, templateData, trackingId });
 * }
 * ```
 */
export class ZaloOutsideWindowError extends ZaloPermissionError {}

/**
 * Zalo's error number behind an error thrown by `@vnegov/zalo` (its `code` is `zalo_<n>`), or
 * `undefined` for other errors (network failures, HTTP errors without a Zalo body).
 */
export function zaloErrorCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string") return undefined;
  const match = /^zalo_(-?\d+)$/.exec(code);
  return match ? Number(match[1]) : undefined;
}
