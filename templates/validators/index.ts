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
import type { FunctionDeclarationStructure, StatementStructures, VariableStatementStructure } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "../../generator/print.js";
import { Code, code, join, name, Scope } from "../../generator/code.js";
import { jsonLiteral, regExpConstruction, type JsonValue } from "../../generator/escape.js";
import { shaped, withStringHoles } from "../../generator/shape.js";
import { declarationMap, type Declaration, type Service } from "../../generator/ir.js";
import { hasAssertions, type AutomatonProgram } from "../runtime/linear-match.js";
import { dfaTables } from "./dfa.js";
import { compareStrings } from "../../generator/order.js";
import { FORMATS_NAMESPACE } from "../../generator/naming.js";
import { checkFunction, checkNode, helper, type Ctx, type FileContext } from "./check.js";

const constant = (id: Code, initializer: string): VariableStatementStructure => ({
  kind: StructureKind.VariableStatement,
  declarationKind: VariableDeclarationKind.Const,
  declarations: [{ name: id.text, initializer }],
});

/** An exported entry point of a declaration. */
const entryPoint = (id: string, doc: string, type: string | undefined, initializer: string): VariableStatementStructure => ({
  kind: StructureKind.VariableStatement,
  declarationKind: VariableDeclarationKind.Const,
  isExported: true,
  docs: [doc],
  declarations: [{ name: id, ...(type !== undefined ? { type } : {}), initializer: `/* @__PURE__ */ ${initializer}` }],
});

/** The entry points (validate…, is…, assert…) of a declaration, made from its names (holes: validate, is, assert, type, check, the title as a literal) and their helper's name. */
const ENTRIES: readonly ((holes: readonly string[], helper: string) => VariableStatementStructure)[] = [
  ([validate, , , type, check], helper) => entryPoint(validate!, `Checks a value against ${type}: the value, typed, or every error.`, undefined, `${helper}<${type}>(${check})`),
  // the fast mode: the first failure ends it, nothing is allocated
  ([, is, , type, check], helper) => entryPoint(is!, `Whether a value is a valid ${type}.`, undefined, `${helper}<${type}>(${check})`),
  ([, , assert, type, check, title], helper) =>
    entryPoint(assert!, `Throws a ValidationFailure listing every error unless the value is a valid ${type}.`, `(value: unknown) => asserts value is ${type}`, `${helper}<${type}>(${check}, ${title})`),
];

function declarationFunctions(decl: Declaration, file: FileContext): { readonly check: FunctionDeclarationStructure; readonly entries: VariableStatementStructure[] } {
  const ctx: Ctx = { ...file, scope: new Scope(), schemaBase: decl.schemaPath, fn: decl.names.check, decl: decl.names.check };
  const n = decl.names;
  const body = checkNode(ctx, decl.node, { v: code`value`, p: code`path`, errs: code`errors` }, true);
  // the entry points are closures over the check function, made by runtime/validate.ts (a few bytes each)
  // the type is the closure maker's (validator<T>, guard<T>); only an assertion function must be
  // declared with its type written out, or TypeScript refuses to narrow through it (TS2775)
  // each is one of many alike, but for its names: registered with its shape (generator/shape.ts)
  const holes = [name(n.validate).text, name(n.is).text, name(n.assert).text, name(n.type).text, name(n.check).text, jsonLiteral(decl.title)];
  const helpers = [helper(ctx, "validator").text, helper(ctx, "guard").text, helper(ctx, "asserter").text] as const;
  return {
    check: checkFunction(n.check, body, decl.node),
    entries: ENTRIES.map((make, k) => {
      const build = (h: readonly string[]): VariableStatementStructure => make(h, helpers[k]!);
      return shaped(build(holes), { key: `validators entry ${k} ${helpers[k]}`, holes, make: build });
    }),
  };
}

export interface ValidatorsFile {
  /** Type names the file imports from the types file. */
  readonly typeImports: readonly string[];
  readonly statements: (string | StatementStructures)[];
  /** Runtime modules (templates/runtime/) the file imports. */
  readonly runtime: readonly string[];
}

/** Where every declaration's schema path starts (runtime/validate.ts `within` writes it). */
const SCHEMAS = "#/components/schemas/";

/** An automaton plan: its table over ASCII where it has one (./dfa.ts), the automaton for the rest. */
function automaton(program: AutomatonProgram, file: FileContext): string {
  // a program with lookarounds or word boundaries has a compiler of its own (a bundle without one keeps none of it)
  const compile = hasAssertions(program) ? "compileAssertionAutomaton" : "compileAutomaton";
  file.automata.add(compile);
  const all = code`/* @__PURE__ */ ${name(compile)}(${program as unknown as JsonValue})`;
  const tables = dfaTables(program);
  if (!tables) return all.text;
  file.helpers.add("dfaSearch");
  return code`/* @__PURE__ */ dfaSearch(${tables.columns}, ${tables.table}, ${tables.width}, ${all})`.text;
}

export function validatorsTemplate(service: Service, options: { readonly assertFormats?: boolean } = {}): ValidatorsFile {
  const file: FileContext = { decls: declarationMap(service), patterns: new Map(), helpers: new Set(), sites: new Map(), hoisted: [], assertFormats: options.assertFormats === true, formats: new Set(), valueSets: new Map(), automata: new Set() };
  const declared = service.declarations.map((d) => declarationFunctions(d, file));
  // the entry points last, beside the exports a bundle writes at its end (where a compressor finds the names again)
  // the check functions by the kind of their schema (in declaration order within a kind): alike
  // code side by side, where a compressor finds it
  const kind = (n: Declaration["node"]): string => (n.kind === "number" && n.integer ? "integer" : n.kind);
  const order = service.declarations.map((d, i) => ({ i, k: kind(d.node) })).sort((a, b) => compareStrings(a.k, b.k) || a.i - b.i);
  const functions = order.map(({ i }) => declared[i]!.check);
  const entries = declared.flatMap((d) => d.entries);
  // the schema's pattern, or what runs it in linear time: an equivalent rewrite, or an automaton
  const patterns = [...file.patterns.values()].map(({ id, plan, ascii }) =>
    constant(
      id,
      plan.kind === "automaton"
        ? automaton(plan.program, file)
        : ascii
          ? code`/* @__PURE__ */ classSearch(${new Code(regExpConstruction(plan.source, "u"))})`.text
          : regExpConstruction(plan.source, "u"),
    ),
  );
  // where a value can fail: made once, when the module loads (a bundler drops those no check it keeps uses)
  const sites = [...file.sites.values()].map(({ id, base, calls }) => {
    if (!base.startsWith(SCHEMAS)) throw new Error(`internal: a schema path outside ${SCHEMAS}: ${base}`);
    const initializer = code`/* @__PURE__ */ within(${base.slice(SCHEMAS.length)}, [${join(calls.map((c) => code`/* @__PURE__ */ ${c}`), ", ")}])`.text;
    // alike but for their names and strings: registered with their shape (generator/shape.ts)
    const { holes, make } = withStringHoles(initializer);
    const build = (h: readonly string[]): VariableStatementStructure => constant(new Code(h[0]!), make(h.slice(1)));
    return shaped(build([id.text, ...holes]), { key: `validators sites ${make(holes.map(() => "\0"))}`, holes: [id.text, ...holes], make: build });
  });
  const valueSets = [...file.valueSets.values()].map(({ id, values }) => constant(id, code`/* @__PURE__ */ new Set<unknown>(${values})`.text));
  const automata = [...file.automata].sort();
  const any = service.declarations.length > 0;
  const values = [...file.helpers].sort();
  const types = any ? ["type ValidationError"] : [];
  return {
    typeImports: [...new Set(service.declarations.map((d) => d.names.type))],
    statements: [
      ...(automata.length ? [`import { ${automata.join(", ")} } from "./runtime/linear-match.js";`] : []),
      ...(file.formats.size ? [`import * as ${FORMATS_NAMESPACE} from "./runtime/formats.js";`] : []),
      ...(values.length + types.length ? [`import { ${[...values, ...types].join(", ")} } from "./runtime/validate.js";`] : []),
      'export { formatErrors, ValidationFailure, type FormatErrorsOptions, type ValidationError, type ValidationResult } from "./runtime/validate.js";',
      ...patterns,
      ...sites,
      ...valueSets,
      ...functions,
      ...file.hoisted,
      ...entries,
    ],
    runtime: ["validate", ...(automata.length ? ["linear-match"] : []), ...(file.formats.size ? ["formats"] : [])],
  };
}
