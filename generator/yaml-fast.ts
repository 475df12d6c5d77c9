/**
 * A fast path for yaml.ts: the plain block YAML OpenAPI documents are written
 * in (block mappings and sequences, plain and quoted scalars, `{}` and `[]`,
 * comments), read in one pass over the lines, into the same JSON value and
 * the same positions as yaml.ts gives through the `yaml` package. Anything
 * else (anchors, aliases, tags, block scalars, flow collections with members,
 * directives, several documents, tabs in indentation, a key met twice, a
 * scalar the core schema would read as a number other than a plain decimal,
 * and every error) answers undefined, and yaml.ts parses the text with the
 * package, which knows all of YAML and words the errors. The package costs a
 * quarter of a second on the Cognito document (920 KB), most of it compiling
 * its own code; this, a few milliseconds. test/yaml-fast.test.ts holds the two
 * equal on documents the package writes and on hand-written ones; the corpus
 * suite on the corpus's document.
 */
import type { JsonValue } from "./escape.js";
import { pointerJoin, type Position } from "./json.js";

export interface FastYaml {
  readonly value: JsonValue;
  readonly positions: Map<string, Position>;
}

/** Not for this path: yaml.ts hands the text to the package. */
class Unsupported extends Error {}

const fail = (): never => {
  throw new Unsupported();
};

interface Line {
  /** Leading spaces. */
  indent: number;
  /** The text after them ("" for an empty line). */
  text: string;
  /** Its number, from 1. */
  readonly number: number;
}

/** A plain scalar may not begin with these (YAML's indicators), nor with `-`, `?` or `:` before a space. */
const INDICATORS = new Set([..."[]{},#&*!|>'\"%@`"]);

/** The JSON value and positions of a document in the plain block subset, or undefined. */
export function fastYaml(text: string): FastYaml | undefined {
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private at = 0;
  readonly positions = new Map<string, Position>();

  constructor(text: string) {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      let line = text.slice(start, end);
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (line.includes("\r") || line.includes("\t")) fail();
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent++;
      this.lines.push({ indent, text: line.slice(indent), number: this.lines.length + 1 });
      start = end + 1;
    }
  }

  document(): FastYaml {
    this.skipBlank();
    const first = this.lines[this.at];
    if (first === undefined) fail();
    if (first!.text.startsWith("%") || first!.text.startsWith("---") || first!.indent !== 0) fail();
    this.positions.set("", this.position(first!, 0));
    const value = this.block(0, "", true);
    this.skipBlank();
    if (this.at < this.lines.length) fail();
    return { value, positions: this.positions };
  }

  private position(line: Line, column: number): Position {
    return { line: line.number, column: line.indent + column + 1 };
  }

  /** Past empty lines and comment lines. */
  private skipBlank(): void {
    while (this.at < this.lines.length) {
      const t = this.lines[this.at]!.text;
      if (t !== "" && !t.startsWith("#")) return;
      this.at++;
    }
  }

  /**
   * The block node that starts at the next line with content, indented `indent` (a mapping or a
   * sequence; `exact`: at that indentation, else deeper than `indent`).
   */
  private block(indent: number, pointer: string, exact: boolean): JsonValue {
    this.skipBlank();
    const line = this.lines[this.at];
    if (line === undefined || (exact ? line.indent !== indent : line.indent <= indent)) fail();
    if (isSequenceItem(line!.text)) return this.sequence(line!.indent, pointer);
    return this.mapping(line!.indent, pointer);
  }

  private mapping(indent: number, pointer: string): JsonValue {
    const out: Record<string, JsonValue> = {};
    for (;;) {
      this.skipBlank();
      const line = this.lines[this.at];
      if (line === undefined || line.indent < indent) break;
      if (line.indent > indent || isSequenceItem(line.text)) {
        // a sequence at the mapping's own indentation is a value (taken by the key before it); here, an error
        fail();
      }
      const { key, rest } = this.key(line);
      const member = pointerJoin(pointer, key);
      if (Object.prototype.hasOwnProperty.call(out, key)) fail();
      this.positions.set(member, this.position(line, 0));
      this.at++;
      let value: JsonValue;
      if (rest === "" || rest.startsWith("#")) {
        // the value on the lines below: deeper, or a sequence at the key's own indentation
        this.skipBlank();
        const next = this.lines[this.at];
        if (next !== undefined && next.indent === indent && isSequenceItem(next.text)) value = this.sequence(indent, member);
        else if (next !== undefined && next.indent > indent) value = this.block(indent, member, false);
        else fail();
      } else {
        value = this.inline(line, line.text.length - rest.length, indent);
      }
      // an own member even for `__proto__`, never a prototype
      if (key === "__proto__") Object.defineProperty(out, key, { value: value!, enumerable: true, writable: true, configurable: true });
      else out[key] = value!;
    }
    return out;
  }

  /** A mapping entry's key, and the text after its `:` (spaces skipped). */
  private key(line: Line): { key: string; rest: string } {
    const t = line.text;
    let key: string;
    let after: number;
    if (t.startsWith('"') || t.startsWith("'")) {
      const q = quotedOnLine(t, 0);
      key = q.value;
      after = q.end;
    } else {
      if (INDICATORS.has(t[0]!) || ((t[0] === "-" || t[0] === "?" || t[0] === ":") && (t[1] === " " || t[1] === undefined))) fail();
      const colon = keyColon(t);
      key = t.slice(0, colon).trimEnd();
      if (key.includes(" #")) fail();
      after = colon;
    }
    if (t[after] !== ":" || (t[after + 1] !== undefined && t[after + 1] !== " ")) fail();
    // an implicit key is at most 1024 characters long: a longer one is an error the package words
    if (after > 1024) fail();
    return { key, rest: t.slice(after + 1).trimStart() };
  }

  private sequence(indent: number, pointer: string): JsonValue {
    const out: JsonValue[] = [];
    for (;;) {
      this.skipBlank();
      const line = this.lines[this.at];
      if (line === undefined || line.indent < indent) break;
      if (line.indent > indent) fail();
      if (!isSequenceItem(line.text)) break;
      const member = pointerJoin(pointer, out.length);
      let offset = 1;
      while (line.text[offset] === " ") offset++;
      const rest = line.text.slice(offset);
      if (rest === "" || rest.startsWith("#")) fail();
      this.positions.set(member, this.position(line, offset));
      if (isSequenceItem(rest)) fail();
      if (startsMapping(rest)) {
        // a compact mapping: its keys at the column after the dash
        const column = line.indent + offset;
        line.indent = column;
        line.text = rest;
        out.push(this.mapping(column, member));
      } else {
        this.at++;
        out.push(this.inline(line, offset, indent));
      }
    }
    return out;
  }

  /**
   * A scalar (or `{}`, `[]`) that starts at `column` of `line` (already consumed), and the lines
   * that continue it (deeper than `parent`).
   */
  private inline(line: Line, column: number, parent: number): JsonValue {
    const t = line.text.slice(column);
    if (t.startsWith('"') || t.startsWith("'")) return this.quoted(line, column, parent);
    if (t.startsWith("{") || t.startsWith("[")) {
      const close = t[0] === "{" ? "}" : "]";
      let i = 1;
      while (t[i] === " ") i++;
      if (t[i] !== close) fail();
      const rest = t.slice(i + 1).trimStart();
      if (rest !== "" && !rest.startsWith("#")) fail();
      return t[0] === "{" ? {} : [];
    }
    if (INDICATORS.has(t[0]!) || ((t[0] === "-" || t[0] === "?" || t[0] === ":") && (t[1] === " " || t[1] === undefined))) fail();
    // the first line, to a comment (after which the scalar cannot go on)
    let text = plainPart(t);
    if (text.length < t.trimEnd().length) return resolvePlain(text);
    let multiLine = false;
    // continuation lines: deeper than the parent, folded (one break: a space; each empty line: a break)
    let breaks = 0;
    for (;;) {
      const next = this.lines[this.at];
      if (next === undefined) break;
      if (next.text === "") {
        breaks++;
        this.at++;
        continue;
      }
      if (next.indent <= parent || next.text.startsWith("#")) break;
      const part = plainPart(next.text);
      text += breaks === 0 ? ` ${part}` : "\n".repeat(breaks) + part;
      if (part.length < next.text.trimEnd().length) fail();
      breaks = 0;
      multiLine = true;
      this.at++;
    }
    // empty lines after the scalar belong to no one: give them back
    while (breaks > 0 && this.at > 0 && this.lines[this.at - 1]!.text === "") {
      this.at--;
      breaks--;
    }
    return multiLine ? text : resolvePlain(text);
  }

  private quoted(line: Line, column: number, parent: number): string {
    const quote = line.text[column]!;
    let text = line.text;
    let run = quotedRun(text, column + 1, quote);
    let value = run.value;
    /** The length of the value up to the last escape: white space an escape wrote is never trimmed. */
    let kept = run.kept;
    while (!run.closed) {
      if (run.escapedBreak) {
        // an escaped line break: nothing of it, nor of the next line's indentation
        const next = this.lines[this.at];
        if (next === undefined || next.text === "" || next.indent <= parent) fail();
        text = next!.text;
      } else {
        // a line break inside: folded as in a plain scalar, the white space around it dropped
        // (spaces and tabs only: YAML's white space; not one an escape wrote)
        let end = value.length;
        while (end > kept && (value[end - 1] === " " || value[end - 1] === "\t")) end--;
        value = value.slice(0, end);
        let breaks = 0;
        let next = this.lines[this.at];
        while (next !== undefined && next.text === "") {
          breaks++;
          this.at++;
          next = this.lines[this.at];
        }
        if (next === undefined || next.indent <= parent) fail();
        value += breaks === 0 ? " " : "\n".repeat(breaks);
        text = next!.text;
      }
      this.at++;
      run = quotedRun(text, 0, quote);
      if (run.kept > 0) kept = value.length + run.kept;
      value += run.value;
    }
    const rest = text.slice(run.end).trimStart();
    if (rest !== "" && !rest.startsWith("#")) fail();
    return value;
  }

}

function isSequenceItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

/** Whether an item's text is a mapping entry (`key: …`, `"key": …`). */
function startsMapping(text: string): boolean {
  if (text.startsWith('"') || text.startsWith("'")) {
    const q = quotedOnLine(text, 0);
    return text[q.end] === ":" && (text[q.end + 1] === undefined || text[q.end + 1] === " ");
  }
  return keyColonOrNone(text) >= 0;
}

/** Where a plain key ends: its `:` before a space or the end of the line. */
function keyColon(text: string): number {
  const i = keyColonOrNone(text);
  if (i < 0) fail();
  return i;
}

function keyColonOrNone(text: string): number {
  // the first `: ` (or a `:` that ends the line), unless a comment (` #`) comes first
  let colon = text.indexOf(": ");
  if (colon < 0 && text.endsWith(":")) colon = text.length - 1;
  const comment = text.indexOf(" #");
  return colon >= 0 && (comment < 0 || colon < comment) ? colon : -1;
}

/** A plain scalar's text on one line: to a comment, trailing spaces off; no `: ` inside (a key). */
function plainPart(text: string): string {
  const comment = text.indexOf(" #");
  const end = comment < 0 ? text.length : comment;
  const colon = text.indexOf(": ");
  if ((colon >= 0 && colon < end) || (comment < 0 && text.endsWith(":"))) fail();
  const part = text.slice(0, end).trimEnd();
  if (part === "" || part.endsWith(":")) fail();
  return part;
}

/** A quoted scalar that ends on its line: its value and the offset after the closing quote. */
function quotedOnLine(text: string, from: number): { value: string; end: number } {
  const run = quotedRun(text, from + 1, text[from]!);
  if (!run.closed) fail();
  return { value: run.value, end: run.end };
}

/**
 * A quoted scalar's characters on one line, from `i` to its closing quote (`closed`, `end` after
 * it) or to the line's end (`escapedBreak`: a backslash ends it); `kept`, the length of the value
 * up to its last escape (0 without one).
 */
function quotedRun(text: string, i: number, quote: string): { value: string; end: number; closed: boolean; escapedBreak: boolean; kept: number } {
  let value = "";
  let kept = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1, closed: true, escapedBreak: false, kept };
    }
    if (quote === '"' && c === "\\") {
      if (i + 1 === text.length) return { value, end: i + 1, closed: false, escapedBreak: true, kept };
      const e = escape(text, i);
      value += e.value;
      kept = value.length;
      i = e.end;
      continue;
    }
    // the run up to the next quote or backslash, in one piece
    let next = text.indexOf(quote, i + 1);
    if (quote === '"') {
      const backslash = text.indexOf("\\", i + 1);
      if (backslash >= 0 && (next < 0 || backslash < next)) next = backslash;
    }
    if (next < 0) next = text.length;
    value += text.slice(i, next);
    i = next;
  }
  return { value, end: i, closed: false, escapedBreak: false, kept };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { "0": "\0", b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", '"': '"', "/": "/", "\\": "\\", " ": " " };

/** A double-quoted scalar's escape at `i` (the backslash). */
function escape(text: string, i: number): { value: string; end: number } {
  const c = text[i + 1];
  if (c === undefined) fail();
  if (Object.hasOwn(SIMPLE_ESCAPES, c!)) return { value: SIMPLE_ESCAPES[c!]!, end: i + 2 };
  const width = c === "x" ? 2 : c === "u" ? 4 : c === "U" ? 8 : 0;
  if (width === 0) fail();
  const hex = text.slice(i + 2, i + 2 + width);
  if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) fail();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) fail();
  return { value: String.fromCodePoint(code), end: i + 2 + width };
}

/**
 * A one-line plain scalar as YAML 1.2's core schema reads it: null, a boolean, a plain decimal
 * integer (a safe one), or a string; any other number (hex, octal, floats, infinities) to the
 * package.
 */
function resolvePlain(text: string): JsonValue {
  if (text === "~" || text === "null" || text === "Null" || text === "NULL") return null;
  if (text === "true" || text === "True" || text === "TRUE") return true;
  if (text === "false" || text === "False" || text === "FALSE") return false;
  // every number of the core schema starts with a sign, a dot or a digit
  const first = text.charCodeAt(0);
  if (first !== 43 && first !== 45 && first !== 46 && !(first >= 48 && first <= 57)) return text;
  if (/^[-+]?[0-9]+$/.test(text)) {
    // in its plain form only (no sign but -, no leading zero, not -0), and safe
    const n = Number(text);
    if (!/^-?(?:0|[1-9][0-9]*)$/.test(text) || text === "-0" || !Number.isSafeInteger(n)) fail();
    return n;
  }
  // the core schema's other numbers: hex, octal, floats, .inf, .nan
  if (/^0x[0-9a-fA-F]+$|^0o[0-7]+$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(text)) fail();
  return text;
}
