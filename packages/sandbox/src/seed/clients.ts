import { createClient, type Scope } from "../services/clients.js";
import type { World } from "../world.js";

/**
 * Fixed credentials of a sandbox, so docs and examples can name them. They only ever open a
 * local sandbox; real deployments issue their own.
 */
export const SANDBOX_CREDENTIALS = {
  /** What a chat bot gets: citizens' portal use, staff tasks, webhooks. */
  bot: {
    clientId: "cli_sandboxbot",
    apiKey: "vng_sandbox_bot_key",
    clientSecret: "sandbox-bot-secret",
    scopes: ["portal:read", "portal:write", "docs:read", "docs:tasks", "webhooks"] as Scope[],
  },
  /** An officer and administrator: every scope. */
  admin: {
    clientId: "cli_sandboxadmin",
    apiKey: "vng_sandbox_admin_key",
    clientSecret: "sandbox-admin-secret",
    scopes: [
      "portal:read",
      "portal:write",
      "portal:officer",
      "docs:read",
      "docs:write",
      "docs:tasks",
      "docs:confidential",
      "docs:admin",
      "webhooks",
    ] as Scope[],
  },
  /** Read-only public data. */
  readonly: {
    clientId: "cli_sandboxread",
    apiKey: "vng_sandbox_readonly_key",
    clientSecret: "sandbox-readonly-secret",
    scopes: ["portal:read", "docs:read"] as Scope[],
  },
} as const;

/** Creates the sandbox clients that are missing. */
export function ensureSandboxClients(world: World): void {
  for (const [name, c] of Object.entries(SANDBOX_CREDENTIALS)) {
    if (world.db.prepare("SELECT 1 FROM clients WHERE id = ?").get(c.clientId)) continue;
    createClient(world, {
      id: c.clientId,
      name: `sandbox ${name}`,
      scopes: c.scopes,
      apiKey: c.apiKey,
      clientSecret: c.clientSecret,
    });
  }
}
