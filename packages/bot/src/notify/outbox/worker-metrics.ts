import type { ChannelName } from "../../engine/messages.js";
import type { MetricFamily } from "./prometheus.js";

/** What became of sends, per channel, since the worker was created. */
export interface WorkerCounters {
  sent: number;
  /** 429s that reached the worker (the Telegram channel waits out most itself). */
  rateLimited: number;
  retried: number;
  failed: number;
  blocked: number;
  /** Claims whose lease ran out before the send started (the process stalled). */
  leaseLost: number;
  /** Subscriptions removed because their chat blocked the bot. */
  deactivated: number;
  /** Deliveries held now: waiting in the limiter or on the wire. */
  inFlight: number;
  /** Seconds spent in `send`, summed, and how many sends. */
  sendSeconds: number;
  sends: number;
}

/** The outcomes counted per send attempt. */
export type SendOutcome = "sent" | "rateLimited" | "retried" | "failed" | "blocked" | "leaseLost";

export const emptyCounters = (): WorkerCounters => ({
  sent: 0,
  rateLimited: 0,
  retried: 0,
  failed: 0,
  blocked: 0,
  leaseLost: 0,
  deactivated: 0,
  inFlight: 0,
  sendSeconds: 0,
  sends: 0,
});

/** Adds one send that began at `started` (`performance.now()`) to `counters`. */
export function countSendTime(counters: WorkerCounters, started: number): void {
  counters.sendSeconds += (performance.now() - started) / 1000;
  counters.sends += 1;
}

/** One channel of a worker, as its metrics see it. */
export interface LaneMetrics {
  channel: ChannelName;
  counters: WorkerCounters;
  /** The rate the channel is paced at (ceiling × headroom). */
  pacedPerSecond: number;
}

/** The counters of `lanes`, summed. */
export function sumCounters(lanes: readonly LaneMetrics[]): WorkerCounters {
  const total = emptyCounters();
  for (const lane of lanes)
    for (const key of Object.keys(total) as (keyof WorkerCounters)[])
      total[key] += lane.counters[key];
  return total;
}

const OUTCOME_LABELS: Record<SendOutcome, string> = {
  sent: "sent",
  rateLimited: "rate_limited",
  retried: "retried",
  failed: "failed",
  blocked: "blocked",
  leaseLost: "lease_lost",
};

/** A delivery worker's counters as Prometheus metric families (the same for every store). */
export function workerMetricFamilies(lanes: readonly LaneMetrics[]): MetricFamily[] {
  const outcomes = Object.keys(OUTCOME_LABELS) as SendOutcome[];
  const perLane = (value: (l: LaneMetrics) => number) =>
    lanes.map((l) => ({ labels: { channel: l.channel }, value: value(l) }));
  return [
    {
      name: "vnegov_outbox_send_outcomes_total",
      help: "Send attempts by channel and outcome (rate_limited: a 429 reached the worker).",
      type: "counter",
      samples: lanes.flatMap((l) =>
        outcomes.map((o) => ({
          labels: { channel: l.channel, outcome: OUTCOME_LABELS[o] },
          value: l.counters[o],
        })),
      ),
    },
    {
      name: "vnegov_outbox_subscriptions_deactivated_total",
      help: "Subscriptions removed because the chat blocked the bot.",
      type: "counter",
      samples: perLane((l) => l.counters.deactivated),
    },
    {
      name: "vnegov_outbox_in_flight",
      help: "Deliveries this worker holds (queued in its limiter or on the wire).",
      type: "gauge",
      samples: perLane((l) => l.counters.inFlight),
    },
    {
      name: "vnegov_outbox_send_duration_seconds",
      help: "Time spent in the channel's send, per channel.",
      type: "summary",
      samples: lanes.flatMap((l) => [
        { labels: { channel: l.channel }, suffix: "_sum", value: l.counters.sendSeconds },
        { labels: { channel: l.channel }, suffix: "_count", value: l.counters.sends },
      ]),
    },
    {
      name: "vnegov_outbox_limiter_rate_per_second",
      help: "The overall rate each channel is paced at (ceiling × headroom).",
      type: "gauge",
      samples: perLane((l) => l.pacedPerSecond),
    },
  ];
}
