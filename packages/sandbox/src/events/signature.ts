import { createHmac } from "node:crypto";

/**
 * `Vnegov-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.body")>`.
 * Signing the timestamp with the body lets receivers reject replays of old deliveries.
 */
export function signPayload(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
  return `t=${timestampSeconds},v1=${mac}`;
}
