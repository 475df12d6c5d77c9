/** One-class ASCII patterns as bit tables (generator/regex/ascii.ts): the same code points as the engine's class. */
import { describe, expect, it } from "vitest";
import { asciiClassMasks } from "../../generator/regex/ascii.js";

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
