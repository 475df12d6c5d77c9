/**
 * A pattern that is one class (`[\w+]`, what `[\w+]+` becomes for an
 * unanchored search; `[\p{L}\p{N}]`, `\S`) asks only whether the value has
 * one such character: a scan over a 128-bit table of its ASCII members answers
 * it without the regex engine, which is asked only at a code point beyond
 * ASCII when the class has any there. The set is what the engine itself says
 * the class holds.
 */
import { allScalars, parsePattern, scalarsBetween } from "./parse.js";

/**
 * A pattern that is one class, as the engine runs it: its ASCII members (four 32-bit masks, bit c
 * of mask c >> 5) and whether it has a member beyond ASCII, a lone surrogate included; undefined
 * for another pattern or a class with no member. Asked of the engine itself, one code point at a
 * time for ASCII and by one search past it (what setRanges would give, without listing every range
 * of a property: a scan of all of Unicode per property).
 */
export function asciiClass(source: string): AsciiClass | undefined {
  if (!classes.has(source)) classes.set(source, askEngine(source));
  return classes.get(source);
}

type AsciiClass = { readonly masks: readonly [number, number, number, number]; readonly wide: boolean };

/** Each class asked of the engine once: services repeat their patterns (one for every name type, …). */
const classes = new Map<string, AsciiClass | undefined>();

function askEngine(source: string): AsciiClass | undefined {
  const parsed = parsePattern(source);
  if (!parsed.ok || parsed.ast.type !== "set") return undefined;
  const set = parsed.ast;
  const one = new RegExp(`^(?:${source})$`, "u");
  const masks: [number, number, number, number] = [0, 0, 0, 0];
  for (let c = 0; c < 128; c++) if (one.test(String.fromCharCode(c))) masks[c >> 5]! |= 1 << (c & 31);
  // ASCII ranges, \d and \w (ASCII under the u flag without i), not negated: nothing beyond ASCII, no search needed
  const asciiOnly = !set.negated && set.items.every((item) => (item.kind === "range" ? item.to < 128 : item.kind === "escape" && !item.negated && item.letter !== "s"));
  let wide = false;
  if (!asciiOnly) {
    const past = new RegExp(source, "u");
    // most classes with a member past ASCII have one in the BMP: found there without building all of Unicode
    wide = past.test(bmpScalars());
    if (!wide) {
      const all = new RegExp(source, "gu");
      all.lastIndex = 128;
      wide = all.test(allScalars());
    }
    for (let unit = 0xd800; !wide && unit <= 0xdfff; unit++) wide = one.test(String.fromCharCode(unit));
  }
  if (!wide && masks.every((m) => m === 0)) return undefined;
  // unsigned, so that generated literals read as bit tables
  return { masks: masks.map((m) => m >>> 0) as [number, number, number, number], wide };
}

let bmp: string | undefined;

/** The scalar values of the BMP past ASCII (U+0080 to U+FFFF). */
const bmpScalars = (): string => (bmp ??= scalarsBetween(0x80, 0xffff));

/** The class's ASCII table as four 32-bit masks (code points 0–31, 32–63, 64–95, 96–127), or undefined when the pattern is not one class of ASCII code points only. */
export function asciiClassMasks(source: string): readonly [number, number, number, number] | undefined {
  const table = asciiClass(source);
  return table === undefined || table.wide ? undefined : table.masks;
}
