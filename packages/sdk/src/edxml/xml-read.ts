import { fromWireDate, fromWireTimestamp } from "./dates.js";
import { EdxmlError } from "./errors.js";
import { EDXML_NAMESPACE } from "./namespace.js";
import type { XmlElement } from "./xml-tree.js";

/**
 * Typed accessors over the element tree for the edXML parser. Each takes the parent's wire
 * path and reports errors with the child's (`MessageHeader/Code/CodeNumber`, `…/To[2]`).
 * Elements outside the edXML namespace, and edXML elements nobody asks for, are ignored so
 * that extensions (an XMLDSig `Signature`, newer fields) do not break reading.
 */

const missing = (path: string, what = "is required"): EdxmlError =>
  new EdxmlError("missing_field", `${path} ${what}`, { path });

/** Builds an `invalid_field` error for `path`. */
export const invalid = (path: string, why: string): EdxmlError =>
  new EdxmlError("invalid_field", `${path} ${why}`, { path });

/** Whether `el` is the edXML element `name`. */
export function isEdxml(el: XmlElement, name: string): boolean {
  return el.namespace === EDXML_NAMESPACE && el.localName === name;
}

/** All edXML children named `name`, in order. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child) => isEdxml(child, name));
}

/** The edXML child `name`, if present; more than one is an error. */
export function optionalChild(
  parent: XmlElement,
  name: string,
  path: string,
): XmlElement | undefined {
  const found = childrenNamed(parent, name);
  if (found.length > 1) throw invalid(`${path}/${name}`, "appears more than once");
  return found[0];
}

/** The edXML child `name`; absent is `missing_field`. */
export function requiredChild(parent: XmlElement, name: string, path: string): XmlElement {
  const child = optionalChild(parent, name, path);
  if (child === undefined) throw missing(`${path}/${name}`);
  return child;
}

/** Text content of an element that must not contain elements. */
function leafText(el: XmlElement, path: string): string {
  if (el.children.length > 0) throw invalid(path, "must contain text, not elements");
  return el.text;
}

/** Text of the optional child `name`, verbatim. */
export function optionalText(parent: XmlElement, name: string, path: string): string | undefined {
  const child = optionalChild(parent, name, path);
  return child === undefined ? undefined : leafText(child, `${path}/${name}`);
}

/** Text of the required child `name`, verbatim; it may be empty. */
export function requiredText(parent: XmlElement, name: string, path: string): string {
  return leafText(requiredChild(parent, name, path), `${path}/${name}`);
}

/**
 * An identifier or code: trimmed (pretty-printers indent them), and blank is treated as
 * absent, since an empty `OrganId` identifies nothing.
 */
export function requiredId(parent: XmlElement, name: string, path: string): string {
  const value = requiredText(parent, name, path).trim();
  if (value === "") throw missing(`${path}/${name}`, "is empty");
  return value;
}

/** Like {@link requiredId} for an optional element; present but blank is still an error. */
export function optionalId(parent: XmlElement, name: string, path: string): string | undefined {
  const text = optionalText(parent, name, path);
  if (text === undefined) return undefined;
  if (text.trim() === "") throw missing(`${path}/${name}`, "is empty");
  return text.trim();
}

function toInt(text: string, path: string, max: number): number {
  const trimmed = text.trim();
  if (!/^[0-9]{1,15}$/.test(trimmed)) throw invalid(path, `must be a whole number, got "${text}"`);
  const value = Number(trimmed);
  if (value > max) throw invalid(path, `must be at most ${max}, got ${value}`);
  return value;
}

/** A non-negative integer child, at most `max`. */
export function optionalInt(
  parent: XmlElement,
  name: string,
  path: string,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const text = optionalText(parent, name, path);
  return text === undefined ? undefined : toInt(text, `${path}/${name}`, max);
}

/** A required non-negative integer child, at most `max`. */
export function requiredInt(
  parent: XmlElement,
  name: string,
  path: string,
  max = Number.MAX_SAFE_INTEGER,
): number {
  return toInt(requiredText(parent, name, path), `${path}/${name}`, max);
}

/**
 * A code that is a number when written canonically (`1`) and stays text otherwise (`01`,
 * `CV`), so that both our numbers and other senders' codes round-trip.
 */
export function requiredCode(parent: XmlElement, name: string, path: string): number | string {
  return numberOrText(requiredId(parent, name, path));
}

/** {@link requiredCode} for an optional element. */
export function optionalCode(
  parent: XmlElement,
  name: string,
  path: string,
): number | string | undefined {
  const value = optionalId(parent, name, path);
  return value === undefined ? undefined : numberOrText(value);
}

function numberOrText(value: string): number | string {
  return /^(?:0|[1-9][0-9]{0,14})$/.test(value) ? Number(value) : value;
}

/** `true`/`false` (also `1`/`0`, which xsd:boolean allows). */
export function optionalBoolean(
  parent: XmlElement,
  name: string,
  path: string,
): boolean | undefined {
  const text = optionalText(parent, name, path);
  if (text === undefined) return undefined;
  const value = text.trim();
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw invalid(`${path}/${name}`, `must be true or false, got "${text}"`);
}

/** A `yyyy/MM/dd` child as `YYYY-MM-DD`. */
export function optionalDate(
  parent: XmlElement,
  name: string,
  path: string,
  allowTime = false,
): string | undefined {
  const text = optionalText(parent, name, path);
  if (text === undefined) return undefined;
  const date = fromWireDate(text.trim(), allowTime);
  if (date === null) throw invalid(`${path}/${name}`, `must be a date yyyy/MM/dd, got "${text}"`);
  return date;
}

/** A required `yyyy/MM/dd` child as `YYYY-MM-DD`. */
export function requiredDate(
  parent: XmlElement,
  name: string,
  path: string,
  allowTime = false,
): string {
  const date = optionalDate(parent, name, path, allowTime);
  if (date === undefined) throw missing(`${path}/${name}`);
  return date;
}

/** A required `yyyy/MM/dd HH:mm:ss` (Vietnam time) child as RFC 3339 `…+07:00`. */
export function requiredTimestamp(parent: XmlElement, name: string, path: string): string {
  const text = requiredText(parent, name, path);
  const timestamp = fromWireTimestamp(text.trim());
  if (timestamp === null) {
    throw invalid(`${path}/${name}`, `must be a time yyyy/MM/dd HH:mm:ss, got "${text}"`);
  }
  return timestamp;
}

/** Texts of every edXML child `name`, verbatim (`ToPlaces/Place*`, `Appendixes/Appendix*`). */
export function textList(parent: XmlElement, name: string, path: string): string[] {
  return childrenNamed(parent, name).map((child, i) =>
    leafText(child, `${path}/${name}[${i + 1}]`),
  );
}

/** Identifiers of every edXML child `name`, trimmed and non-blank (`OrganIdList/OrganId*`). */
export function idList(parent: XmlElement, name: string, path: string): string[] {
  return textList(parent, name, path).map((text, i) => {
    if (text.trim() === "") throw missing(`${path}/${name}[${i + 1}]`, "is empty");
    return text.trim();
  });
}
