export { type BackoffOptions, backoffMs, DEFAULT_BACKOFF } from "./backoff.js";
export { classifySendError, type SendFailure } from "./classify.js";
export { DeliveryWorker, type DeliveryWorkerOptions } from "./delivery-worker.js";
export {
  type ChannelLimits,
  channelLimiter,
  DEFAULT_CHANNEL_LIMITS,
  limitsFor,
  TELEGRAM_LIMITS,
  WEB_LIMITS,
  ZALO_BOT_LIMITS,
  ZALO_OA_LIMITS,
} from "./limits.js";
export type {
  BroadcastStatus,
  EnqueueInput,
  EnqueueResult,
  EventCursor,
  Outbox,
  OutboxDelivery,
  OutboxEventInput,
  OutboxRecipient,
} from "./outbox.js";
export {
  OutboxNotifier,
  type OutboxNotifierOptions,
  type OutboxNotifyResult,
} from "./outbox-notifier.js";
export { isUrgent, labelOf, PRIORITY, priorityOf } from "./priority.js";
export { type MetricFamily, type MetricSample, renderPrometheus } from "./prometheus.js";
export {
  type ClaimedDelivery,
  type ClaimRequest,
  DELIVERY_STATUSES,
  type DeliveryRecord,
  type DeliveryStatus,
  type RescheduleOptions,
  SqliteOutbox,
  type SqliteOutboxOptions,
} from "./sqlite-outbox.js";
export { type WorkerCounters, workerMetricFamilies } from "./worker-metrics.js";
