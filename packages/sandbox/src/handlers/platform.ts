import { issueToken } from "../services/clients.js";
import * as webhooks from "../services/webhooks.js";
import { type Handler, limitOf, ok, who } from "./types.js";

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1) or the form body. */
function credentialsOf(headers: Record<string, string>, body: Record<string, string>) {
  const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? "");
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon)),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
        scope: body.scope,
      };
    }
  }
  return { clientId: body.client_id, clientSecret: body.client_secret, scope: body.scope };
}

export const platformHandlers: Record<string, Handler> = {
  getHealth: (_input, { version }) => ok({ status: "ok", version }),

  createToken: ({ headers, body }, { world, tokenTtlSeconds }) => ({
    status: 200,
    body: issueToken(world, credentialsOf(headers, body), tokenTtlSeconds),
    headers: { "Cache-Control": "no-store" },
  }),

  listWebhooks: (input, { world }) =>
    ok(webhooks.listWebhooks(world, who(input), input.query.cursor, limitOf(input.query))),

  createWebhook: (input, { world }) =>
    ok(webhooks.createWebhook(world, who(input), input.body), 201),

  getWebhook: (input, { world }) =>
    ok(webhooks.getWebhook(world, who(input), input.params.webhookId as string)),

  deleteWebhook: (input, { world }) => {
    webhooks.deleteWebhook(world, who(input), input.params.webhookId as string);
    return { status: 204 };
  },

  listEvents: (input, { world }) => {
    const { query } = input;
    const types = query.types
      ? query.types
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean)
      : undefined;
    return ok(
      webhooks.listEvents(
        world,
        who(input),
        { after: query.after, types },
        query.cursor,
        limitOf(query),
      ),
    );
  },

  getEvent: (input, { world }) =>
    ok(webhooks.getEvent(world, who(input), input.params.eventId as string)),
};
