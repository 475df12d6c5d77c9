import { Unsupported } from "./lex.js";

/**
 * Literals as prettier prints them: strings in the quote that needs fewer
 * escapes (double on a tie), numbers in their shortest lower-case form,
 * regular expressions with their flags sorted.
 */

/** A string literal (its source text, quotes included) as prettier prints it under `singleQuote: false`. */
export function printString(raw: string): string {
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === '"') doubles++;
    else if (c === "'") singles++;
  }
  // escaped quotes count too: prettier counts the quotes of the unescaped text
  doubles += (content.match(/\\"/g) ?? []).length;
  singles += (content.match(/\\'/g) ?? []).length;
  const quote = doubles > singles ? "'" : '"';
  return makeString(content, quote);
}

/** prettier's makeString: the content re-quoted, escapes of the other quote dropped, of this one added, needless ones removed. */
function makeString(raw: string, quote: string): string {
  const other = quote === '"' ? "'" : '"';
  const body = raw.replace(/\\(.)|(["'])/gsu, (match, escaped: string | undefined, q: string | undefined) => {
    if (escaped === other) return escaped;
    if (q === quote) return "\\" + q;
    if (q) return q;
    return /^[^\n\r"'0-7\\bfnrt-vx\u2028\u2029]$/u.test(escaped!) ? escaped! : "\\" + escaped!;
  });
  return quote + body + quote;
}

/** A number literal as prettier prints it. */
export function printNumber(raw: string): string {
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
