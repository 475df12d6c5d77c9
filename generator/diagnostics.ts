/**
 * Errors and warnings that name where they come from: a file, a JSON pointer
 * inside it and, where the loader knows it, the line and column.
 */
import { compareStrings } from "./order.js";

export interface SourceLocation {
  /** The file as the user should see it (relative to the working directory where possible). */
  readonly file: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly location: SourceLocation;
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
}

/** Segments of a pointer a message shows at each end, when it has more (a schema nested hundreds of levels deep). */
const POINTER_ENDS = 6;

/**
 * A pointer as a message shows it: whole, or, past 2 × POINTER_ENDS segments, its first and last
 * segments around how many are left out (the line:column beside it is exact; the diagnostic keeps
 * the whole pointer).
 */
export function shownPointer(pointer: string): string {
  const segments = pointer.split("/").slice(1);
  if (segments.length <= 2 * POINTER_ENDS + 1) return pointer;
  const left = segments.length - 2 * POINTER_ENDS;
  return `/${segments.slice(0, POINTER_ENDS).join("/")}/…(${left} more)…/${segments.slice(-POINTER_ENDS).join("/")}`;
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}:${location.column ?? 1}`;
  if (location.pointer !== undefined) text += ` (at #${shownPointer(location.pointer)})`;
  return text;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d.location)}: ${d.severity}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ""}`;
}

/** One or more errors in the input; nothing is written when this is thrown. */
export class CodegenError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "CodegenError";
    this.diagnostics = diagnostics;
  }
}

export function error(location: SourceLocation, message: string, hint?: string): Diagnostic {
  return hint === undefined ? { severity: "error", location, message } : { severity: "error", location, message, hint };
}

export function warning(location: SourceLocation, message: string, hint?: string): Diagnostic {
  return hint === undefined ? { severity: "warning", location, message } : { severity: "warning", location, message, hint };
}

/** Collects diagnostics of one stage; `throwIfErrors` ends the stage when any error was found. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "warning");
  }
  throwIfErrors(): void {
    const errors = this.items.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new CodegenError(errors);
  }
}

/** Edit distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/**
 * The candidates most like `wanted`, best first, for "did you mean" hints; none when nothing is alike.
 * Case is ignored. A candidate qualifies when it is a few edits away (a third of the longer name,
 * at least two), when it shares a good part of the beginning (half of `wanted`, at least three
 * characters: `ClientIdType` → `ClientIdTypeList`, `ClientSecretType`), or when one name contains
 * the other. They rank by edits, less half the shared beginning, then by name. A name that
 * differs only in case is the one suggestion.
 */
export function closest(wanted: string, candidates: Iterable<string>, count = 3): string[] {
  const w = wanted.toLowerCase();
  const scored: { c: string; score: number }[] = [];
  for (const c of new Set(candidates)) {
    const l = c.toLowerCase();
    const d = editDistance(w, l);
    let prefix = 0;
    while (prefix < w.length && prefix < l.length && w[prefix] === l[prefix]) prefix++;
    const near = d <= Math.max(2, Math.floor(Math.max(w.length, l.length) / 3));
    const sameStart = prefix >= Math.max(3, Math.ceil(w.length / 2));
    const contained = Math.min(w.length, l.length) >= 4 && (l.includes(w) || w.includes(l));
    if (near || sameStart || contained) scored.push({ c, score: d - prefix / 2 });
  }
  const sameLetters = scored.filter((x) => x.c.toLowerCase() === w);
  return (sameLetters.length > 0 ? sameLetters : scored)
    .sort((x, y) => x.score - y.score || compareStrings(x.c, y.c))
    .slice(0, count)
    .map((x) => x.c);
}
