import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import type { IgateEmulator } from "./emulator.js";
import { KeycloakError, SpringError } from "./errors.js";

/** Where the sandbox serves iGate: `/igate` stands for both the SSO host and the API gateway. */
export const IGATE_PREFIX = "/igate";

/** The service's own path of a request (what Spring puts in `path`). */
const servicePath = (c: Context) => c.req.path.slice(IGATE_PREFIX.length) || "/";

function springFailure(c: Context, error: SpringError): Response {
  return c.json(error.body(servicePath(c)), error.status as ContentfulStatusCode, error.headers);
}

/**
 * Keycloak (`/igate/auth/realms/{realm}/protocol/openid-connect/token`) and the API gateway
 * (`/igate/pa/...`). Failures keep each product's shape: OAuth2 errors from Keycloak, Spring
 * Boot's `{ timestamp, status, error, message, path }` from the gateway.
 */
export function igateApiRoutes(emulator: IgateEmulator, log: Logger): Hono {
  const app = new Hono();

  app.post(`${IGATE_PREFIX}/auth/realms/:realm/protocol/openid-connect/token`, async (c) => {
    try {
      if (c.req.param("realm") !== emulator.options.realm)
        throw new KeycloakError(404, "Realm does not exist");
      const type = c.req.header("content-type") ?? "";
      // Keycloak reads only form bodies; anything else has no grant_type.
      const form = new URLSearchParams(
        type.startsWith("application/x-www-form-urlencoded") ? await c.req.text() : "",
      );
      const issuer = `${new URL(c.req.url).origin}${IGATE_PREFIX}`;
      return c.json(emulator.grant(form, c.req.header("authorization"), issuer), 200, {
        "cache-control": "no-store",
        pragma: "no-cache",
      });
    } catch (error) {
      if (error instanceof KeycloakError)
        return c.json(error.body(), error.status as ContentfulStatusCode);
      throw error;
    }
  });

  /** Gateway routes: the bearer token first (Spring Security runs before routing), then the handler. */
  const gateway = (handler: (c: Context) => unknown) => async (c: Context) => {
    try {
      emulator.tokens.check(c.req.header("authorization"));
      return c.json(handler(c));
    } catch (error) {
      if (error instanceof SpringError) return springFailure(c, error);
      log.error({ err: error, path: c.req.path }, "igate emulator failed");
      return springFailure(c, new SpringError(500, "Internal Server Error"));
    }
  };

  app.get(
    `${IGATE_PREFIX}/pa/dossier/search`,
    gateway((c) => emulator.search(new URL(c.req.url).searchParams)),
  );
  app.get(
    `${IGATE_PREFIX}/pa/dossier/:id/--online`,
    gateway((c) => emulator.dossierById(c.req.param("id") ?? "")),
  );
  app.all(
    `${IGATE_PREFIX}/pa/*`,
    gateway(() => {
      throw new SpringError(404, "No message available");
    }),
  );
  return app;
}
