/**
 * Why an edXML envelope could not be read or written.
 *
 * - `malformed_xml`: not well-formed XML (or XML this module refuses on principle: a DTD,
 *   characters XML forbids, bytes that are not UTF-8).
 * - `not_edxml`: well-formed XML, but the root is not a QCVN 102 envelope in the edXML namespace.
 * - `missing_field`: a required element or value is absent.
 * - `invalid_field`: a value is present but unusable (bad date, bad base64, unknown code…).
 */
export type EdxmlErrorCode = "malformed_xml" | "not_edxml" | "missing_field" | "invalid_field";

/**
 * The only error `parseEdxml`, `parseEdxmlStatus`, the builders and the converters throw.
 *
 * Standalone on purpose: the SDK's main error hierarchy is written elsewhere and this class
 * will be re-parented onto it later; its name and `code` values are part of the public API.
 *
 * @example
 * try {
 *   parseEdxml(xml);
 * } catch (err) {
 *   if (err instanceof EdxmlError && err.code === "missing_field") console.warn(err.path);
 * }
 */
export class EdxmlError extends Error {
  override readonly name = "EdxmlError";
  /** Machine-readable reason. */
  readonly code: EdxmlErrorCode;
  /**
   * Where the problem is. Errors from parsing name the wire element
   * (`MessageHeader/Code/CodeNumber`); errors from building name the model property
   * (`header.code.codeNumber`).
   */
  readonly path?: string;

  /**
   * @param code - machine-readable reason
   * @param message - human-readable explanation
   * @param options - `path` of the offending field; `cause` of a wrapped library error
   */
  constructor(
    code: EdxmlErrorCode,
    message: string,
    options: { path?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.path !== undefined) this.path = options.path;
  }
}
