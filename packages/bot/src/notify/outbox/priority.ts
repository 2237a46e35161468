import type { VnegovEvent } from "@vnegov/sdk";

/**
 * Delivery priorities, higher first. Urgent directives (hỏa tốc, thượng khẩn: a Công điện at
 * night) overtake everything queued; a khẩn directive and task deadlines come before routine
 * news and dossier changes.
 */
export const PRIORITY = {
  hoaToc: 30,
  thuongKhan: 20,
  khan: 10,
  task: 5,
  routine: 0,
} as const;

/** Whether a priority counts as urgent (hỏa tốc or thượng khẩn). */
export const isUrgent = (priority: number) => priority >= PRIORITY.thuongKhan;

/** The delivery priority of an event: by a directive's `urgency`, tasks next, the rest last. */
export function priorityOf(event: VnegovEvent): number {
  switch (event.type) {
    case "directive.published":
    case "document.published":
      switch (event.data.urgency) {
        case "hoa_toc":
          return PRIORITY.hoaToc;
        case "thuong_khan":
          return PRIORITY.thuongKhan;
        case "khan":
          return PRIORITY.khan;
        default:
          return PRIORITY.routine;
      }
    case "task.assigned":
    case "task.due_soon":
    case "task.updated":
      return PRIORITY.task;
    default:
      return PRIORITY.routine;
  }
}

/** A short name of the event for the operator's status view. */
export function labelOf(event: VnegovEvent): string {
  switch (event.type) {
    case "directive.published":
    case "document.published":
      return `${event.data.numberNotation} ${event.data.subject}`.slice(0, 120);
    case "dossier.status_changed":
      return `${event.data.dossierCode} → ${event.data.status}`;
    default:
      return event.data.title.slice(0, 120);
  }
}
