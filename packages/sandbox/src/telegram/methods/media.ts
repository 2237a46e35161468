import { badRequest } from "../errors.js";
import type { StoredFile } from "../files.js";
import { imageInfo } from "../image-size.js";
import { readReplyMarkup } from "../keyboard.js";
import { documentOf, storeDocument, storePhoto } from "../media.js";
import type { Document, File, PhotoSize } from "../types.js";
import {
  checkParseMode,
  type Method,
  type MethodContext,
  postAsBot,
  replyTarget,
  targetChat,
} from "./context.js";

const MAX_CAPTION = 1024;
/** Bots may download files up to 20 MB through `getFile`. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/** A file sent again by id; the emulator does not fetch HTTP URLs, so those are refused. */
function existingFile(ctx: MethodContext, name: string): StoredFile | undefined {
  const value = ctx.params.string(name);
  if (value === undefined || value.startsWith("attach://")) return undefined;
  const file = ctx.bot.files.get(value);
  if (!file) throw badRequest("wrong file identifier/HTTP URL specified");
  return file;
}

function photoOf(ctx: MethodContext): PhotoSize[] {
  const upload = ctx.params.file("photo");
  if (upload) return storePhoto(ctx.bot.files, upload.data);
  const file = existingFile(ctx, "photo");
  const info = file && imageInfo(file.data);
  if (!file) throw badRequest("there is no photo in the request");
  if (!info) throw badRequest("wrong file identifier/HTTP URL specified");
  const { fileId: file_id, uniqueId: file_unique_id } = file;
  return [
    {
      file_id,
      file_unique_id,
      width: info.width,
      height: info.height,
      file_size: file.data.length,
    },
  ];
}

function documentOfRequest(ctx: MethodContext): Document {
  const upload = ctx.params.file("document");
  if (upload) return storeDocument(ctx.bot.files, upload.data, upload.name);
  const file = existingFile(ctx, "document");
  if (!file) throw badRequest("there is no document in the request");
  return documentOf(file);
}

/** Sends a photo or document with an optional caption and keyboard. */
async function sendMedia(
  ctx: MethodContext,
  media: (ctx: MethodContext) => { photo: PhotoSize[] } | { document: Document },
) {
  const chat = targetChat(ctx);
  const caption = ctx.params.string("caption");
  if (caption !== undefined && caption.length > MAX_CAPTION)
    throw badRequest("message caption is too long");
  checkParseMode(ctx);
  const markup = readReplyMarkup(ctx.params.json("reply_markup", "reply keyboard markup"));
  const replyTo = replyTarget(ctx, chat);
  return postAsBot(ctx, chat, {
    ...media(ctx),
    ...(caption && { caption }),
    ...(markup && { reply_markup: markup }),
    ...(replyTo && { reply_to_message: replyTo }),
  });
}

export const mediaMethods: Record<string, Method> = {
  sendPhoto: (ctx) => sendMedia(ctx, (c) => ({ photo: photoOf(c) })),
  sendDocument: (ctx) => sendMedia(ctx, (c) => ({ document: documentOfRequest(c) })),

  getFile(ctx): File {
    const file = ctx.bot.files.get(ctx.params.string("file_id") ?? "");
    if (!file) throw badRequest("invalid file_id");
    if (file.data.byteLength > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big");
    return {
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      file_size: file.data.byteLength,
      file_path: file.path,
    };
  },
};
