import type { DvcqgService } from "@vnegov/domain";
import { CredentialCache } from "../../core/credential-cache.js";
import type { RequestOptions } from "../../core/http-client.js";
import { Transport } from "../../core/transport.js";
import { transportDefaults } from "../../core/transport-defaults.js";
import type { ResolvedDvcqgOptions } from "./options.js";
import { isSessionRejection, readEnvelope, readLogin } from "./read.js";

/** Which URL a service is on: dossier work on `integration`, dictionaries on `share`. */
export type Endpoint = "integration" | "share";

/** One service call. */
export interface ServiceCall {
  endpoint: Endpoint;
  service: DvcqgService;
  params?: Record<string, unknown>;
  /** A read, safe to repeat after a network error or a system error. */
  read?: boolean;
}

/**
 * The DVCQG connection: logs in with username/password on first use, keeps the session,
 * and puts it (with `madonvi` and `service`) into every body. When the portal says the
 * session lapsed, it logs in once more and resends: the transport's own re-authentication
 * cannot, because the stale session is inside the already-encoded body.
 */
export class DvcqgSession {
  readonly transport: Transport;
  /** Sessions do not say when they lapse: one is kept until the portal refuses it. */
  private readonly sessions = new CredentialCache((signal) =>
    this.login(signal).then((value) => ({ value, expiresAt: Number.POSITIVE_INFINITY })),
  );

  constructor(private readonly options: ResolvedDvcqgOptions) {
    this.transport = new Transport({
      ...transportDefaults(options, { comment: "dvcqg" }),
      read: readEnvelope,
    });
  }

  /** Where a service's calls go, as hooks and errors name it: `/dvcqg/share#LayThuTuc`. */
  route(endpoint: Endpoint, service: DvcqgService): string {
    return `${this.pathOf(endpoint)}#${service}`;
  }

  private pathOf(endpoint: Endpoint): string {
    return endpoint === "share" ? this.options.sharePath : this.options.integrationPath;
  }

  /** Calls a service and returns its `result`. */
  async call<T>(call: ServiceCall, options: RequestOptions = {}): Promise<T> {
    const path = this.pathOf(call.endpoint);
    for (let attempt = 0; ; attempt++) {
      const session = await this.sessions.get(options.signal);
      try {
        return await this.transport.request<T>({
          method: "POST",
          path,
          // Hooks and errors name the service, never the body (it holds the session).
          route: this.route(call.endpoint, call.service),
          body: { ...call.params, session, madonvi: this.options.madonvi, service: call.service },
          headers: options.headers,
          replayable: call.read === true,
          signal: options.signal,
          maxRetries: options.maxRetries,
        });
      } catch (error) {
        if (attempt > 0 || !isSessionRejection(error)) throw error;
        // Only drop the session this call used: a parallel call may have renewed it already.
        this.sessions.invalidate(session);
      }
    }
  }

  /** Logs in for a new session. */
  private login(signal?: AbortSignal): Promise<string> {
    return this.transport.request<string>({
      method: "POST",
      path: this.options.authPath,
      route: this.options.authPath,
      body: { username: this.options.username, password: this.options.password },
      // Logging in twice is harmless.
      replayable: true,
      signal,
      read: readLogin,
    });
  }

  /** Releases the rate limiter. */
  close(): Promise<void> {
    this.sessions.invalidate();
    return this.transport.limiter.disconnect();
  }
}
