/**
 * What hooks see of a request. Deliberately no headers, bodies or query values: those carry
 * API keys, verification secrets and citizens' personal data.
 */
export interface RequestEvent {
  method: string;
  /** The route template, e.g. `/portal/v1/dossiers/{dossierCode}`: no identifiers in it. */
  route: string;
  requestId: string;
  attempt: number;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
}

export interface RetryEvent extends RequestEvent {
  delayMs: number;
  reason: string;
}

/** Callbacks for logging and metrics. Errors thrown by a hook are ignored. */
export interface Hooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
}
