/**
 * Unified diffs, as `diff -u` prints them: hunks with three lines of
 * context and `@@ -a,b +c,d @@` headers (a count of one is left out, and an
 * empty side is numbered by the line before it, as GNU diff and git do).
 * Lines are compared whole; a last line without a line feed is marked
 * `\ No newline at end of file`.
 *
 * The line matching is Myers' O((N+M)·D) algorithm, after the common
 * beginning and end are set aside; beyond a thousand differing lines the
 * middle is shown as removed and added, which is still a correct diff.
 * Memory is O(D²): each step keeps only the diagonals it reached.
 */

export const CONTEXT = 3;
const MAX_EDITS = 1000;
const NO_NEWLINE = "\\ No newline at end of file";

type Op = { readonly kind: " " | "-" | "+"; readonly line: string; readonly a: number; readonly b: number };

interface Lines {
  readonly lines: readonly string[];
  /** The last line has no line feed after it. */
  readonly open: boolean;
}

function splitLines(text: string): Lines {
  if (text === "") return { lines: [], open: false };
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") {
    lines.pop();
    return { lines, open: false };
  }
  return { lines, open: true };
}

/** The edit script from `a` to `b` (indices into each), as Myers finds the shortest one. */
function myers(a: readonly string[], b: readonly string[]): ("=" | "-" | "+")[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > MAX_EDITS) return undefined;
    // the diagonals -d..d as they were before this step
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        // walk the trace back into a script
        const script: ("=" | "-" | "+")[] = [];
        let cx = n;
        let cy = m;
        for (let back = d; back > 0; back--) {
          const pv = trace[back]!;
          const ck = cx - cy;
          const prevK = ck === -back || (ck !== back && pv[back + ck - 1]! < pv[back + ck + 1]!) ? ck + 1 : ck - 1;
          const px = pv[back + prevK]!;
          const py = px - prevK;
          while (cx > px && cy > py) {
            script.push("=");
            cx--;
            cy--;
          }
          script.push(cx === px ? "+" : "-");
          cx = px;
          cy = py;
        }
        while (cx > 0 && cy > 0) {
          script.push("=");
          cx--;
          cy--;
        }
        return script.reverse();
      }
    }
  }
  return undefined;
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: " ", line: a[i]!, a: i, b: i });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const script = myers(midA, midB) ?? [...midA.map(() => "-" as const), ...midB.map(() => "+" as const)];
  let i = start;
  let j = start;
  for (const s of script) {
    if (s === "=") ops.push({ kind: " ", line: a[i]!, a: i++, b: j++ });
    else if (s === "-") ops.push({ kind: "-", line: a[i]!, a: i++, b: j });
    else ops.push({ kind: "+", line: b[j]!, a: i, b: j++ });
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: " ", line: a[endA + k]!, a: endA + k, b: endB + k });
  return ops;
}

function range(start: number, count: number): string {
  // GNU diff: an empty range is numbered by the line before it; a count of one is left out
  const first = count === 0 ? start : start + 1;
  return count === 1 ? `${first}` : `${first},${count}`;
}

/**
 * The hunks of a unified diff from `before` to `after` (without the `---`/`+++`
 * lines); empty when the texts are equal.
 */
export function unifiedHunks(before: string, after: string, context = CONTEXT): string[] {
  if (before === after) return [];
  const A = splitLines(before);
  const B = splitLines(after);
  // a last line that gains or loses its line feed differs
  const a = A.lines.map((l, i) => (A.open && i === A.lines.length - 1 ? `${l}\u0000` : l));
  const b = B.lines.map((l, i) => (B.open && i === B.lines.length - 1 ? `${l}\u0000` : l));
  const ops = editScript(a, b);
  const out: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === " ") {
      i++;
      continue;
    }
    // a hunk: from `context` lines before this change to `context` lines after the last change that is
    // at most 2·context lines from the one before it
    const from = Math.max(0, i - context);
    let to = i;
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.kind !== " ") to = j;
      else if (j - to > 2 * context) break;
    }
    const end = Math.min(ops.length, to + context + 1);
    const slice = ops.slice(from, end);
    const first = slice[0]!;
    const countA = slice.filter((o) => o.kind !== "+").length;
    const countB = slice.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${range(first.a, countA)} +${range(first.b, countB)} @@`);
    for (const o of slice) {
      const open = o.line.endsWith("\u0000");
      out.push(`${o.kind}${open ? o.line.slice(0, -1) : o.line}`);
      if (open) out.push(NO_NEWLINE);
    }
    i = end;
  }
  return out;
}

/** A whole diff of one file: `---`/`+++` lines and the hunks. */
export function unifiedDiff(name: string, before: string, after: string, labels = { before: "on disk", after: "generated now" }): string {
  return [`--- ${name} (${labels.before})`, `+++ ${name} (${labels.after})`, ...unifiedHunks(before, after)].join("\n");
}

/** A file that is not there yet: its size and first lines. */
export function newFileSummary(name: string, text: string, shown = 10): string {
  const { lines } = splitLines(text);
  const head = lines.slice(0, shown).map((l) => `+${l}`);
  if (lines.length > shown) head.push(`+… (${lines.length - shown} more lines)`);
  return [`+++ ${name} (new file, ${lines.length} line${lines.length === 1 ? "" : "s"})`, ...head].join("\n");
}
