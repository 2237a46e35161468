import { createHmac, timingSafeEqual } from "node:crypto";
import { SignatureVerificationError } from "../errors.js";
import type { Schemas } from "../types.js";

/** A verified event: a union discriminated by `type`. */
export type VnegovEvent = Schemas["Event"];

export interface ConstructEventOptions {
  /** Largest accepted age of the signature timestamp, in seconds. Default 300. */
  tolerance?: number;
  /** The current time in ms (for tests). */
  now?: number;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function headerOf(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Verifies a webhook delivery and returns its event. Pass the **raw** request body (before any
 * JSON parsing), the request headers and the subscription's `whsec_…` secret.
 *
 * @throws {SignatureVerificationError} when the signature header is missing or malformed, no
 *   `v1` signature matches (compared in constant time), or the timestamp is outside `tolerance`.
 *
 * @example
 * ```ts
 * app.post("/hooks/vnegov", express.raw({ type: "application/json" }), (req, res) => {
 *   const event = constructEvent(req.body, req.headers, process.env.VNEGOV_WEBHOOK_SECRET!);
 *   if (event.type === "dossier.status_changed") notify(event.data.dossierCode, event.data.status);
 *   res.sendStatus(204);
 * });
 * ```
 */
export function constructEvent(
  rawBody: string | Uint8Array,
  headers: HeaderBag,
  secret: string,
  options: ConstructEventOptions = {},
): VnegovEvent {
  if (typeof secret !== "string" || secret === "")
    throw new SignatureVerificationError("No webhook secret given.");
  const header = headerOf(headers, "vnegov-signature");
  if (!header) throw new SignatureVerificationError("The Vnegov-Signature header is missing.");
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.split("=", 2).map((s) => s.trim());
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new SignatureVerificationError("The Vnegov-Signature header is malformed.");
  }
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
  const matches = signatures.some((candidate) => {
    const given = Buffer.from(candidate, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches)
    throw new SignatureVerificationError(
      "No signature matches: wrong secret, or the body was changed.",
    );
  const tolerance = options.tolerance ?? 300;
  const age = Math.abs((options.now ?? Date.now()) / 1000 - timestamp);
  if (age > tolerance) {
    throw new SignatureVerificationError(
      `The signature timestamp is ${Math.round(age)} s old (tolerance ${tolerance} s).`,
    );
  }
  let event: unknown;
  try {
    event = JSON.parse(body.toString("utf8"));
  } catch {
    throw new SignatureVerificationError("The signed body is not JSON.");
  }
  if (
    !event ||
    typeof event !== "object" ||
    typeof (event as { id?: unknown }).id !== "string" ||
    typeof (event as { type?: unknown }).type !== "string"
  ) {
    throw new SignatureVerificationError("The signed body is not an event.");
  }
  return event as VnegovEvent;
}
