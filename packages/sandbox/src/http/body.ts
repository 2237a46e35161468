import { ApiProblem, badRequest } from "./problem.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a request body with a byte limit, as strict UTF-8; never buffers past the limit. */
export async function readBody(request: Request, limitBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw payloadTooLarge(limitBytes);
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limitBytes) throw payloadTooLarge(limitBytes);
    chunks.push(chunk);
  }
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("invalid_encoding", "The request body is not valid UTF-8.");
  }
}

function payloadTooLarge(limitBytes: number): ApiProblem {
  return new ApiProblem(
    413,
    "payload_too_large",
    "Content Too Large",
    `The request body exceeds ${limitBytes} bytes.`,
    // The rest of the body stays unread, so the connection cannot carry another request.
    { headers: { Connection: "close" } },
  );
}

/** Parses a body by its media type into the value the contract validates. */
export function parseBody(
  text: string,
  contentType: string | null,
  expected: readonly string[],
): unknown {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (text === "" && mediaType === "") return undefined;
  if (!expected.includes(mediaType)) {
    throw new ApiProblem(
      415,
      "unsupported_media_type",
      "Unsupported Media Type",
      `Send the body as ${expected.join(" or ")}.`,
    );
  }
  if (mediaType === "application/x-www-form-urlencoded") {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest("malformed_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
}
