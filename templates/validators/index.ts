/**
 * Template: runtime validators, one `validate…`/`is…`/`assert…` triple per
 * declaration, over an internal `check…` function that collects every error
 * (the shape ajv reports: instancePath, schemaPath, keyword, params, message).
 *
 * JSON Schema semantics, exactly: lengths count code points, `pattern` is an
 * unanchored search with the `u` flag, compiled once per file (and once here,
 * at generation time, so a bad pattern fails the generation), properties are
 * read only when they are the object's own, `undefined` counts as absent (as
 * on the wire, where JSON.stringify drops it).
 */
import { StructureKind, type FunctionDeclarationStructure, type StatementStructures, type VariableStatementStructure, VariableDeclarationKind } from "ts-morph";
import { code, name, Scope } from "../../generator/code.js";
import { regExpConstruction, type JsonValue } from "../../generator/escape.js";
import { declarationMap, type Declaration, type Service } from "../../generator/ir.js";
import { checkFunction, checkNode, helper, type Ctx, type FileContext } from "./check.js";
import { HELPERS, RUNTIME_TYPES } from "./runtime.js";

function declarationFunctions(decl: Declaration, file: FileContext): FunctionDeclarationStructure[] {
  const ctx: Ctx = { ...file, scope: new Scope(), schemaBase: decl.schemaPath, fn: decl.names.check };
  const n = decl.names;
  const type = name(n.type);
  const body = checkNode(ctx, decl.node, { v: code`value`, p: code`path`, errs: code`errors` });
  const fn = (structure: Omit<FunctionDeclarationStructure, "kind">): FunctionDeclarationStructure => ({ kind: StructureKind.Function, ...structure });
  return [
    checkFunction(n.check, body),
    fn({
      name: n.validate,
      isExported: true,
      docs: [`Checks a value against ${n.type}: the value, typed, or every error.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `ValidationResult<${n.type}>`,
      statements: [code`return ${helper(ctx, "validateWith")}<${type}>(${name(n.check)}, value);`.text],
    }),
    fn({
      name: n.is,
      isExported: true,
      docs: [`Whether a value is a valid ${n.type}.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${n.type}`,
      // the fast mode: the first failure ends it, nothing is allocated
      statements: [code`return ${name(n.check)}(value, "", undefined);`.text],
    }),
    fn({
      name: n.assert,
      isExported: true,
      docs: [`Throws a ValidationFailure listing every error unless the value is a valid ${n.type}.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `asserts value is ${n.type}`,
      statements: [code`${helper(ctx, "assertWith")}(${name(n.check)}, ${decl.title}, value);`.text],
    }),
  ];
}

export interface ValidatorsFile {
  /** Type names the file imports from the types file. */
  readonly typeImports: readonly string[];
  readonly statements: (string | StatementStructures)[];
  /** Runtime modules (templates/runtime/) the file imports. */
  readonly runtime: readonly string[];
}

export function validatorsTemplate(service: Service, options: { readonly assertFormats?: boolean } = {}): ValidatorsFile {
  const file: FileContext = { decls: declarationMap(service), patterns: new Map(), helpers: new Set(), hoisted: [], assertFormats: options.assertFormats === true, formats: new Set() };
  const functions = service.declarations.flatMap((d) => declarationFunctions(d, file));
  // the schema's pattern, or what runs it in linear time: an equivalent rewrite, or an automaton
  const patterns: VariableStatementStructure[] = [...file.patterns].map(([, { id, plan, ascii }]) => ({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: id.text,
        initializer:
          plan.kind === "automaton"
            ? code`/* @__PURE__ */ compileAutomaton(${plan.program as unknown as JsonValue})`.text
            : ascii
              ? code`/* @__PURE__ */ asciiSearch(${ascii[0]}, ${ascii[1]}, ${ascii[2]}, ${ascii[3]})`.text
              : regExpConstruction(plan.source, "u"),
      },
    ],
  }));
  const automata = [...file.patterns.values()].some((p) => p.plan.kind === "automaton");
  const helpers = [...file.helpers].sort().map((h) => HELPERS[h].trim());
  return {
    typeImports: [...new Set(service.declarations.map((d) => d.names.type))],
    statements: [
      ...(automata ? ['import { compileAutomaton } from "./runtime/linear-match.js";'] : []),
      ...(file.formats.size ? [`import { ${[...file.formats].sort().join(", ")} } from "./runtime/formats.js";`] : []),
      RUNTIME_TYPES.trim(), ...helpers, ...patterns, ...functions, ...file.hoisted],
    runtime: [...(automata ? ["linear-match"] : []), ...(file.formats.size ? ["formats"] : [])],
  };
}
