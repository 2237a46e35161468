import { formatVnDate } from "@vnegov/domain";
import type { Task, VnegovEvent } from "@vnegov/sdk";
import type { OutgoingMessage } from "../engine/messages.js";
import { type Locale, type MessageKey, translate } from "../i18n/translate.js";

type EventOf<T extends VnegovEvent["type"]> = Extract<VnegovEvent, { type: T }>;

const when = (iso: string, locale: Locale) =>
  formatVnDate(new Date(iso), { withTime: true, locale });

function taskMessage(key: MessageKey, task: Task, locale: Locale) {
  return {
    text: translate(locale, key, {
      title: task.title,
      due: when(task.dueAt, locale),
      by: task.assignedBy.fullName,
    }),
    buttons: [[{ label: translate(locale, "notify.button.openTask"), action: `task:${task.id}` }]],
  };
}

function directiveMessage(event: EventOf<"directive.published">, locale: Locale) {
  const d = event.data;
  return {
    text: translate(locale, "notify.directive", {
      urgency: d.urgency === "thuong" ? "" : `[${translate(locale, `urgency.${d.urgency}`)}] `,
      number: d.numberNotation,
      subject: d.subject,
      issuer: d.issuerName,
      date: formatVnDate(new Date(`${d.issuedAt}T00:00:00+07:00`), { locale }),
    }),
  };
}

function dossierMessage(event: EventOf<"dossier.status_changed">, locale: Locale) {
  const d = event.data;
  const lines = [
    translate(locale, "notify.dossier", {
      code: d.dossierCode,
      status: translate(locale, `status.${d.status}`),
    }),
  ];
  if (d.note) lines.push(d.note);
  const appointment = d.appointmentAt ? when(d.appointmentAt, locale) : "";
  if (appointment) lines.push(translate(locale, "notify.appointment", { date: appointment }));
  const params = {
    dossierCode: d.dossierCode,
    status: d.status,
    statusText: translate(locale, `status.${d.status}`),
    appointment,
    note: d.note ?? "",
    changedAt: when(event.createdAt, locale),
  };
  return { text: lines.join("\n"), template: { name: "dossier_status" as const, params } };
}

/**
 * The chat message for an event in the recipient's language, or undefined for events chats
 * are not told about. Confidential directives never leave the document system this way.
 */
export function renderEvent(event: VnegovEvent, locale: Locale): OutgoingMessage | undefined {
  switch (event.type) {
    case "task.assigned":
      return taskMessage("notify.taskAssigned", event.data, locale);
    case "task.due_soon":
      return taskMessage("notify.taskDueSoon", event.data, locale);
    case "directive.published":
      return event.data.confidentiality === "thuong" ? directiveMessage(event, locale) : undefined;
    case "dossier.status_changed":
      return dossierMessage(event, locale);
    default:
      return undefined;
  }
}
