import { ZaloOaApiError } from "./errors.js";
import type { ZaloOaZnsTemplate } from "./options.js";

/** A ZNS message the OA sent. */
export interface ZaloOaZnsMessage {
  msgId: string;
  /** `84xxxxxxxxx`. */
  phone: string;
  templateId: string;
  templateData: Record<string, string | number>;
  trackingId?: string;
  /** Epoch ms as a string, as Zalo answers. */
  sentTime: string;
  /** The user id the phone belongs to (the `recipient.id` of the receipt). */
  userId: string;
}

type Wire = Record<string, unknown>;
const isObject = (value: unknown): value is Wire =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks a `/message/template` body: -108 phone, -109 template, -111/-112 template data. */
export function readZns(
  body: unknown,
  templates: readonly ZaloOaZnsTemplate[],
): Pick<ZaloOaZnsMessage, "phone" | "templateId" | "templateData" | "trackingId"> {
  if (!isObject(body)) throw new ZaloOaApiError(-201, "Parameter is invalid: body");
  const { phone, template_id: templateId, template_data: data, tracking_id: trackingId } = body;
  if (typeof phone !== "string" || !/^84\d{9}$/.test(phone))
    throw new ZaloOaApiError(-108, "Phone number is invalid");
  const template =
    typeof templateId === "string" || typeof templateId === "number"
      ? templates.find((t) => t.templateId === String(templateId))
      : undefined;
  if (!template) throw new ZaloOaApiError(-109, "Template ID is invalid");
  if (!isObject(data) || Object.keys(data).length === 0)
    throw new ZaloOaApiError(-111, "Template data is empty");
  const templateData: Record<string, string | number> = {};
  for (const param of template.params) {
    const value = data[param];
    if (typeof value !== "string" && typeof value !== "number")
      throw new ZaloOaApiError(-112, `Template data is invalid: ${param} is missing`);
    templateData[param] = value;
  }
  if (trackingId !== undefined && (typeof trackingId !== "string" || trackingId.length > 48))
    throw new ZaloOaApiError(-201, "Parameter is invalid: tracking_id");
  return {
    phone,
    templateId: template.templateId,
    templateData,
    ...(trackingId !== undefined && { trackingId }),
  };
}
