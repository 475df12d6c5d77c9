/** One-class ASCII patterns as bit tables (generator/regex/ascii.ts): the same code points as the engine's class. */
import { describe, expect, it } from "vitest";
import { asciiClass, asciiClassMasks } from "../../generator/regex/ascii.js";

const holds = (masks: readonly number[], c: number): boolean => c < 128 && ((masks[c >> 5]! >>> (c & 31)) & 1) === 1;

describe("asciiClassMasks", () => {
  it.each(["[\\w+]", "[\\w+=/]", "[\\w\\d-]", "[A-Za-z0-9-_=.]", "\\d", "[0-9]", "a", "[\\x21\\x23-\\x5B\\x5D-\\x7E]"])("%s: the code points the engine's class holds", (source) => {
    const masks = asciiClassMasks(source)!;
    expect(masks).toBeDefined();
    const re = new RegExp(`^(?:${source})$`, "u");
    for (let c = 0; c < 0x300; c++) expect(holds(masks, c), `U+${c.toString(16)}`).toBe(re.test(String.fromCodePoint(c)));
  });

  it.each(["[\\p{L}]", "[\\s]", "[^a]", "\\w+", "[a]b", "^[a]", ".", "[\\W]"])("%s: not one ASCII class", (source) => {
    expect(asciiClassMasks(source)).toBeUndefined();
  });
});

describe("asciiClass: whether a class has a member past ASCII", () => {
  /** The engine's answer, code point by code point (lone surrogates included). */
  const wideByEngine = (source: string): boolean => {
    const re = new RegExp(`^(?:${source})$`, "u");
    for (let cp = 0x80; cp <= 0x10ffff; cp++) if (re.test(String.fromCodePoint(cp))) return true;
    return false;
  };
  it.each(["[\\w+]", "[\\w+=/]", "[\\d]", "[A-Za-z0-9-_=.]", "[\\s]", "[\\S]", "[\\W]", "[^a]", "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]", "[\\u{1F600}-\\u{1F64F}]", "[a\\u{10000}]", "[\\uD800]", "[\\x00-\\x7F]", "[\\x00-\\x80]", "[\\p{ASCII}]"])("%s: as the engine says", (source) => {
    const table = asciiClass(source);
    expect(table).toBeDefined();
    expect(table!.wide).toBe(wideByEngine(source));
  });
});
