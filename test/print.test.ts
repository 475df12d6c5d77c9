/**
 * generator/print.ts: the templates' structures printed without ts-morph,
 * the same text as ts-morph's printStructure for every statement of every
 * fixture (test/shared/corpus.test.ts does the same on the corpus), and the
 * enum values it stands in for equal to ts-morph's.
 */
import path from "node:path";
import * as tsMorph from "ts-morph";
import { describe, expect, it } from "vitest";
import { printStatement, printsItself, Scope, StructureKind, VariableDeclarationKind } from "../generator/print.js";
import { printParity } from "./helpers/print-parity.js";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";

const fixtures = path.resolve(import.meta.dirname, "fixtures");

describe("printing structures without ts-morph", () => {
  it("has ts-morph's values for the enum members the templates use", () => {
    for (const [name, value] of Object.entries(StructureKind)) expect(value, name).toBe(tsMorph.StructureKind[name as keyof typeof tsMorph.StructureKind]);
    for (const [name, value] of Object.entries(VariableDeclarationKind)) expect(value, name).toBe(tsMorph.VariableDeclarationKind[name as keyof typeof tsMorph.VariableDeclarationKind]);
    for (const [name, value] of Object.entries(Scope)) expect(value, name).toBe(tsMorph.Scope[name as keyof typeof tsMorph.Scope]);
  });

  it.each(["corpus-repairs", "hostile", "recursive", "two-services", "mini"])("prints every statement of %s as ts-morph does, by itself", async (fixture) => {
    const dir = fixture === "mini" ? await writeSchemas(await tempDir(), MINI_IDP) : path.join(fixtures, fixture);
    const parity = await printParity(dir);
    expect(parity.differences).toEqual([]);
    expect(parity.delegated).toBe(0);
    expect(parity.statements).toBeGreaterThan(10);
  });

  it("hands what it does not print to ts-morph, which prints it", () => {
    const overloaded: tsMorph.FunctionDeclarationStructure = {
      kind: StructureKind.Function,
      name: "f",
      overloads: [{ parameters: [{ name: "x", type: "string" }], returnType: "void" }],
      parameters: [{ name: "x", type: "unknown" }],
      statements: ["return;"],
    };
    expect(printsItself(overloaded)).toBe(false);
    expect(printStatement(overloaded)).toBe(tsMorph.printStructure({ kind: tsMorph.StructureKind.SourceFile, statements: [overloaded] }));
    const commented: tsMorph.VariableStatementStructure = { kind: StructureKind.VariableStatement, declarations: [{ name: "a", initializer: "1 // one" }, { name: "b", initializer: "2" }] };
    expect(printsItself(commented)).toBe(false);
    expect(printStatement(commented)).toBe(tsMorph.printStructure({ kind: tsMorph.StructureKind.SourceFile, statements: [commented] }));
  });

  it("prints a multi-line description, tags with and without text, and a multi-line initializer as ts-morph does", () => {
    const statement: tsMorph.VariableStatementStructure = {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [{ description: "First line.\n\nAfter a blank line.\n", tags: [{ tagName: "deprecated" }, { tagName: "see", text: "other\nlines" }] }, "A second doc."],
      declarations: [{ name: "x", type: "{\n  a: string;\n}", initializer: "{\n  a: \"multi // not a comment\",\n}" }, { name: "y", initializer: "`one line // not a comment`" }, { name: "z", initializer: "3" }],
    };
    expect(printsItself(statement)).toBe(true);
    expect(printStatement(statement)).toBe(tsMorph.printStructure({ kind: tsMorph.StructureKind.SourceFile, statements: [statement] }));
    // a template literal over several lines: ts-morph's writer does not indent inside it, and its comma goes by TypeScript's scanner
    const template: tsMorph.VariableStatementStructure = { ...statement, declarations: [{ name: "x", initializer: "`multi\nline`" }, { name: "y", initializer: "2" }] };
    expect(printsItself(template)).toBe(false);
    expect(printStatement(template)).toBe(tsMorph.printStructure({ kind: tsMorph.StructureKind.SourceFile, statements: [template] }));
  });
});
