/**
 * A linear-time matcher for the schema patterns a backtracking engine could
 * take super-linear time on. The generator compiles such a pattern to a
 * Thompson NFA (plain data, below); this module runs it in one left-to-right
 * pass that follows every thread at once (a Pike VM without captures), so a
 * test costs O(input length × states) whatever the input.
 *
 * It answers what `new RegExp(source, "u").test(input)` answers: the search
 * is unanchored (a thread starts at every code point boundary, as the `u`
 * flag advances), and input is read by code points, a lone surrogate being
 * one code point.
 *
 * Lookarounds too: before the pass, each lookaround's body is run over the
 * whole input once (a lookbehind's left to right, a lookahead's reversed body
 * right to left), with a thread started at every position, and where it
 * matches is written down, one entry per position; the pass then reads the
 * entry where it meets the lookaround. So a lookaround adds O(input length ×
 * its states), however often the pass meets it.
 */

/**
 * One NFA state. `class`: consume one code point of `classes[cls]`, go to
 * `next`. `split`: go to both `next` and `alt`. `start`/`end`: go to `next`
 * only at the input's start/end. `boundary`/`nonBoundary`: only where `\b`
 * holds (a word character, `[A-Za-z0-9_]`, on one side only), or where it does
 * not. `look`: go to `next` only where
 * `looks[look]` holds. `accept`: the pattern matched.
 */
export type AutomatonState =
  | { readonly kind: "class"; readonly cls: number; readonly next: number }
  | { readonly kind: "split"; readonly next: number; readonly alt: number }
  | { readonly kind: "start" | "end" | "boundary" | "nonBoundary"; readonly next: number }
  | { readonly kind: "look"; readonly look: number; readonly next: number }
  | { readonly kind: "accept" };

/**
 * A lookaround: `behind`, whether its body matches a stretch of the input
 * that ends here (`program` is the body, run left to right); else whether it
 * matches one that begins here (`program` is the body reversed, run right to
 * left). `negated`: it holds where the body does not match.
 */
export type AutomatonLook = {
  readonly program: AutomatonProgram;
  readonly behind: boolean;
  readonly negated: boolean;
};

/**
 * A compiled pattern, JSON data only. `classes` are regular expression
 * atoms (`[\p{L}\s]`, `\{`, `.`…), each matching one code point.
 * `anchoredStart`: every match begins at offset 0, so no thread starts later.
 * `looks`: the lookarounds its `look` states test.
 */
export type AutomatonProgram = {
  readonly states: readonly AutomatonState[];
  readonly classes: readonly string[];
  readonly start: number;
  readonly anchoredStart: boolean;
  readonly looks?: readonly AutomatonLook[];
};

const CLASS = 0;
const SPLIT = 1;
const START = 2;
const END = 3;
const ACCEPT = 4;
const LOOK = 5;
const BOUNDARY = 6;
const NON_BOUNDARY = 7;

const OPS = {
  class: CLASS,
  split: SPLIT,
  start: START,
  end: END,
  accept: ACCEPT,
  look: LOOK,
  boundary: BOUNDARY,
  nonBoundary: NON_BOUNDARY,
} as const;

/** A word character of `` (the u flag without i): `[A-Za-z0-9_]`; NaN (no character: an end of the input) is not. */
function isWord(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122) || unit === 95;
}

/** Whether a class holds a code point. */
type ClassTest = (cp: number) => boolean;

/**
 * A class as a lazily filled bit table, one block of 256 code points at a
 * time: a block is filled by one scan of the engine over its 256 code points
 * (so the engine, not this module, decides what `\p{L}` means), and then
 * every test in it is a table lookup, whatever the input.
 */
function compileClass(source: string): ClassTest {
  const scan = new RegExp(source, "gu");
  const one = new RegExp(`^(?:${source})$`, "u");
  const blocks: (Uint32Array | undefined)[] = [];
  function fill(block: number): Uint32Array {
    const bits = new Uint32Array(8);
    const base = block << 8;
    const set = (offset: number): void => {
      bits[offset >> 5]! |= 1 << (offset & 31);
    };
    if (base >= 0xd800 && base <= 0xdfff) {
      // lone surrogates, one at a time: in one string they would pair up
      for (let i = 0; i < 256; i++) if (one.test(String.fromCharCode(base + i))) set(i);
    } else {
      const codes: number[] = [];
      for (let i = 0; i < 256; i++) codes.push(base + i);
      const text = String.fromCodePoint(...codes);
      const width = base > 0xffff ? 2 : 1;
      scan.lastIndex = 0;
      for (let m = scan.exec(text); m; m = scan.exec(text)) set(m.index / width);
    }
    blocks[block] = bits;
    return bits;
  }
  return (cp) => {
    const bits = blocks[cp >> 8] ?? fill(cp >> 8);
    return ((bits[(cp & 255) >> 5]! >>> (cp & 31)) & 1) === 1;
  };
}

/**
 * A program as typed arrays: each state's operation, its argument (a class's index, a split's other
 * branch, a lookaround's index) and its next state; and its classes, with a table of their ASCII
 * members (`ascii[cls * 128 + cp]`: the common case, without a call).
 */
function decode(program: AutomatonProgram): {
  readonly count: number;
  readonly op: Uint8Array;
  readonly arg: Int32Array;
  readonly next: Int32Array;
  readonly classes: readonly ClassTest[];
  readonly ascii: Uint8Array;
} {
  const count = program.states.length;
  const op = new Uint8Array(count);
  const arg = new Int32Array(count);
  const next = new Int32Array(count);
  program.states.forEach((s, i) => {
    op[i] = OPS[s.kind];
    if (s.kind === "class") arg[i] = s.cls;
    if (s.kind === "split") arg[i] = s.alt;
    if (s.kind === "look") arg[i] = s.look;
    if (s.kind !== "accept") next[i] = s.next;
  });
  const classes = program.classes.map(compileClass);
  const ascii = new Uint8Array(classes.length * 128);
  classes.forEach((test, cls) => {
    for (let cp = 0; cp < 128; cp++) ascii[cls * 128 + cp] = test(cp) ? 1 : 0;
  });
  return { count, op, arg, next, classes, ascii };
}

/**
 * Whether a program has lookarounds or word boundaries: where a thread may go then depends on the
 * position too, not only on the set of threads and the code point, so no step can be cached, and
 * compileAssertionAutomaton runs it; compileAutomaton runs the others. (Two functions, so that a
 * bundle whose patterns have none keeps no code for them.)
 */
export function hasAssertions(program: AutomatonProgram): boolean {
  return (
    (program.looks?.length ?? 0) > 0 || program.states.some((s) => s.kind === "boundary" || s.kind === "nonBoundary")
  );
}

/** Compiles a program without lookarounds or word boundaries once (hoist the result): a function answering the pattern's `.test`. */
export function compileAutomaton(program: AutomatonProgram): (input: string) => boolean {
  if (hasAssertions(program)) {
    throw new TypeError(
      "compileAutomaton: a program with lookarounds or word boundaries is compileAssertionAutomaton's",
    );
  }
  const { count, op, arg, next, classes, ascii } = decode(program);
  const { start, anchoredStart } = program;
  // the threads waiting to consume at this position and at the next, without duplicates
  let current = new Int32Array(count);
  let following = new Int32Array(count);
  const seen = new Uint32Array(count); // seen[s] === generation: s is already in this position's list
  const stack = new Int32Array(count);
  let generation = 0;

  function nextGeneration(): void {
    if (generation === 0xffffffff) {
      seen.fill(0);
      generation = 0;
    }
    generation++;
  }

  /** Adds `state` and what it reaches without input at offset `at` to `list[size…]`; the new size, or -1 on accept. */
  function addThread(list: Int32Array, size: number, state: number, at: number, length: number): number {
    let top = 0;
    if (seen[state] === generation) return size;
    seen[state] = generation;
    stack[top++] = state;
    while (top > 0) {
      const s = stack[--top]!;
      const kind = op[s];
      if (kind === ACCEPT) return -1;
      if (kind === CLASS) {
        list[size++] = s;
        continue;
      }
      if ((kind === START && at !== 0) || (kind === END && at !== length)) continue;
      const targets = kind === SPLIT ? 2 : 1;
      for (let t = 0; t < targets; t++) {
        const to = t === 0 ? next[s]! : arg[s]!;
        if (seen[to] !== generation) {
          seen[to] = generation;
          stack[top++] = to;
        }
      }
    }
    return size;
  }

  /** One step over code point `cp`: the threads of `current` move to `following` (then swapped); the new count, or -1 on accept. */
  function advance(size: number, cp: number, after: number, length: number): number {
    nextGeneration();
    let grown = 0;
    for (let i = 0; i < size && grown >= 0; i++) {
      const s = current[i]!;
      const cls = arg[s]!;
      if (cp < 128 ? ascii[cls * 128 + cp] === 1 : classes[cls]!(cp))
        grown = addThread(following, grown, next[s]!, after, length);
    }
    const swap = current;
    current = following;
    following = swap;
    // a new attempt at every code point boundary: the unanchored search, all attempts in one pass
    return grown >= 0 && !anchoredStart ? addThread(current, grown, start, after, length) : grown;
  }

  // A lazy DFA over the sets of threads: where a step cannot meet `^` or `$` (not at the start, not to
  // the end) and reads an ASCII code point, its outcome depends on the set and the code point alone,
  // so it is computed once and then looked up. Bounded: past MAX_SETS sets, the threads are followed as above.
  const MAX_SETS = 512;
  const UNKNOWN = -2;
  const ACCEPTED = -1;
  const FULL = -3;
  const sets: Int32Array[] = [];
  const steps: Int32Array[] = [];
  const lastSteps: Int32Array[] = [];
  const ids = new Map<string, number>();
  function intern(size: number): number {
    const members = Array.from(current.subarray(0, size)).sort((a, b) => a - b);
    const key = members.join(",");
    let id = ids.get(key);
    if (id === undefined) {
      if (sets.length >= MAX_SETS) return FULL;
      id = sets.length;
      ids.set(key, id);
      sets.push(Int32Array.from(members));
      steps.push(new Int32Array(128).fill(UNKNOWN));
      lastSteps.push(new Int32Array(128).fill(UNKNOWN));
    }
    return id;
  }
  function load(id: number): number {
    const members = sets[id]!;
    current.set(members);
    return members.length;
  }

  // the first step, from the threads at offset 0 (where `^` holds), by its ASCII code point
  const firstSteps = new Int32Array(128).fill(UNKNOWN);

  return (input) => {
    const length = input.length;
    let size = 0;
    let set = FULL; // the interned set `current` holds, if any (FULL: not interned)
    let at = 0;
    const cp0 = length > 0 ? input.codePointAt(0)! : -1;
    const after0 = cp0 > 0xffff ? 2 : 1;
    const cacheable = cp0 >= 0 && cp0 < 128 && after0 < length;
    const known = cacheable ? firstSteps[cp0]! : UNKNOWN;
    if (known === ACCEPTED) return true;
    if (known >= 0) {
      set = known;
      at = after0;
    } else {
      nextGeneration();
      size = addThread(current, 0, start, 0, length);
      if (size < 0) return true;
      if (cacheable) {
        const grown = advance(size, cp0, after0, length);
        if (grown < 0) {
          firstSteps[cp0] = ACCEPTED;
          return true;
        }
        set = intern(grown);
        if (set !== FULL) firstSteps[cp0] = set;
        size = grown;
        at = after0;
      }
    }
    for (; size >= 0;) {
      if (at >= length) return false;
      if (set >= 0 ? sets[set]!.length === 0 && anchoredStart : size === 0 && anchoredStart) return false;
      const cp = input.codePointAt(at)!;
      const after = at + (cp > 0xffff ? 2 : 1);
      if (cp < 128 && at > 0 && after === length && set >= 0) {
        // the last step (where `$` holds) decides: cached per set and code point, 1 for a match, 0 for none
        let last = lastSteps[set]![cp]!;
        if (last === UNKNOWN) {
          last = advance(load(set), cp, after, length) < 0 ? 1 : 0;
          lastSteps[set]![cp] = last;
        }
        return last === 1;
      }
      if (cp < 128 && at > 0 && after < length) {
        if (set === FULL) set = intern(size);
        if (set >= 0) {
          let to = steps[set]![cp]!;
          if (to === UNKNOWN) {
            const grown = advance(load(set), cp, after, length);
            to = grown < 0 ? ACCEPTED : intern(grown);
            if (to === FULL) {
              // too many sets: follow the threads from here
              set = FULL;
              size = grown;
              at = after;
              continue;
            }
            steps[set]![cp] = to;
          }
          if (to === ACCEPTED) return true;
          set = to;
          at = after;
          continue;
        }
      }
      if (set >= 0) size = load(set);
      set = FULL;
      size = advance(size, cp, after, length);
      at = after;
    }
    return true;
  };
}

/**
 * A program with lookarounds or word boundaries, run thread by thread (no cached steps: where a thread
 * may go depends on the position too). `run(input, backward, record)`: without `record`, whether the program matches
 * (forward, unanchored unless `anchoredStart`); with it, the scan of a lookaround's body: a thread
 * starts at every position, in the direction given, and `record[at]` is set to 1 wherever the body
 * has matched, at every code point boundary `at` (the scan never stops early).
 */
type Scan = (input: string, backward: boolean, record: Uint8Array | undefined) => boolean;

function compileScan(program: AutomatonProgram): Scan {
  const { count, op, arg, next, classes, ascii } = decode(program);
  const looks = (program.looks ?? []).map((look) => ({
    ...look,
    scan: compileScan(look.program),
  }));
  const { start, anchoredStart } = program;
  const seen = new Uint32Array(count);
  const stack = new Int32Array(count);
  let generation = 0;

  return (input, backward, record) => {
    const length = input.length;
    // where each lookaround's body matches: its table (one entry per offset, 1 where it matches)
    const tables = looks.map((look) => {
      const table = new Uint8Array(length + 1);
      look.scan(input, !look.behind, table);
      return table;
    });
    let current = new Int32Array(count);
    let following = new Int32Array(count);
    let matched = false;

    /** Adds `state` and what it reaches without input at `at` to `list[size…]`: the new size (`matched` set on accept). */
    function addThread(list: Int32Array, size: number, state: number, at: number): number {
      let top = 0;
      if (seen[state] === generation) return size;
      seen[state] = generation;
      stack[top++] = state;
      while (top > 0) {
        const s = stack[--top]!;
        const kind = op[s];
        if (kind === ACCEPT) {
          matched = true;
          continue;
        }
        if (kind === CLASS) {
          list[size++] = s;
          continue;
        }
        if ((kind === START && at !== 0) || (kind === END && at !== length)) continue;
        if (kind === LOOK && (tables[arg[s]!]![at] === 1) === looks[arg[s]!]!.negated) continue;
        if (kind === BOUNDARY || kind === NON_BOUNDARY) {
          const boundary = isWord(input.charCodeAt(at - 1)) !== isWord(input.charCodeAt(at));
          if (boundary !== (kind === BOUNDARY)) continue;
        }
        const targets = kind === SPLIT ? 2 : 1;
        for (let t = 0; t < targets; t++) {
          const to = t === 0 ? next[s]! : arg[s]!;
          if (seen[to] !== generation) {
            seen[to] = generation;
            stack[top++] = to;
          }
        }
      }
      return size;
    }
    function nextGeneration(): void {
      if (generation === 0xffffffff) {
        seen.fill(0);
        generation = 0;
      }
      generation++;
    }

    let at = backward ? length : 0;
    let size = 0;
    nextGeneration();
    for (;;) {
      // a new attempt here: at every position, but for a program anchored at the start (forward only)
      if (record !== undefined || !anchoredStart || at === 0) size = addThread(current, size, start, at);
      if (matched) {
        if (record === undefined) return true;
        record[at] = 1;
        matched = false;
      }
      // the end, or (anchored at the start) no thread left and none to start
      if ((backward ? at === 0 : at === length) || (record === undefined && anchoredStart && size === 0)) return false;
      // the code point after `at` (forward) or before it (backward), and the offset past it
      let cp: number;
      let to: number;
      if (backward) {
        const low = input.charCodeAt(at - 1);
        const high = at >= 2 ? input.charCodeAt(at - 2) : 0;
        const pair = (low & 0xfc00) === 0xdc00 && (high & 0xfc00) === 0xd800;
        cp = pair ? input.codePointAt(at - 2)! : low;
        to = at - (pair ? 2 : 1);
      } else {
        cp = input.codePointAt(at)!;
        to = at + (cp > 0xffff ? 2 : 1);
      }
      // the threads that read it, at `to`; the attempt started there next turn shares their generation
      nextGeneration();
      let grown = 0;
      for (let i = 0; i < size; i++) {
        const s = current[i]!;
        const cls = arg[s]!;
        if (cp < 128 ? ascii[cls * 128 + cp] === 1 : classes[cls]!(cp))
          grown = addThread(following, grown, next[s]!, to);
      }
      const swap = current;
      current = following;
      following = swap;
      size = grown;
      at = to;
    }
  };
}

/** Compiles a program with lookarounds or word boundaries once (hoist the result): a function answering the pattern's `.test`. */
export function compileAssertionAutomaton(program: AutomatonProgram): (input: string) => boolean {
  const run = compileScan(program);
  return (input) => run(input, false, undefined);
}

/** Either, as the program needs. */
export function compileLinearMatcher(program: AutomatonProgram): (input: string) => boolean {
  return hasAssertions(program) ? compileAssertionAutomaton(program) : compileAutomaton(program);
}

const compiled = new WeakMap<AutomatonProgram, (input: string) => boolean>();

/** `program`'s `.test(input)`; the program is compiled on first use and kept while it lives. */
export function linearTest(program: AutomatonProgram, input: string): boolean {
  let test = compiled.get(program);
  if (!test) {
    test = compileLinearMatcher(program);
    compiled.set(program, test);
  }
  return test(input);
}
