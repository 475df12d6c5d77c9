/**
 * Patterns in generated validators run in linear time: a catastrophic pattern
 * gets an automaton (or an equivalent rewrite), with the same verdicts as the
 * schema's pattern; the attack string that stalls the regex engine is judged
 * (the timing bounds themselves are in test/regex/safety.test.ts).
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../generator/index.js";
import { writeOutput } from "../generator/write.js";
import { tempDir } from "./helpers/schemas.js";

let temp: string;
let result: GenerateResult;
let validators: Record<string, (v: unknown) => boolean>;

beforeAll(async () => {
  temp = await tempDir();
  const schemas = path.join(temp, "schemas");
  await mkdir(schemas);
  const write = (title: string, schema: object) => writeFile(path.join(schemas, `cognito-sync-${title.toLowerCase()}-schema.json`), JSON.stringify({ title, ...schema }));
  await write("Nested", { type: "string", pattern: "^(a+)+$" });
  await write("Message", { type: "string", pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*", maxLength: 20000 });
  await write("Email", { type: "string", pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+@[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+" });
  await write("Guarded", { type: "string", pattern: "^(a+)+(?<!b)$" });
  result = await generate({ schemas });
  await writeOutput(path.join(temp, "out"), result.files);
  await writeFile(path.join(temp, "out/package.json"), '{ "type": "module" }\n');
  validators = (await import(pathToFileURL(path.join(temp, "out/cognito-sync/validators.ts")).href)) as typeof validators;
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe("catastrophic patterns", () => {
  it("get a linear-time matcher: an automaton, or an equivalent rewrite; the schema's pattern stays in the error", () => {
    const file = result.files.find((f) => f.path === "cognito-sync/validators.ts")!.contents;
    expect(file).toContain('import { compileAssertionAutomaton, compileAutomaton } from "./runtime/linear-match.js";');
    expect(file).toMatch(/const pattern\d = \/\* @__PURE__ \*\/ new RegExp\("\\\\\{####\\\\\}", "u"\);/);
    expect(file).toContain('"pattern", "^(a+)+$")');
    expect(result.repairs.get("linear-time-pattern")).toEqual(["Email", "Guarded", "Message", "Nested"]);
    // a lookaround's body is a program of its own
    expect(file).toMatch(/"looks": \[\s*\{\s*"program": \{/);
    expect(result.warnings.filter((w) => /pattern/.test(w.message))).toEqual([]);
  });

  it.each([
    ["Nested", ["a", "aaaa", "", "ab", "aa\n", "a".repeat(16) + "!"]],
    ["Message", ["Your code is {####}", "{####}", "{###}", "😀 {####} 😀", "x".repeat(100)]],
    ["Email", ["a@b", "@b", "a@", "é@😀", "no at sign", " @ "]],
    ["Guarded", ["a", "aaa", "", "ab", "aab", "b", "aa\n"]],
  ])("%s: the same verdicts as the schema's own pattern", (title, values) => {
    const source = { Nested: "^(a+)+$", Message: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*", Email: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+@[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", Guarded: "^(a+)+(?<!b)$" }[title]!;
    const re = new RegExp(source, "u");
    for (const v of values) expect(validators[`is${title}`]!(v), JSON.stringify(v)).toBe(re.test(v));
  });

  it("the attack strings are judged (they would stall the regex engine for seconds)", () => {
    expect(validators["isNested"]!("a".repeat(65536) + "!")).toBe(false);
    expect(validators["isEmail"]!("a".repeat(65536))).toBe(false);
    expect(validators["isMessage"]!(" ".repeat(20000))).toBe(false);
    expect(validators["isGuarded"]!("a".repeat(65536) + "!")).toBe(false);
  });
});
