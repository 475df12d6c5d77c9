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

/** Names the generated runtime code declares itself, per file, or imports beside a service's types (builders.ts: ClientOptions, SERVICE); no schema may take them. */
export const RUNTIME_TYPE_NAMES = ["ValidationError", "ValidationResult", "ValidationFailure", "FormatErrorsOptions", "HttpRequest", "HttpRequestOptions", "MissingMembers", "WireOrder", "ClientOptions", "SERVICE"] as const;
/** The name validators.ts gives runtime/formats.ts (`formats.isEmail(…)`) when it asserts formats. */
export const FORMATS_NAMESPACE = "formats";
export const RUNTIME_VALUE_NAMES = [
  // runtime/validate.ts
  "ValidationFailure", "formatErrors", "validator", "guard", "asserter", "within", "typeSite", "lengthSite", "limitSite", "boundSite", "matchSite", "multipleOfSite", "requiredSite", "enumSite", "constSite", "fixedSite", "report", "objectPrototype", "inherits", "own", "isPlainObject", "codePointLength", "pointerSegment", "jsonEqual", "classSearch", "dfaSearch",
  // runtime/http.ts, wire.ts
  "endpointUrl", "httpRequest", "SERVICE", "inOrder", "eachItem", "eachValue",
  // runtime/formats.ts, as validators.ts imports it (with --assert-formats)
  FORMATS_NAMESPACE,
] as const;

/** The prefixes of a declaration's functions (validateX, isX, assertX, checkX, wireX). */
const FUNCTION_PREFIXES = ["validate", "is", "assert", "check", "wire"] as const;

/** Type names whose functions would take a runtime helper's name (`PlainObject`: isPlainObject). */
const TYPES_OF_RUNTIME_VALUES = RUNTIME_VALUE_NAMES.flatMap((v) => FUNCTION_PREFIXES.filter((p) => v.startsWith(p) && v.length > p.length).map((p) => v.slice(p.length)));

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
  const types = new NameTable([...RUNTIME_TYPE_NAMES, ...TYPES_OF_RUNTIME_VALUES]);
  const result = new Map<string, DeclarationNames>();
  for (const d of order) {
    const type = types.claim(identifier(d.title, "type"));
    result.set(d.id, { type, validate: `validate${type}`, is: `is${type}`, assert: `assert${type}`, check: `check${type}`, wire: `wire${type}` });
  }
  return result;
}

/** Methods every builder has; no setter may take their names. */
export const BUILDER_METHODS = ["build", "toHttpRequest", "send", "constructor", "members"] as const;

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

export interface ClientOperationNames {
  /** `sendSignUp(input, options)` */
  readonly send: string;
  /** The OperationInfo constant. */
  readonly info: string;
  /** `SignUpOutput`, `SignUpError` */
  readonly output: string;
  readonly error: string;
  /** `paginateListUsers` (used only where the operation pages) */
  readonly paginate: string;
  readonly redactRequest: string;
  readonly redactOutput: string;
}

export interface ClientNames {
  readonly operations: ReadonlyMap<string, ClientOperationNames>;
  /** Error declaration id → its class and guard. */
  readonly errors: ReadonlyMap<string, { readonly cls: string; readonly guard: string }>;
  /** Declaration id → the decoded type's name (its wire name, where free). */
  readonly decoded: ReadonlyMap<string, string>;
  /** Declaration id → its walk-table functions. */
  readonly dates: ReadonlyMap<string, string>;
  readonly sensitive: ReadonlyMap<string, string>;
}

/** Names the client module (client.ts) declares: a namespace of its own, apart from the wire types (reached as `Wire.X`). */
export function nameClient(service: { readonly declarations: readonly { readonly id: string; readonly names: DeclarationNames }[]; readonly operations: readonly { readonly name: string }[] }, decoded: readonly { readonly id: string; readonly names: DeclarationNames }[], errors: readonly { readonly id: string; readonly title: string }[]): ClientNames {
  const reserved = ["Wire", "ServiceException", "UnknownServiceException", "ClientFailure", "isServiceException", "secretHash", "fromClientSecret", "SecretHashHook", "SERVICE", "withSecretHash", "paginate", "send", "sigV4", "mapLeaves", "epochSecondsToDate", "redact", "ClientOptions", "SendOptions", "Signer", "FetchLike", "OperationInfo", "WalkShape"];
  const names = new NameTable(reserved);
  const byId = <T extends { readonly id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => compareStrings(a.id, b.id));
  const decodedNames = new Map(byId(decoded).map((d) => [d.id, names.claim(d.names.type)]));
  const errorNames = new Map(byId(errors).map((e) => {
    const cls = names.claim(identifier(e.title, "type"));
    return [e.id, { cls, guard: names.claim(`is${cls}`) }] as const;
  }));
  const operations = new Map<string, ClientOperationNames>();
  for (const op of [...service.operations].sort((a, b) => compareStrings(a.name, b.name))) {
    const pascal = identifier(op.name, "type");
    operations.set(op.name, {
      send: names.claim(`send${pascal}`),
      info: names.claim(`${identifier(op.name, "value", "camel")}Operation`),
      output: names.claim(`${pascal}Output`),
      error: names.claim(`${pascal}Error`),
      paginate: names.claim(`paginate${pascal}`),
      redactRequest: names.claim(`redact${pascal}Request`),
      redactOutput: names.claim(`redact${pascal}Output`),
    });
  }
  const tables = (prefix: string) => new Map(byId(service.declarations).map((d) => [d.id, names.claim(`${prefix}${d.names.type}`)]));
  return { operations, errors: errorNames, decoded: decodedNames, dates: tables("dates"), sensitive: tables("sensitive") };
}
