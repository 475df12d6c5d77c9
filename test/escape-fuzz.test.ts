/**
 * The escaping module against seeded random text: quotes, backslashes,
 * comment terminators, line and paragraph separators, lone surrogates,
 * control characters. Whatever goes in, the code that comes out means the
 * text and nothing else.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { docComment, docText, identifier, isIdentifier, propertyKey, stringLiteral } from "../generator/escape.js";
import { generate } from "../generator/index.js";
import { writeOutput } from "../generator/write.js";
import { typeCheck } from "./strict-program.js";
import { prng } from "./prng.js";

const PIECES = ['"', "'", "`", "\\", "*/", "/*", "\n", "\r", "\u2028", "\u2029", "\u0000", "\u001f", "\ud800", "\udc00", "😀", "${x}", "</script>", "__proto__", "@param", " ", "a", "Z", "9", "_", "$", "é", "\u200d", "-", "."];

function texts(count: number, seed: number): string[] {
  const r = prng(seed);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(r() * 8) }, () => PIECES[Math.floor(r() * PIECES.length)]!).join(""));
}

describe("escaping, on random text", () => {
  const samples = texts(2000, 42);

  it("a string literal reads back as the same string, on one line", () => {
    for (const s of samples) {
      const literal = stringLiteral(s);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
      expect(Function(`return ${literal}`)()).toBe(s);
    }
  });

  it("a doc comment ends only where it ends", () => {
    for (const s of samples) {
      const block = docComment(s);
      if (block === "") continue;
      expect(block.indexOf("*/")).toBe(block.length - 2);
      expect(docText(s)).not.toMatch(/[\r\u2028\u2029]/);
    }
  });

  it("an identifier is an identifier, and a property key names exactly its text", () => {
    const members: string[] = [];
    samples.forEach((s, i) => {
      expect(isIdentifier(identifier(s, "type"))).toBe(true);
      expect(isIdentifier(identifier(s, "value", "camel"))).toBe(true);
      members.push(`${propertyKey(s)}: ${i};`);
    });
    // parse the keys as TypeScript and read back each property's name
    const source = ts.createSourceFile("keys.ts", `type T = {\n${members.join("\n")}\n};`, ts.ScriptTarget.ES2022, true);
    const names: string[] = [];
    source.forEachChild(function visit(node): void {
      if (ts.isPropertySignature(node)) names.push(ts.isIdentifier(node.name) ? node.name.text : (node.name as ts.StringLiteral).text);
      node.forEachChild(visit);
    });
    expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    expect(names).toEqual(samples);
  });
});

describe("a schema made of hostile text", () => {
  it("generates code that type-checks strictly and keeps every name and value", async () => {
    const r = prng(7);
    const names = [...new Set(texts(40, 99))];
    const properties = Object.fromEntries(
      names.map((n, i) => [n, { type: "string", description: texts(1, i)[0], enum: texts(2, 1000 + i), ...(r() < 0.5 ? { pattern: "[\"'`/*]" } : {}) }]),
    );
    const dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-hostile-"));
    try {
      const schemas = path.join(dir, "schemas");
      await mkdir(schemas);
      await writeFile(path.join(schemas, "cognito-idp-hostile-request-schema.json"), JSON.stringify({ title: "HostileRequest", description: texts(1, 5)[0], type: "object", properties, required: names.slice(0, 5) }));
      const result = await generate({ schemas });
      const out = path.join(dir, "out");
      await writeOutput(out, result.files);
      await writeFile(path.join(out, "package.json"), '{ "type": "module" }\n');
      expect(typeCheck([path.join(out, "cognito-idp/index.ts")])).toEqual([]);
      const types = result.files.find((f) => f.path === "cognito-idp/types.ts")!.contents;
      const parsed = ts.createSourceFile("types.ts", types, ts.ScriptTarget.ES2022, true);
      const members: string[] = [];
      parsed.forEachChild(function visit(node): void {
        if (ts.isPropertySignature(node)) members.push(ts.isIdentifier(node.name) ? node.name.text : (node.name as ts.StringLiteral).text);
        node.forEachChild(visit);
      });
      expect(members).toEqual(names);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
