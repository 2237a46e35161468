/**
 * The LGSP wire's records, field for field as LGSP Lạng Sơn's answers carry them
 * (`shared/reference/vn-egov.md` §2.3–2.4): what the sandbox's emulator writes. The SDK's
 * adapter reads them field by field and checks each value, since a deployment may differ.
 */

/** One unit of `GET /v1/getAgenciesList`'s `content[]`. */
export interface LgspAgencyRecord {
  /** LGSP's own id. */
  id: string;
  /** Mã định danh, e.g. `000.00.12.H99`. */
  code: string;
  oldCode: string | null;
  name: string;
  centerCode: string | null;
  /** LGSP id of the parent unit. */
  parentId: string | null;
  /** Depth in the agency tree, 1 at the top [UNCONFIRMED meaning of LGSP's `level`]. */
  level: number;
  /** `NATIONAL` for central bodies, `INTERNAL` for the province's own units. */
  type: "NATIONAL" | "INTERNAL";
  typeInternal: boolean;
}
