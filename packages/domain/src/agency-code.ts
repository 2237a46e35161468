/**
 * Mã định danh cơ quan under QCVN 102:2016: 13 characters, `000.00.00.G22` (Văn phòng Chính
 * phủ), `000.00.00.H41` (UBND tỉnh Nghệ An). The letter is the level-1 group (G central, H
 * provinces). Codes come from the server, never hard-coded: units merge and change.
 */
const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** Mã thủ tục hành chính, national format `d.dddddd` (e.g. `1.004227`). */
const PROCEDURE_CODE = /^\d\.\d{6}$/;

/**
 * Whether `value` is an agency code in the 13-character QCVN 102 format. Local gateway codes
 * such as `H37.DN.001` are not. No trimming: the check is for stored values.
 *
 * @example
 * isAgencyCode("000.00.12.H12"); // true
 * isAgencyCode("H12.22"); // false
 */
export function isAgencyCode(value: string): boolean {
  return typeof value === "string" && AGENCY_CODE.test(value);
}

/**
 * Whether `value` is a national procedure code `d.dddddd`. Local mappings that append an
 * agency code (`1.001776.000.00.00.H56`) are not national codes and give false.
 *
 * @example
 * isProcedureCode("1.004227"); // true
 */
export function isProcedureCode(value: string): boolean {
  return typeof value === "string" && PROCEDURE_CODE.test(value);
}
