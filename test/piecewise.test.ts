/**
 * Formatting a giant chunk piece by piece (generator/piecewise.ts): the same
 * bytes as prettier on the whole chunk. The inputs are made here: the chunks
 * the generator prints for a large schema (cut into small pieces, so that
 * they are many), and shapes written out to meet each rule of where to cut.
 */
import * as prettier from "prettier";
import { printStructure, StructureKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, plan } from "../generator/emit.js";
import { generate } from "../generator/index.js";
import { formatLarge, formatPieces, PIECEWISE_BYTES, planPieces } from "../generator/piecewise.js";
import { PRETTIER } from "../generator/prettier-options.js";
import { isNextLineEmpty } from "../generator/prettier-text.js";
import { tempDir, writeSchemas } from "./helpers/schemas.js";

const OURS: prettier.Options = PRETTIER;
const CONSUMERS: prettier.Options[] = [OURS, { parser: "babel-ts", useTabs: true, printWidth: 60, singleQuote: true, trailingComma: "none" }, { parser: "babel-ts", endOfLine: "crlf", tabWidth: 4 }];
const format = (s: string, o: prettier.Options): Promise<string> => prettier.format(s, o);

/** A schema of `count` properties of every kind the templates print differently, with text that tries the tokenizer. */
function large(count: number): Record<string, object> {
  const props: Record<string, object> = {};
  const tricky = ["a */ b", "url https://x//y", "quote \" and ' and `tick` ${x}", "line\u2028sep", "brace { [ ( unclosed", "; } else"];
  for (let i = 0; i < count; i++) {
    const d = `${tricky[i % tricky.length]} ${"word ".repeat(i % 40)}`;
    const key = i % 7 === 0 ? `member-${i}` : i % 11 === 0 ? `Member ${i}` : `Member${i}`;
    props[key] =
      i % 5 === 0
        ? { type: "string", minLength: 1, maxLength: 128, pattern: "^[\\w+=,.@/-]+$", description: `<p>${d}</p>` }
        : i % 5 === 1
          ? { type: "integer", minimum: 0, maximum: 1000, description: d }
          : i % 5 === 2
            ? { type: "string", enum: ["A", "B", `C${i}`], description: d }
            : i % 5 === 3
              ? { type: "array", items: { type: "string", format: "date-time" }, maxItems: 3 }
              : { type: "object", properties: { Inner: { type: "boolean" } }, required: ["Inner"], description: d };
  }
  return { "cognito-idp-big-request-schema.json": { title: "BigRequest", type: "object", properties: props, required: ["Member1", "Member2"] } };
}

/** How many of the option sets formatted the source piecewise (each the same bytes as whole). */
async function expectSameAsWhole(source: string, pieceBytes: number, label: string): Promise<number> {
  const p = planPieces(source, pieceBytes);
  if (!p) return 0;
  let pieced = 0;
  for (const options of CONSUMERS) {
    const whole = await prettier.format(source, options);
    const pieces = await formatPieces(source, p, options, format);
    // a plan that does not come out is formatted whole: never different bytes
    if (pieces !== undefined) {
      expect(pieces, `${label} under ${JSON.stringify(options)}`).toBe(whole);
      pieced++;
    }
  }
  return pieced;
}

describe("formatting a giant chunk piece by piece", () => {
  it("gives the generator's chunks of a large schema the bytes prettier gives each whole", async () => {
    const dir = await writeSchemas(await tempDir(), large(250));
    const { ir } = await generate({ schemas: dir });
    const kinds = new Set<string>();
    for (const service of ir.services) {
      for (const file of plan(service, "0", new Set(ARTIFACTS), {})) {
        for (const statement of file.statements) {
          const source = typeof statement === "string" ? statement : printStructure({ kind: StructureKind.SourceFile, statements: [statement] });
          if (source.length < 8 * 1024) continue;
          const pieced = await expectSameAsWhole(source, 2 * 1024, `${file.path}: ${source.slice(0, 60)}`);
          if (pieced > 0) kinds.add(`${file.path.replace(/^.*\//, "")} ${planPieces(source, 2 * 1024)!.kind}`);
        }
      }
    }
    // the interface, the validator's body, its sites array, the builder class
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["builders.ts {", "types.ts {", "validators.ts [", "validators.ts {"]));
  }, 120_000);

  it("cuts only where the items cannot be read as one, and keeps the blank lines between pieces", async () => {
    const statements = Array.from({ length: 120 }, (_, i) =>
      [
        `  const a${i} = f(${i}); // after`,
        `  if (a${i}) { g(); }`,
        `  else { h(); }`,
        `  do x${i}++;`,
        `  while (x${i} < 3);`,
        `  try { y(); } catch { z(); }`,
        `  finally { w(); }`,
        i % 3 === 0 ? "" : `  /** a comment before */`,
        `  const o${i} = { a: 1 }`,
        `  .a;`,
        `  const r${i} = /[;}\\/]+/g.test("}"); const s${i} = \`\${"}"} ;\n\``,
        i % 4 === 0 ? "\n" : "",
      ].join("\n"),
    );
    const fn = `export function big(x: number): void {\n${statements.join("\n")}\n}\n`;
    expect(await expectSameAsWhole(fn, 512, "a function body")).toBe(3);
    const members = Array.from(
      { length: 150 },
      (_, i) => `  /** m ${i} */\n  m${i}(a: string): this {\n    return this;\n  }\n${i % 5 === 0 ? "\n\n" : ""}  readonly "p-${i}": { a: string; b: number } = { a: "}", b: ${i} };`,
    );
    const cls = `/** doc */\nexport class Big<T extends { a: 1 } = never> extends Base {\n${members.join("\n")}\n}\n`;
    expect(await expectSameAsWhole(cls, 512, "a class body")).toBe(3);
    const iface = `export interface Big {\n${Array.from({ length: 200 }, (_, i) => `  /** p ${i} */\n  ${i % 2 ? `"p-${i}"` : `p${i}`}?: string | { x: number };${i % 7 === 0 ? "\n" : ""}`).join("\n")}\n}\n`;
    expect(await expectSameAsWhole(iface, 512, "an interface body")).toBe(3);
    const array = `const sites = /* @__PURE__ */ within("Base", [${Array.from({ length: 400 }, (_, i) => `/* @__PURE__ */ site("k${i}", ${i}, "/p/${i}")`).join(", ")}]);\n`;
    // not under trailingComma "none": the last element of a piece would have no comma
    expect(await expectSameAsWhole(array, 512, "an array")).toBe(2);
  }, 60_000);

  it("does not cut what prettier lays out as a whole", () => {
    const numbers = `const n = [${Array.from({ length: 3000 }, (_, i) => i).join(", ")}];\n`;
    const objects = `const o = [${Array.from({ length: 800 }, (_, i) => `{ a: ${i} }`).join(", ")}];\n`;
    const literal = `const l = {\n${Array.from({ length: 800 }, (_, i) => `  a${i}: ${i},`).join("\n")}\n};\n`;
    const args = `f(${Array.from({ length: 800 }, (_, i) => `a${i}`).join(", ")});\n`;
    const directives = `function f() {\n  "use strict";\n${Array.from({ length: 800 }, (_, i) => `  a${i}();`).join("\n")}\n}\n`;
    for (const source of [numbers, objects, literal, args, directives]) expect(planPieces(source, 256), source.slice(0, 20)).toBeUndefined();
  });

  it("formats a chunk past the threshold piecewise, the same bytes as whole", async () => {
    const body = Array.from({ length: 9000 }, (_, i) => `  if (v${i % 50} > ${i}) { if (!report(errors, path + "/Member${i}", sites0[${i}]!)) return false; }`).join("\n");
    const source = `function check(v: number, errors: unknown[], path: string): boolean {\n${body}\n  return true;\n}\n`;
    expect(source.length).toBeGreaterThan(PIECEWISE_BYTES);
    let calls = 0;
    const counted = (s: string, o: prettier.Options): Promise<string> => (calls++, prettier.format(s, o));
    expect(await formatLarge(source, OURS, counted)).toBe(await prettier.format(source, OURS));
    expect(calls).toBeGreaterThan(2);
    // semi: false puts semicolons where neighbours need them: whole, one call
    calls = 0;
    await formatLarge(source, { ...OURS, semi: false }, counted);
    expect(calls).toBe(1);
  }, 60_000);

  it("reads blank lines as prettier's isNextLineEmpty does", () => {
    expect(isNextLineEmpty("a;\n\nb", 2)).toBe(true);
    expect(isNextLineEmpty("a;  \n \t \nb", 2)).toBe(true);
    expect(isNextLineEmpty("a; // c\n\nb", 2)).toBe(true);
    expect(isNextLineEmpty("a; /* c */\n\nb", 2)).toBe(true);
    expect(isNextLineEmpty("a;\nb\n\n", 2)).toBe(false);
    expect(isNextLineEmpty("a, b", 2)).toBe(false);
    expect(isNextLineEmpty("a;\r\n\r\nb", 2)).toBe(true);
  });
});
