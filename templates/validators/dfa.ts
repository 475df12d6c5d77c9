/**
 * An automaton plan (generator/regex/safety.ts) made deterministic over ASCII,
 * here at generation time: the search runs one table lookup per code unit
 * (templates/runtime/validate.ts `dfaSearch`), and leaves the text to the
 * automaton (templates/runtime/linear-match.ts) at its first code point
 * beyond ASCII. Bounded: a program with `^`/`$`, `\b`, a lookaround, or more than MAX_STATES sets
 * of threads keeps the automaton alone.
 */
import type { AutomatonProgram } from "../runtime/linear-match.js";

/** The most sets of threads a table may have (each is a row; runtime/validate.ts keeps row × 128 in an Int16Array). */
const MAX_STATES = 200;
/** Table values: a row, or the search's answer. */
export const DFA_ACCEPT = -1;
export const DFA_DEAD = -2;
/** Code units of the strings the tables are written as: value + DFA_OFFSET (so that the answers are printable too). */
export const DFA_OFFSET = 50;

export interface DfaTables {
  /** For each ASCII code point, its column (as a character: DFA_OFFSET + column). */
  readonly columns: string;
  /** Row-major, `width` per row: the next row, DFA_ACCEPT or DFA_DEAD, each as a character (value + DFA_OFFSET). */
  readonly table: string;
  readonly width: number;
}

export function dfaTables(program: AutomatonProgram): DfaTables | undefined {
  const { states, start, anchoredStart } = program;
  if (states.some((s) => s.kind !== "class" && s.kind !== "split" && s.kind !== "accept")) return undefined;
  // which classes each ASCII code point is in, as the engine says; code points alike share a column
  const tests = program.classes.map((source) => new RegExp(`^(?:${source})$`, "u"));
  const signatures = new Map<string, number>();
  const column: number[] = [];
  const members: boolean[][] = [];
  for (let c = 0; c < 128; c++) {
    const inClass = tests.map((re) => re.test(String.fromCharCode(c)));
    const key = inClass.map((b) => (b ? "1" : "0")).join("");
    let col = signatures.get(key);
    if (col === undefined) {
      col = signatures.size;
      signatures.set(key, col);
      members.push(inClass);
    }
    column.push(col);
  }
  /** The class states reached from `from` without input; undefined when `accept` is. */
  const closure = (from: readonly number[], into: Set<number>): boolean => {
    const stack = [...from];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      const state = states[s]!;
      if (state.kind === "accept") return false;
      if (state.kind === "class") into.add(s);
      else if (state.kind === "split") stack.push(state.next, state.alt);
    }
    return true;
  };
  const rows: number[][] = [];
  const ids = new Map<string, number>();
  const sets: number[][] = [];
  const intern = (set: Set<number>): number | undefined => {
    if (set.size === 0 && anchoredStart) return DFA_DEAD;
    const sorted = [...set].sort((a, b) => a - b);
    const key = sorted.join(",");
    let id = ids.get(key);
    if (id === undefined) {
      if (sets.length >= MAX_STATES) return undefined;
      id = sets.length;
      ids.set(key, id);
      sets.push(sorted);
    }
    return id;
  };
  const initial = new Set<number>();
  // the empty string matches (every text does): not a plan's automaton, and left to it
  if (!closure([start], initial) || intern(initial) !== 0) return undefined;
  for (let row = 0; row < sets.length; row++) {
    const out: number[] = [];
    for (const inClass of members) {
      const next = new Set<number>();
      const targets = sets[row]!.filter((s) => {
        const state = states[s]!;
        return state.kind === "class" && inClass[state.cls] === true;
      }).map((s) => (states[s] as { readonly next: number }).next);
      // a new attempt at every position, as the unanchored search makes
      const alive = closure(targets, next) && (anchoredStart || closure([start], next));
      const to = alive ? intern(next) : DFA_ACCEPT;
      if (to === undefined) return undefined;
      out.push(to);
    }
    rows.push(out);
  }
  return {
    columns: String.fromCharCode(...column.map((c) => c + DFA_OFFSET)),
    table: String.fromCharCode(...rows.flat().map((v) => v + DFA_OFFSET)),
    width: signatures.size,
  };
}
