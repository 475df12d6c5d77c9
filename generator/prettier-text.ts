/**
 * prettier's text utilities (src/utilities: skip, has-newline,
 * is-next-line-empty), ported: where a blank line follows an item, and
 * whether a comment sits on its own line. One copy for the two places that
 * reproduce prettier's blank lines and comment placement: piecewise.ts
 * (joining pieces) and tidy/ (printing statements).
 */

const skipChars =
  (chars: string) =>
  (text: string, i: number): number => {
    while (i < text.length && chars.includes(text.charAt(i))) i++;
    return i;
  };
const skipSpaces = skipChars(" \t");
const skipToLineEnd = skipChars(",; \t");

function skipInlineComment(text: string, i: number): number {
  if (text.charAt(i) === "/" && text.charAt(i + 1) === "*") {
    for (let j = i + 2; j < text.length; ++j) if (text.charAt(j) === "*" && text.charAt(j + 1) === "/") return j + 2;
  }
  return i;
}

export const isNewline = (c: string): boolean => c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029";

function skipTrailingComment(text: string, i: number): number {
  if (text.charAt(i) === "/" && text.charAt(i + 1) === "/") while (i < text.length && !isNewline(text.charAt(i))) i++;
  return i;
}

function skipNewline(text: string, i: number): number {
  if (text.charAt(i) === "\r" && text.charAt(i + 1) === "\n") return i + 2;
  return isNewline(text.charAt(i)) ? i + 1 : i;
}

/** Whether a line break follows position `i` (past spaces). */
export function hasNewline(text: string, i: number): boolean {
  const j = skipSpaces(text, i);
  return j !== skipNewline(text, j);
}

/** Whether a line break (or the start of the text) precedes position `i` (past spaces). */
export function hasNewlineBefore(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === " " || text[j] === "\t")) j--;
  return j < 0 || isNewline(text.charAt(j));
}

/** After `start` (past `,` `;`, spaces and comments on that line), the next line is blank. */
export function isNextLineEmpty(text: string, start: number): boolean {
  let old = -1;
  let i = start;
  while (i !== old) {
    old = i;
    i = skipToLineEnd(text, i);
    i = skipInlineComment(text, i);
    i = skipSpaces(text, i);
  }
  i = skipTrailingComment(text, i);
  i = skipNewline(text, i);
  return i < text.length && hasNewline(text, i);
}

/** Past a comment's end, its line's end and one more line break, a blank line follows (prettier's printLeadingComment). */
export function blankLineAfter(text: string, end: number): boolean {
  return hasNewline(text, skipNewline(text, skipSpaces(text, end)));
}
