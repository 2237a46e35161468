import type { HttpClient, RequestOptions } from "../core/http-client.js";
import type { ListOptions, PagedList } from "../core/paginate.js";
import type { EventType, Webhook, WebhookInput, WebhookWithSecret } from "../types.js";
import {
  type ConstructEventOptions,
  constructEvent,
  type VnegovEvent,
} from "../webhooks/construct-event.js";
import { check, invalidString, pagedList } from "./shared.js";

/** Webhook subscriptions, and verification of their deliveries. */
export class WebhooksResource {
  constructor(private readonly http: HttpClient) {}

  /** Subscribes `url` to events. The returned `secret` is shown only here: store it. */
  async create(input: WebhookInput, options: RequestOptions = {}): Promise<WebhookWithSecret> {
    check([
      invalidString("url", input?.url, (u) => /^https?:\/\//.test(u), "must be an http(s) URL"),
      (!Array.isArray(input?.events) || input.events.length === 0) && {
        field: "events",
        code: "required",
        message: "needs at least one event type",
      },
    ]);
    return this.http.call({ method: "POST", route: "/v1/webhooks", body: input }, options);
  }

  list(options: ListOptions & RequestOptions = {}): PagedList<Webhook> {
    return pagedList(this.http, { route: "/v1/webhooks" }, options);
  }

  async get(id: string, options: RequestOptions = {}): Promise<Webhook> {
    check([invalidString("webhookId", id)]);
    return this.http.call({ method: "GET", route: "/v1/webhooks/{id}", params: { id } }, options);
  }

  async delete(id: string, options: RequestOptions = {}): Promise<void> {
    check([invalidString("webhookId", id)]);
    await this.http.call({ method: "DELETE", route: "/v1/webhooks/{id}", params: { id } }, options);
  }

  /** Verifies a delivery: see {@link constructEvent}. */
  constructEvent(
    rawBody: string | Uint8Array,
    headers: Parameters<typeof constructEvent>[1],
    secret: string,
    options?: ConstructEventOptions,
  ): VnegovEvent {
    return constructEvent(rawBody, headers, secret, options);
  }
}

/** The event feed: the polling fallback for webhooks. */
export class EventsResource {
  constructor(private readonly http: HttpClient) {}

  /** Events in order; pass the last processed event's id as `after` to resume without gaps. */
  list(
    filter: { after?: string; types?: EventType[] } & ListOptions & RequestOptions = {},
  ): PagedList<VnegovEvent> {
    const { after, types, ...options } = filter;
    return pagedList(
      this.http,
      { route: "/v1/events", query: { after, types: types?.join(",") } },
      options,
    );
  }

  async get(id: string, options: RequestOptions = {}): Promise<VnegovEvent> {
    check([invalidString("eventId", id)]);
    return this.http.call({ method: "GET", route: "/v1/events/{id}", params: { id } }, options);
  }
}
