import type { Context } from "hono";
import { z } from "zod";
import type { IncomingAttachment } from "../../engine/messages.js";
import { badRequest, invalid, tooLarge, unsupportedMediaType } from "./problem.js";

/** The longest text one message may carry. */
export const MAX_TEXT = 4000;
/** Button actions stay within Telegram's callback limit on every channel. */
const MAX_ACTION_BYTES = 64;

/** What a browser sent, in the engine's terms. */
export interface WebInput {
  text?: string;
  action?: string;
  attachments?: IncomingAttachment[];
  locale?: string;
}

const text = z
  .string()
  .trim()
  .min(1, "text must not be empty.")
  .max(MAX_TEXT, `text must be at most ${MAX_TEXT} characters.`);
const action = z
  .string()
  .min(1, "action must not be empty.")
  .refine(
    (a) => Buffer.byteLength(a) <= MAX_ACTION_BYTES,
    `action must be at most ${MAX_ACTION_BYTES} bytes.`,
  );
const locale = z
  .string()
  .regex(
    /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/,
    "locale must be a language tag like vi or en-US.",
  )
  .optional();

const jsonMessage = z
  .strictObject({ text: text.optional(), action: action.optional(), locale })
  .refine((m) => (m.text === undefined) !== (m.action === undefined), {
    message: "Send exactly one of text or action.",
  });

/** Fields besides the file; a caption may be empty (browsers send blank fields). */
const uploadFields = z.strictObject({
  text: z.string().trim().max(MAX_TEXT, `text must be at most ${MAX_TEXT} characters.`).optional(),
  locale,
});

/** The media type of a `Content-Type` header, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Reads `{ text }` or `{ action }` as JSON, or one file (field `file`, optional `text`) as
 * multipart; anything else is a 4xx problem.
 */
export async function readInput(c: Context, maxAttachmentBytes: number): Promise<WebInput> {
  const type = mediaType(c.req.header("Content-Type"));
  if (type === "application/json") return parse(jsonMessage, await readJson(c));
  if (type === "multipart/form-data") return readUpload(c, maxAttachmentBytes);
  throw unsupportedMediaType("Send application/json, or multipart/form-data with a file.");
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest("malformed_json", "The body is not valid JSON.");
  }
}

async function readUpload(c: Context, maxAttachmentBytes: number): Promise<WebInput> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw badRequest("malformed_multipart", "The body is not valid multipart/form-data.");
  }
  const files = form.getAll("file");
  const file = files[0];
  if (files.length !== 1 || !(file instanceof File)) {
    throw invalid([
      { field: "file", code: "invalid_type", message: "Send exactly one file in the file field." },
    ]);
  }
  if (file.size > maxAttachmentBytes) throw attachmentTooLarge(maxAttachmentBytes);
  const fields = parse(
    uploadFields,
    Object.fromEntries([...form.entries()].filter(([name]) => name !== "file")),
  );
  return {
    text: fields.text || undefined,
    locale: fields.locale,
    attachments: [
      {
        fileName: file.name.slice(0, 255) || "file",
        contentType: file.type || "application/octet-stream",
        data: new Uint8Array(await file.arrayBuffer()),
      },
    ],
  };
}

export function attachmentTooLarge(maxAttachmentBytes: number) {
  return tooLarge(`The attachment exceeds ${maxAttachmentBytes} bytes.`, maxAttachmentBytes);
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalid(
    result.error.issues.map((issue) => ({
      field: issue.path.join(".") || "body",
      code: issue.code,
      message: issue.message,
    })),
  );
}
