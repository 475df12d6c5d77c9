/** The linear-time matcher: strict compilation, the u flag's reading of the input, anchors, and its cost. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { automatonOf, planPattern } from "../../generator/regex/safety.js";
import { compileAssertionAutomaton, compileAutomaton, compileLinearMatcher, hasAssertions, linearTest, type AutomatonProgram } from "../../templates/runtime/linear-match.js";
import { typeCheck } from "../strict-program.js";

function program(source: string): AutomatonProgram {
  const p = automatonOf(source);
  if (!p) throw new Error(`no automaton for ${source}`);
  return p;
}

/** The matcher against the engine, on the given strings. */
function agrees(source: string, inputs: readonly string[]): void {
  const test = compileLinearMatcher(program(source));
  const re = new RegExp(source, "u");
  for (const s of inputs) expect(test(s), `${source} on ${JSON.stringify(s)}`).toBe(re.test(s));
}

it("compiles under STRICT_OPTIONS with lib ES2022 only", () => {
  expect(typeCheck([fileURLToPath(new URL("../../templates/runtime/linear-match.ts", import.meta.url))])).toEqual([]);
});

describe("compileAutomaton", () => {
  it("runs a hand-written program: `a(b|c)*d`, unanchored", () => {
    const p: AutomatonProgram = {
      states: [
        { kind: "accept" },
        { kind: "class", cls: 0, next: 0 }, // d
        { kind: "split", next: 3, alt: 1 }, // (b|c)* or on
        { kind: "class", cls: 1, next: 2 }, // [bc]
        { kind: "class", cls: 2, next: 2 }, // a
      ],
      classes: ["d", "[bc]", "a"],
      start: 4,
      anchoredStart: false,
    };
    const test = compileAutomaton(p);
    expect(["ad", "xxabcbd", "abd!", "zad"].map(test)).toEqual([true, true, true, true]);
    expect(["", "a", "abx", "bd", "da"].map(test)).toEqual([false, false, false, false, false]);
  });

  it("answers as the engine does on anchors, alternation, empty loops and counted repetition", () => {
    const inputs = ["", "a", "aa", "aaa", "ab", "ba", "b", "abab", "aab", "ca", "c", "cc", "x\na"];
    for (const source of ["^a$", "^$", "a$|^b", "(?:^a|b$)", "(?:a|)*b", "(a*)*$", "^(?:ab|a){2,3}$", "a{2}", "^a{0,2}$", "", "(?:)"]) agrees(source, inputs);
  });

  it("reads code points as the u flag does: a pair is one, a lone surrogate is one", () => {
    const inputs = ["😀", "\ud83d", "\ude00", "\ude00\ud83d", "a😀b", "a\ud83db", "a\ude00b", "😀😀", "\ud83d\ud83d\ude00"];
    for (const source of ["^.$", "^..$", "a.b", "^[^a]$", "\\uD83D", "[\\uD800-\\uDBFF]", "\\u{1F600}", "^\\P{L}$", "\\uDE00"]) agrees(source, inputs);
  });

  it("answers as the engine does on lookarounds: ahead and behind, negated, nested, with anchors and code points inside", () => {
    const inputs = ["", "a", "b", "ab", "ba", "abc", "aab", "bca", "cba", "x", "x,", "a,x,b", "12x", "123x", "Password1", "pass", "😀", "a😀", "\ud83d", "\ude00", "\ud83d\ude00", "\ude00\ud83d", "aaaa", "aaab", "ac", "abcac"];
    const sources = ["a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(?=ab)", "^(?=.*\\d)(?=.*[a-z]).{4,}$", "(?<=^|,)x(?=,|$)", "(?<=(?<!c)b)a", "(?=a(?=b))", "(?<=\\d{3})x", "(?<=\\uD83D)\\uDE00", "\\u{1F600}(?<=😀)", "(?<=.)$", "^(?<!a)", "(?<=a+)b", "(?!)", "(?=)x", "^(?!.*aa)[ab]*$", "(?<=^a*)b"];
    for (const source of sources) agrees(source, inputs);
  });

  it("answers as the engine does on word boundaries: \\b and \\B, at the ends, beside non-ASCII and surrogates", () => {
    const inputs = ["", "foo", "a foo b", "afoo", "foob", "a", "ba", " a", "a ", "é", "éa", "😀", "a😀", "_", "_ ", "hello  world!", "a!", "\ud83d", "x\ud83d"];
    for (const source of ["\\bfoo\\b", "\\Ba", "a\\B", "^\\b", "\\b$", "\\b", "\\B", "^(\\w+\\b\\s?)*$", "(?<=\\b)x", "é\\b", "\\b😀", "_\\b", "(\\w+\\b)+!"]) agrees(source, inputs);
  });

  it("has a compiler of its own for lookarounds and word boundaries: compileAutomaton refuses them, so a bundle without them keeps none of that code", () => {
    for (const source of ["a(?=b)", "(?<!a)b", "\\bx", "x\\B"]) {
      expect(hasAssertions(program(source)), source).toBe(true);
      expect(() => compileAutomaton(program(source)), source).toThrow(/compileAssertionAutomaton/);
    }
    for (const source of ["^(a+)+$", "(x+x+)+y"]) expect(hasAssertions(program(source)), source).toBe(false);
    expect(linearTest(program("(?<=a)b"), "ab")).toBe(true);
  });

  it("runs a lookaround's body once over the input: a long input costs no more than a few passes", () => {
    const test = compileAssertionAutomaton(program("^(a+)+(?<!b)$"));
    const input = "a".repeat(65535) + "!";
    const t = performance.now();
    expect(test(input)).toBe(false);
    expect(test("a".repeat(65535))).toBe(true);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it("matches Unicode classes exactly, across every block of code points", () => {
    const test = compileAutomaton(program("^[\\p{L}\\p{M}\\s*]$"));
    const re = /^[\p{L}\p{M}\s*]$/u;
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
      const s = String.fromCodePoint(cp);
      if (test(s) !== re.test(s)) expect.fail(`U+${cp.toString(16)}`);
    }
  });
});

describe("linearTest", () => {
  it("compiles a program once and answers like its matcher", () => {
    const p = program("\\{##[^#]*##\\}");
    expect(linearTest(p, "a{##b##}c")).toBe(true);
    expect(linearTest(p, "a{##b#}c")).toBe(false);
    expect(linearTest(p, "{####}")).toBe(true);
  });
});

describe("cost", () => {
  /** The best of three runs, in ms. */
  function best(run: () => void): number {
    let ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      run();
      ms = Math.min(ms, performance.now() - t);
    }
    return ms;
  }

  const n = 65536;
  const cases: [string, string][] = [
    ["^(a+)+$", `${"a".repeat(n - 1)}!`],
    ["^(a|aa)+$", `${"a".repeat(n - 1)}!`],
    ["^(\\w+\\s?)*$", `${"a ".repeat(n / 2 - 1)}!`],
    ["(x+x+)+y", "x".repeat(n)],
    ["(?:a|a)*b", "a".repeat(n)],
    ["\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*##\\}", "{##".repeat(n / 3)],
    ["\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*##\\}", Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + (i % 20000))).join("")],
  ];

  it.each(cases)("%s on its worst input in at most 50 ms", (source, input) => {
    const plan = planPattern(source);
    const test = compileAutomaton(plan.kind === "automaton" ? plan.program : program(source));
    const ms = best(() => test(input));
    console.log(`${ms.toFixed(2)} ms  ${source}`);
    expect(ms).toBeLessThanOrEqual(50);
  });
});
