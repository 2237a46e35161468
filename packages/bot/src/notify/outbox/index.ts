export { classifySendError, type SendFailure } from "./classify.js";
export {
  DeliveryWorker,
  type DeliveryWorkerOptions,
  type WorkerCounters,
} from "./delivery-worker.js";
export {
  type ChannelLimits,
  DEFAULT_CHANNEL_LIMITS,
  limitsFor,
  TELEGRAM_LIMITS,
  WEB_LIMITS,
  ZALO_BOT_LIMITS,
  ZALO_OA_LIMITS,
} from "./limits.js";
export {
  OutboxNotifier,
  type OutboxNotifierOptions,
  type OutboxNotifyResult,
} from "./outbox-notifier.js";
export { isUrgent, labelOf, PRIORITY, priorityOf } from "./priority.js";
export { type MetricFamily, type MetricSample, renderPrometheus } from "./prometheus.js";
export {
  type BroadcastStatus,
  type ClaimedDelivery,
  type ClaimRequest,
  DELIVERY_STATUSES,
  type DeliveryRecord,
  type DeliveryStatus,
  type EnqueueInput,
  type EnqueueResult,
  type OutboxEventInput,
  type OutboxRecipient,
  type RescheduleOptions,
  SqliteOutbox,
  type SqliteOutboxOptions,
} from "./sqlite-outbox.js";
