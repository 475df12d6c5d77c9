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
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointerJoin(pointer: string, ...keys: readonly (string | number)[]): string {
  return keys.reduce<string>((p, k) => `${p}/${pointerSegment(String(k))}`, pointer);
}

const CONTROL_NAMES: Record<number, string> = { 0x0a: "line feed", 0x0d: "carriage return", 0x09: "tab" };

export function parseJson(text: string): ParsedJson {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const positions = new Map<string, Position>();
  const warnings: ParseWarning[] = [];

  const here = (at = i): Position => ({ line, column: at - lineStart + 1 });
  const fail = (message: string, at = i): never => {
    const p = here(at);
    throw new JsonSyntaxError(message, p.line, p.column);
  };
  const describe = (at: number): string =>
    at >= text.length ? "the end of the file" : `${JSON.stringify(text[at])}`;

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        i++;
        line++;
        lineStart = i;
      } else if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
      } else {
        return;
      }
    }
  };

  const readString = (): string => {
    // text[i] is the opening quote
    const start = i;
    i++;
    let out = "";
    let warned = false;
    for (;;) {
      if (i >= text.length) fail("unterminated string (the file ends inside it)", start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return out;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(`invalid \\u escape ${JSON.stringify(text.slice(i, i + 6))}`);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          fail(`invalid escape ${JSON.stringify(text.slice(i, i + 2))} in a string`);
        }
        continue;
      }
      if (c < 0x20) {
        if (!warned) {
          const name = CONTROL_NAMES[c] ?? `control character U+${c.toString(16).padStart(4, "0").toUpperCase()}`;
          warnings.push({ ...here(), message: `raw ${name} inside a string (not strict JSON); read as the character itself` });
          warned = true;
        }
        out += text[i];
        if (c === 0x0a) {
          i++;
          line++;
          lineStart = i;
        } else {
          i++;
        }
        continue;
      }
      // a run of ordinary characters in one slice
      let end = i + 1;
      for (let c2 = text.charCodeAt(end); end < text.length && c2 !== 0x22 && c2 !== 0x5c && c2 >= 0x20; c2 = text.charCodeAt(++end));
      out += text.slice(i, end);
      i = end;
    }
  };

  const readValue = (pointer: string, depth: number): JsonValue => {
    skipSpace();
    positions.set(pointer, here());
    const c = text[i];
    if ((c === "{" || c === "[") && depth >= MAX_JSON_DEPTH) {
      const p = here();
      throw new JsonSyntaxError(`arrays and objects nest deeper than ${MAX_JSON_DEPTH.toLocaleString("en")} levels here, the generator's limit`, p.line, p.column, pointer);
    }
    if (c === "{") {
      const start = i;
      i++;
      // keys in source order; a `__proto__` key stays an own property, never a prototype
      const obj: Record<string, JsonValue> = {};
      skipSpace();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') {
          if (text[i] === "}") fail("trailing comma before '}' (not allowed in JSON): remove the comma");
          fail(i >= text.length ? `unterminated object (opened at ${here(start).line}:${here(start).column})` : `expected a property name in double quotes, found ${describe(i)}`);
        }
        const keyAt = here();
        const key = readString();
        skipSpace();
        if (text[i] !== ":") fail(`expected ':' after property name ${JSON.stringify(key)}, found ${describe(i)}`);
        i++;
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          warnings.push({ ...keyAt, message: `duplicate property ${JSON.stringify(key)}; the last one is used` });
        }
        Object.defineProperty(obj, key, { value: readValue(pointerJoin(pointer, key), depth + 1), enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          break;
        }
        fail(i >= text.length ? `unterminated object (opened at ${here(start).line}:${here(start).column})` : `expected ',' or '}' in an object, found ${describe(i)}`);
      }
      return obj;
    }
    if (c === "[") {
      const start = i;
      i++;
      const arr: JsonValue[] = [];
      skipSpace();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        skipSpace();
        if (text[i] === "]") fail("trailing comma before ']' (not allowed in JSON): remove the comma");
        arr.push(readValue(pointerJoin(pointer, arr.length), depth + 1));
        skipSpace();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return arr;
        }
        fail(i >= text.length ? `unterminated array (opened at ${here(start).line}:${here(start).column})` : `expected ',' or ']' in an array, found ${describe(i)}`);
      }
    }
    if (c === '"') return readString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      const word = literal[0];
      const after = text[i + word.length];
      if (after !== undefined && /[A-Za-z0-9_.]/.test(after)) fail(`unexpected ${describe(i + word.length)} after ${word}`, i + word.length);
      i += word.length;
      if (word === "true") return true;
      if (word === "false") return false;
      if (word === "null") return null;
      const n = Number(word);
      if (!Number.isFinite(n)) fail(`number ${word} is out of range`);
      return n;
    }
    return fail(i >= text.length ? "unexpected end of the file (truncated?)" : `unexpected ${describe(i)} where a value was expected`);
  };

  if (text.charCodeAt(0) === 0xfeff) {
    i = 1;
    lineStart = 1;
  }
  const value = readValue("", 0);
  skipSpace();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
  return { value, positions, warnings };
}
