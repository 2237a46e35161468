import type { Db } from "../db/database.js";

/** The columns of an event that decide who may see it. */
export interface EventAudience {
  type: string;
  owner_client_id: string | null;
  staff_id: string | null;
  confidential: number;
}

/**
 * Whether a client may see an event: dossier events go to the submitting client and
 * officers; documents to readers (confidential ones to `docs:confidential`); task events to
 * admins and to clients the assignee linked a chat to.
 */
export function canSee(
  db: Db,
  clientId: string,
  scopes: ReadonlySet<string>,
  event: EventAudience,
): boolean {
  if (event.type.startsWith("dossier.")) {
    return event.owner_client_id === clientId || scopes.has("portal:officer");
  }
  if (event.type.startsWith("task.")) {
    if (scopes.has("docs:admin")) return true;
    if (!scopes.has("docs:tasks") || event.staff_id === null) return false;
    return (
      db
        .prepare("SELECT 1 FROM staff_links WHERE client_id = ? AND staff_id = ? LIMIT 1")
        .get(clientId, event.staff_id) !== undefined
    );
  }
  if (!scopes.has("docs:read")) return false;
  return event.confidential === 0 || scopes.has("docs:confidential");
}
