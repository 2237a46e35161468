import { type DossierStatus, isFinished, parseDossierCode } from "@vnegov/domain";
import { hashSecret, randomString } from "../http/ids.js";
import type { World } from "../world.js";
import { alreadyExists, dossierMissing, invalidData } from "./errors.js";
import { type Actor, recordHistory } from "./history.js";
import type { ParsedHoSo } from "./ho-so-input.js";

/** The canonical API's mã tra cứu alphabet (no 0/O, 1/I/L). */
const SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

const SYNC_ACTOR: Actor = { kind: "system", name: "Cổng Dịch vụ công quốc gia" };

interface Existing {
  status: DossierStatus;
  fee_amount: number;
}

/** The columns a record sets, in the world's terms. */
function columns(world: World, hoSo: ParsedHoSo, fee: number) {
  const pending =
    hoSo.status === "yeu_cau_bo_sung"
      ? {
          kind: "supplement",
          note: hoSo.supplement?.note || "Bổ sung hồ sơ theo hướng dẫn.",
          requestedAt: hoSo.supplement?.requestedAt ?? world.now(),
        }
      : hoSo.status === "nghia_vu_tai_chinh"
        ? {
            kind: "payment",
            note: "Thực hiện nghĩa vụ tài chính.",
            requestedAt: world.now(),
            amount: fee,
          }
        : null;
  return {
    procedure_code: hoSo.procedureCode,
    status: hoSo.status,
    channel: hoSo.channel,
    applicant: JSON.stringify(hoSo.applicant),
    applicant_id_number: hoSo.applicant.idNumber,
    fee_amount: fee,
    submitted_at: hoSo.submittedAt,
    received_at: hoSo.receivedAt,
    appointment_at: hoSo.appointmentAt,
    completed_at: isFinished(hoSo.status) ? (hoSo.completedAt ?? world.now()) : hoSo.completedAt,
    updated_at: world.now(),
    pending_action: pending && JSON.stringify(pending),
  };
}

function procedureAgency(world: World, hoSo: ParsedHoSo): { fee: number; agency: string } {
  const procedure = world.db
    .prepare("SELECT fee_amount, agency_code FROM procedures WHERE code = ?")
    .get(hoSo.procedureCode) as { fee_amount: number; agency_code: string } | undefined;
  if (!procedure) throw invalidData(`MaTTHC ${hoSo.procedureCode} không tồn tại`);
  return { fee: procedure.fee_amount, agency: procedure.agency_code };
}

/** The receiving unit: the code's own prefix when the world knows it, else the sender's unit. */
function agencyOf(world: World, code: string, madonvi: string): string {
  const prefix = parseDossierCode(code)?.agencyCode;
  const known = prefix && world.db.prepare("SELECT 1 FROM agencies WHERE code = ?").get(prefix);
  return known ? (prefix as string) : madonvi;
}

function keepRecord(world: World, hoSo: ParsedHoSo): void {
  world.db
    .prepare(
      `INSERT INTO dvcqg_records (dossier_code, record, synced_at) VALUES (?, ?, ?)
       ON CONFLICT (dossier_code) DO UPDATE SET record = excluded.record, synced_at = excluded.synced_at`,
    )
    .run(hoSo.code, JSON.stringify(hoSo.record), world.now());
}

/**
 * Creates dossiers in the world's own tables, so the canonical API and the other wires see
 * them, each with a fresh verification secret (returned, since DVCQG has no such thing).
 * The caller runs it in a transaction: one existing code fails the whole batch.
 */
export function createHoSo(
  world: World,
  madonvi: string,
  batch: ParsedHoSo[],
): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const hoSo of batch) {
    if (world.db.prepare("SELECT 1 FROM dossiers WHERE code = ?").get(hoSo.code))
      throw alreadyExists(hoSo.code);
    const { fee } = procedureAgency(world, hoSo);
    const values = columns(world, hoSo, hoSo.fee ?? fee);
    const secret = randomString(6, SECRET_ALPHABET);
    const row = {
      code: hoSo.code,
      agency_code: agencyOf(world, hoSo.code, madonvi),
      secret_hash: hashSecret(secret),
      form_data: "{}",
      submitted_by: null,
      ...values,
    };
    const names = Object.keys(row);
    world.db
      .prepare(
        `INSERT INTO dossiers (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
      )
      .run(...Object.values(row));
    keepRecord(world, hoSo);
    recordHistory(
      world,
      hoSo.code,
      {
        status: hoSo.status,
        previous: null,
        at: hoSo.completedAt ?? hoSo.receivedAt ?? hoSo.submittedAt,
        actor: SYNC_ACTOR,
      },
      text(hoSo.record.GhiChu) || "Đồng bộ hồ sơ từ hệ thống một cửa",
    );
    secrets.set(hoSo.code, secret);
  }
  return secrets;
}

/** Updates dossiers from their records; a status change is a history entry and an event. */
export function updateHoSo(world: World, batch: ParsedHoSo[]): void {
  for (const hoSo of batch) {
    const existing = world.db
      .prepare("SELECT status, fee_amount FROM dossiers WHERE code = ?")
      .get(hoSo.code) as Existing | undefined;
    if (!existing) throw dossierMissing(hoSo.code);
    procedureAgency(world, hoSo);
    const values = columns(world, hoSo, hoSo.fee ?? existing.fee_amount);
    const names = Object.keys(values);
    world.db
      .prepare(`UPDATE dossiers SET ${names.map((n) => `${n} = ?`).join(", ")} WHERE code = ?`)
      .run(...Object.values(values), hoSo.code);
    keepRecord(world, hoSo);
    if (existing.status !== hoSo.status) {
      recordHistory(
        world,
        hoSo.code,
        { status: hoSo.status, previous: existing.status, at: world.now(), actor: SYNC_ACTOR },
        text(hoSo.record.GhiChu) || null,
      );
    }
  }
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
