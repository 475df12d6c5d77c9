/**
 * A JSON reader that keeps the position of every value, so that any later
 * stage can name file:line:column for a JSON pointer.
 *
 * It is strict JSON with one tolerance the real Cognito schemas need: a raw
 * control character (a line feed, most often) inside a string is read as
 * itself and reported as a warning with its position. Everything else that is
 * not JSON is an error with its position.
 */
import type { JsonValue } from "./escape.js";
import { grouped } from "./depth.js";

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface ParseWarning extends Position {
  readonly message: string;
}

export interface ParsedJson {
  readonly value: JsonValue;
  /** JSON pointer → position of the value's first character. */
  readonly positions: ReadonlyMap<string, Position>;
  readonly warnings: readonly ParseWarning[];
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** Where in the document, when the text parsed that far. */
    readonly pointer?: string,
  ) {
    super(message);
  }
}

/** How deep arrays and objects may nest in one JSON text (depth.ts documents the limits). */
export const MAX_JSON_DEPTH = 10_000;

export function pointerSegment(key: string): string {
  // nearly every key needs no escaping: no regex run for those
  return key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key;
}

export function pointerJoin(pointer: string, ...keys: readonly (string | number)[]): string {
  if (keys.length === 1) return `${pointer}/${typeof keys[0] === "number" ? keys[0] : pointerSegment(keys[0]!)}`;
  return keys.reduce<string>((p, k) => `${p}/${pointerSegment(String(k))}`, pointer);
}

const CONTROL_NAMES: Record<number, string> = { 0x0a: "line feed", 0x0d: "carriage return", 0x09: "tab" };

export function parseJson(text: string): ParsedJson {
  return new JsonReader(text).document();
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** One pass over a JSON text: a method per construct, the position of every value recorded on the way. */
class JsonReader {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private readonly positions = new Map<string, Position>();
  private readonly warnings: ParseWarning[] = [];

  constructor(private readonly text: string) {}

  document(): ParsedJson {
    if (this.text.charCodeAt(0) === 0xfeff) {
      this.i = 1;
      this.lineStart = 1;
    }
    const value = this.value("", 0);
    this.skipSpace();
    if (this.i < this.text.length) this.fail(`unexpected ${this.describe(this.i)} after the end of the JSON value`);
    return { value, positions: this.positions, warnings: this.warnings };
  }

  private here(at = this.i): Position {
    return { line: this.line, column: at - this.lineStart + 1 };
  }

  private fail(message: string, at = this.i): never {
    const p = this.here(at);
    throw new JsonSyntaxError(message, p.line, p.column);
  }

  private describe(at: number): string {
    return at >= this.text.length ? "the end of the file" : `${JSON.stringify(this.text[at])}`;
  }

  private newLine(): void {
    this.i++;
    this.line++;
    this.lineStart = this.i;
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (c === 0x0a) this.newLine();
      else if (c === 0x20 || c === 0x09 || c === 0x0d) this.i++;
      else return;
    }
  }

  private value(pointer: string, depth: number): JsonValue {
    this.skipSpace();
    this.positions.set(pointer, this.here());
    const c = this.text[this.i];
    if ((c === "{" || c === "[") && depth >= MAX_JSON_DEPTH) {
      const p = this.here();
      throw new JsonSyntaxError(`arrays and objects nest deeper than ${grouped(MAX_JSON_DEPTH)} levels here, the generator's limit`, p.line, p.column, pointer);
    }
    if (c === "{") return this.object(pointer, depth);
    if (c === "[") return this.array(pointer, depth);
    if (c === '"') return this.string();
    return this.literal();
  }

  /** An object, `{` at the cursor: keys in source order; a `__proto__` key stays an own property, never a prototype. */
  private object(pointer: string, depth: number): JsonValue {
    const { text } = this;
    const start = this.i;
    const unterminated = (): string => `unterminated object (opened at ${this.here(start).line}:${this.here(start).column})`;
    this.i++;
    const obj: Record<string, JsonValue> = {};
    this.skipSpace();
    if (text[this.i] === "}") {
      this.i++;
      return obj;
    }
    for (;;) {
      this.skipSpace();
      if (text[this.i] !== '"') {
        if (text[this.i] === "}") this.fail("trailing comma before '}' (not allowed in JSON): remove the comma");
        this.fail(this.i >= text.length ? unterminated() : `expected a property name in double quotes, found ${this.describe(this.i)}`);
      }
      const keyAt = this.here();
      const key = this.string();
      this.skipSpace();
      if (text[this.i] !== ":") this.fail(`expected ':' after property name ${JSON.stringify(key)}, found ${this.describe(this.i)}`);
      this.i++;
      if (Object.prototype.hasOwnProperty.call(obj, key)) this.warnings.push({ ...keyAt, message: `duplicate property ${JSON.stringify(key)}; the last one is used` });
      Object.defineProperty(obj, key, { value: this.value(pointerJoin(pointer, key), depth + 1), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (text[this.i] === ",") {
        this.i++;
        continue;
      }
      if (text[this.i] === "}") {
        this.i++;
        return obj;
      }
      this.fail(this.i >= text.length ? unterminated() : `expected ',' or '}' in an object, found ${this.describe(this.i)}`);
    }
  }

  /** An array, `[` at the cursor. */
  private array(pointer: string, depth: number): JsonValue {
    const { text } = this;
    const start = this.i;
    this.i++;
    const arr: JsonValue[] = [];
    this.skipSpace();
    if (text[this.i] === "]") {
      this.i++;
      return arr;
    }
    for (;;) {
      this.skipSpace();
      if (text[this.i] === "]") this.fail("trailing comma before ']' (not allowed in JSON): remove the comma");
      arr.push(this.value(pointerJoin(pointer, arr.length), depth + 1));
      this.skipSpace();
      if (text[this.i] === ",") {
        this.i++;
        continue;
      }
      if (text[this.i] === "]") {
        this.i++;
        return arr;
      }
      this.fail(this.i >= text.length ? `unterminated array (opened at ${this.here(start).line}:${this.here(start).column})` : `expected ',' or ']' in an array, found ${this.describe(this.i)}`);
    }
  }

  /** A string, its opening quote at the cursor; a raw control character is read as itself, with one warning per string. */
  private string(): string {
    const { text } = this;
    const start = this.i;
    this.i++;
    let out = "";
    let warned = false;
    for (;;) {
      if (this.i >= text.length) this.fail("unterminated string (the file ends inside it)", start);
      const c = text.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return out;
      }
      if (c === 0x5c) {
        out += this.escape();
        continue;
      }
      if (c < 0x20) {
        if (!warned) {
          const name = CONTROL_NAMES[c] ?? `control character U+${c.toString(16).padStart(4, "0").toUpperCase()}`;
          this.warnings.push({ ...this.here(), message: `raw ${name} inside a string (not strict JSON); read as the character itself` });
          warned = true;
        }
        out += text[this.i];
        if (c === 0x0a) this.newLine();
        else this.i++;
        continue;
      }
      // a run of ordinary characters in one slice
      let end = this.i + 1;
      for (let c2 = text.charCodeAt(end); end < text.length && c2 !== 0x22 && c2 !== 0x5c && c2 >= 0x20; c2 = text.charCodeAt(++end));
      out += text.slice(this.i, end);
      this.i = end;
    }
  }

  /** An escape in a string, its backslash at the cursor. */
  private escape(): string {
    const { text, i } = this;
    const e = text[i + 1];
    if (e !== undefined && Object.hasOwn(SIMPLE_ESCAPES, e)) {
      this.i += 2;
      return SIMPLE_ESCAPES[e]!;
    }
    if (e === "u") {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail(`invalid \\u escape ${JSON.stringify(text.slice(i, i + 6))}`);
      this.i += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return this.fail(`invalid escape ${JSON.stringify(text.slice(i, i + 2))} in a string`);
  }

  /** true, false, null or a number; else the error of a value that is none. */
  private literal(): JsonValue {
    const { text, i } = this;
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) return this.fail(i >= text.length ? "unexpected end of the file (truncated?)" : `unexpected ${this.describe(i)} where a value was expected`);
    const word = literal[0];
    const after = text[i + word.length];
    if (after !== undefined && /[A-Za-z0-9_.]/.test(after)) this.fail(`unexpected ${this.describe(i + word.length)} after ${word}`, i + word.length);
    this.i += word.length;
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    const n = Number(word);
    if (!Number.isFinite(n)) this.fail(`number ${word} is out of range`);
    return n;
  }
}
