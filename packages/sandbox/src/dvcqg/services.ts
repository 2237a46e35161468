import { DVCQG_SERVICES, type DvcqgService } from "@vnegov/domain";
import type { World } from "../world.js";
import { invalidData } from "./errors.js";
import { parseHoSo, parseTienDo, records } from "./ho-so-input.js";
import { createHoSo, updateHoSo } from "./ho-so-store.js";
import { hoSoOf } from "./ho-so-view.js";
import type { DvcqgEmulatorOptions } from "./options.js";
import { applyProgress } from "./progress.js";
import { danhSachThuTuc, thuTuc } from "./thu-tuc.js";

/** The two endpoints: dossier work on `integration`, dictionaries on `share`. */
export type DvcqgEndpoint = "integration" | "share";

/** What a service needs besides its parameters. */
export interface ServiceContext {
  world: World;
  options: DvcqgEmulatorOptions;
  /** The caller's unit (`madonvi`), already checked. */
  madonvi: string;
  /** Scheme and host the request came to, for file URLs. */
  origin: string;
  /** A test's override of the `TrangThaiHoSo` a look-up answers. */
  wireStatus(code: string): string | undefined;
  /** Keeps the verification secrets of dossiers `DongBoHoSoMC` created. */
  created(secrets: Map<string, string>): void;
}

interface Service {
  endpoints: readonly DvcqgEndpoint[];
  /** Items in the request, for the call log. */
  items?(params: Record<string, unknown>): number;
  run(ctx: ServiceContext, params: Record<string, unknown>): unknown;
}

const BOTH = ["integration", "share"] as const;
const count = (params: Record<string, unknown>) =>
  Array.isArray(params.data) ? params.data.length : 0;

/** `"True"`/`"False"` as .NET prints booleans; JSON booleans are tolerated. */
function isUpdating(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === "true";
  throw invalidData('isUpdating phải là "True" hoặc "False"');
}

/** Every service the emulator answers, by its wire name. */
export const SERVICES: Record<DvcqgService, Service> = {
  [DVCQG_SERVICES.procedure]: {
    // Catalogue reads are answered on either endpoint, as provincial adapters route both.
    endpoints: BOTH,
    run: ({ world }, params) => {
      const found = thuTuc(world, params.maTTHC);
      return found ? [found] : [];
    },
  },
  [DVCQG_SERVICES.procedures]: {
    endpoints: BOTH,
    run: ({ world }) => danhSachThuTuc(world),
  },
  [DVCQG_SERVICES.lookup]: {
    endpoints: ["integration"],
    run: ({ world, origin, wireStatus }, params) => {
      const code = typeof params.mahoso === "string" ? params.mahoso.trim() : "";
      if (!code) throw invalidData("mahoso bắt buộc");
      const found = hoSoOf(world, code, origin, wireStatus(code));
      // A non-empty result means the dossier exists (how Thanh Hóa checks before syncing).
      return found ? [found] : [];
    },
  },
  [DVCQG_SERVICES.sync]: {
    endpoints: ["integration"],
    items: count,
    run: (ctx, params) => {
      const updating = isUpdating(params.isUpdating);
      const batch = parseHoSo(records(params.data, ctx.options.maxSyncBatch));
      ctx.world.db.transaction(() => {
        if (updating) updateHoSo(ctx.world, batch);
        else ctx.created(createHoSo(ctx.world, ctx.madonvi, batch));
      })();
      ctx.world.onEvents();
      return undefined;
    },
  },
  [DVCQG_SERVICES.progress]: {
    endpoints: ["integration"],
    items: count,
    run: ({ world, options }, params) => {
      const steps = parseTienDo(records(params.data, options.maxProgressBatch));
      world.db.transaction(() => applyProgress(world, steps))();
      world.onEvents();
      return undefined;
    },
  },
};
