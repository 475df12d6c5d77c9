/**
 * Every name in generated code is decided here, once; templates only read
 * the names stored in the IR.
 *
 * Collisions get a numeric suffix in a fixed order (file roots before
 * `$defs` entries, then by id), so names never depend on the order in which
 * files were found.
 */
import { camelCase, identifier, isIdentifier } from "./escape.js";
import type { DeclarationNames, OperationNames } from "./ir.js";
import { compareStrings } from "./order.js";

/** Names the generated runtime code declares itself, per file; no schema may take them. */
export const RUNTIME_TYPE_NAMES = ["ValidationError", "ValidationResult", "ValidationFailure", "HttpRequest", "HttpRequestOptions", "MissingMembers", "WireOrder"] as const;
export const RUNTIME_VALUE_NAMES = ["ValidationFailure", "codePointLength", "ownMember", "pointerSegment", "isPlainObject", "jsonEqual", "report", "messageFor", "validateWith", "assertWith", "endpointUrl", "inOrder", "eachItem", "eachValue"] as const;

/** Hands out unique names within one space. */
export class NameTable {
  private readonly taken = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r);
  }
  has(name: string): boolean {
    return this.taken.has(name);
  }
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

export interface DeclarationToName {
  readonly id: string;
  readonly title: string;
  /** File roots are named before `$defs` entries. */
  readonly isRoot: boolean;
}

export function nameDeclarations(decls: readonly DeclarationToName[]): Map<string, DeclarationNames> {
  const order = [...decls].sort((a, b) => Number(b.isRoot) - Number(a.isRoot) || compareStrings(a.id, b.id));
  const types = new NameTable(RUNTIME_TYPE_NAMES);
  const result = new Map<string, DeclarationNames>();
  for (const d of order) {
    const type = types.claim(identifier(d.title, "type"));
    result.set(d.id, { type, validate: `validate${type}`, is: `is${type}`, assert: `assert${type}`, check: `check${type}`, wire: `wire${type}` });
  }
  return result;
}

/** Methods every builder has; no setter may take their names. */
export const BUILDER_METHODS = ["build", "toHttpRequest", "constructor", "members"] as const;

export interface OperationToName {
  readonly name: string;
  readonly members: readonly string[];
}

/**
 * Builder names: `<Op>Builder`, a start function `<op>()`, `<op>HttpRequest()`
 * and one setter per member (`clientId(…)`). `typeNames` and `valueNames` are
 * what the builders file imports; none of them is reused.
 */
export function nameOperations(ops: readonly OperationToName[], typeNames: Iterable<string>, valueNames: Iterable<string>): Map<string, OperationNames> {
  const sorted = [...ops].sort((a, b) => compareStrings(a.name, b.name));
  const types = new NameTable([...RUNTIME_TYPE_NAMES, ...typeNames]);
  const values = new NameTable([...RUNTIME_VALUE_NAMES, ...valueNames]);
  const result = new Map<string, OperationNames>();
  for (const op of sorted) {
    const pascal = identifier(op.name, "type");
    const builder = types.claim(`${pascal}Builder`);
    values.claim(builder);
    const start = values.claim(identifier(op.name, "value", "camel"));
    const toHttp = values.claim(`${identifier(op.name, "value", "camel")}HttpRequest`);
    const members = new NameTable(BUILDER_METHODS);
    const setters = new Map<string, string>();
    for (const m of op.members) {
      // a method may be named by a reserved word (`delete()`), so only identifier-ness matters
      const camel = camelCase(m);
      setters.set(m, members.claim(isIdentifier(camel) ? camel : identifier(m, "value", "camel")));
    }
    result.set(op.name, { builder, start, toHttp, setters });
  }
  return result;
}
