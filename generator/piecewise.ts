/**
 * Formatting a giant chunk piece by piece (format.ts): prettier's syntax tree
 * and document for a chunk of several MB take hundreds of MB at once (a
 * validator of 11,000 properties: over 1 GB of resident memory), and babel
 * scans from every block comment to the end of its line, which is quadratic
 * on a long line of `/* @__PURE__ *\/` calls (2.3 MB: 20 s).
 *
 * A chunk is one top-level statement, and when it is giant nearly all of it
 * is the items of one container: the members of a class or interface body,
 * the statements of a function body, the elements of an array. prettier
 * prints those items one per line, each independently of its siblings, with
 * a blank line after one where the source has one (its isNextLineEmpty). So
 * the items are cut into pieces at item boundaries, each piece is formatted
 * inside a stand-in (the chunk's own text before and after the container,
 * with a marker item first), and the formatted pieces are joined back:
 *
 *     head            ← the stand-ins' text before the marker line (all equal)
 *     piece 0's items
 *     (blank line if the source has one after piece 0's last item)
 *     piece 1's items
 *     …
 *     tail            ← the stand-ins' last line (all equal): `}`, `]);`
 *
 * Only boundaries whose neighbours cannot be read as one construct are cut
 * (a `;` or a block's `}` at the end of its line, followed by a word that
 * starts an item, not `else`, `catch`, `while`, `as` …; an array's `,`). When
 * anything is not as expected (the source cannot be tokenized, a stand-in
 * does not format, or not into head, marker, items and tail, equal across the
 * pieces) the chunk is formatted whole, as before. test/format.test.ts holds
 * the result to prettier's on the whole text.
 */
import type * as prettier from "prettier";
import { isNewline, isNextLineEmpty } from "./prettier-text.js";

/** Sources from this many bytes are formatted piecewise. */
export const PIECEWISE_BYTES = 512 * 1024;
/** Source bytes per piece: small enough for a small heap and a short line's worth of comment scans. */
const PIECE_BYTES = 64 * 1024;
/** The first item of every stand-in: an identifier, valid as a statement, a class or interface member and an array element. */
const MARKER = "cognitoCodegenPieceMarker";

type Format = (source: string, options: prettier.Options) => Promise<string>;

interface Plan {
  /** Index of the container's opening bracket, and of its closing one. */
  readonly open: number;
  readonly close: number;
  readonly kind: "{" | "[";
  /** Positions in the source where a piece ends and the next begins (increasing, strictly inside the container). */
  readonly cuts: readonly number[];
}

/**
 * The chunk formatted piecewise when it is large and splits, else whole; the same bytes either way.
 */
export async function formatLarge(source: string, options: prettier.Options, format: Format): Promise<string> {
  const plan = source.length >= PIECEWISE_BYTES && options.semi !== false ? planPieces(source) : undefined;
  if (plan) {
    const text = await formatPieces(source, plan, options, format).catch(() => undefined);
    if (text !== undefined) return text;
  }
  return format(source, options);
}

/** Formats the pieces of a plan; undefined when a stand-in does not come out as head, marker, items, tail. */
export async function formatPieces(source: string, plan: Plan, options: prettier.Options, format: Format): Promise<string | undefined> {
  const eol = options.endOfLine === "crlf" ? "\r\n" : options.endOfLine === "cr" ? "\r" : "\n";
  const before = source.slice(0, plan.open + 1);
  const after = source.slice(plan.close);
  const marker = plan.kind === "[" ? `${MARKER},` : `${MARKER};`;
  // an array's last element gets its comma from trailingComma: as the whole gives every element but the last
  if (plan.kind === "[" && options.trailingComma === "none") return undefined;
  const bounds = [plan.open + 1, ...plan.cuts, plan.close];
  let head: string | undefined;
  let tail: string | undefined;
  const bodies: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const items = source.slice(bounds[k], bounds[k + 1]).replace(/^\s+/, "");
    const out = await format(`${before}\n${marker}\n${items}\n${after}`, options);
    const at = out.indexOf(marker);
    if (at < 0 || out.indexOf(MARKER, at + 1) >= 0) return undefined;
    const lineStart = out.lastIndexOf(eol, at) + eol.length;
    const markerEnd = at + marker.length;
    // the marker alone on its line, right after the head
    if (lineStart < eol.length || out.slice(lineStart, at).trim() !== "" || !out.startsWith(eol, markerEnd)) return undefined;
    const lastLine = out.lastIndexOf(eol, out.length - eol.length - 1) + eol.length;
    if (lastLine <= markerEnd + eol.length) return undefined;
    const h = out.slice(0, lineStart);
    const t = out.slice(lastLine);
    if (head === undefined) {
      head = h;
      tail = t;
      // the container open at the end of the head's last line, closed at the start of the tail, which is all of the source after it
      if (!h.trimEnd().endsWith(plan.kind)) return undefined;
      if (!t.trimStart().startsWith(plan.kind === "[" ? "]" : "}")) return undefined;
      if (t.replace(/\s+/g, "") !== after.replace(/\s+/g, "")) return undefined;
    } else if (h !== head || t !== tail) return undefined;
    const body = out.slice(markerEnd + eol.length, lastLine - eol.length);
    if (plan.kind === "[" && !body.endsWith(",")) return undefined;
    bodies.push(body);
  }
  let text = head!;
  bodies.forEach((body, k) => {
    if (k > 0) text += isNextLineEmpty(source, plan.cuts[k - 1]!) ? eol + eol : eol;
    text += body;
  });
  return text + eol + tail!;
}

/** Words after which a `;` or `}` does not end an item: the statement or expression goes on. */
const CONTINUES = new Set(["else", "catch", "finally", "while", "in", "instanceof", "as", "satisfies", "of", "extends", "implements"]);
/** Words after which a `/` starts a regular expression. */
const BEFORE_REGEXP = new Set(["return", "typeof", "case", "do", "else", "in", "instanceof", "new", "void", "delete", "throw", "yield", "await", "of"]);

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || (c >= 128 && c !== 0x2028 && c !== 0x2029 && c !== 0xa0 && c !== 0xfeff);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;

/** A significant token: a bracket, a punctuator, a word (identifier, keyword, number), a string or template. */
interface Token {
  readonly type: "open" | "close" | "punct" | "word" | "string" | "template";
  readonly start: number;
  readonly end: number;
  /** Brackets open before it (for a close: before it was closed, so an open and its close have the same). */
  readonly depth: number;
}

/**
 * The significant tokens of a chunk of generated TypeScript (no JSX), comments skipped; undefined
 * for anything it does not read with certainty (an unterminated literal, brackets that do not match).
 */
function tokens(source: string, visit: (t: Token) => void, onLineComment?: (at: number) => void): boolean {
  const stack: number[] = []; // char codes of the open brackets; 0 for a template's `${`
  let prev: Token | undefined;
  let i = 0;
  const n = source.length;
  const emit = (t: Token): void => {
    prev = t;
    visit(t);
  };
  /** The rest of a template from i (after a backtick or a `}` closing `${`): true when it ended, false at a `${`. */
  const templateRest = (): boolean | undefined => {
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 96) {
        i++;
        return true;
      } else if (c === 36 && source.charCodeAt(i + 1) === 123) {
        i += 2;
        return false;
      } else i++;
    }
    return undefined;
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === 47 && source.charCodeAt(i + 1) === 47) {
      onLineComment?.(i);
      while (i < n && !isNewline(source.charAt(i))) i++;
      continue;
    }
    if (c === 47 && source.charCodeAt(i + 1) === 42) {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) return false;
      i = end + 2;
      continue;
    }
    if (c === 34 || c === 39) {
      i++;
      for (;;) {
        if (i >= n) return false;
        const d = source.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === c) break;
        else if (d === 10 || d === 13) return false;
        else i++;
      }
      i++;
      emit({ type: "string", start, end: i, depth: stack.length });
      continue;
    }
    if (c === 96) {
      i++;
      const ended = templateRest();
      if (ended === undefined) return false;
      if (!ended) stack.push(0);
      emit({ type: "template", start, end: i, depth: stack.length });
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      emit({ type: "open", start, end: i + 1, depth: stack.length });
      stack.push(c);
      i++;
      continue;
    }
    if (c === 41 || c === 93 || c === 125) {
      const top = stack.pop();
      if (top === undefined) return false;
      if (top === 0) {
        if (c !== 125) return false;
        i++;
        const ended = templateRest();
        if (ended === undefined) return false;
        if (!ended) stack.push(0);
        emit({ type: "template", start, end: i, depth: stack.length });
        continue;
      }
      if (top !== (c === 41 ? 40 : c === 93 ? 91 : 123)) return false;
      i++;
      emit({ type: "close", start, end: i, depth: stack.length });
      continue;
    }
    if (isWordChar(c)) {
      while (i < n && isWordChar(source.charCodeAt(i))) i++;
      emit({ type: "word", start, end: i, depth: stack.length });
      continue;
    }
    if (c === 47) {
      const p = prev;
      const regexp =
        p === undefined || (p.type === "punct" && !/^[)\]}]$/.test(source.slice(p.start, p.end))) || p.type === "open" || (p.type === "word" && BEFORE_REGEXP.has(source.slice(p.start, p.end)));
      if (regexp) {
        i++;
        let inClass = false;
        for (;;) {
          if (i >= n) return false;
          const d = source.charCodeAt(i);
          if (d === 10 || d === 13) return false;
          if (d === 92) i += 2;
          else {
            if (d === 91) inClass = true;
            else if (d === 93) inClass = false;
            else if (d === 47 && !inClass) break;
            i++;
          }
        }
        i++;
        while (i < n && isWordChar(source.charCodeAt(i))) i++;
        emit({ type: "string", start, end: i, depth: stack.length });
        continue;
      }
    }
    i++;
    emit({ type: "punct", start, end: i, depth: stack.length });
  }
  return stack.length === 0;
}

/**
 * Where to cut a giant chunk: its container (the bracket pair holding most of it, descending while
 * one pair inside holds most of that) and the item boundaries in it, grouped into pieces.
 */
export function planPieces(source: string, pieceBytes = PIECE_BYTES): Plan | undefined {
  // every bracket pair, by depth: open index, close index
  const pairs: {
    open: number;
    close: number;
    depth: number;
    before: Token | undefined;
  }[] = [];
  const openAt: { index: number; before: Token | undefined }[] = [];
  let last: Token | undefined;
  const ok = tokens(source, (t) => {
    if (t.type === "open") openAt.push({ index: t.start, before: last });
    else if (t.type === "close") {
      const o = openAt.pop()!;
      // only a pair that could hold a piece or more
      if (t.start - o.index >= pieceBytes)
        pairs.push({
          open: o.index,
          close: t.start,
          depth: t.depth,
          before: o.before,
        });
    }
    last = t;
  });
  if (!ok) return undefined;
  // descend into the pair holding most of the current range
  let range = { open: -1, close: source.length, depth: -1 };
  let chosen: (typeof pairs)[number] | undefined;
  for (;;) {
    let best: (typeof pairs)[number] | undefined;
    for (const p of pairs) if (p.depth === range.depth + 1 && p.open > range.open && p.close < range.close && (!best || p.close - p.open > best.close - best.open)) best = p;
    if (!best || (best.close - best.open) * 2 < range.close - range.open) break;
    range = best;
    chosen = best;
  }
  if (!chosen) return undefined;
  const kind = source.charAt(chosen.open);
  if (kind !== "{" && kind !== "[") return undefined;
  if (kind === "[") {
    // an array literal: after `(`, `,`, `=` or `return`
    const b = chosen.before;
    const word = b ? source.slice(b.start, b.end) : "";
    if (!b || !["(", ",", "=", "return"].includes(word)) return undefined;
  }
  // the item boundaries directly inside the container
  const inner = chosen.depth + 1;
  const cuts: number[] = [];
  let pending: { at: number; after: "item" | "comma" } | undefined;
  let lastCut = chosen.open + 1;
  let plain = kind === "[";
  let named = false;
  let firstOfItem = true;
  let lineComment = false;
  // a body that starts with a string may start with directives ("use strict"), which the marker would make statements (a member named by a string goes on with `:`, `?`, `(` or `<`)
  let directive = false;
  let first = 0;
  tokens(
    source,
    (t) => {
      if (t.start <= chosen.open || t.start >= chosen.close) return;
      const text = source.slice(t.start, t.end);
      if (first === 0 && kind === "{" && t.type === "string") directive = true;
      if (first === 1 && directive && t.type === "punct" && [":", "?", "<"].includes(text)) directive = false;
      if (first === 1 && directive && t.type === "open" && text === "(") directive = false;
      first++;
      if (kind === "[") {
        // an array whose layout is per element: no element's text breaks (no newline, no block), not all numbers, objects or arrays
        if (t.type === "open" && text === "{") plain = false;
        if (t.type === "template") plain = false;
        if (t.depth === inner && firstOfItem && (t.type === "string" || (t.type === "word" && !/^[0-9]/.test(text)))) named = true;
        firstOfItem = t.depth === inner && t.type === "punct" && text === ",";
      }
      if (pending) {
        const take =
          pending.after === "comma"
            ? !(t.type === "punct" && text === ",") && !(t.type === "close" && t.start === chosen.close)
            : (t.type === "word" && !/^[0-9]/.test(text) && !CONTINUES.has(text)) || t.type === "string";
        if (take && pending.at - lastCut >= pieceBytes) {
          cuts.push(pending.at);
          lastCut = pending.at;
        }
        pending = undefined;
      }
      if (kind === "{") {
        const ends = (t.type === "punct" && text === ";" && t.depth === inner) || (t.type === "close" && text === "}" && t.depth === inner);
        // at the end of its line (no comment after it there)
        if (ends && /^[ \t]*\n/.test(source.slice(t.end, t.end + 200))) pending = { at: t.end, after: "item" };
      } else if (t.type === "punct" && text === "," && t.depth === inner) pending = { at: t.end, after: "comma" };
    },
    (at) => {
      if (at > chosen.open && at < chosen.close) lineComment = true;
    },
  );
  if (kind === "[" && (!plain || !named || lineComment || /[\n\r\u2028\u2029]/.test(source.slice(chosen.open, chosen.close)))) return undefined;
  if (/[\n\r\u2028\u2029]/.test(source.slice(chosen.close).trimEnd()) || source.includes("\r") || source.includes(MARKER)) return undefined;
  if (cuts.length === 0 || directive) return undefined;
  return { open: chosen.open, close: chosen.close, kind, cuts };
}
