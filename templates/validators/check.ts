/**
 * The checks, one small emitter per kind of schema and per keyword. A check
 * function runs in one of two modes: with `errors` undefined it returns false
 * at the first failure and allocates nothing (no path, no error object); with
 * an array it pushes an error for every way the value fails and returns true
 * (validate… runs it only once the fast mode has said no). Paths are built only where an
 * error is reported. Nothing from a schema becomes code except through `code`
 * (generator/code.ts).
 */
import type { FunctionDeclarationStructure } from "ts-morph";
import { StructureKind } from "../../generator/print.js";
import { Code, code, join, name, Scope } from "../../generator/code.js";
import type { JsonValue } from "../../generator/escape.js";
import { pointerSegment } from "../../generator/json.js";
import type { ArrayNode, Declaration, EnumNode, Node, NumberNode, ObjectNode, Property, StringNode, UnionNode } from "../../generator/ir.js";
import type { PatternPlan } from "../../generator/regex/safety.js";
import { asciiClass } from "../../generator/regex/ascii.js";
import { FORMATS_NAMESPACE } from "../../generator/naming.js";
import { FORMAT_CHECKS } from "../runtime/formats.js";

/** The values of templates/runtime/validate.ts a generated validators file may import. */
export type HelperName = "validator" | "guard" | "asserter" | "typeSite" | "lengthSite" | "limitSite" | "boundSite" | "matchSite" | "multipleOfSite" | "requiredSite" | "enumSite" | "constSite" | "fixedSite" | "within" | "report" | "objectPrototype" | "inherits" | "own" | "isPlainObject" | "codePointLength" | "pointerSegment" | "jsonEqual" | "classSearch" | "dfaSearch";

export interface FileContext {
  readonly decls: ReadonlyMap<string, Declaration>;
  /** pattern source → its hoisted matcher: a RegExp, or (an automaton) a function */
  readonly patterns: Map<string, HoistedPattern>;
  readonly helpers: Set<HelperName>;
  /** The places where a value can fail, one group per declaration (by its check function's name; response views have their own). */
  readonly sites: Map<string, SiteGroup>;
  /** Check functions of union members, hoisted to the file (a member's fast failure must not return from its parent). */
  readonly hoisted: FunctionDeclarationStructure[];
  /** `format` is asserted (the assertFormats option), for the formats templates/runtime/formats.ts knows. */
  readonly assertFormats: boolean;
  /** The format checks used (their function names in runtime/formats.ts). */
  readonly formats: Set<string>;
  /** The compilers of runtime/linear-match.ts the file's automata use. */
  readonly automata: Set<"compileAutomaton" | "compileAssertionAutomaton">;
  /** Long lists of scalars a value is looked up in (enum values, a closed object's member names), hoisted as Sets: the list's JSON → its Set. */
  readonly valueSets: Map<string, HoistedValueSet>;
}

export interface HoistedValueSet {
  readonly id: Code;
  readonly values: readonly JsonValue[];
}

/**
 * Past this many values, a lookup is one `Set.has` instead of a chain of `===`: TypeScript's
 * checker recurses once per `||` when it narrows (a chain of about a thousand overflows its stack).
 */
const MANY_VALUES = 64;

/** The hoisted Set of these scalars (one per distinct list in a file). */
function valueSet(ctx: Ctx, values: readonly JsonValue[]): Code {
  const key = JSON.stringify(values);
  let hoisted = ctx.valueSets.get(key);
  if (!hoisted) {
    hoisted = { id: name(`values${ctx.valueSets.size}`), values };
    ctx.valueSets.set(key, hoisted);
  }
  return hoisted.id;
}

export interface HoistedPattern {
  readonly id: Code;
  readonly plan: PatternPlan;
  /** One class: a scan over its ASCII table, and the regex only at a code point beyond ASCII (if the class has any). */
  readonly ascii?: { readonly masks: readonly [number, number, number, number]; readonly wide: boolean };
}

/** A declaration's sites: one hoisted array, `within(base, [builder calls])`, each call with a schema path below `base`. */
export interface SiteGroup {
  readonly id: Code;
  readonly base: string;
  readonly calls: Code[];
  /** call text → index */
  readonly index: Map<string, number>;
}

export interface Ctx extends FileContext {
  readonly scope: Scope;
  readonly schemaBase: string;
  /** The check function being written: hoisted functions are named after it. */
  readonly fn: string;
  /** The declaration's check function (the union members' too): its sites are one group. */
  readonly decl: string;
}

/** The parameters of every check function. */
export const CHECK_PARAMETERS = [
  ["value", "unknown"],
  ["path", "string"],
  ["errors", "ValidationError[] | undefined"],
] as const;


/** Where the value is, what it is checked against, and where errors go. */
export interface Target {
  readonly v: Code;
  readonly p: Code;
  readonly errs: Code;
}

export function helper(ctx: Ctx, h: HelperName): Code {
  ctx.helpers.add(h);
  return name(h);
}

/**
 * One failure: in the fast mode, `return false`; else an error, copied from the
 * place's hoisted site (schema path, keyword, params and message, made once).
 */
function fail(ctx: Ctx, t: Target, node: Node, keyword: string, args: readonly JsonValue[], varying?: Code): Code {
  return code`{ ${failBody(ctx, t, node, keyword, args, varying)} }`;
}

/** The builder (in runtime/validate.ts) of each keyword's sites, and whether it takes the keyword (one builder for several). */
const SITE_BUILDERS: Readonly<Record<string, readonly [HelperName, boolean]>> = {
  type: ["typeSite", false],
  minLength: ["lengthSite", true],
  maxLength: ["lengthSite", true],
  minItems: ["limitSite", true],
  maxItems: ["limitSite", true],
  minProperties: ["limitSite", true],
  maxProperties: ["limitSite", true],
  minimum: ["boundSite", true],
  maximum: ["boundSite", true],
  exclusiveMinimum: ["boundSite", true],
  exclusiveMaximum: ["boundSite", true],
  pattern: ["matchSite", true],
  format: ["matchSite", true],
  multipleOf: ["multipleOfSite", false],
  required: ["requiredSite", false],
  enum: ["enumSite", false],
  const: ["constSite", false],
  additionalProperties: ["fixedSite", true],
  anyOf: ["fixedSite", true],
  oneOf: ["fixedSite", true],
  "false schema": ["fixedSite", true],
};

/**
 * The site of a failure: made once, in its declaration's group (so a bundle keeps the sites of the
 * checks it keeps), and shared by every check that fails there.
 */
function siteOf(ctx: Ctx, path: string, keyword: string, args: readonly JsonValue[]): Code {
  let group = ctx.sites.get(ctx.decl);
  if (!group) {
    helper(ctx, "within");
    group = { id: name(`sites${ctx.sites.size}`), base: ctx.schemaBase, calls: [], index: new Map() };
    ctx.sites.set(ctx.decl, group);
  }
  const [builder, takesKeyword] = SITE_BUILDERS[keyword]!;
  // the schema path below the declaration's last, and left out at its root
  const call = code`${helper(ctx, builder)}(${join([...(takesKeyword ? [keyword] : []), ...args, ...(path === "" ? [] : [path])].map((a) => code`${a}`), ", ")})`;
  let index = group.index.get(call.text);
  if (index === undefined) {
    index = group.calls.length;
    group.calls.push(call);
    group.index.set(call.text, index);
  }
  return code`${group.id}[${index}]!`;
}

/**
 * The statements of a failure, for a place that is a block already: report adds the error and
 * returns true when errors are collected, and returns false in the fast mode. `varying`: params
 * that are not the site's (the key of additionalProperties).
 */
function failBody(ctx: Ctx, t: Target, node: Node, keyword: string, args: readonly JsonValue[], varying?: Code): Code {
  const at = siteOf(ctx, node.path, keyword, args);
  return code`if (!${helper(ctx, "report")}(${t.errs}, ${t.p}, ${varying ? code`{ ...${at}, params: ${varying} }` : at})) return false;`;
}

/** A call of another check function: the path is made only when errors are collected; a failure ends the fast mode (in the collecting mode a check returns true). */
function callCheck(fn: Code, t: Target): Code {
  const path = t.p.text === "path" ? t.p : code`${t.errs} ? ${t.p} : ""`;
  return code`if (!${fn}(${t.v}, ${path}, ${t.errs})) return false;`;
}

function childPath(p: Code, key: string): Code {
  return code`${p} + ${"/" + pointerSegment(key)}`;
}

/** The test that a value is of one JSON type, its negation, and the name ajv reports for the type. */
function typeGuard(ctx: Ctx, node: Node, v: Code): { guard: Code; not: Code; type: string } | undefined {
  switch (node.kind) {
    case "string":
      return { guard: code`typeof ${v} === "string"`, not: code`typeof ${v} !== "string"`, type: "string" };
    case "number":
      return node.integer
        ? { guard: code`typeof ${v} === "number" && Number.isInteger(${v})`, not: code`typeof ${v} !== "number" || !Number.isInteger(${v})`, type: "integer" }
        : { guard: code`typeof ${v} === "number" && Number.isFinite(${v})`, not: code`typeof ${v} !== "number" || !Number.isFinite(${v})`, type: "number" };
    case "boolean":
      return { guard: code`typeof ${v} === "boolean"`, not: code`typeof ${v} !== "boolean"`, type: "boolean" };
    case "null":
      return { guard: code`${v} === null`, not: code`${v} !== null`, type: "null" };
    case "array":
      return { guard: code`Array.isArray(${v})`, not: code`!Array.isArray(${v})`, type: "array" };
    case "object": {
      const isPlainObject = helper(ctx, "isPlainObject");
      return { guard: code`${isPlainObject}(${v})`, not: code`!${isPlainObject}(${v})`, type: "object" };
    }
    default:
      return undefined;
  }
}

/** Keywords of one type, run once the value is known to be of that type. */
function typeBody(ctx: Ctx, node: Node, t: Target): Code {
  switch (node.kind) {
    case "string":
      return stringKeywords(ctx, node, t);
    case "number":
      return numberKeywords(ctx, node, t);
    case "array":
      return arrayKeywords(ctx, node, t);
    case "object":
      return objectKeywords(ctx, node, t);
    default:
      return code``;
  }
}

/** Up to this length limit, code points are counted as `[...value].length` (in a bundle, no function for it). */
const SPREAD_COUNT_LIMIT = 1024;

/** The most UTF-16 units `n` code points take: 2n, kept finite (`maxLength: 1e308` is a valid schema; no string is longer than 2^53 - 1 units). */
function unitsBound(n: number): number {
  return Math.min(2 * n, Number.MAX_SAFE_INTEGER);
}

function stringKeywords(ctx: Ctx, node: StringNode, t: Target): Code {
  const out: Code[] = [];
  // code points ≤ UTF-16 units ≤ 2 × code points: the units decide most cases without counting
  const units = node.minLength !== undefined || node.maxLength !== undefined ? ctx.scope.fresh("units") : undefined;
  if (units) out.push(code`const ${units} = ${t.v}.length;`);
  // counted only where the units cannot decide, so on at most 2 × limit units: by the string
  // iterator (a lone surrogate one code point, as codePointLength counts) where that is a short
  // array; for a large limit, codePointLength's loop (no array of up to 2 × limit strings)
  const count = (limit: number): Code =>
    limit <= SPREAD_COUNT_LIMIT ? code`[...${t.v}].length` : code`${helper(ctx, "codePointLength")}(${t.v})`;
  /** Each failure: its condition and its statements (for a block). */
  const checks: { readonly fails: Code; readonly body: Code }[] = [];
  const { minLength, maxLength } = node;
  // a non-empty string has a code point: a minimum of 1 is a test of the units alone; of 0, none
  if (units && minLength !== undefined && minLength > 0) {
    const fails = minLength === 1 ? code`${units} < 1` : code`${units} < ${minLength} || (${units} < ${unitsBound(minLength)} && ${count(minLength)} < ${minLength})`;
    checks.push({ fails, body: failBody(ctx, t, node, "minLength", [minLength]) });
  }
  if (units && maxLength !== undefined) {
    checks.push({ fails: code`${units} > ${maxLength} && (${units} > ${unitsBound(maxLength)} || ${count(maxLength)} > ${maxLength})`, body: failBody(ctx, t, node, "maxLength", [maxLength]) });
  }
  const lengthChecks = checks.length;
  if (node.pattern !== undefined) {
    let hoisted = ctx.patterns.get(node.pattern);
    if (!hoisted) {
      const plan: PatternPlan = node.patternPlan ?? { kind: "regex", source: node.pattern };
      const ascii = plan.kind === "regex" || plan.kind === "rewritten" ? asciiClass(plan.source) : undefined;
      hoisted = { id: name(`pattern${ctx.patterns.size}`), plan, ...(ascii ? { ascii } : {}) };
      if (ascii) helper(ctx, "classSearch");
      ctx.patterns.set(node.pattern, hoisted);
    }
    // an automaton or an ASCII scan is a function; any other plan, a RegExp
    const fails = hoisted.plan.kind === "automaton" || hoisted.ascii ? code`!${hoisted.id}(${t.v})` : code`!${hoisted.id}.test(${t.v})`;
    checks.push({ fails, body: failBody(ctx, t, node, "pattern", [node.pattern]) });
  }
  // a pattern never runs on a value that failed its length (a long value is where a pattern is
  // slow); the lengths fail together only where the minimum is above the maximum
  const together = lengthChecks === 2 && minLength! > maxLength!;
  if (!together) {
    if (checks.length > 0) out.push(join(checks.map((c) => code`if (${c.fails}) { ${c.body} }`), " else "));
  } else {
    const lengthOk = ctx.scope.fresh("lengthOk");
    out.push(code`let ${lengthOk} = true;`);
    checks.slice(0, 2).forEach((c) => out.push(code`if (${c.fails}) { ${lengthOk} = false; ${c.body} }`));
    checks.slice(2).forEach((c) => out.push(code`if (${lengthOk} && ${c.fails}) { ${c.body} }`));
  }
  const format = node.format !== undefined && ctx.assertFormats && Object.hasOwn(FORMAT_CHECKS, node.format) ? FORMAT_CHECKS[node.format as keyof typeof FORMAT_CHECKS] : undefined;
  if (format !== undefined) {
    ctx.formats.add(format);
    // through the module's namespace (`formats.isEmail`): no title is kept from the names of the checks
    out.push(code`if (!${name(FORMATS_NAMESPACE)}.${name(format)}(${t.v})) ${fail(ctx, t, node, "format", [node.format!])}`);
  }
  return join(out);
}

function numberKeywords(ctx: Ctx, node: NumberNode, t: Target): Code {
  const out: Code[] = [];
  const bound = (keyword: "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum", fails: string, comparison: string): void => {
    const limit = node[keyword];
    if (limit === undefined) return;
    out.push(code`if (${t.v} ${new Code(fails)} ${limit}) ${fail(ctx, t, node, keyword, [comparison, limit])}`);
  };
  bound("minimum", "<", ">=");
  bound("maximum", ">", "<=");
  bound("exclusiveMinimum", "<=", ">");
  bound("exclusiveMaximum", ">=", "<");
  if (node.multipleOf !== undefined) {
    const q = ctx.scope.fresh("quotient");
    out.push(code`const ${q} = ${t.v} / ${node.multipleOf};`);
    // a decimal divisor is inexact in binary (0.3 / 0.1 = 2.9999999999999996): allow for the rounding of the division
    const notMultiple = Number.isInteger(node.multipleOf) ? code`!Number.isInteger(${q})` : code`!Number.isFinite(${q}) || Math.abs(${q} - Math.round(${q})) > 1e-9 * Math.max(1, Math.abs(${q}))`;
    out.push(code`if (${notMultiple}) ${fail(ctx, t, node, "multipleOf", [node.multipleOf])}`);
  }
  return join(out);
}

function arrayKeywords(ctx: Ctx, node: ArrayNode, t: Target): Code {
  const out: Code[] = [];
  if (node.minItems !== undefined) {
    out.push(code`if (${t.v}.length < ${node.minItems}) ${fail(ctx, t, node, "minItems", [node.minItems])}`);
  }
  if (node.maxItems !== undefined) {
    out.push(code`if (${t.v}.length > ${node.maxItems}) ${fail(ctx, t, node, "maxItems", [node.maxItems])}`);
  }
  const i = ctx.scope.fresh("i");
  const item = ctx.scope.fresh("item");
  const itemCheck = checkNode(ctx, node.items, { v: item, p: code`${t.p} + "/" + ${i}`, errs: t.errs });
  if (itemCheck.text.trim() !== "") {
    // `items: false` only reports each index: no local for an item it never reads (noUnusedLocals)
    const read = readsValue(node.items) ? code`const ${item}: unknown = ${t.v}[${i}];` : code``;
    out.push(code`for (let ${i} = 0; ${i} < ${t.v}.length; ${i}++) {
      ${read}
      ${itemCheck}
    }`);
  }
  return join(out);
}

/** Whether checkNode's statements for `node` read the value: a `false` schema only reports, `{}` checks nothing. */
function readsValue(node: Node): boolean {
  if (node.kind === "never" || node.kind === "unknown") return false;
  return node.kind === "intersection" ? node.members.some(readsValue) : true;
}

/** Past this many members, an object's inheritance test is a loop over their names (runtime `inherits`). */
const MANY_MEMBERS = 64;

/**
 * The statements that read and check `list` (members of `node`): each member read only if it is
 * the object's own (never an inherited one: a polluted Object.prototype, or "__proto__" reading the
 * prototype). An object whose prototype is Object.prototype inherits only what Object.prototype
 * has: unless Object.prototype has one of the names, its members are read straight; else (another
 * prototype, or none) each is asked of Object.hasOwn (a call the engine does not inline).
 * `foreign`: that test's result, made already (else the first member read makes it).
 */
function members(ctx: Ctx, node: ObjectNode, list: readonly Property[], t: Target, foreign?: Code): Code[] {
  const out: Code[] = [];
  const inherits = foreign ?? (list.length > 0 ? ctx.scope.fresh("inherits") : undefined);
  let read = foreign !== undefined;
  list.forEach((prop) => {
    const x = ctx.scope.fresh("member");
    const p = childPath(t.p, prop.name);
    // an undeclared member's value is checked with the additional ones
    const inner = prop.declared ? checkNode(ctx, prop.node, { v: x, p, errs: t.errs }) : code``;
    // an optional member any value passes (`{}`, `true`) is not read at all (noUnusedLocals)
    if (!prop.required && inner.text.trim() === "") return;
    if (!read) {
      read = true;
      // asked after a first read, where the engine knows the object's shape and so its prototype
      // written out for the usual few members; for many, a loop (the written test would nest as deep as the list is long)
      const test =
        node.properties.length <= MANY_MEMBERS
          ? code`Object.getPrototypeOf(${t.v}) !== ${helper(ctx, "objectPrototype")} || ${join(
              node.properties.map((q) => code`${q.name} in ${helper(ctx, "objectPrototype")}`),
              " || ",
            )}`
          : code`${helper(ctx, "inherits")}(${t.v}, ${node.properties.map((q) => q.name)})`;
      out.push(code`let ${x} = ${t.v}[${prop.name}];
        const ${inherits!} = ${test};
        if (${inherits!}) ${x} = ${helper(ctx, "own")}(${t.v}, ${prop.name});`);
    } else {
      out.push(code`const ${x} = ${inherits!} ? ${helper(ctx, "own")}(${t.v}, ${prop.name}) : ${t.v}[${prop.name}];`);
    }
    if (prop.required) {
      const missing = failBody(ctx, t, node, "required", [prop.name]);
      out.push(inner.text.trim() === "" ? code`if (${x} === undefined) { ${missing} }` : code`if (${x} === undefined) { ${missing} } else { ${inner} }`);
    } else {
      out.push(code`if (${x} !== undefined) { ${inner} }`);
    }
  });
  return out;
}

/**
 * The members of a large object: the inheritance test made once, then the members
 * MEMBERS_PER_FUNCTION at a time, each group a function at file level (`<check>$members<n>`), called
 * with the object, the test's result, the path (made only when errors are collected) and the errors.
 */
function manyMembers(ctx: Ctx, node: ObjectNode, t: Target): Code[] {
  const foreign = ctx.scope.fresh("inherits");
  const out: Code[] = [code`const ${foreign} = ${helper(ctx, "inherits")}(${t.v}, ${node.properties.map((q) => q.name)});`];
  const path = t.p.text === "path" ? t.p : code`${t.errs} ? ${t.p} : ""`;
  for (let from = 0; from < node.properties.length; from += MEMBERS_PER_FUNCTION) {
    const fn = `${ctx.fn}$members${ctx.hoisted.length}`;
    const inner: Ctx = { ...ctx, scope: new Scope(), fn };
    const body = members(inner, node, node.properties.slice(from, from + MEMBERS_PER_FUNCTION), { v: code`value`, p: code`path`, errs: code`errors` }, code`foreign`);
    if (body.length === 0) continue;
    ctx.hoisted.push({
      kind: StructureKind.Function,
      name: fn,
      parameters: [
        { name: "value", type: "Readonly<Record<string, unknown>>" },
        { name: "foreign", type: "boolean" },
        { name: "path", type: "string" },
        { name: "errors", type: "ValidationError[] | undefined" },
      ],
      returnType: "boolean",
      statements: [join(body).text, "return true;"],
    });
    out.push(code`if (!${name(fn)}(${t.v}, ${foreign}, ${path}, ${t.errs})) return false;`);
  }
  return out;
}

/**
 * Past this many members, an object's members are checked in functions of their own, this many
 * each: TypeScript gives up the flow analysis of a function body past some hundreds of members
 * ("too large for control flow analysis"), and so would a consumer's compiler.
 */
const MEMBERS_PER_FUNCTION = 128;

function objectKeywords(ctx: Ctx, node: ObjectNode, t: Target): Code {
  const out: Code[] = node.properties.length > MEMBERS_PER_FUNCTION ? manyMembers(ctx, node, t) : members(ctx, node, node.properties, t);
  if (node.additional !== "allow") {
    const key = ctx.scope.fresh("key");
    const declared = node.properties.filter((p) => p.declared);
    const known =
      declared.length === 0
        ? code`false`
        : declared.length > MANY_VALUES
          ? code`${valueSet(ctx, declared.map((p) => p.name))}.has(${key})`
          : join(declared.map((p) => code`${key} === ${p.name}`), " || ");
    if (node.additional === "forbid") {
      // own enumerable keys, as Object.keys has them, with no array made
      out.push(code`for (const ${key} in ${t.v}) {
        if (!${ownKey(ctx, t.v, key)}) continue;
        if (!(${known})) ${fail(ctx, t, node, "additionalProperties", [], code`{ additionalProperty: ${key} }`)}
      }`);
    } else {
      const x = ctx.scope.fresh("value");
      // the key's path is made only when an error is reported
      const inner = checkNode(ctx, node.additional, { v: x, p: code`${t.p} + "/" + ${helper(ctx, "pointerSegment")}(${key})`, errs: t.errs });
      if (inner.text.trim() !== "") {
        out.push(code`for (const ${key} in ${t.v}) {
          if (!${ownKey(ctx, t.v, key)}) continue;
          ${declared.length ? code`if (${known}) continue;` : code``}
          const ${x} = ${t.v}[${key}];
          if (${x} !== undefined) { ${inner} }
        }`);
      }
    }
  }
  if (node.minProperties !== undefined || node.maxProperties !== undefined) {
    const count = ctx.scope.fresh("count");
    out.push(code`const ${count} = Object.keys(${t.v}).length;`);
    if (node.minProperties !== undefined) out.push(code`if (${count} < ${node.minProperties}) ${fail(ctx, t, node, "minProperties", [node.minProperties])}`);
    if (node.maxProperties !== undefined) out.push(code`if (${count} > ${node.maxProperties}) ${fail(ctx, t, node, "maxProperties", [node.maxProperties])}`);
  }
  return join(out);
}

/**
 * Whether the key for-in gives is the object's own: hasOwnProperty called so, on the object for-in
 * walks and its key, is what the engine turns into a check of the enumeration cache (Object.hasOwn is not).
 */
function ownKey(ctx: Ctx, v: Code, key: Code): Code {
  return code`${helper(ctx, "objectPrototype")}.hasOwnProperty.call(${v}, ${key})`;
}

function enumCheck(ctx: Ctx, node: EnumNode, t: Target): Code {
  const scalar = (v: JsonValue): boolean => v === null || typeof v !== "object";
  const scalars = node.values.filter(scalar);
  // Set.has is SameValueZero: as === on JSON scalars (-0 is 0, and JSON has no NaN)
  const tests =
    scalars.length > MANY_VALUES
      ? [code`${valueSet(ctx, scalars)}.has(${t.v})`, ...node.values.filter((v) => !scalar(v)).map((value) => code`${helper(ctx, "jsonEqual")}(${t.v}, ${value})`)]
      : node.values.map((value) => (scalar(value) ? code`${t.v} === ${value}` : code`${helper(ctx, "jsonEqual")}(${t.v}, ${value})`));
  const matches = tests.length ? join(tests, " || ") : code`false`;
  return code`if (!(${matches})) ${fail(ctx, t, node, node.keyword, [node.keyword === "const" ? (node.values[0] ?? null) : node.values])}`;
}

function unionCheck(ctx: Ctx, node: UnionNode, t: Target): Code {
  if (node.keyword === "type") {
    // members are of distinct types: dispatch on the type, one `type` error if none fits;
    // a type with nothing more to check needs no branch of its own, only its place in the last test
    const members = node.members.map((m) => ({ g: typeGuard(ctx, m, t.v)!, body: typeBody(ctx, m, t) }));
    const branches = members.filter((m) => m.body.text.trim() !== "").map((m) => code`if (${m.g.guard}) { ${m.body} }`);
    const rest = members.filter((m) => m.body.text.trim() === "");
    const names = members.map((m) => m.g.type).join(",");
    const typeError = fail(ctx, t, node, "type", [names]);
    const last = rest.length === 0 ? typeError : code`if (${join(rest.map((m) => (m.g.not.text.includes("||") ? code`(${m.g.not})` : m.g.not)), " && ")}) ${typeError}`;
    return branches.length === 0 ? last : code`${join(branches, " else ")} else ${last}`;
  }
  // each member is a function of its own: its fast failure must not return from this one
  const fns = node.members.map((m) => hoistCheck(ctx, m, node.keyword));
  const passed = ctx.scope.fresh("passed");
  const sub = ctx.scope.fresh("subErrors");
  const count = join(fns.map((fn) => code`if (${fn}(${t.v}, "", undefined)) ${passed}++;`));
  const ok = node.keyword === "anyOf" ? code`${passed} > 0` : code`${passed} === 1`;
  // the members' own errors are worth reporting only when none of them passed
  const details = join(fns.map((fn) => code`${fn}(${t.v}, ${t.p}, ${sub});`));
  return code`{
    let ${passed} = 0;
    ${count}
    if (!(${ok})) {
      if (${t.errs} !== undefined && ${passed} === 0) {
        const ${sub}: ValidationError[] = [];
        ${details}
        ${t.errs}.push(...${sub});
      }
      ${fail(ctx, t, node, node.keyword, [])}
    }
  }`;
}

/** A member of a union as a check function of its own, at file level. */
function hoistCheck(ctx: Ctx, node: Node, keyword: string): Code {
  const fn = `${ctx.fn}$${keyword}${ctx.hoisted.length}`;
  const inner: Ctx = { ...ctx, scope: new Scope(), fn };
  const body = checkNode(inner, node, { v: code`value`, p: code`path`, errs: code`errors` }, true);
  ctx.hoisted.push(checkFunction(fn, body, node));
  return name(fn);
}

/** A check function: in the fast mode, whether the value passes; in the collecting mode (its errors added), true. */
export function checkFunction(fn: string, body: Code, node: Node): FunctionDeclarationStructure {
  const unconstrained = body.text.trim() === "";
  // for noUnusedParameters: any value, nothing to check and no parameter read; a false schema reports without reading the value
  const unread = (param: string): boolean => unconstrained || (param === "value" && !readsValue(node));
  return {
    kind: StructureKind.Function,
    name: fn,
    parameters: CHECK_PARAMETERS.map(([param, type]) => ({ name: unread(param) ? `_${param}` : param, type })),
    returnType: "boolean",
    statements: unconstrained ? ["return true;"] : [body.text, "return true;"],
  };
}

/**
 * Statements that push an error into `t.errs` for every way `t.v` fails `node`; `root`: they are
 * the whole body of a check function (before its `return true`), so they may return.
 */
export function checkNode(ctx: Ctx, node: Node, t: Target, root = false): Code {
  switch (node.kind) {
    case "ref":
      return callCheck(name(ctx.decls.get(node.target)!.names.check), t);
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "array":
    case "object": {
      const g = typeGuard(ctx, node, t.v)!;
      const body = typeBody(ctx, node, t);
      // the whole of a check function: a value of another type has no other error
      if (root) return code`if (${g.not}) return ${helper(ctx, "report")}(${t.errs}, ${t.p}, ${siteOf(ctx, node.path, "type", [g.type])});
        ${body}`;
      const typeError = failBody(ctx, t, node, "type", [g.type]);
      return body.text.trim() === "" ? code`if (${g.not}) { ${typeError} }` : code`if (${g.not}) { ${typeError} } else { ${body} }`;
    }
    case "enum":
      return enumCheck(ctx, node, t);
    case "union":
      return unionCheck(ctx, node, t);
    case "intersection":
      return join(node.members.map((m) => checkNode(ctx, m, t)));
    case "unknown":
      return code``;
    case "never":
      return fail(ctx, t, node, "false schema", []);
  }
}

