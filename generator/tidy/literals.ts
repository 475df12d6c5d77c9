import { Unsupported } from "./lex.js";

/**
 * Literals as prettier prints them: strings in the quote that needs fewer
 * escapes (double on a tie), numbers in their shortest lower-case form,
 * regular expressions with their flags sorted.
 */

/** A string literal (its source text, quotes included) as prettier prints it under `singleQuote: false`. */
export function printString(raw: string): string {
  // the common case: double quotes, no quote or escape inside, which prettier keeps as it is
  if (raw.charCodeAt(0) === 34 && !/["'\\]/.test(raw.slice(1, -1))) return raw;
  const content = raw.slice(1, -1);
  // prettier's getPreferredQuote: every quote character counts, escaped or not
  const doubles = content.split('"').length - 1;
  const singles = content.split("'").length - 1;
  return makeString(content, doubles > singles ? "'" : '"');
}

/** prettier's makeString: the content re-quoted, the other quote unescaped, this one escaped; every other escape kept. */
function makeString(raw: string, quote: string): string {
  const other = quote === '"' ? "'" : '"';
  const body = raw.replace(/\\(["'\\])|(["'])/g, (match, escaped: string | undefined, unescaped: string | undefined) => {
    if (escaped) return escaped === other ? other : match;
    return unescaped === quote ? "\\" + unescaped : unescaped!;
  });
  return quote + body + quote;
}

/** A number literal as prettier prints it. */
export function printNumber(raw: string): string {
  // digits only, no leading zero to read as octal: as it is
  if (/^(?:0|[1-9][0-9]*)$/.test(raw)) return raw;
  if (/^0[box]/i.test(raw) || raw.includes("_") || /n$/.test(raw)) {
    // prefixes and digits: lower-case prefix, upper-case hex digits are left to prettier
    throw new Unsupported("number literal");
  }
  return (
    raw
      .toLowerCase()
      // no + or leading zeros in the exponent
      .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(\d)/, "$1$2$3")
      // no exponent of zero
      .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
      // a digit before the point
      .replace(/^([+-])?\./, "$10.")
      // no trailing zeros after the point
      .replace(/(\.\d+?)0+(?=e|$)/, "$1")
      // no trailing point
      .replace(/\.(?=e|$)/, "")
  );
}

/** A regular expression literal with its flags in order. */
export function printRegex(raw: string): string {
  const slash = raw.lastIndexOf("/");
  const flags = [...raw.slice(slash + 1)].sort().join("");
  return raw.slice(0, slash + 1) + flags;
}
