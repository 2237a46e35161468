import {
  addWorkingMinutes,
  appointmentDate,
  DOSSIER_STATUS_CODES,
  type DossierStatus,
  formatDossierCode,
  isFinished,
  normalizePhone,
  safeEqual,
  timelinessOf,
  toVnIso,
  vnDateString,
  workingMinutesBetween,
} from "@vnegov/domain";
import { sqlLimit, Where } from "../db/where.js";
import { canOfficerMove, canWithdraw, officerMovesFrom } from "../domain/dossier-status.js";
import { type AttachmentUpload, type FormValue, validateForm } from "../domain/form-validation.js";
import { emitEvent } from "../events/emit.js";
import { hashSecret, newId, randomString } from "../http/ids.js";
import { decodeCursor, type Page, toPage } from "../http/pagination.js";
import { conflict, notFound, unprocessable } from "../http/problem.js";
import type { Principal, World } from "../world.js";
import { listAttachments, storeAttachment } from "./attachments.js";
import { type ProcedureRow, procedureFields } from "./procedures.js";

/** Mã tra cứu alphabet: no 0/O, 1/I/L, so it survives being read aloud or retyped. */
const SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export interface DossierRow {
  code: string;
  procedure_code: string;
  agency_code: string;
  status: DossierStatus;
  channel: string;
  applicant: string;
  secret_hash: string;
  form_data: string;
  fee_amount: number;
  submitted_at: number;
  received_at: number | null;
  appointment_at: number | null;
  completed_at: number | null;
  updated_at: number;
  pending_action: string | null;
  submitted_by: string | null;
  procedure_name: string;
  agency_name: string;
}

/** The applicant as a dossier row stores it (`applicant` column, JSON). */
export interface StoredApplicant {
  type: string;
  fullName: string;
  idNumber: string;
  phone: string;
  email?: string;
  address?: string;
}

interface StoredPendingAction {
  kind: "supplement" | "payment";
  note: string;
  requestedAt: number;
  amount?: number;
}

const SELECT = `SELECT d.*, p.name AS procedure_name, a.name AS agency_name FROM dossiers d
  JOIN procedures p ON p.code = d.procedure_code JOIN agencies a ON a.code = d.agency_code`;

const mask = (value: string, keep: number) =>
  "*".repeat(Math.max(0, value.length - keep)) + value.slice(-keep);

/** The contract's Dossier; personal identifiers masked. */
export function dossierView(row: DossierRow, now: number) {
  const applicant = JSON.parse(row.applicant) as StoredApplicant;
  const pending = row.pending_action
    ? (JSON.parse(row.pending_action) as StoredPendingAction)
    : null;
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    status: row.status,
    statusCode: DOSSIER_STATUS_CODES[row.status],
    timeliness: timelinessOf(row.status, row.appointment_at, row.completed_at, now),
    channel: row.channel,
    applicant: {
      type: applicant.type,
      fullName: applicant.fullName,
      maskedIdNumber: mask(applicant.idNumber, 4),
      maskedPhone: mask(applicant.phone, 3),
    },
    formData: JSON.parse(row.form_data) as Record<string, FormValue>,
    attachments: [] as ReturnType<typeof listAttachments>,
    fee: { amount: row.fee_amount, currency: "VND" as const },
    submittedAt: toVnIso(row.submitted_at),
    receivedAt: row.received_at === null ? null : toVnIso(row.received_at),
    appointmentAt: row.appointment_at === null ? null : toVnIso(row.appointment_at),
    completedAt: row.completed_at === null ? null : toVnIso(row.completed_at),
    updatedAt: toVnIso(row.updated_at),
    pendingAction: pending && {
      kind: pending.kind,
      note: pending.note,
      requestedAt: toVnIso(pending.requestedAt),
      ...(pending.amount !== undefined
        ? { amount: { amount: pending.amount, currency: "VND" } }
        : {}),
    },
  };
}

function fullView(world: World, row: DossierRow) {
  const view = dossierView(row, world.now());
  view.attachments = listAttachments(world.db, "dossier", row.code);
  return view;
}

function loadRow(world: World, code: string): DossierRow | undefined {
  return world.db.prepare(`${SELECT} WHERE d.code = ?`).get(code) as DossierRow | undefined;
}

const NOT_FOUND = "No dossier with this code and verification secret.";

/**
 * Finds a dossier the caller may see: officers by code alone, everyone else with the
 * secret. Unknown codes and wrong secrets are indistinguishable.
 */
export function findDossier(
  world: World,
  principal: Principal,
  code: string,
  secret: string | undefined,
): DossierRow {
  const row = loadRow(world, code);
  if (principal.scopes.has("portal:officer")) {
    if (!row) throw notFound("No dossier with this code.");
    return row;
  }
  if (
    !row ||
    secret === undefined ||
    !safeEqual(row.secret_hash, hashSecret(secret.trim().toUpperCase()))
  ) {
    throw notFound(NOT_FOUND);
  }
  return row;
}

/** How many history entries `include=recentHistory` adds to a dossier. */
const RECENT_HISTORY = 5;

export function getDossier(
  world: World,
  principal: Principal,
  code: string,
  secret?: string,
  include: { recentHistory?: boolean } = {},
) {
  const view = fullView(world, findDossier(world, principal, code, secret));
  if (!include.recentHistory) return view;
  // Saves clients that show "the latest steps" a second round trip to /history.
  const rows = world.db
    .prepare(
      `SELECT * FROM dossier_history WHERE dossier_code = ? ORDER BY seq DESC ${sqlLimit(RECENT_HISTORY)}`,
    )
    .all(code) as HistoryRow[];
  return { ...view, recentHistory: rows.reverse().map(historyEntry) };
}

/** Who a history entry names. */
export interface HistoryActor {
  kind: "citizen" | "officer" | "system";
  name: string | null;
}

/** What a `dossier.status_changed` event tells of its dossier. */
export type StatusFacts = Pick<
  DossierRow,
  | "code"
  | "procedure_code"
  | "agency_code"
  | "status"
  | "appointment_at"
  | "completed_at"
  | "submitted_by"
>;

/**
 * Appends a dossier's next history entry (`seq` one past the last) and returns its id. The
 * event is the caller's to emit ({@link emitStatusChanged}).
 */
export function writeHistory(
  world: World,
  code: string,
  status: DossierStatus,
  previous: DossierStatus | null,
  at: number,
  actor: HistoryActor,
  note: string | null,
): string {
  const { db } = world;
  const seq = (
    db
      .prepare("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM dossier_history WHERE dossier_code = ?")
      .get(code) as { n: number }
  ).n;
  const id = newId("his", world.randomBytes);
  db.prepare(
    `INSERT INTO dossier_history (id, dossier_code, seq, status, previous_status, at, actor_kind, actor_name, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, code, seq, status, previous, at, actor.kind, actor.name, note);
  return id;
}

/**
 * Emits `dossier.status_changed` for a dossier as it now stands, to its submitter's
 * webhooks: whoever moved the dossier, subscribers get the same payload.
 */
export function emitStatusChanged(
  world: World,
  row: StatusFacts,
  previous: DossierStatus | null,
  note: string | null,
): void {
  emitEvent(world, {
    type: "dossier.status_changed",
    ownerClientId: row.submitted_by,
    data: {
      dossierCode: row.code,
      procedureCode: row.procedure_code,
      agencyCode: row.agency_code,
      status: row.status,
      statusCode: DOSSIER_STATUS_CODES[row.status],
      previousStatus: previous,
      timeliness: timelinessOf(row.status, row.appointment_at, row.completed_at, world.now()),
      appointmentAt: row.appointment_at === null ? null : toVnIso(row.appointment_at),
      note,
    },
  });
}

export interface Submission {
  procedureCode: string;
  channel?: string;
  applicant: StoredApplicant;
  formData: Record<string, FormValue>;
  attachments?: AttachmentUpload[];
}

/** Next daily sequence number of a receiving unit (resets each local day). */
function nextSequence(world: World, agencyCode: string, at: number): number {
  const day = vnDateString(at);
  return (
    world.db
      .prepare(
        `INSERT INTO dossier_sequences (agency_code, day, last) VALUES (?, ?, 1)
         ON CONFLICT (agency_code, day) DO UPDATE SET last = last + 1 RETURNING last`,
      )
      .get(agencyCode, day) as { last: number }
  ).last;
}

/** Creates a dossier; the caller runs it inside a transaction. */
export function submitDossier(world: World, principal: Principal | null, input: Submission) {
  const { db } = world;
  const procedure = db
    .prepare("SELECT * FROM procedures WHERE code = ?")
    .get(input.procedureCode) as ProcedureRow | undefined;
  if (!procedure) throw notFound(`No procedure ${input.procedureCode}.`, "procedure_not_found");
  if (procedure.online_level === "thong_tin") {
    throw conflict(
      "procedure_not_online",
      `Procedure ${procedure.code} is information-only and takes no online submissions.`,
    );
  }
  const attachments = input.attachments ?? [];
  const { data, errors } = validateForm(procedureFields(procedure), input.formData, attachments, {
    partial: false,
  });
  if (errors.length > 0)
    throw unprocessable("The form data does not satisfy the procedure's form schema.", errors);

  const now = world.now();
  const code = formatDossierCode({
    agencyCode: procedure.agency_code,
    date: new Date(now),
    sequence: nextSequence(world, procedure.agency_code, now),
  });
  const secret = randomString(6, SECRET_ALPHABET, world.randomBytes);
  // The contract's pattern has already admitted the phone; store its 0… form.
  const applicant = {
    ...input.applicant,
    phone: normalizePhone(input.applicant.phone) ?? input.applicant.phone,
  };
  const appointment = appointmentDate(
    new Date(now),
    procedure.processing_days,
    world.calendar,
  ).getTime();
  db.prepare(
    `INSERT INTO dossiers (code, procedure_code, agency_code, status, channel, applicant, applicant_id_number,
       secret_hash, form_data, fee_amount, submitted_at, appointment_at, updated_at, submitted_by)
     VALUES (?, ?, ?, 'moi_dang_ky', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    code,
    procedure.code,
    procedure.agency_code,
    input.channel ?? "truc_tuyen",
    JSON.stringify(applicant),
    applicant.idNumber,
    hashSecret(secret),
    JSON.stringify(data),
    procedure.fee_amount,
    now,
    appointment,
    now,
    principal?.clientId ?? null,
  );
  for (const file of attachments) {
    storeAttachment(
      world,
      { kind: "dossier", id: code },
      { ...file, content: Buffer.from(file.contentBase64, "base64") },
      now,
    );
  }
  writeHistory(
    world,
    code,
    "moi_dang_ky",
    null,
    now,
    { kind: "citizen", name: applicant.fullName },
    null,
  );
  const row = loadRow(world, code) as DossierRow;
  emitStatusChanged(world, row, null, null);
  return { dossier: fullView(world, row), verificationSecret: secret };
}

export function listDossiers(
  world: World,
  principal: Principal,
  filter: {
    status?: string;
    procedureCode?: string;
    agencyCode?: string;
    applicantIdNumber?: string;
    updatedSince?: number;
  },
  cursor: string | undefined,
  limit: number,
): Page<ReturnType<typeof dossierView>> {
  const where = new Where();
  if (!principal.scopes.has("portal:officer")) where.add("d.submitted_by = ?", principal.clientId);
  if (filter.status) where.add("d.status = ?", filter.status);
  if (filter.procedureCode) where.add("d.procedure_code = ?", filter.procedureCode);
  if (filter.agencyCode) where.add("d.agency_code = ?", filter.agencyCode);
  if (filter.applicantIdNumber) where.add("d.applicant_id_number = ?", filter.applicantIdNumber);
  if (filter.updatedSince !== undefined) where.add("d.updated_at >= ?", filter.updatedSince);
  const after = decodeCursor(cursor, 2);
  if (after) where.add("(d.submitted_at, d.code) < (?, ?)", ...after);
  const sql = `${SELECT} ${where} ORDER BY d.submitted_at DESC, d.code DESC ${sqlLimit(limit + 1)}`;
  const rows = world.db.prepare(sql).all(...where.args) as DossierRow[];
  const now = world.now();
  return toPage(
    rows,
    limit,
    (r) => [r.submitted_at, r.code],
    (r) => dossierView(r, now),
  );
}

export function listHistory(
  world: World,
  principal: Principal,
  code: string,
  secret: string | undefined,
  cursor: string | undefined,
  limit: number,
) {
  findDossier(world, principal, code, secret);
  const after = decodeCursor(cursor, 1);
  const rows = world.db
    .prepare(
      `SELECT * FROM dossier_history WHERE dossier_code = ? AND seq > ? ORDER BY seq ${sqlLimit(limit + 1)}`,
    )
    .all(code, after ? after[0] : 0) as HistoryRow[];
  return toPage(rows, limit, (r) => [r.seq], historyEntry);
}

interface HistoryRow {
  id: string;
  seq: number;
  status: DossierStatus;
  previous_status: DossierStatus | null;
  at: number;
  actor_kind: string;
  actor_name: string | null;
  note: string | null;
}

function historyEntry(r: HistoryRow) {
  return {
    id: r.id,
    status: r.status,
    statusCode: DOSSIER_STATUS_CODES[r.status],
    previousStatus: r.previous_status,
    at: toVnIso(r.at),
    actor: { kind: r.actor_kind, name: r.actor_name },
    note: r.note,
  };
}

interface Change {
  status: DossierStatus;
  actor: HistoryActor;
  note: string | null;
  fields?: Partial<
    Pick<DossierRow, "received_at" | "appointment_at" | "completed_at" | "fee_amount">
  > & {
    pending_action?: string | null;
  };
}

/** Applies a status change with its history entry and event. */
function applyChange(world: World, row: DossierRow, change: Change) {
  const now = world.now();
  const fields = { ...change.fields, status: change.status, updated_at: now };
  const columns = Object.keys(fields);
  world.db
    .prepare(`UPDATE dossiers SET ${columns.map((c) => `${c} = ?`).join(", ")} WHERE code = ?`)
    .run(...Object.values(fields), row.code);
  writeHistory(world, row.code, change.status, row.status, now, change.actor, change.note);
  const updated = loadRow(world, row.code) as DossierRow;
  emitStatusChanged(world, updated, row.status, change.note);
  return fullView(world, updated);
}

/** An officer's move (tiếp nhận, yêu cầu bổ sung, trả kết quả, …). */
export function transitionDossier(
  world: World,
  code: string,
  input: { status: DossierStatus; note?: string; officerName?: string; feeAmount?: number },
) {
  const row = loadRow(world, code);
  if (!row) throw notFound("No dossier with this code.");
  if (!canOfficerMove(row.status, input.status)) {
    const allowed = officerMovesFrom(row.status);
    throw conflict(
      "invalid_transition",
      `A dossier in ${row.status} cannot move to ${input.status}; allowed: ${allowed.length ? allowed.join(", ") : "none (final status)"}.`,
    );
  }
  const now = world.now();
  const note = input.note ?? null;
  const fields: Change["fields"] = { pending_action: null };
  if (input.status === "da_tiep_nhan") fields.received_at = now;
  if (isFinished(input.status) && row.completed_at === null) fields.completed_at = now;
  if (input.status === "yeu_cau_bo_sung") {
    fields.pending_action = JSON.stringify({
      kind: "supplement",
      note: note ?? "Bổ sung hồ sơ theo hướng dẫn.",
      requestedAt: now,
    });
  }
  if (input.status === "nghia_vu_tai_chinh") {
    const amount = input.feeAmount ?? row.fee_amount;
    fields.fee_amount = amount;
    fields.pending_action = JSON.stringify({
      kind: "payment",
      note: note ?? "Thực hiện nghĩa vụ tài chính.",
      requestedAt: now,
      amount,
    });
  }
  if (row.status === "yeu_cau_bo_sung" && row.appointment_at !== null) {
    fields.appointment_at = extendForWaiting(world, row, now);
  }
  return applyChange(world, row, {
    status: input.status,
    actor: { kind: "officer", name: input.officerName ?? null },
    note,
    fields,
  });
}

/** Time spent waiting for a supplement does not count against the appointment date. */
function extendForWaiting(world: World, row: DossierRow, now: number): number {
  const pending = row.pending_action
    ? (JSON.parse(row.pending_action) as StoredPendingAction)
    : null;
  const appointment = row.appointment_at as number;
  if (!pending) return appointment;
  const waited = workingMinutesBetween(
    new Date(pending.requestedAt),
    new Date(now),
    world.calendar,
  );
  return waited > 0
    ? addWorkingMinutes(new Date(appointment), waited, world.calendar).getTime()
    : appointment;
}

export function supplementDossier(
  world: World,
  principal: Principal,
  code: string,
  secret: string | undefined,
  input: { note: string; formData?: Record<string, FormValue>; attachments?: AttachmentUpload[] },
) {
  const row = findDossier(world, principal, code, secret);
  if (row.status !== "yeu_cau_bo_sung") {
    throw conflict(
      "not_awaiting_supplement",
      `Only a dossier in yeu_cau_bo_sung can be supplemented; this one is ${row.status}.`,
    );
  }
  const procedure = world.db
    .prepare("SELECT * FROM procedures WHERE code = ?")
    .get(row.procedure_code) as ProcedureRow;
  const attachments = input.attachments ?? [];
  const { data, errors } = validateForm(
    procedureFields(procedure),
    input.formData ?? {},
    attachments,
    { partial: true },
  );
  if (errors.length > 0)
    throw unprocessable("The supplement does not satisfy the procedure's form schema.", errors);
  const now = world.now();
  world.db
    .prepare("UPDATE dossiers SET form_data = ? WHERE code = ?")
    .run(JSON.stringify({ ...JSON.parse(row.form_data), ...data }), code);
  for (const file of attachments) {
    storeAttachment(
      world,
      { kind: "dossier", id: code },
      { ...file, content: Buffer.from(file.contentBase64, "base64") },
      now,
    );
  }
  const applicant = JSON.parse(row.applicant) as StoredApplicant;
  return applyChange(world, row, {
    status: "dang_xu_ly",
    actor: { kind: "citizen", name: applicant.fullName },
    note: input.note,
    fields: {
      pending_action: null,
      appointment_at: row.appointment_at === null ? null : extendForWaiting(world, row, now),
    },
  });
}

export function withdrawDossier(
  world: World,
  principal: Principal,
  code: string,
  secret: string | undefined,
  reason: string,
) {
  const row = findDossier(world, principal, code, secret);
  if (!canWithdraw(row.status)) {
    throw conflict("not_withdrawable", `A dossier in ${row.status} can no longer be withdrawn.`);
  }
  const applicant = JSON.parse(row.applicant) as StoredApplicant;
  return applyChange(world, row, {
    status: "da_rut",
    actor: { kind: "citizen", name: applicant.fullName },
    note: reason,
    fields: { pending_action: null },
  });
}
