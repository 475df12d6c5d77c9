/**
 * A parser for the ECMAScript regular expressions (with the `u` flag) that
 * JSON Schema `pattern`s use, to one small AST shared by the safety
 * analysis, the search rewrites and the automaton compiler (./safety.ts).
 *
 * The subset: literals and escapes, `.`, character classes, groups,
 * alternation, greedy and lazy quantifiers, `^` `$` `\b` `\B`, and
 * lookarounds (with their source and their body). Whatever else the engine
 * accepts (backreferences, modifiers…) is reported as unsupported: such a
 * pattern is left to the engine as it is, never half-understood.
 *
 * Every atom that matches one code point (a literal, an escape, `.`, a
 * class) becomes a `set` that keeps its source text: printed back, it means
 * exactly what it meant, so a rewritten pattern and the automaton's class
 * tests are judged by the engine itself, not by a re-implementation of
 * Unicode properties.
 */

/** What a set is made of. `escape` and `property` items may be negated (`\D`, `\P{L}`). */
export type SetItem =
  | { readonly kind: "range"; readonly from: number; readonly to: number }
  | { readonly kind: "escape"; readonly letter: "d" | "w" | "s"; readonly negated: boolean }
  | { readonly kind: "property"; readonly name: string; readonly negated: boolean };

/** An atom that matches one code point: a literal, an escape, `.`, or a class. `raw` is its source. */
export type SetNode = { readonly type: "set"; readonly raw: string; readonly negated: boolean; readonly items: readonly SetItem[] };

export type RegexNode =
  | SetNode
  | { readonly type: "seq"; readonly items: readonly RegexNode[] }
  | { readonly type: "alt"; readonly options: readonly RegexNode[] }
  /** `( )`, `(?: )` or `(?<name> )`: captures make no difference to `.test`. */
  | { readonly type: "group"; readonly body: RegexNode }
  /** `max` is `Infinity` for `*`, `+` and `{n,}`. */
  | { readonly type: "repeat"; readonly body: RegexNode; readonly min: number; readonly max: number; readonly lazy: boolean }
  /** `^`, `$`, and the word boundary `\b` and its negation `\B` (without the i flag, a word character is `[A-Za-z0-9_]`). */
  | { readonly type: "anchor"; readonly at: "start" | "end" | "boundary" | "nonBoundary" }
  /** A lookaround, kept as its source; `body` lets the analysis bound its cost. */
  | { readonly type: "look"; readonly raw: string; readonly behind: boolean; readonly negated: boolean; readonly body: RegexNode };

export type ParseResult = { readonly ok: true; readonly ast: RegexNode } | { readonly ok: false; readonly reason: string };

class Unsupported extends Error {}

type Cursor = { readonly src: string; pos: number };

/** Parses `source` as a `u`-flag pattern. Invalid patterns and syntax outside the subset are `ok: false`. */
export function parsePattern(source: string): ParseResult {
  try {
    new RegExp(source, "u");
  } catch (e) {
    return { ok: false, reason: `not a valid u-flag pattern: ${(e as Error).message}` };
  }
  const c: Cursor = { src: source, pos: 0 };
  try {
    const ast = parseDisjunction(c);
    if (c.pos < source.length) unsupported(c, "unexpected character");
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: e.message };
    throw e;
  }
}

function unsupported(c: Cursor, what: string): never {
  throw new Unsupported(`unsupported syntax at ${c.pos}: ${what}`);
}

function peek(c: Cursor, ahead = 0): string | undefined {
  return c.src[c.pos + ahead];
}

function eat(c: Cursor, text: string): boolean {
  if (!c.src.startsWith(text, c.pos)) return false;
  c.pos += text.length;
  return true;
}

/** The next code point of the source (a literal may be astral), consumed. */
function nextCodePoint(c: Cursor): number {
  const cp = c.src.codePointAt(c.pos)!;
  c.pos += cp > 0xffff ? 2 : 1;
  return cp;
}

function parseDisjunction(c: Cursor): RegexNode {
  const options = [parseAlternative(c)];
  while (eat(c, "|")) options.push(parseAlternative(c));
  return options.length === 1 ? options[0]! : { type: "alt", options };
}

function parseAlternative(c: Cursor): RegexNode {
  const items: RegexNode[] = [];
  for (let ch = peek(c); ch !== undefined && ch !== "|" && ch !== ")"; ch = peek(c)) items.push(parseTerm(c));
  return items.length === 1 ? items[0]! : { type: "seq", items };
}

function parseTerm(c: Cursor): RegexNode {
  if (eat(c, "^")) return { type: "anchor", at: "start" };
  if (eat(c, "$")) return { type: "anchor", at: "end" };
  const start = c.pos;
  const look = parseLookaround(c, start);
  // the u flag forbids quantifying a lookaround, and the pattern was validated
  if (look) return look;
  return parseQuantifier(c, parseAtom(c));
}

function parseLookaround(c: Cursor, start: number): RegexNode | undefined {
  const kinds = [
    ["(?=", false, false],
    ["(?!", false, true],
    ["(?<=", true, false],
    ["(?<!", true, true],
  ] as const;
  for (const [open, behind, negated] of kinds) {
    if (!eat(c, open)) continue;
    const body = parseDisjunction(c);
    if (!eat(c, ")")) unsupported(c, "unclosed lookaround");
    return { type: "look", raw: c.src.slice(start, c.pos), behind, negated, body };
  }
  return undefined;
}

function parseAtom(c: Cursor): RegexNode {
  const start = c.pos;
  const ch = peek(c);
  if (ch === "(") return parseGroup(c);
  if (ch === "[") return parseClass(c);
  if (ch === ".") {
    c.pos++;
    // without the s flag, `.` is every code point but the four line terminators
    return { type: "set", raw: ".", negated: true, items: [range(0x0a), range(0x0d), range(0x2028, 0x2029)] };
  }
  if (ch === "\\") return parseAtomEscape(c, start);
  if (ch !== undefined && "*+?{}]".includes(ch)) unsupported(c, `lone ${ch}`);
  const cp = nextCodePoint(c);
  return { type: "set", raw: c.src.slice(start, c.pos), negated: false, items: [range(cp)] };
}

function parseGroup(c: Cursor): RegexNode {
  if (!eat(c, "(?:") && !eat(c, "(?<") && !eat(c, "(")) unsupported(c, "group");
  if (c.src[c.pos - 1] === "<") {
    // a named group; its name is irrelevant to `.test` (named backreferences are refused as `\k`)
    while (peek(c) !== undefined && peek(c) !== ">") c.pos++;
    c.pos++;
  } else if (peek(c) === "?") unsupported(c, "group modifiers");
  const body = parseDisjunction(c);
  if (!eat(c, ")")) unsupported(c, "unclosed group");
  return { type: "group", body };
}

function parseQuantifier(c: Cursor, body: RegexNode): RegexNode {
  let min: number;
  let max: number;
  if (eat(c, "*")) [min, max] = [0, Infinity];
  else if (eat(c, "+")) [min, max] = [1, Infinity];
  else if (eat(c, "?")) [min, max] = [0, 1];
  else {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(c.src.slice(c.pos));
    if (!m) return body;
    c.pos += m[0].length;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
  }
  const lazy = eat(c, "?");
  return { type: "repeat", body, min, max, lazy };
}

function parseAtomEscape(c: Cursor, start: number): RegexNode {
  const letter = peek(c, 1) ?? "";
  if (letter === "b" || letter === "B") {
    c.pos += 2;
    return { type: "anchor", at: letter === "b" ? "boundary" : "nonBoundary" };
  }
  if (letter === "k" || /[1-9]/.test(letter)) unsupported(c, "backreference");
  const item = parseEscape(c, false);
  const items = typeof item === "number" ? [range(item)] : [item];
  return { type: "set", raw: c.src.slice(start, c.pos), negated: false, items };
}

/** A class: `[`, an optional `^`, atoms and ranges, `]`. */
function parseClass(c: Cursor): SetNode {
  const start = c.pos;
  c.pos++;
  const negated = eat(c, "^");
  const items: SetItem[] = [];
  while (!eat(c, "]")) {
    if (peek(c) === undefined) unsupported(c, "unclosed class");
    const from = parseClassAtom(c);
    if (peek(c) === "-" && peek(c, 1) !== "]" && peek(c, 1) !== undefined) {
      c.pos++;
      const to = parseClassAtom(c);
      // the u flag makes a range with a class escape at either end a syntax error
      if (typeof from !== "number" || typeof to !== "number") unsupported(c, "class escape in a range");
      items.push(range(from, to));
    } else items.push(typeof from === "number" ? range(from) : from);
  }
  return { type: "set", raw: c.src.slice(start, c.pos), negated, items };
}

function parseClassAtom(c: Cursor): number | SetItem {
  if (peek(c) !== "\\") return nextCodePoint(c);
  if (peek(c, 1) === "b") {
    c.pos += 2;
    return 0x08; // in a class, \b is the backspace
  }
  if (peek(c, 1) === "-") {
    c.pos += 2;
    return 0x2d;
  }
  return parseEscape(c, true);
}

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };

/** An escape valid both in and out of classes: a class escape (an item) or one code point. */
function parseEscape(c: Cursor, inClass: boolean): number | SetItem {
  c.pos++; // the backslash
  const letter = peek(c);
  if (letter === undefined) unsupported(c, "trailing backslash");
  c.pos++;
  const lower = letter.toLowerCase();
  if (lower === "d" || lower === "w" || lower === "s") {
    return { kind: "escape", letter: lower, negated: letter !== lower };
  }
  if (letter === "p" || letter === "P") {
    const m = /^\{([^}]*)\}/.exec(c.src.slice(c.pos));
    if (!m) unsupported(c, "property escape");
    c.pos += m[0].length;
    return { kind: "property", name: m[1]!, negated: letter === "P" };
  }
  const control = CONTROL_ESCAPES[letter];
  if (control !== undefined) return control;
  if (letter === "x") return hexDigits(c, 2);
  if (letter === "u") return unicodeEscape(c);
  if (letter === "c") return nextCodePoint(c) % 32;
  if (letter === "0") return 0;
  if (/^[\^$\\.*+?()[\]{}|/]$/.test(letter) || (inClass && letter === "-")) return letter.codePointAt(0)!;
  return unsupported(c, `escape \\${letter}`);
}

function hexDigits(c: Cursor, count: number): number {
  const text = c.src.slice(c.pos, c.pos + count);
  if (!/^[0-9a-fA-F]+$/.test(text) || text.length !== count) unsupported(c, "hex escape");
  c.pos += count;
  return parseInt(text, 16);
}

/** `\u{…}`, `\uHHHH`, and with the u flag a pair of `\uHHHH` surrogates is one code point. */
function unicodeEscape(c: Cursor): number {
  if (eat(c, "{")) {
    const end = c.src.indexOf("}", c.pos);
    const cp = parseInt(c.src.slice(c.pos, end), 16);
    c.pos = end + 1;
    return cp;
  }
  const unit = hexDigits(c, 4);
  if (unit >= 0xd800 && unit <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/.test(c.src.slice(c.pos))) {
    c.pos += 2;
    const low = hexDigits(c, 4);
    return 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
  }
  return unit;
}

function range(from: number, to = from): SetItem {
  return { kind: "range", from, to };
}

/* ---------------------------------------------------------------- printing */

/**
 * The pattern a tree stands for. Groups print as `(?: )` (`.test` does not
 * see captures); atoms print as their own source, so they mean what they meant.
 */
export function printPattern(node: RegexNode): string {
  switch (node.type) {
    case "set":
    case "look":
      return node.raw;
    case "anchor":
      return { start: "^", end: "$", boundary: "\\b", nonBoundary: "\\B" }[node.at];
    case "group":
      return `(?:${printPattern(node.body)})`;
    case "alt":
      return node.options.map(printPattern).join("|");
    case "seq":
      return node.items.map((item) => (item.type === "alt" ? `(?:${printPattern(item)})` : printPattern(item))).join("");
    case "repeat": {
      const body = node.body.type === "set" || node.body.type === "group" ? printPattern(node.body) : `(?:${printPattern(node.body)})`;
      return body + quantifier(node.min, node.max) + (node.lazy ? "?" : "");
    }
  }
}

function quantifier(min: number, max: number): string {
  if (max === Infinity) return min === 0 ? "*" : min === 1 ? "+" : `{${min},}`;
  if (min === 0 && max === 1) return "?";
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

/* ------------------------------------------------------------ code points */

/** Inclusive code point ranges, sorted and disjoint. */
export type CodePointRanges = readonly (readonly [number, number])[];

const MAX_CODE_POINT = 0x10ffff;
const DIGITS: CodePointRanges = [[0x30, 0x39]];
const WORD: CodePointRanges = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];

/** The exact code points a set matches (lone surrogates included, as the u flag sees them). */
export function setRanges(set: SetNode): CodePointRanges {
  const parts = set.items.flatMap((item): (readonly [number, number])[] => {
    if (item.kind === "range") return [[item.from, item.to]];
    const base = item.kind === "property" ? scannedRanges(`\\p{${item.name}}`) : item.letter === "d" ? DIGITS : item.letter === "w" ? WORD : scannedRanges("\\s");
    return [...(item.negated ? complement(base) : base)];
  });
  const union = normalize(parts);
  return set.negated ? complement(union) : union;
}

/** Whether two sets of ranges share a code point. */
export function rangesIntersect(a: CodePointRanges, b: CodePointRanges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aFrom, aTo] = a[i]!;
    const [bFrom, bTo] = b[j]!;
    if (aTo < bFrom) i++;
    else if (bTo < aFrom) j++;
    else return true;
  }
  return false;
}

function normalize(parts: readonly (readonly [number, number])[]): CodePointRanges {
  const sorted = [...parts].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function complement(ranges: CodePointRanges): CodePointRanges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/* Unicode properties and \s are not re-implemented: the engine is asked, once per
   property, by matching it against a string of every code point (a few tens of ms). */

let everyScalar: string | undefined;
const scanned = new Map<string, CodePointRanges>();

/** All Unicode scalar values in order (no surrogates): offset o holds o below 0xD800, then shifted. */
export function allScalars(): string {
  return (everyScalar ??= scalarsBetween(0, MAX_CODE_POINT));
}

/** The Unicode scalar values from `first` to `last`, in order (no surrogates). */
export function scalarsBetween(first: number, last: number): string {
  const parts: string[] = [];
  for (let from = first; from <= last; from += 0x2000) {
    const chunk: number[] = [];
    for (let cp = from; cp < from + 0x2000 && cp <= last; cp++) if (cp < 0xd800 || cp > 0xdfff) chunk.push(cp);
    parts.push(String.fromCodePoint(...chunk));
  }
  return parts.join("");
}

/** The code point that starts at UTF-16 offset `o` of allScalars(). */
function scalarAt(o: number): number {
  if (o < 0xd800) return o;
  if (o < 0xf800) return o + 0x800;
  return 0x10000 + (o - 0xf800) / 2;
}

function scannedRanges(atom: string): CodePointRanges {
  const known = scanned.get(atom);
  if (known) return known;
  const parts: [number, number][] = [];
  for (const m of allScalars().matchAll(new RegExp(`[${atom}]+`, "gu"))) {
    const end = m.index + m[0].length;
    parts.push([scalarAt(m.index), scalarAt(end - (end > 0xf800 ? 2 : 1))]);
  }
  const one = new RegExp(`^[${atom}]$`, "u");
  for (let unit = 0xd800; unit <= 0xdfff; unit++) if (one.test(String.fromCharCode(unit))) parts.push([unit, unit]);
  const ranges = normalize(parts);
  scanned.set(atom, ranges);
  return ranges;
}
