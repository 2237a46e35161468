import {
  decodeLgspStatus,
  LGSP_STATUS,
  LGSP_STATUS_LABELS,
  type LgspEdocStatus,
} from "@vnegov/domain";

/** A status as the exchange stores and lists it: its edXML code and Vietnamese label. */
export function statusOf(value: LgspEdocStatus): { code: string; desc: string } {
  return { code: LGSP_STATUS.encode(value), desc: LGSP_STATUS_LABELS[value].vi };
}

/** A status in either form (edXML code or keyword); undefined when it is neither. */
export function decodeStatus(status: unknown): LgspEdocStatus | undefined {
  if (typeof status !== "string" && typeof status !== "number") return undefined;
  const decoded = decodeLgspStatus(status);
  return decoded.value === "unknown" ? undefined : decoded.value;
}
