import {
  DVCQG_PROGRESS_BATCH,
  DVCQG_SERVICES,
  type DvcqgHoSo,
  isDossierCode,
  safeEqual,
} from "@vnegov/domain";
import type { RequestOptions } from "../../core/http-client.js";
import { ConflictError, ValidationError } from "../../errors.js";
import { check, invalidString } from "../../resources/shared.js";
import type {
  DossierLookupOptions,
  LookupSecret,
  PortalDossier,
  PortalDossiers,
} from "../portal-api.js";
import { wireError } from "../wire-error.js";
import { dossierOf } from "./dossier-map.js";
import { resultList } from "./procedures.js";
import { Problems, toHoSo, toTienDo } from "./record-map.js";
import type { DvcqgSession } from "./session.js";
import type {
  DvcqgDossierRecord,
  DvcqgProgressEvent,
  DvcqgProgressReport,
  DvcqgSyncOptions,
  DvcqgSyncResult,
} from "./types.js";

function throwProblems(problems: Problems, what: string): void {
  if (problems.errors.length === 0) return;
  const shown = problems.errors.slice(0, 5).map((e) => `${e.field} ${e.message}`);
  throw new ValidationError(`Invalid ${what}: ${shown.join("; ")}.`, {
    fieldErrors: problems.errors,
  });
}

/**
 * Dossiers on the National Public Service Portal: look-ups (`TraCuuHoSo`), and the
 * one-stop system's side of the integration, pushing records (`DongBoHoSoMC`) and progress
 * (`CapNhatTienDoHoSoMC`).
 */
export class DvcqgDossiers implements PortalDossiers {
  /** The portal has no mã tra cứu: citizens prove themselves with their identity number. */
  readonly lookupSecret: LookupSecret = "applicantIdNumber";

  constructor(
    private readonly session: DvcqgSession,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Looks a dossier up by code. `secret` is the applicant's identity number (CCCD/CMND),
   * checked here in constant time: the portal answers any code to an authenticated system.
   * A wrong number and an unknown code both give a `NotFoundError`. Omit `secret` only for
   * officers' tools, which may see every dossier.
   */
  async get(code: string, options: DossierLookupOptions = {}): Promise<PortalDossier> {
    check([
      invalidString("dossierCode", code, isDossierCode, "must look like 000.00.12.H12-240525-0001"),
      options.secret !== undefined && typeof options.secret !== "string"
        ? { field: "secret", code: "invalid", message: "must be a string" }
        : undefined,
      options.include === undefined || options.include === "recentHistory"
        ? undefined
        : { field: "include", code: "invalid", message: 'must be "recentHistory"' },
    ]);
    const result = await this.session.call<unknown>(
      {
        endpoint: "integration",
        service: DVCQG_SERVICES.lookup,
        params: { mahoso: code.trim() },
        read: true,
      },
      options,
    );
    const found = resultList<DvcqgHoSo>(result).find((h) => h.MaHoSo === code.trim());
    // Identity numbers compared in constant time, whitespace around them ignored; an empty one
    // on record matches nothing.
    const idNumber = String(found?.SoGiayToChuHoSo ?? "").trim();
    const allowed =
      found &&
      (options.secret === undefined ||
        (idNumber !== "" && safeEqual(idNumber, options.secret.trim())));
    if (!found || !allowed) {
      throw wireError("dvcqg", {
        kind: "not_found",
        wireCode: "result_empty",
        message: "No dossier with this code and applicant identity number.",
        request: {
          method: "POST",
          path: this.session.route("integration", DVCQG_SERVICES.lookup),
        },
        status: 200,
      });
    }
    return dossierOf(found, this.now(), options.include === "recentHistory");
  }

  /**
   * Pushes dossier records (`DongBoHoSoMC`), one call per record so each gets its own
   * outcome. In `upsert` mode (the default) a record is created, and when the portal answers
   * "đã tồn tại" it is sent again as an update. Every record is checked before the first
   * call: a bad one throws a `ValidationError` naming `records[i].field`.
   */
  async sync(
    records: DvcqgDossierRecord[],
    options: DvcqgSyncOptions & RequestOptions = {},
  ): Promise<DvcqgSyncResult[]> {
    const mode = options.mode ?? "upsert";
    const problems = new Problems();
    if (!Array.isArray(records)) problems.add("records", "invalid", "must be an array");
    if (!["upsert", "create", "update"].includes(mode))
      problems.add("mode", "invalid", 'must be "upsert", "create" or "update"');
    const hoSo = Array.isArray(records)
      ? records.map((record, i) => toHoSo(record, `records[${i}]`, problems))
      : [];
    throwProblems(problems, "dossier records");
    const results: DvcqgSyncResult[] = [];
    for (const record of hoSo) {
      const code = record.MaHoSo as string;
      if (mode !== "update") {
        try {
          await this.push(record, false, options);
          results.push({ code, action: "created" });
          continue;
        } catch (error) {
          if (mode === "create" || !(error instanceof ConflictError)) throw error;
        }
      }
      await this.push(record, true, options);
      results.push({ code, action: "updated" });
    }
    return results;
  }

  private push(record: DvcqgHoSo, updating: boolean, options: RequestOptions): Promise<unknown> {
    return this.session.call(
      {
        endpoint: "integration",
        service: DVCQG_SERVICES.sync,
        // .NET's spelling of booleans, as the portal expects.
        params: { isUpdating: updating ? "True" : "False", data: [record] },
      },
      options,
    );
  }

  /**
   * Reports processing steps (`CapNhatTienDoHoSoMC`) in batches of 10, in order. Batches
   * already sent stay recorded when a later one fails; the error says which dossier.
   */
  async reportProgress(
    events: DvcqgProgressEvent[],
    options: RequestOptions = {},
  ): Promise<DvcqgProgressReport> {
    const problems = new Problems();
    if (!Array.isArray(events)) problems.add("events", "invalid", "must be an array");
    const items = Array.isArray(events)
      ? events.map((event, i) => toTienDo(event, `events[${i}]`, problems))
      : [];
    throwProblems(problems, "progress events");
    let batches = 0;
    for (let start = 0; start < items.length; start += DVCQG_PROGRESS_BATCH) {
      await this.session.call(
        {
          endpoint: "integration",
          service: DVCQG_SERVICES.progress,
          params: { data: items.slice(start, start + DVCQG_PROGRESS_BATCH) },
        },
        options,
      );
      batches++;
    }
    return { events: items.length, batches };
  }
}
