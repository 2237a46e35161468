import { formatVnDate } from "@vnegov/domain";
import type { BroadcastStatus } from "../notify/outbox/outbox.js";

const BAR = 24;

/** `[██████░░░░]`: how much of a broadcast is settled (sent, failed or blocked). */
function bar(status: BroadcastStatus): string {
  const settled = status.sent + status.failed + status.blocked;
  const filled = status.total === 0 ? BAR : Math.round((settled / status.total) * BAR);
  return `[${"█".repeat(filled)}${"░".repeat(BAR - filled)}]`;
}

function eta(ms: number | undefined): string {
  if (ms === undefined) return "—";
  if (ms === 0) return "xong";
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} ph ${seconds % 60} s`;
}

/**
 * The operator's table of broadcasts, newest first: progress bar, counts, rate and ETA, in
 * Asia/Ho_Chi_Minh time. What `vnegov-bot broadcast status` prints.
 */
export function formatBroadcasts(broadcasts: readonly BroadcastStatus[]): string {
  if (broadcasts.length === 0) return "Chưa có đợt gửi nào.";
  return broadcasts
    .map((b) =>
      [
        `${formatVnDate(new Date(b.createdAt), { withTime: true })}  ${b.label || b.type}`,
        `  ${bar(b)} ${b.sent}/${b.total} đã gửi · ${b.queued + b.sending} chờ · ${b.failed} lỗi · ${b.blocked} bị chặn`,
        `  ${b.ratePerSecond.toFixed(1)} tin/giây · còn ${eta(b.etaMs)}`,
      ].join("\n"),
    )
    .join("\n\n");
}

/** One line of a broadcast's progress, redrawn while `vnegov-bot broadcast start` waits. */
export function formatProgress(b: BroadcastStatus): string {
  return `${bar(b)} ${b.sent}/${b.total} đã gửi · ${b.failed} lỗi · ${b.blocked} bị chặn · ${b.ratePerSecond.toFixed(1)} tin/giây · còn ${eta(b.etaMs)}`;
}
