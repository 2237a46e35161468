export {
  BullmqOutbox,
  type BullmqOutboxOptions,
  type DeliveryJobData,
  type FinalStatus,
} from "./bullmq-outbox.js";
export { QueueDeliveryWorker, type QueueDeliveryWorkerOptions } from "./queue-worker.js";
