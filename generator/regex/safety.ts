/**
 * How a schema `pattern` is checked without risking super-linear time.
 *
 * Validators answer `new RegExp(pattern, "u").test(value)`: an unanchored
 * search, run by V8's backtracking engine. Some patterns make that engine
 * take quadratic or exponential time on hostile input. For each pattern this
 * module decides, conservatively:
 *
 * 1. `regex`: proven linear as it is;
 * 2. `rewritten`: an equivalent pattern (same `.test` verdict on every
 *    string) proven linear, e.g. `[L]*\{####\}[L]*` → `\{####\}`;
 * 3. `automaton`: a Thompson NFA run by templates/runtime/linear-match.ts
 *    in O(input × states), lookarounds included (each one's body a program of
 *    its own, run once over the input);
 * 4. `unsafe`: none of these (syntax outside the parser's subset, such as a
 *    backreference, which no linear-time matcher can run); the caller warns
 *    and keeps the RegExp.
 *
 * The proof is deliberately simple; a pattern it cannot prove is not slow,
 * only sent to the automaton.
 */
import type { AutomatonLook, AutomatonProgram, AutomatonState } from "../../templates/runtime/linear-match.js";
import { parsePattern, printPattern, rangesIntersect, setRanges, type RegexNode, type SetNode } from "./parse.js";

export type PatternPlan =
  /** safe as it is */
  | { readonly kind: "regex"; readonly source: string }
  /** an equivalent pattern (same verdict for `.test` on every string) that V8 runs in linear time */
  | { readonly kind: "rewritten"; readonly source: string; readonly original: string; readonly why: string }
  /** a linear-time matcher */
  | { readonly kind: "automaton"; readonly program: AutomatonProgram; readonly why: string }
  /** could not prove safe nor replace: the caller warns */
  | { readonly kind: "unsafe"; readonly source: string; readonly why: string };

export function planPattern(source: string): PatternPlan {
  const parsed = parsePattern(source);
  if (!parsed.ok) return { kind: "unsafe", source, why: parsed.reason };
  if (proveLinear(parsed.ast).safe) return { kind: "regex", source };
  const { ast, steps } = rewriteForSearch(parsed.ast);
  const rewrite = steps.length > 0 ? `unanchored search: ${steps.join(", ")}; ` : "";
  // the engine keeps the pattern: the rewritten one if there was a rewrite
  const engine = (why: string): PatternPlan =>
    rewrite === "" ? { kind: "regex", source } : { kind: "rewritten", source: printPattern(ast), original: source, why: `${rewrite}then ${why}` };
  const verdict = proveLinear(ast);
  if (verdict.safe) return engine(verdict.why);
  const notProven = `${rewrite === "" ? "" : `${rewrite}still `}${verdict.why}`;
  const program = compileProgram(ast);
  if (typeof program === "string") return { kind: "unsafe", source, why: `${notProven}; no automaton: ${program}` };
  // bounded but above the budget: linear all the same, so the automaton is used only if it is cheaper
  const states = program.states.length;
  if (verdict.steps <= ENGINE_STEPS_PER_STATE * states) {
    return engine(`at most ${verdict.steps} backtracking steps per start position, less than the automaton's ${states} states cost`);
  }
  return { kind: "automaton", program, why: notProven };
}

/** The automaton for a pattern as it is, without rewrites (tests compare it with the engine). */
export function automatonOf(source: string): AutomatonProgram | undefined {
  const parsed = parsePattern(source);
  if (!parsed.ok) return undefined;
  const program = compileProgram(parsed.ast);
  return typeof program === "string" ? undefined : program;
}

/* =========================================================================
 * Proof of linear time for the backtracking engine
 *
 * An unanchored `.test` is a match attempt at every start position. Two
 * sufficient conditions:
 *
 * - bounded: the pattern has no unbounded quantifier, so an attempt explores
 *   at most `work` steps (an upper bound computed from the tree, input
 *   independent); the total is n × work, fine for a small `work`.
 * - anchored and deterministic: every alternative begins with `^`, so only
 *   the attempt at 0 does more than O(1); and at every choice (another
 *   iteration or not, which alternative) the candidates' next characters are
 *   disjoint, with no nested repetition and no quantified nullable body, so
 *   each wrong choice dies at its first character and the attempt is one
 *   scan with O(1) backtracking per character.
 * ========================================================================= */

/** `steps`: a bound on one attempt's backtracking steps when the pattern has no unbounded quantifier, else Infinity. */
type Verdict = { readonly safe: boolean; readonly why: string; readonly steps: number };

/** Steps one start position may cost when every start is tried, and when only the first is. */
const PER_START_BUDGET = 128;
const ANCHORED_BUDGET = 100_000;
/** Steps a lookaround may cost each time it is evaluated. */
const LOOK_BUDGET = 64;
/**
 * A backtracking step of the engine is several times cheaper than a state of
 * the automaton at each character (measured: ~1.2 ns against ~8 ns); a bounded
 * pattern whose attempts cost less than this many steps per automaton state
 * stays with the engine.
 */
const ENGINE_STEPS_PER_STATE = 4;

function proveLinear(ast: RegexNode): Verdict {
  const anchored = startsAnchored(ast);
  const cost = explorationCost(ast);
  const steps = cost.work + cost.ways >= CAP ? Infinity : cost.work + cost.ways;
  const from = anchored ? "anchored at the start, " : "";
  if (steps <= (anchored ? ANCHORED_BUDGET : PER_START_BUDGET)) {
    return { safe: true, why: `${from}at most ${steps} backtracking steps per start position`, steps };
  }
  if (!anchored) {
    const why = steps === Infinity ? "unbounded repetition in an unanchored search: each start position may rescan the input" : `up to ${steps} backtracking steps at each start position of an unanchored search`;
    return { safe: false, why, steps };
  }
  const problem = nestedRepetition(ast, false) ?? ambiguousEmpty(ast) ?? costlyLookaround(ast) ?? overlappingChoice(ast);
  if (problem !== undefined) return { safe: false, why: problem, steps };
  return { safe: true, why: "anchored at the start, every choice decided by the next character: one linear scan", steps };
}

/** Whether every match must begin at offset 0 (every alternative begins with `^`). */
function startsAnchored(node: RegexNode): boolean {
  switch (node.type) {
    case "anchor":
      return node.at === "start";
    case "seq":
      return node.items[0] !== undefined && startsAnchored(node.items[0]);
    case "alt":
      return node.options.every(startsAnchored);
    case "group":
      return startsAnchored(node.body);
    default:
      return false;
  }
}

type Cost = { readonly work: number; readonly ways: number };

const CAP = 1e15; // beyond any budget; keeps Infinity × 0 out of the sums

/**
 * An upper bound on the backtracking exploration of one attempt: `ways`, the
 * number of ways a node can finish (each is a continuation to try), and
 * `work`, the steps spent inside it over all of them. A then B costs
 * work(A) + ways(A) × work(B).
 */
function explorationCost(node: RegexNode): Cost {
  switch (node.type) {
    case "set":
    case "anchor":
      return { work: 1, ways: 1 };
    case "look": {
      const body = explorationCost(node.body);
      return { work: Math.min(CAP, 1 + body.work + body.ways), ways: 1 };
    }
    case "group":
      return explorationCost(node.body);
    case "seq":
      return node.items.map(explorationCost).reduce(then, { work: 0, ways: 1 });
    case "alt": {
      const costs = node.options.map(explorationCost);
      const sum = (f: (c: Cost) => number): number => Math.min(CAP, costs.reduce((t, c) => t + f(c), 0));
      return { work: sum((c) => c.work + 1), ways: sum((c) => c.ways) };
    }
    case "repeat":
      return repeatCost(explorationCost(node.body), node.min, node.max);
  }
}

function then(a: Cost, b: Cost): Cost {
  return { work: Math.min(CAP, a.work + a.ways * b.work), ways: Math.min(CAP, a.ways * b.ways) };
}

/** Counts above this are not walked copy by copy (`x{99999999999}` would take hours): no budget is that large. */
const MAX_COUNTED_COPIES = 1e6;

/** `min` copies of the body, then `max - min` nested optional ones: `(B(B(B)?)?)?`. */
function repeatCost(body: Cost, min: number, max: number): Cost {
  if (max === Infinity || max - min > MAX_COUNTED_COPIES || min > MAX_COUNTED_COPIES) return { work: CAP, ways: CAP };
  let optional: Cost = { work: 0, ways: 1 };
  for (let i = 0; i < max - min && optional.work < CAP; i++) {
    const taken = then(body, optional);
    optional = { work: Math.min(CAP, 1 + taken.work), ways: Math.min(CAP, 1 + taken.ways) };
  }
  let mandatory: Cost = { work: 0, ways: 1 };
  for (let i = 0; i < min && mandatory.work < CAP; i++) mandatory = then(mandatory, body);
  return then(mandatory, optional);
}

/** A quantifier that may repeat, inside another that may repeat: `(a+)+` explores exponentially many splits. */
function nestedRepetition(node: RegexNode, insideLoop: boolean): string | undefined {
  const children = childrenOf(node);
  const loops = node.type === "repeat" && node.max >= 2;
  if (loops && insideLoop) return "nested repetition";
  for (const child of children) {
    const found = nestedRepetition(child, insideLoop || loops);
    if (found) return found;
  }
  return undefined;
}

/**
 * A quantified body that can match empty, or an alternation with two
 * branches that can: then the engine has several empty ways between two
 * characters, and the one-scan argument no longer counts them.
 */
function ambiguousEmpty(node: RegexNode): string | undefined {
  if (node.type === "repeat" && nullable(node.body)) return "a quantified group that can match empty";
  if (node.type === "alt" && node.options.filter(nullable).length > 1) return "two alternatives that can match empty";
  for (const child of childrenOf(node)) {
    const found = ambiguousEmpty(child);
    if (found) return found;
  }
  return undefined;
}

/** A lookaround is evaluated at each backtracking point, so it must cost O(1). */
function costlyLookaround(node: RegexNode): string | undefined {
  if (node.type === "look") {
    const { work, ways } = explorationCost(node.body);
    return work + ways > LOOK_BUDGET ? "a lookaround with a long or unbounded body" : undefined;
  }
  for (const child of childrenOf(node)) {
    const found = costlyLookaround(child);
    if (found) return found;
  }
  return undefined;
}

function childrenOf(node: RegexNode): readonly RegexNode[] {
  switch (node.type) {
    case "seq":
      return node.items;
    case "alt":
      return node.options;
    case "group":
    case "repeat":
    case "look":
      return [node.body];
    default:
      return [];
  }
}

function nullable(node: RegexNode): boolean {
  switch (node.type) {
    case "set":
      return false;
    case "anchor":
    case "look":
      return true;
    case "seq":
      return node.items.every(nullable);
    case "alt":
      return node.options.some(nullable);
    case "group":
      return nullable(node.body);
    case "repeat":
      return node.min === 0 || nullable(node.body);
  }
}

/* Determinism, on the Glushkov automaton: positions are the sets of the
   pattern; a choice is decided by the next character when the positions that
   may come first, and those that may follow each position, have disjoint
   sets. Anchors and lookarounds are zero-width checks: they only prune. */

type Glushkov = { readonly nullable: boolean; readonly first: readonly number[]; readonly last: readonly number[] };

function overlappingChoice(ast: RegexNode): string | undefined {
  const positions: SetNode[] = [];
  const follow: Set<number>[] = [];
  const root = glushkov(ast, positions, follow);
  const ranges = positions.map(setRanges);
  for (const candidates of [root.first, ...follow.map((f) => [...f])]) {
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const [a, b] = [candidates[i]!, candidates[j]!];
        if (rangesIntersect(ranges[a]!, ranges[b]!)) return `overlapping choices ${positions[a]!.raw} and ${positions[b]!.raw}`;
      }
    }
  }
  return undefined;
}

function glushkov(node: RegexNode, positions: SetNode[], follow: Set<number>[]): Glushkov {
  const link = (from: readonly number[], to: readonly number[]): void => from.forEach((p) => to.forEach((q) => follow[p]!.add(q)));
  switch (node.type) {
    case "set": {
      const id = positions.push(node) - 1;
      follow[id] = new Set();
      return { nullable: false, first: [id], last: [id] };
    }
    case "anchor":
    case "look":
      return { nullable: true, first: [], last: [] };
    case "group":
      return glushkov(node.body, positions, follow);
    case "alt": {
      const parts = node.options.map((o) => glushkov(o, positions, follow));
      return { nullable: parts.some((p) => p.nullable), first: parts.flatMap((p) => p.first), last: parts.flatMap((p) => p.last) };
    }
    case "seq":
      return node.items.reduce<Glushkov>((acc, item) => {
        const g = glushkov(item, positions, follow);
        link(acc.last, g.first);
        return {
          nullable: acc.nullable && g.nullable,
          first: acc.nullable ? [...acc.first, ...g.first] : acc.first,
          last: g.nullable ? [...acc.last, ...g.last] : g.last,
        };
      }, { nullable: true, first: [], last: [] });
    case "repeat": {
      const g = glushkov(node.body, positions, follow);
      if (node.max === 0) return { nullable: true, first: [], last: [] };
      if (node.max >= 2) link(g.last, g.first);
      return { nullable: node.min === 0 || g.nullable, first: g.first, last: g.last };
    }
  }
}

/* =========================================================================
 * Rewrites for an unanchored search
 *
 * `.test` asks whether SOME substring matches. Let a branch be A{n,m} R (a
 * leading quantifier, n < m ≤ ∞). If s[i..j) matches it with k ≥ n
 * iterations, the last n iterations and R match the suffix s[i'..j) that
 * starts where iteration k-n+1 starts (a code point boundary, where the
 * search also starts): A{n} R matches a substring. Conversely A{n} R is a
 * special case of A{n,m} R. So A{n,m} R → A{n} R keeps the verdict; with
 * n = 0 the quantifier goes, with n = 1 it becomes A. Symmetrically, R A{n,m}
 * → R A{n} (a prefix ends after iteration n), at the end of a branch: a
 * trailing `$` is not a quantifier, so an end anchor is never touched.
 * Assertions inside R look at the input, not at the match's bounds, and
 * lookarounds are atomic, so they see the same thing; there are no
 * backreferences (unsupported). An alternation at the top is a choice of
 * searches, so each branch is rewritten alone. Groups without a quantifier
 * only group: they are opened so their ends can be trimmed (`.*X.*` → X).
 * ========================================================================= */

function rewriteForSearch(ast: RegexNode): { ast: RegexNode; steps: string[] } {
  const steps: string[] = [];
  if (ast.type === "alt") return { ast: { type: "alt", options: ast.options.map((o) => trimBranch(o, steps)) }, steps };
  if (ast.type === "group" && ast.body.type === "alt") return rewriteForSearch(ast.body);
  return { ast: trimBranch(ast, steps), steps };
}

function trimBranch(branch: RegexNode, steps: string[]): RegexNode {
  let items = openGroups([branch]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const end of ["leading", "trailing"] as const) {
      const index = end === "leading" ? 0 : items.length - 1;
      const item = items[index];
      if (item?.type !== "repeat" || item.max === item.min) continue;
      const kept = exactly(item.body, item.min, item.lazy);
      steps.push(`${end} ${printPattern(item)} ${kept.length === 0 ? "dropped" : `→ ${kept.map(printPattern).join("")}`}`);
      items = openGroups([...items.slice(0, index), ...kept, ...items.slice(index + 1)]);
      changed = true;
    }
  }
  return items.length === 1 ? items[0]! : { type: "seq", items };
}

/** A{n}: nothing, A itself, or the quantifier `{n}`. */
function exactly(body: RegexNode, n: number, lazy: boolean): RegexNode[] {
  if (n === 0) return [];
  return n === 1 ? [body] : [{ type: "repeat", body, min: n, max: n, lazy }];
}

/** Splices sequences and unquantified groups into the list, keeping alternations whole. */
function openGroups(items: readonly RegexNode[]): RegexNode[] {
  return items.flatMap((item): RegexNode[] => {
    if (item.type === "seq") return openGroups(item.items);
    if (item.type === "group" && item.body.type !== "alt") return openGroups([item.body]);
    return [item];
  });
}

/* =========================================================================
 * Thompson construction, backwards: each node is compiled knowing the state
 * that follows it, and returns its entry state.
 * ========================================================================= */

const MAX_STATES = 4096;

class Builder {
  readonly states: AutomatonState[] = [];
  readonly classes: string[] = [];
  readonly looks: AutomatonLook[] = [];
  private readonly classIndex = new Map<string, number>();

  add(state: AutomatonState): number {
    if (this.states.length >= MAX_STATES) throw new Error(`more than ${MAX_STATES} states`);
    return this.states.push(state) - 1;
  }

  classOf(raw: string): number {
    let index = this.classIndex.get(raw);
    if (index === undefined) {
      index = this.classes.push(raw) - 1;
      this.classIndex.set(raw, index);
    }
    return index;
  }
}

/** The program, or why there is none. */
function compileProgram(ast: RegexNode): AutomatonProgram | string {
  try {
    return buildProgram(ast);
  } catch (e) {
    return (e as Error).message;
  }
}

function buildProgram(ast: RegexNode): AutomatonProgram {
  const b = new Builder();
  const accept = b.add({ kind: "accept" });
  const start = compileNode(ast, accept, b);
  return { states: b.states, classes: b.classes, start, anchoredStart: startsAnchored(ast), ...(b.looks.length > 0 ? { looks: b.looks } : {}) };
}

/**
 * The tree read from right to left: what it matches, reversed (a lookahead's body, for the scan that
 * finds where it matches by running right to left). Anchors and lookarounds test a position and stay.
 */
function reversed(node: RegexNode): RegexNode {
  switch (node.type) {
    case "seq":
      return { type: "seq", items: node.items.map(reversed).reverse() };
    case "alt":
      return { type: "alt", options: node.options.map(reversed) };
    case "group":
      return { type: "group", body: reversed(node.body) };
    case "repeat":
      return { ...node, body: reversed(node.body) };
    default:
      return node;
  }
}

function compileNode(node: RegexNode, next: number, b: Builder): number {
  switch (node.type) {
    case "set":
      return b.add({ kind: "class", cls: b.classOf(node.raw), next });
    case "anchor":
      return b.add({ kind: node.at, next });
    case "look": {
      // the body, a program of its own: as it is for a lookbehind (run left to right), reversed for a lookahead
      const look = b.looks.push({ program: buildProgram(node.behind ? node.body : reversed(node.body)), behind: node.behind, negated: node.negated }) - 1;
      return b.add({ kind: "look", look, next });
    }
    case "group":
      return compileNode(node.body, next, b);
    case "seq":
      return node.items.reduceRight((to, item) => compileNode(item, to, b), next);
    case "alt":
      return node.options.map((o) => compileNode(o, next, b)).reduceRight((alt, entry) => b.add({ kind: "split", next: entry, alt }));
    case "repeat":
      return compileRepeat(node, next, b);
  }
}

/** `min` copies, then either a loop or `max - min` nested optional copies. */
function compileRepeat(node: Extract<RegexNode, { type: "repeat" }>, next: number, b: Builder): number {
  let entry = next;
  if (node.max === Infinity) {
    // the loop's split must exist before the body that jumps back to it
    const loop = { kind: "split" as const, next: -1, alt: next };
    entry = b.add(loop);
    loop.next = compileNode(node.body, entry, b);
  } else {
    if (node.max - node.min > MAX_STATES) throw new Error(`more than ${MAX_STATES} states`);
    for (let i = node.min; i < node.max; i++) entry = b.add({ kind: "split", next: compileNode(node.body, entry, b), alt: next });
  }
  if (node.min > MAX_STATES) throw new Error(`more than ${MAX_STATES} states`);
  for (let i = 0; i < node.min; i++) entry = compileNode(node.body, entry, b);
  return entry;
}
