/**
 * Statements that a template writes many times over with other names (each
 * declaration's `validate…`, `is…` and `assert…`, and its sites): the
 * template registers each with its shape, the names and string literals in it
 * (its holes) and how to make it with others, so that the formatter lays each
 * shape out once per set of hole lengths and puts the holes back (format.ts).
 *
 * Prettier's layout of such a statement depends on its names only through
 * their widths: where a line breaks is decided by how much fits, never by
 * what a name says, as long as each name is an ASCII identifier (or the text
 * of a string literal without quotes or backslashes) and no name is a word
 * prettier treats apart (`require`, a test call's name…): the holes here are
 * the template's own names, made by naming.ts, and data, beside fixed helper
 * names (a statement with a hole no placeholder can stand for is formatted
 * itself). So a statement made with placeholder names of the same lengths
 * (and the same case of their first letter) formats to the same text with the
 * placeholders where the names are. format.ts checks that each placeholder of
 * a layout comes back as often as it went in, and, for a shape's first
 * layout, that filled it is that statement's own text; else the statements
 * are formatted themselves. test/shape.test.ts holds the two ways equal on
 * names of every length.
 */
import type { StatementStructures } from "ts-morph";

export interface Shape {
  /** What the statement is, all but its holes (the template's fixed text, the helpers' names). */
  readonly key: string;
  /** The names in it, in a fixed order. */
  readonly holes: readonly string[];
  /** The statement with other names in the holes. */
  make(holes: readonly string[]): StatementStructures;
}

const shapes = new WeakMap<object, Shape>();

/** The statement, registered with its shape. */
export function shaped<S extends StatementStructures>(statement: S, shape: Shape): S {
  shapes.set(statement, shape);
  return statement;
}

/** The statement's shape, if its template registered one. */
export function shapeOf(statement: string | StatementStructures): Shape | undefined {
  return typeof statement === "string" ? undefined : shapes.get(statement);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** The text of a string literal that prettier prints as it is written: no quote, no backslash, printable ASCII. */
const PLAIN_TEXT = /^[A-Za-z0-9 _$.,:;!?()[\]{}<>+*/=#%&|~^@-]*$/;

/** What identifies a shaped statement (format.ts's cache key): its shape and its holes, which make it. */
export function shapeIdentity(shape: Shape): string {
  return `shape ${shape.key}\0${shape.holes.join("\0")}`;
}

/** Whether a hole may stand in for a placeholder: an ASCII identifier, or a plain string literal (its quotes included). */
export function fillable(hole: string): boolean {
  if (IDENTIFIER.test(hole)) return true;
  return hole.length >= 2 && hole.startsWith('"') && hole.endsWith('"') && PLAIN_TEXT.test(hole.slice(1, -1));
}

/** Letters for the placeholders, one per hole: rare in the templates' fixed text (checked anyway). */
const LETTERS = "QXJZKVWY";

/**
 * The placeholder for hole `i`: as long as the hole, an identifier where the hole is one (first
 * letter in the same case), a string literal where the hole is one.
 */
export function placeholder(hole: string, i: number): string {
  const letter = LETTERS[i % LETTERS.length]!;
  const lower = letter.toLowerCase();
  if (hole.startsWith('"')) return `"${lower.repeat(hole.length - 2)}"`;
  const first = /^[A-Z]/.test(hole) ? letter : /^[a-z]/.test(hole) ? lower : hole[0]!;
  return first + lower.repeat(hole.length - 1);
}

/** What tells apart the layouts of a shape's statements: its key, and each hole's length and kind. */
export function layoutKey(shape: Shape): string {
  return `${shape.key}\0${shape.holes.map((h, i) => placeholder(h, i)).join("\0")}`;
}

/** Occurrences of `part` in `text`. */
export function count(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

/**
 * Puts holes back where the placeholders are in `text`: the text is cut at its placeholders once
 * (leftmost first, the longer where two start together; one found inside another is not one), and
 * each filling joins the pieces with the holes (a hole that looks like a placeholder stays as it is).
 */
export function filler(placeholders: readonly string[], text: string): (holes: readonly string[]) => string {
  const found: { readonly at: number; readonly slot: number; readonly length: number }[] = [];
  placeholders.forEach((p, slot) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) found.push({ at, slot, length: p.length });
  });
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  const pieces: string[] = [];
  const slots: number[] = [];
  let end = 0;
  for (const f of found) {
    if (f.at < end) continue;
    pieces.push(text.slice(end, f.at));
    slots.push(f.slot);
    end = f.at + f.length;
  }
  pieces.push(text.slice(end));
  return (holes) => {
    let out = pieces[0]!;
    for (let i = 0; i < slots.length; i++) out += holes[slots[i]!]! + pieces[i + 1]!;
    return out;
  };
}

/** A string literal as escape.ts writes them (JSON's, double-quoted). */
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;

/** Code with its string literals as holes: the literals, in order, and the code made with others in their places. */
export function withStringHoles(text: string): { readonly holes: readonly string[]; make(holes: readonly string[]): string } {
  const parts = text.split(STRING_LITERAL);
  const holes = text.match(STRING_LITERAL) ?? [];
  return { holes, make: (h) => parts.map((part, i) => (i === 0 ? part : h[i - 1]! + part)).join("") };
}
