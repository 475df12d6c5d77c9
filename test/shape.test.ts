/**
 * Statements laid out once per shape and name lengths (generator/shape.ts,
 * format.ts): the same bytes as each statement formatted on its own, by tidy
 * and by prettier, on names of every length from 1 to 110 (every layout of
 * the validators' entry points and sites: one line, broken after `=`, broken
 * in the arguments).
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../generator/index.js";
import { tempDir, writeSchemas } from "./helpers/schemas.js";
import { count, fillable, filler, layoutKey, placeholder, withStringHoles, type Shape } from "../generator/shape.js";
import { emptyStats, formatChunks, type Chunk } from "../generator/format.js";
import { PRETTIER } from "../generator/prettier-options.js";
import { StructureKind, VariableDeclarationKind } from "../generator/print.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("cognito-codegen-shape-");
  await writeSchemas(dir, Object.fromEntries(Array.from({ length: 110 }, (_v, i) => [`A${"b".repeat(i)}`, { type: "string", maxLength: i + 1 }])));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("statements laid out by shape", () => {
  it("are the bytes of each statement formatted on its own, by tidy and by prettier", async () => {
    const shaped = await generate({ schemas: dir, artifacts: ["validators"], workers: 0 });
    const prettier = await generate({ schemas: dir, artifacts: ["validators"], tidy: false, workers: 0 });
    const validators = shaped.files.find((f) => f.path.endsWith("validators.ts"))!;
    expect(validators.contents).toBe(prettier.files.find((f) => f.path.endsWith("validators.ts"))!.contents);
    // all three layouts of `export const validate… = …` are there
    expect(validators.contents).toMatch(/export const validateAb+ = \/\* @__PURE__ \*\/ validator<Ab+>\(checkAb+\);/);
    expect(validators.contents).toMatch(/export const validateAb+ =\n {2}\/\* @__PURE__ \*\/ validator<Ab+>\(checkAb+\);/);
    expect(validators.contents).toMatch(/export const validateAb+ = \/\* @__PURE__ \*\/ validator<Ab+>\(\n {2}checkAb+,\n\);/);
  }, 120_000);

  it("takes a code's string literals as holes, escapes and all, and puts others in their places", () => {
    const text = 'within("A\\"b", [lengthSite("maxLength", 3), typeSite("string", "/items")])';
    const { holes, make } = withStringHoles(text);
    expect(holes).toEqual(['"A\\"b"', '"maxLength"', '"string"', '"/items"']);
    expect(make(holes)).toBe(text);
    expect(make(['"x"', '"y"', '"z"', '"w"'])).toBe('within("x", [lengthSite("y", 3), typeSite("z", "w")])');
    expect(withStringHoles("f(1)").holes).toEqual([]);
  });

  it("are checked on the first statement of a shape: a shape whose layout is not its statements' text is never filled in", async () => {
    // a lying shape: its statements say `const <name> = 1;`, but it makes `let <name> = 2;`
    const make = (holes: readonly string[]) => ({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Let,
      declarations: [{ name: holes[0]!, initializer: "2" }],
    });
    const chunkOf = (name: string, key: string): Chunk => {
      const shape: Shape = { key, holes: [name], make: make as Shape["make"] };
      return { identity: `shape ${key}\0${name}`, source: () => `const ${name} = 1;\n`, shape };
    };
    const names = ["abc", "abd", "abcdef", "abe"];
    const out = await formatChunks(names.map((n) => chunkOf(n, "lying shape")), { options: PRETTIER, tidy: true, workers: 0 }, emptyStats());
    expect(out).toEqual(names.map((n) => `const ${n} = 1;\n`));
    // an honest one is filled in from its layout, its first statement tidied itself
    const honest = (name: string): Chunk => ({ identity: `shape honest\0${name}`, source: () => `let ${name} = 2;\n`, shape: { key: "honest shape", holes: [name], make: make as Shape["make"] } });
    expect(await formatChunks(names.map(honest), { options: PRETTIER, tidy: true, workers: 0 }, emptyStats())).toEqual(names.map((n) => `let ${n} = 2;\n`));
  });

  it("puts names back in one pass, and only where placeholders fit", () => {
    expect(placeholder("ClientIdType", 0)).toBe("Qqqqqqqqqqqq");
    expect(placeholder("checkX", 1)).toBe("xxxxxx");
    expect(placeholder('"Title"', 3)).toBe('"zzzzz"');
    expect(placeholder("$x", 2)).toBe("$j");
    expect(fillable("validateX")).toBe(true);
    expect(fillable('"A plain title"')).toBe(true);
    for (const hole of ["Ünï", '"quo\\"te"', '"it\'s"', "a-b", ""]) expect(fillable(hole), hole).toBe(false);
    // a hole that reads like another placeholder is not replaced again
    const fill = filler(["Qqq", "Xxx"], "Qqq(Xxx) Qqq");
    expect(fill(["Xxx", "Abc"])).toBe("Xxx(Abc) Xxx");
    expect(fill(["A", "B"])).toBe("A(B) A");
    expect(filler(["Qq"], "none here")(["x"])).toBe("none here");
    expect(count("aXaXa", "a")).toBe(3);
    const shape = { key: "k", holes: ["Abc", '"t"'], make: () => "" as never };
    expect(layoutKey(shape)).toBe(layoutKey({ ...shape, holes: ["Xyz", '"u"'] }));
    expect(layoutKey(shape)).not.toBe(layoutKey({ ...shape, holes: ["Abcd", '"t"'] }));
    expect(layoutKey(shape)).not.toBe(layoutKey({ ...shape, holes: ["abc", '"t"'] }));
  });
});
