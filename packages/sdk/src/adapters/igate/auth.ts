import axios from "axios";
import { createAuth } from "../../core/auth.js";
import type { TransportAuth } from "../../core/transport.js";
import { ApiError } from "../../errors.js";
import { wireError } from "../wire-error.js";

/**
 * Keycloak client credentials for iGate, on the SDK's shared token cache: one token request in
 * flight however many calls wait, the token reused until shortly before `expires_in` runs out,
 * and dropped when the gateway refuses it (the transport then fetches one more and retries once).
 * Keycloak's refusals become `igate:`-coded errors (`igate:invalid_client`).
 */
export function keycloakAuth(init: {
  tokenURL: string;
  clientId: string;
  clientSecret: string;
  timeout?: number;
}): TransportAuth {
  const provider = createAuth(
    { clientId: init.clientId, clientSecret: init.clientSecret, tokenURL: init.tokenURL },
    init.tokenURL,
    axios.create({ timeout: init.timeout ?? 30_000, maxRedirects: 0 }),
  );
  const request = { method: "POST", path: new URL(init.tokenURL).pathname };
  return {
    async headers(signal) {
      try {
        return { authorization: await provider.authorization(signal) };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        throw wireError("igate", {
          kind: error.status >= 500 ? "server" : "auth",
          wireCode: error.code,
          message: error.message,
          request,
          status: error.status,
        });
      }
    },
    invalidate: () => provider.invalidate(),
  };
}
