import type { Area, Vnegov, VnegovEvent } from "@vnegov/sdk";
import type { SubscriptionStore } from "../subscriptions/store.js";

/** Every area code under `code` (itself included), following `parentCode` links. */
function withDescendants(areas: readonly Area[], codes: readonly string[]): Set<string> {
  const found = new Set(codes);
  let grew = true;
  while (grew) {
    grew = false;
    for (const area of areas)
      if (area.parentCode && found.has(area.parentCode) && !found.has(area.code)) {
        found.add(area.code);
        grew = true;
      }
  }
  return found;
}

/**
 * The chat keys (`channel:chatId`) an event goes to: the assignee's linked chats for task
 * events, followers of the audience's areas (and areas within them), of the addressed and the
 * issuing agency for directives, and the dossier's followers for status changes.
 */
export async function recipientsOf(
  event: VnegovEvent,
  deps: { sdk: Vnegov; subscriptions: SubscriptionStore },
): Promise<string[]> {
  const { sdk, subscriptions } = deps;
  switch (event.type) {
    case "task.assigned":
    case "task.due_soon": {
      const links = await sdk.docs.staff.links({ staffId: event.data.assignee.id }).toArray();
      return [...new Set(links.map((l) => `${l.channel}:${l.chatId}`))];
    }
    case "directive.published": {
      const { audiences, issuerAgencyCode } = event.data;
      const all = await sdk.docs.areas.list({ limit: 100 }).toArray();
      const areaCodes = audiences.some((a) => a.kind === "public")
        ? all.map((a) => a.code)
        : [
            ...withDescendants(
              all,
              audiences.flatMap((a) => (a.kind === "area" && a.code ? [a.code] : [])),
            ),
          ];
      const agencyCodes = new Set(
        audiences.flatMap((a) => (a.kind === "agency" && a.code ? [a.code] : [])),
      );
      if (issuerAgencyCode) agencyCodes.add(issuerAgencyCode);
      const keys = await Promise.all([
        ...areaCodes.map((code) => subscriptions.followers("area", code)),
        ...[...agencyCodes].map((code) => subscriptions.followers("agency", code)),
      ]);
      return [...new Set(keys.flat())];
    }
    case "dossier.status_changed":
      return subscriptions.followers("dossier", event.data.dossierCode);
    default:
      return [];
  }
}
