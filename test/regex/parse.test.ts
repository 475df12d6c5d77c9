/** The pattern parser: its tree, its refusals, printing back, and the exact code points of a set. */
import { describe, expect, it } from "vitest";
import { parsePattern, printPattern, rangesIntersect, setRanges, type RegexNode, type SetNode } from "../../generator/regex/parse.js";
import { prng } from "../prng.js";

function ast(source: string): RegexNode {
  const parsed = parsePattern(source);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ast;
}

function set(source: string): SetNode {
  const node = ast(source);
  if (node.type !== "set") throw new Error(`${source} is not one set`);
  return node;
}

const lit = (raw: string, cp: number): SetNode => ({ type: "set", raw, negated: false, items: [{ kind: "range", from: cp, to: cp }] });

describe("parsePattern", () => {
  it("reads sequences, classes and quantifiers", () => {
    expect(ast("[\\w-]+_[0-9a-f-]+")).toEqual({
      type: "seq",
      items: [
        {
          type: "repeat", min: 1, max: Infinity, lazy: false,
          body: { type: "set", raw: "[\\w-]", negated: false, items: [{ kind: "escape", letter: "w", negated: false }, { kind: "range", from: 0x2d, to: 0x2d }] },
        },
        lit("_", 0x5f),
        {
          type: "repeat", min: 1, max: Infinity, lazy: false,
          body: { type: "set", raw: "[0-9a-f-]", negated: false, items: [{ kind: "range", from: 0x30, to: 0x39 }, { kind: "range", from: 0x61, to: 0x66 }, { kind: "range", from: 0x2d, to: 0x2d }] },
        },
      ],
    });
  });

  it("reads every quantifier, greedy and lazy", () => {
    const q = (s: string): unknown => {
      const node = ast(s);
      return node.type === "repeat" ? [node.min, node.max, node.lazy] : node.type;
    };
    expect(["a*", "a+", "a?", "a{2}", "a{2,}", "a{2,5}", "a*?", "a+?", "a??", "a{2,5}?"].map(q)).toEqual([
      [0, Infinity, false], [1, Infinity, false], [0, 1, false], [2, 2, false], [2, Infinity, false], [2, 5, false],
      [0, Infinity, true], [1, Infinity, true], [0, 1, true], [2, 5, true],
    ]);
  });

  it("reads escapes as code points, with the u flag's meaning", () => {
    const cases: [string, number][] = [
      ["\\x41", 0x41], ["\\u0041", 0x41], ["\\u{1F600}", 0x1f600], ["\\uD83D\\uDE00", 0x1f600], ["\\cJ", 0x0a], ["\\0", 0],
      ["\\t", 9], ["\\n", 10], ["\\v", 11], ["\\f", 12], ["\\r", 13], ["\\/", 0x2f], ["\\{", 0x7b], ["\\.", 0x2e], ["😀", 0x1f600],
      ["[\\b]", 8], ["[\\-]", 0x2d], ["\\uD800", 0xd800],
    ];
    for (const [source, cp] of cases) {
      const items = set(source).items;
      expect(items, source).toEqual([{ kind: "range", from: cp, to: cp }]);
    }
  });

  it("reads class escapes, properties and negations", () => {
    expect(set("\\D").items).toEqual([{ kind: "escape", letter: "d", negated: true }]);
    expect(set("\\P{Lu}").items).toEqual([{ kind: "property", name: "Lu", negated: true }]);
    expect(set("[^\\p{Script=Greek}\\s]")).toMatchObject({ negated: true, items: [{ kind: "property", name: "Script=Greek" }, { kind: "escape", letter: "s" }] });
    expect(set("[\\x23-\\x5B]").items).toEqual([{ kind: "range", from: 0x23, to: 0x5b }]);
    expect(set(".")).toMatchObject({ negated: true });
  });

  it("reads groups, alternation, anchors and keeps lookarounds opaque", () => {
    expect(ast("^(?:ab|c)$")).toMatchObject({
      type: "seq",
      items: [{ type: "anchor", at: "start" }, { type: "group", body: { type: "alt", options: [{ type: "seq" }, { type: "set", raw: "c" }] } }, { type: "anchor", at: "end" }],
    });
    expect(ast("(?<name>a)")).toMatchObject({ type: "group", body: { type: "set", raw: "a" } });
    const s3 = ast("^[0-9A-Za-z\\.\\-_]*(?<!\\.)$");
    expect(s3).toMatchObject({ type: "seq", items: [{}, { type: "repeat" }, { type: "look", raw: "(?<!\\.)", behind: true, negated: true }, {}] });
    expect(ast("(?=ab)")).toMatchObject({ type: "look", behind: false, negated: false, body: { type: "seq" } });
  });

  it("reads word boundaries as anchors, and prints them back", () => {
    expect(ast("\\bword\\B")).toMatchObject({ type: "seq", items: [{ type: "anchor", at: "boundary" }, {}, {}, {}, {}, { type: "anchor", at: "nonBoundary" }] });
    expect(printPattern(ast("\\bx+\\B"))).toBe("\\bx+\\B");
    // in a class, \b is the backspace
    expect(ast("[\\b]")).toMatchObject({ type: "set" });
  });

  it("refuses what is outside the subset, and invalid patterns", () => {
    for (const source of ["(a)\\1", "(?<n>a)\\k<n>", "[", "a{", "(?", "\\q"]) {
      const parsed = parsePattern(source);
      expect(parsed.ok, source).toBe(false);
    }
    expect(parsePattern("(x)\\1")).toMatchObject({ reason: expect.stringContaining("backreference") });
    expect(parsePattern("a)")).toMatchObject({ reason: expect.stringContaining("not a valid") });
  });
});

describe("printPattern", () => {
  const sources = [
    "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
    "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$",
    "^[0-9A-Za-z\\.\\-_]*(?<!\\.)$",
    "a|b(?:c|d)*?e{2,}|",
    "(?:ab)+?|x{3}",
    "😀+\\u{1F601}?",
    "(?<n>a|b)c",
  ];

  it("prints a tree it reads back to the same tree", () => {
    for (const source of sources) {
      const printed = printPattern(ast(source));
      expect(printPattern(ast(printed)), source).toBe(printed);
    }
  });

  it("prints a pattern with the same verdicts", () => {
    const rnd = prng(11);
    const pool = [..."abcdex:0-_.😀\u{1F601}/=@"];
    for (const source of sources) {
      const [a, b] = [new RegExp(source, "u"), new RegExp(printPattern(ast(source)), "u")];
      for (let i = 0; i < 2000; i++) {
        const s = Array.from({ length: Math.floor(rnd() * 10) }, () => pool[Math.floor(rnd() * pool.length)]).join("");
        if (a.test(s) !== b.test(s)) expect.fail(`${source} on ${JSON.stringify(s)}`);
      }
    }
  });
});

describe("setRanges", () => {
  const has = (ranges: readonly (readonly [number, number])[], cp: number): boolean => ranges.some(([from, to]) => from <= cp && cp <= to);

  it("gives the code points the engine matches, lone surrogates included", () => {
    const rnd = prng(5);
    const probes = [...Array.from({ length: 0x300 }, (_, i) => i), ...Array.from({ length: 0x800 }, (_, i) => 0xd800 + i)];
    for (let i = 0; i < 3000; i++) probes.push(Math.floor(rnd() * 0x110000));
    probes.push(0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0xffff, 0x10000, 0x10ffff);
    for (const source of ["\\s", "\\S", ".", "[^_]", "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]", "\\P{L}", "[^\\d\\s]", "\\w", "\\W", "[\\x21\\x23-\\x5B\\x5D-\\x7E]", "😀"]) {
      const ranges = setRanges(set(source));
      const re = new RegExp(`^(?:${source})$`, "u");
      for (const cp of probes) {
        if (has(ranges, cp) !== re.test(String.fromCodePoint(cp))) expect.fail(`${source} at U+${cp.toString(16)}`);
      }
    }
  });

  it("tells whether two sets share a code point", () => {
    const r = (s: string): readonly (readonly [number, number])[] => setRanges(set(s));
    expect(rangesIntersect(r("[a-z]"), r("[0-9]"))).toBe(false);
    expect(rangesIntersect(r("[a-z]"), r("\\w"))).toBe(true);
    expect(rangesIntersect(r("\\."), r("[0-9A-Za-z\\-_]"))).toBe(false);
    expect(rangesIntersect(r("\\p{L}"), r("\\p{N}"))).toBe(false);
    expect(rangesIntersect(r("[^_]"), r("_"))).toBe(false);
  });
});
