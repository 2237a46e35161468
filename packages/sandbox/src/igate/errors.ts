/**
 * The two error shapes of iGate: Keycloak's OAuth2 `{ error, error_description }` on the token
 * endpoint, and Spring Boot's `{ timestamp, status, error, message, path }` on the API gateway.
 */

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  500: "Internal Server Error",
};

/** An error the API gateway answers in Spring Boot's default error body. */
export class SpringError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 500,
    message: string,
    /** Extra response headers, e.g. `WWW-Authenticate`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The body; `path` is the service's own path (without the sandbox's `/igate` prefix). */
  body(path: string) {
    return {
      timestamp: new Date().toISOString(),
      status: this.status,
      error: REASONS[this.status],
      message: this.message,
      path,
    };
  }
}

/** An error of the Keycloak token endpoint. */
export class KeycloakError extends Error {
  constructor(
    readonly status: 400 | 401 | 404,
    readonly error: string,
    readonly description?: string,
  ) {
    super(description ?? error);
  }

  body() {
    return this.description === undefined
      ? { error: this.error }
      : { error: this.error, error_description: this.description };
  }
}

/** Spring Security's answer to a missing, unknown or expired bearer token. */
export function invalidToken(description: string): SpringError {
  return new SpringError(401, description, {
    "www-authenticate": `Bearer error="invalid_token", error_description="${description}"`,
  });
}
