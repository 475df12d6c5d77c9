/**
 * A pattern that is one class of ASCII code points (`[\w+]`, what `[\w+]+`
 * becomes for an unanchored search) asks only whether the value has one such
 * character: a scan over a 128-bit table answers it without the regex
 * engine. The set is what the engine itself says the class holds.
 */
import { parsePattern, setRanges } from "./parse.js";

/** The class's ASCII table as four 32-bit masks (code points 0–31, 32–63, 64–95, 96–127), or undefined when the pattern is not one ASCII class. */
export function asciiClassMasks(source: string): readonly [number, number, number, number] | undefined {
  const parsed = parsePattern(source);
  if (!parsed.ok || parsed.ast.type !== "set") return undefined;
  const ranges = setRanges(parsed.ast);
  if (ranges.length === 0 || ranges.some(([, to]) => to > 127)) return undefined;
  const masks: [number, number, number, number] = [0, 0, 0, 0];
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) masks[c >> 5]! |= 1 << (c & 31);
  // unsigned, so that the generated literals read as bit tables
  return masks.map((m) => m >>> 0) as [number, number, number, number];
}
