/**
 * `@vnegov/sdk`: typed clients for the Vietnamese public-service portal (Cổng dịch vụ công)
 * and the document & executive system (Hệ thống quản lý văn bản và điều hành).
 */

export * from "@vnegov/domain";
export type {
  DossierLookupOptions,
  LookupSecret,
  PortalApi,
  PortalDossier,
  PortalDossiers,
  PortalProcedures,
} from "./adapters/portal-api.js";
export type { WireErrorKind, WireSystem } from "./adapters/wire-error.js";
export { Vnegov } from "./client.js";
export type { ApiKeyAuth, AuthOptions, ClientCredentialsAuth } from "./core/auth.js";
export type { Hooks, RequestEvent, ResponseEvent, RetryEvent } from "./core/hooks.js";
export type { ClientOptions, RequestOptions } from "./core/http-client.js";
export {
  BottleneckLimiter,
  ConcurrencyLimiter,
  createLimiter,
  type LimiterOptions,
  type RateLimiter,
} from "./core/limiter.js";
export { type ListOptions, type Page, PagedList } from "./core/paginate.js";
export { RETRY_DEFAULTS, type RetryOptions, retryAfterMs } from "./core/retry.js";
export {
  jsonBody,
  type Outcome,
  type RawResponse,
  Transport,
  type TransportAuth,
  type TransportOptions,
  type TransportRequest,
} from "./core/transport.js";
export * from "./edxml/index.js";
export * from "./errors.js";
export type { OnBehalfOf } from "./resources/docs.js";
export type { DossierWithRecentHistory, SecretOption } from "./resources/portal.js";
export type * from "./types.js";
// The contract's unions, the same as the domain's; named here so the two stars do not clash.
export type { DossierStatus, Timeliness } from "./types.js";
export {
  type ConstructEventOptions,
  constructEvent,
  type VnegovEvent,
} from "./webhooks/construct-event.js";
