import { type DossierStatus, isFinished } from "@vnegov/domain";
import type { World } from "../world.js";
import { dossierMissing } from "./errors.js";
import { recordHistory } from "./history.js";
import type { ParsedTienDo } from "./ho-so-input.js";

interface Current {
  status: DossierStatus;
  received_at: number | null;
  completed_at: number | null;
  fee_amount: number;
}

/**
 * `CapNhatTienDoHoSoMC`: each step becomes a history entry at its own time (`ThoiDiemXuLy`),
 * and the dossier takes the step's status, as an officer's move would set it. DVCQG does not
 * police transitions (the one-stop system already did), so neither does this. The caller
 * runs it in a transaction: one unknown code fails the whole batch.
 */
export function applyProgress(world: World, steps: ParsedTienDo[]): void {
  const { db } = world;
  for (const step of steps) {
    const current = db
      .prepare("SELECT status, received_at, completed_at, fee_amount FROM dossiers WHERE code = ?")
      .get(step.code) as Current | undefined;
    if (!current) throw dossierMissing(step.code);
    const pending =
      step.status === "yeu_cau_bo_sung"
        ? {
            kind: "supplement",
            note: step.note ?? "Bổ sung hồ sơ theo hướng dẫn.",
            requestedAt: step.at,
          }
        : step.status === "nghia_vu_tai_chinh"
          ? {
              kind: "payment",
              note: step.note ?? "Thực hiện nghĩa vụ tài chính.",
              requestedAt: step.at,
              amount: current.fee_amount,
            }
          : null;
    db.prepare(
      `UPDATE dossiers SET status = ?, updated_at = ?, received_at = ?, completed_at = ?, pending_action = ?
       WHERE code = ?`,
    ).run(
      step.status,
      world.now(),
      current.received_at ?? (step.status === "da_tiep_nhan" ? step.at : null),
      current.completed_at ?? (isFinished(step.status) ? step.at : null),
      pending && JSON.stringify(pending),
      step.code,
    );
    const historyId = recordHistory(
      world,
      step.code,
      {
        status: step.status,
        previous: current.status,
        at: step.at,
        actor: { kind: "officer", name: step.officer },
      },
      step.note,
    );
    db.prepare(
      `INSERT INTO dvcqg_progress (history_id, dossier_code, title, department, started_at, due_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(historyId, step.code, step.title, step.department, step.startedAt, step.dueAt);
  }
}
