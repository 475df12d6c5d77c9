/**
 * The tokens of the TypeScript the templates write (tidy's input). Anything
 * outside that subset (template literals, JSX, `#private`, decorators…)
 * throws `Unsupported`, and the chunk goes to prettier.
 */

import { hasNewline, hasNewlineBefore } from "../prettier-text.js";

/** Thrown for anything tidy does not print exactly as prettier: the caller formats the chunk with prettier. */
export class Unsupported extends Error {
  override name = "Unsupported";
}

export interface Comment {
  readonly text: string;
  readonly block: boolean;
  readonly start: number;
  readonly end: number;
  /** Code before it on its line: prettier makes it a trailing comment of that code, which tidy does not print. */
  readonly trailing: boolean;
}

export type TokenKind = "name" | "string" | "number" | "regex" | "punct" | "eof";

export interface Token {
  readonly kind: TokenKind;
  /** The token's text as written. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Comments between the previous token and this one. */
  readonly comments: readonly Comment[];
  /** A line break between the previous token and this one (where JavaScript inserts a semicolon, it matters). */
  readonly newlineBefore: boolean;
}

const PUNCTUATORS = [
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "<<",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ";",
  ",",
  "<",
  ">",
  "+",
  "-",
  "*",
  "%",
  "&",
  "|",
  "^",
  "!",
  "~",
  "?",
  ":",
  "=",
  ".",
  "@",
  "/",
];

/** The punctuators by their first character, longest first. */
const BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTUATORS) {
  const list = BY_FIRST.get(p[0]!) ?? [];
  list.push(p);
  BY_FIRST.set(p[0]!, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

function punctuatorAt(text: string, i: number): string | undefined {
  const list = BY_FIRST.get(text[i]!);
  if (!list) return undefined;
  for (const p of list) if (p.length === 1 || text.startsWith(p, i)) return p;
  return undefined;
}

const isIdStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95;
const isNumberPart = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 95;
const isIdPart = (c: number): boolean => isIdStart(c) || (c >= 48 && c <= 57);

/** Keywords after which a `/` starts a regular expression. */
const REGEX_AFTER_NAME = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  let comments: Comment[] = [];
  let newline = false;
  /** Whether code precedes position `at` on its line. */
  const codeBefore = (at: number): boolean => tokens.length > 0 && !hasNewlineBefore(text, at);
  const regexAllowed = (): boolean => {
    const last = tokens[tokens.length - 1];
    if (!last) return true;
    if (last.kind === "name") return REGEX_AFTER_NAME.has(last.text);
    if (last.kind === "punct") return last.text !== ")" && last.text !== "]" && last.text !== "}";
    return false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      if (c === 10 || c === 13) newline = true;
      i++;
      continue;
    }
    const start = i;
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new Unsupported("unterminated comment");
      i = end + 2;
      comments.push({ text: text.slice(start, i), block: true, start, end: i, trailing: codeBefore(start) && hasNewline(text, i) });
      if (text.slice(start, i).includes("\n")) newline = true;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      let end = text.indexOf("\n", i);
      if (end < 0) end = n;
      i = end;
      comments.push({ text: text.slice(start, i).replace(/\s+$/, ""), block: false, start, end: i, trailing: codeBefore(start) });
      continue;
    }
    let kind: TokenKind;
    if (isIdStart(c)) {
      while (i < n && isIdPart(text.charCodeAt(i))) i++;
      kind = "name";
    } else if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) {
      while (i < n && isNumberPart(text.charCodeAt(i))) {
        if ((text[i] === "e" || text[i] === "E") && (text[i + 1] === "+" || text[i + 1] === "-")) i++;
        i++;
      }
      kind = "number";
    } else if (c === 34 || c === 39) {
      i++;
      while (i < n && text.charCodeAt(i) !== c) {
        const d = text.charCodeAt(i);
        if (d === 10 || d === 13) throw new Unsupported("line break in a string");
        i += d === 92 ? 2 : 1;
      }
      if (i >= n) throw new Unsupported("unterminated string");
      i++;
      kind = "string";
    } else if (c === 96 || c === 35 || c > 127) {
      throw new Unsupported(`character ${JSON.stringify(text[i])}`);
    } else if (c === 47 && regexAllowed()) {
      i++;
      let inClass = false;
      for (;;) {
        if (i >= n) throw new Unsupported("unterminated regular expression");
        const d = text[i]!;
        if (d === "\n") throw new Unsupported("line break in a regular expression");
        if (d === "\\") i += 2;
        else {
          i++;
          if (d === "[") inClass = true;
          else if (d === "]") inClass = false;
          else if (d === "/" && !inClass) break;
        }
      }
      while (i < n && isIdPart(text.charCodeAt(i))) i++;
      kind = "regex";
    } else {
      const p = punctuatorAt(text, i);
      if (!p) throw new Unsupported(`character ${JSON.stringify(text[i])}`);
      i += p.length;
      kind = "punct";
    }
    tokens.push({ kind, text: text.slice(start, i), start, end: i, comments, newlineBefore: newline });
    comments = [];
    newline = false;
  }
  tokens.push({ kind: "eof", text: "", start: n, end: n, comments, newlineBefore: newline });
  return tokens;
}
