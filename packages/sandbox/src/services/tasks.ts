import { toVnIso } from "@vnegov/domain";
import { sqlLimit, Where } from "../db/where.js";
import { parseInstant } from "../domain/time.js";
import { emitEvent } from "../events/emit.js";
import { newId } from "../http/ids.js";
import { decodeCursor, toPage } from "../http/pagination.js";
import { ApiProblem, conflict, forbidden, notFound, unprocessable } from "../http/problem.js";
import type { Principal, World } from "../world.js";

export type TaskStatus = "pending" | "in_progress" | "done" | "cancelled";

interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  progress: number;
  assignee_id: string;
  assignee_name: string;
  assigned_by_id: string;
  assigned_by_name: string;
  source_document_id: string | null;
  assigned_at: number;
  due_at: number;
  completed_at: number | null;
  updated_at: number;
  comment_count: number;
}

const SELECT = `SELECT t.*, a.full_name AS assignee_name, b.full_name AS assigned_by_name,
  (SELECT COUNT(*) FROM task_comments c WHERE c.task_id = t.id) AS comment_count
  FROM tasks t JOIN staff a ON a.id = t.assignee_id JOIN staff b ON b.id = t.assigned_by_id`;

const isOpen = (status: TaskStatus) => status === "pending" || status === "in_progress";

/** The contract's Task; a confidential source document shows no subject. */
export function taskView(world: World, row: TaskRow) {
  const source = row.source_document_id
    ? (world.db
        .prepare(
          "SELECT id, number_notation, type, subject, confidentiality, urgency FROM documents WHERE id = ?",
        )
        .get(row.source_document_id) as {
        id: string;
        number_notation: string;
        type: string;
        subject: string;
        confidentiality: string;
        urgency: string;
      })
    : null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    progress: row.progress,
    overdue: isOpen(row.status) && world.now() > row.due_at,
    assignee: { id: row.assignee_id, fullName: row.assignee_name },
    assignedBy: { id: row.assigned_by_id, fullName: row.assigned_by_name },
    sourceDocument: source && {
      id: source.id,
      numberNotation: source.number_notation,
      type: source.type,
      subject: source.confidentiality === "thuong" ? source.subject : null,
      confidentiality: source.confidentiality,
      urgency: source.urgency,
    },
    assignedAt: toVnIso(row.assigned_at),
    dueAt: toVnIso(row.due_at),
    completedAt: row.completed_at === null ? null : toVnIso(row.completed_at),
    updatedAt: toVnIso(row.updated_at),
    commentCount: row.comment_count,
  };
}

/**
 * The staff member a request acts for. Admins may act for anyone (or no one); other clients
 * only for staff who linked a chat to them.
 */
export function actingStaff(
  world: World,
  principal: Principal,
  onBehalfOf: string | undefined,
): string | null {
  if (principal.scopes.has("docs:admin")) return onBehalfOf ?? null;
  if (onBehalfOf === undefined) {
    throw new ApiProblem(
      400,
      "on_behalf_of_required",
      "Bad Request",
      "Send the acting staff id in On-Behalf-Of.",
    );
  }
  const linked = world.db
    .prepare("SELECT 1 FROM staff_links WHERE client_id = ? AND staff_id = ? LIMIT 1")
    .get(principal.clientId, onBehalfOf);
  if (!linked)
    throw forbidden("staff_not_linked", "That staff member has not linked a chat to this client.");
  return onBehalfOf;
}

function loadTask(world: World, principal: Principal, id: string, staffId: string | null): TaskRow {
  const row = world.db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TaskRow | undefined;
  // Someone else's task is as invisible as a missing one.
  if (!row || (!principal.scopes.has("docs:admin") && row.assignee_id !== staffId))
    throw notFound(`No task ${id}.`);
  return row;
}

export function getTask(world: World, principal: Principal, id: string, onBehalfOf?: string) {
  return taskView(world, loadTask(world, principal, id, actingStaff(world, principal, onBehalfOf)));
}

export function listTasks(
  world: World,
  principal: Principal,
  onBehalfOf: string | undefined,
  filter: { assigneeId?: string; status?: string; overdue?: boolean; dueBefore?: string },
  cursor: string | undefined,
  limit: number,
) {
  const staffId = actingStaff(world, principal, onBehalfOf);
  const where = new Where();
  const assignee = principal.scopes.has("docs:admin") ? (filter.assigneeId ?? staffId) : staffId;
  if (!principal.scopes.has("docs:admin") && filter.assigneeId && filter.assigneeId !== staffId) {
    throw forbidden(
      "not_your_tasks",
      "Without docs:admin only the acting staff member's tasks can be listed.",
    );
  }
  if (assignee) where.add("t.assignee_id = ?", assignee);
  if (filter.status) where.add("t.status = ?", filter.status);
  if (filter.overdue !== undefined) {
    const overdue = "t.status IN ('pending','in_progress') AND t.due_at < ?";
    where.add(filter.overdue ? overdue : `NOT (${overdue})`, world.now());
  }
  if (filter.dueBefore) where.add("t.due_at < ?", parseInstant(filter.dueBefore));
  const after = decodeCursor(cursor, 2);
  if (after) where.add("(t.due_at, t.id) > (?, ?)", ...after);
  const rows = world.db
    .prepare(`${SELECT} ${where} ORDER BY t.due_at, t.id ${sqlLimit(limit + 1)}`)
    .all(...where.args) as TaskRow[];
  return toPage(
    rows,
    limit,
    (r) => [r.due_at, r.id],
    (r) => taskView(world, r),
  );
}

function emitTask(world: World, type: string, id: string) {
  const row = world.db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TaskRow;
  const view = taskView(world, row);
  emitEvent(world, { type, data: view, staffId: row.assignee_id });
  return view;
}

export function createTask(
  world: World,
  input: {
    title: string;
    description?: string;
    assigneeId: string;
    assignedById: string;
    sourceDocumentId?: string;
    dueAt: string;
  },
) {
  const { db } = world;
  const errors = [];
  for (const [field, id] of [
    ["assigneeId", input.assigneeId],
    ["assignedById", input.assignedById],
  ] as const) {
    if (!db.prepare("SELECT 1 FROM staff WHERE id = ?").get(id))
      errors.push({ field: `body.${field}`, code: "unknown_staff", message: "is not a staff id" });
  }
  if (
    input.sourceDocumentId &&
    !db.prepare("SELECT 1 FROM documents WHERE id = ?").get(input.sourceDocumentId)
  ) {
    errors.push({
      field: "body.sourceDocumentId",
      code: "unknown_document",
      message: "is not a document id",
    });
  }
  if (errors.length > 0) throw unprocessable("The task is invalid.", errors);
  const id = newId("tsk", world.randomBytes);
  const now = world.now();
  db.prepare(
    `INSERT INTO tasks (id, title, description, status, progress, assignee_id, assigned_by_id, source_document_id, assigned_at, due_at, updated_at)
     VALUES (?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.title,
    input.description ?? null,
    input.assigneeId,
    input.assignedById,
    input.sourceDocumentId ?? null,
    now,
    parseInstant(input.dueAt),
    now,
  );
  return emitTask(world, "task.assigned", id);
}

export function updateTask(
  world: World,
  principal: Principal,
  id: string,
  onBehalfOf: string | undefined,
  input: { status?: TaskStatus; progress?: number },
) {
  const row = loadTask(world, principal, id, actingStaff(world, principal, onBehalfOf));
  if (!isOpen(row.status))
    throw conflict("task_closed", `The task is ${row.status} and cannot change any more.`);
  if (input.status === "cancelled" && !principal.scopes.has("docs:admin")) {
    throw forbidden(
      "cancel_needs_admin",
      "Only the assigning side (docs:admin) can cancel a task.",
    );
  }
  let status: TaskStatus = input.status ?? row.status;
  let progress = input.progress ?? row.progress;
  if (status === "done") progress = 100;
  else if (status === "pending" && progress > 0) status = "in_progress";
  const now = world.now();
  world.db
    .prepare(
      "UPDATE tasks SET status = ?, progress = ?, completed_at = ?, updated_at = ? WHERE id = ?",
    )
    .run(status, progress, isOpen(status) ? null : now, now, id);
  return emitTask(world, "task.updated", id);
}

export function listComments(
  world: World,
  principal: Principal,
  taskId: string,
  onBehalfOf: string | undefined,
  cursor: string | undefined,
  limit: number,
) {
  loadTask(world, principal, taskId, actingStaff(world, principal, onBehalfOf));
  const after = decodeCursor(cursor, 2);
  const rows = world.db
    .prepare(
      `SELECT c.*, s.full_name FROM task_comments c JOIN staff s ON s.id = c.author_id
       WHERE c.task_id = ? AND (c.created_at, c.id) > (?, ?) ORDER BY c.created_at, c.id ${sqlLimit(limit + 1)}`,
    )
    .all(taskId, after?.[0] ?? 0, after?.[1] ?? "") as {
    id: string;
    task_id: string;
    author_id: string;
    full_name: string;
    body: string;
    created_at: number;
  }[];
  return toPage(
    rows,
    limit,
    (r) => [r.created_at, r.id],
    (r) => ({
      id: r.id,
      taskId: r.task_id,
      author: { id: r.author_id, fullName: r.full_name },
      body: r.body,
      createdAt: toVnIso(r.created_at),
    }),
  );
}

export function addComment(
  world: World,
  principal: Principal,
  taskId: string,
  onBehalfOf: string | undefined,
  body: string,
) {
  const staffId = actingStaff(world, principal, onBehalfOf);
  loadTask(world, principal, taskId, staffId);
  if (staffId === null) {
    throw new ApiProblem(
      400,
      "on_behalf_of_required",
      "Bad Request",
      "A comment needs an author: send On-Behalf-Of.",
    );
  }
  const author = world.db.prepare("SELECT full_name FROM staff WHERE id = ?").get(staffId) as
    | { full_name: string }
    | undefined;
  if (!author) throw notFound(`No staff member ${staffId}.`);
  const id = newId("cmt", world.randomBytes);
  const now = world.now();
  world.db
    .prepare(
      "INSERT INTO task_comments (id, task_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .run(id, taskId, staffId, body, now);
  world.db.prepare("UPDATE tasks SET updated_at = ? WHERE id = ?").run(now, taskId);
  emitTask(world, "task.updated", taskId);
  return {
    id,
    taskId,
    author: { id: staffId, fullName: author.full_name },
    body,
    createdAt: toVnIso(now),
  };
}

/** Emits `task.due_soon` once for each open task whose deadline is within a day. */
export function emitDueSoon(world: World): void {
  const now = world.now();
  const due = world.db
    .prepare(
      "SELECT id FROM tasks WHERE due_soon_sent = 0 AND status IN ('pending','in_progress') AND due_at > ? AND due_at <= ?",
    )
    .all(now, now + 86_400_000) as { id: string }[];
  if (due.length === 0) return;
  world.db.transaction(() => {
    for (const { id } of due) {
      world.db.prepare("UPDATE tasks SET due_soon_sent = 1 WHERE id = ?").run(id);
      emitTask(world, "task.due_soon", id);
    }
  })();
  world.onEvents();
}
