/** Retry delays after a 5xx or a network error: `baseMs × 2^(attempt-1)`, at most `maxMs`, ±`jitter`. */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  jitter?: number;
}

/** 1 s, doubling, at most 5 minutes, ±20 % so retries of one outage do not arrive together. */
export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  baseMs: 1000,
  maxMs: 5 * 60_000,
  jitter: 0.2,
};

/** How long to wait before the attempt after `attempts` failed ones. */
export function backoffMs(attempts: number, options: BackoffOptions = {}): number {
  const { baseMs, maxMs, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (1 - jitter + 2 * jitter * Math.random()));
}
