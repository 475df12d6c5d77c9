/**
 * Template: client.ts, the operations as calls. Per operation a
 * `send<Op>(input, options)` that fills in its SECRET_HASH (the caller's
 * hook), validates the input, sends it (runtime/send.ts: fetch, the caller's
 * signer for the signed operations), validates the response with its
 * response view and turns epoch seconds into `Date`s; its errors as types
 * (`ServiceException<"Code">`) with guards, so an app carries code only for
 * the guards it calls; paginators; redaction for logs. What differs per
 * operation is data here; the code is in templates/runtime/.
 *
 * client.ts is an entry of its own (index.ts does not re-export it): in it,
 * a type named like a wire type is the decoded one (timestamps as `Date`);
 * wire types are reached as `Wire.X`.
 */
import type { FunctionDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind } from "../generator/print.js";
import { Code, code, join, name } from "../generator/code.js";
import { docText, objectLiteralKey } from "../generator/escape.js";
import { declarationMap, objectOf, reachableIds, referencedIds, type Declaration, type Node, type Operation, type Service } from "../generator/ir.js";
import { nameClient, type ClientNames, type ClientOperationNames } from "../generator/naming.js";
import { compareStrings } from "../generator/order.js";
import { SENSITIVE_MEMBERS, SECRET_HASH_PLACES, isSigned } from "../generator/services.js";
import { declarationStructure, type TypeScope } from "./types.js";
import { SERVICE } from "./wire.js";

type Lookup = ReadonlyMap<string, Declaration>;

/** What client.ts takes from the other modules, as the operations use it. */
interface Imports {
  readonly validators: Set<string>;
  readonly wire: Set<string>;
  /** Runtime functions used. */
  readonly runtime: Set<string>;
}

/** The node a reference chain ends at. */
function deref(node: Node, decls: Lookup): Node {
  const seen = new Set<string>();
  let n = node;
  while (n.kind === "ref" && !seen.has(n.target)) {
    seen.add(n.target);
    n = decls.get(n.target)!.node;
  }
  return n;
}

/**
 * Walk tables (runtime/walk.ts) for one kind of leaf: where timestamps are,
 * or where sensitive values are. One function per structure declaration
 * that has such leaves below it, `function datesUserType(): WalkShape`.
 */
class WalkTables {
  private readonly has = new Map<string, boolean>();
  readonly used: Declaration[] = [];

  constructor(
    private readonly decls: Lookup,
    private readonly fnName: (decl: Declaration) => string,
    /** Whether a member is a leaf: given its name and its node. */
    private readonly leaf: (member: string | undefined, node: Node) => boolean,
  ) {}

  /** Whether values of a declaration have leaves below them. */
  private reaches(id: string): boolean {
    const known = this.has.get(id);
    if (known !== undefined) return known;
    this.has.set(id, false);
    const result = this.ruleOf(this.decls.get(id)!.node, undefined) !== undefined;
    this.has.set(id, result);
    return result;
  }

  /** The walk rule of a value of a node (the member's name matters for name-based leaves), or undefined. */
  ruleOf(node: Node, member: string | undefined): Code | undefined {
    if (this.leaf(member, node)) return code`true`;
    switch (node.kind) {
      case "ref": {
        if (!this.reaches(node.target)) return undefined;
        const target = this.decls.get(node.target)!;
        if (target.node.kind === "object" && target.node.properties.length > 0) {
          if (!this.used.includes(target)) this.used.push(target);
          return name(this.fnName(target));
        }
        return this.ruleOf(target.node, member);
      }
      case "array": {
        const item = this.ruleOf(node.items, undefined);
        return item && code`{ items: ${item} }`;
      }
      case "object": {
        if (node.properties.length === 0) {
          const value = typeof node.additional === "object" ? this.ruleOf(node.additional, undefined) : undefined;
          return value && code`{ values: ${value} }`;
        }
        const shape = this.shape(node.properties);
        return shape && code`() => (${shape})`;
      }
      case "intersection":
        return node.members.map((m) => this.ruleOf(m, member)).find((r) => r !== undefined);
      default:
        return undefined;
    }
  }

  private shape(properties: readonly { name: string; node: Node }[]): Code | undefined {
    const entries = properties.flatMap((p) => {
      const rule = this.ruleOf(p.node, p.name);
      return rule ? [code`${new Code(objectLiteralKey(p.name))}: ${rule}`] : [];
    });
    return entries.length ? code`{ ${join(entries, ", ")} }` : undefined;
  }

  /** The table of a declaration that is a structure with leaves below it, or undefined. */
  rootRule(id: string): Code | undefined {
    return this.ruleOf({ kind: "ref", path: "", doc: {}, target: id }, undefined);
  }

  functions(): FunctionDeclarationStructure[] {
    const out: FunctionDeclarationStructure[] = [];
    for (let i = 0; i < this.used.length; i++) {
      const decl = this.used[i]!;
      const object = decl.node.kind === "object" ? decl.node : undefined;
      out.push({
        kind: StructureKind.Function,
        name: this.fnName(decl),
        returnType: "WalkShape",
        statements: [code`return ${this.shape(object?.properties ?? []) ?? code`{}`};`.text],
      });
    }
    return out.sort((a, b) => compareStrings(a.name!, b.name!));
  }
}

/** Whether a member holds a secret: its string is `format: password`, or its name is on the list of what AWS treats as sensitive. */
function sensitivity(decls: Lookup): (member: string | undefined, node: Node) => boolean {
  return (member, node) => {
    if (member !== undefined && SENSITIVE_MEMBERS.has(member)) return true;
    const target = deref(node, decls);
    return target.kind === "string" && target.format === "password";
  };
}

const isTimestamp = (_member: string | undefined, node: Node): boolean => node.kind === "number" && node.timestamp !== undefined;

/** Declarations with a timestamp at or below them (through references), among `within`. */
function withTimestamps(within: ReadonlySet<string>, decls: Lookup): Set<string> {
  const memo = new Map<string, boolean>();
  const has = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, false);
    const node = decls.get(id)!.node;
    const result = containsTimestamp(node) || referencedIds(node).some(has);
    memo.set(id, result);
    return result;
  };
  return new Set([...within].filter(has));
}

function containsTimestamp(node: Node): boolean {
  switch (node.kind) {
    case "number":
      return node.timestamp !== undefined;
    case "array":
      return containsTimestamp(node.items);
    case "object":
      return node.properties.some((p) => containsTimestamp(p.node)) || (typeof node.additional === "object" && containsTimestamp(node.additional));
    case "union":
    case "intersection":
      return node.members.some(containsTimestamp);
    default:
      return false;
  }
}

/** The paging token member an operation takes and gives back, if it has one. */
function pageToken(op: Operation, decls: Lookup): string | undefined {
  const input = objectOf(decls.get(op.request)!.node, (id) => decls.get(id)?.node);
  const output = op.response ? objectOf(decls.get(op.response)!.node, (id) => decls.get(id)?.node) : undefined;
  if (!input || !output) return undefined;
  return ["NextToken", "PaginationToken"].find((t) => input.properties.some((p) => p.name === t) && output.properties.some((p) => p.name === t));
}

/** Where the operation's input takes a SECRET_HASH, if it does. */
function secretHashPlace(op: Operation, decls: Lookup): string | undefined {
  const input = objectOf(decls.get(op.request)!.node, (id) => decls.get(id)?.node);
  return SECRET_HASH_PLACES.find((place) => input?.properties.some((p) => p.name === place));
}

export interface ClientFile {
  readonly statements: (string | StatementStructures)[];
  /** The operations' names in client.ts, for the builders' send(). */
  readonly names: ReadonlyMap<string, ClientOperationNames>;
}

export function clientTemplate(service: Service): ClientFile | undefined {
  const protocol = service.protocol;
  if (!protocol || service.operations.length === 0) return undefined;
  const decls = declarationMap(service);
  const outputs = service.operations.flatMap((op) => (op.response ? [op.response] : []));
  const decoded = withTimestamps(reachableIds(outputs, decls), decls);
  const errorIds = [...new Set(service.operations.flatMap((op) => op.errors))].sort(compareStrings);
  const names: ClientNames = nameClient(service, [...decoded].map((id) => decls.get(id)!), errorIds.map((id) => decls.get(id)!));

  const wireName = (d: Declaration): string => `Wire.${d.names.type}`;
  const scope: TypeScope = { decls, dates: true, refName: (d) => (decoded.has(d.id) ? names.decoded.get(d.id)! : wireName(d)) };
  const dates = new WalkTables(decls, (d) => names.dates.get(d.id)!, isTimestamp);
  const secrets = new WalkTables(decls, (d) => names.sensitive.get(d.id)!, sensitivity(decls));
  const imports: Imports = { validators: new Set<string>(), wire: new Set<string>(), runtime: new Set<string>() };
  const statements: (string | StatementStructures)[] = [];

  // errors: a type per error shape (its title is the code the service sends), and its guard
  for (const id of errorIds) {
    const n = names.errors.get(id)!;
    const title = decls.get(id)!.title;
    statements.push(
      code`/** The service's ${new Code(docText(title))} error. */
export type ${name(n.cls)} = ServiceException<${title}>;`.text,
      code`/** Whether an error is the service's ${new Code(docText(title))}. */
export function ${name(n.guard)}(error: unknown): error is ${name(n.cls)} {
  return isServiceException(error, ${title});
}`.text,
    );
  }

  // decoded types: the wire's, with Date for each timestamp
  for (const id of [...decoded].sort(compareStrings)) {
    const decl = decls.get(id)!;
    if (decl.sharesType && decoded.has(decl.viewOf!)) continue;
    statements.push(declarationStructure(decl, scope, names.decoded.get(id)!));
  }

  for (const op of service.operations) statements.push(...operationStatements(op, service, decls, names, scope, dates, secrets, imports));
  statements.push(...dates.functions(), ...secrets.functions());

  const uses = (fn: string): boolean => imports.runtime.has(fn);
  const list = (xs: readonly (string | false)[]): string => xs.filter((x): x is string => x !== false).join(", ");
  const wireImports = [SERVICE, ...imports.wire].sort(compareStrings);
  const walk = list([uses("epochSecondsToDate") && "epochSecondsToDate", uses("mapLeaves") && "mapLeaves", uses("redact") && "redact", (dates.used.length > 0 || secrets.used.length > 0) && "type WalkShape"]);
  const header = [
    `import type * as Wire from "./types.js";`,
    `import { ${[...imports.validators].sort(compareStrings).join(", ")} } from "./validators.js";`,
    `import { ${wireImports.join(", ")} } from "./wire.js";`,
    `import { ${list([errorIds.length > 0 && "isServiceException", "type ClientFailure", errorIds.length > 0 && "type ServiceException", "type UnknownServiceException"])} } from "./runtime/errors.js";`,
    uses("paginate") ? `import { paginate } from "./runtime/paginate.js";` : "",
    `import { ${list(["send", uses("sigV4") && "sigV4", "type ClientOptions", "type OperationInfo"])} } from "./runtime/send.js";`,
    walk ? `import { ${walk} } from "./runtime/walk.js";` : "",
    `export { ClientFailure, isServiceException, ServiceException } from "./runtime/errors.js";`,
    `export type { UnknownServiceException } from "./runtime/errors.js";`,
    `export { fromClientSecret, secretHash } from "./runtime/secret-hash.js";`,
    `export type { SecretHashHook } from "./runtime/secret-hash.js";`,
    `export type { ClientOptions, FetchLike, SendOptions, Signer } from "./runtime/send.js";`,
  ];
  return { statements: [...header, ...statements], names: names.operations };
}

function operationStatements(
  op: Operation,
  service: Service,
  decls: Lookup,
  names: ClientNames,
  scope: TypeScope,
  dates: WalkTables,
  secrets: WalkTables,
  imports: Imports,
): (string | StatementStructures)[] {
  const protocol = service.protocol!;
  const n = names.operations.get(op.name)!;
  const request = decls.get(op.request)!;
  const response = op.response ? decls.get(op.response) : undefined;
  imports.validators.add(request.names.assert);
  imports.wire.add(request.names.wire);
  const out: (string | StatementStructures)[] = [];

  const outputType = response ? (scope.refName!(response)) : "Record<string, never>";
  out.push(code`/** What ${new Code(docText(op.name))} returns${new Code(response ? "" : " (nothing)")}. */
export type ${name(n.output)} = ${new Code(outputType)};`.text);
  const errors = op.errors.map((id) => names.errors.get(id)!.cls);
  out.push(code`/** What ${new Code(docText(op.name))} may throw: its modeled errors, an error of another code, or a failure to get an answer. */
export type ${name(n.error)} = ${new Code([...errors, "UnknownServiceException", "ClientFailure"].join(" | "))};`.text);

  const decodeRule = response ? dates.rootRule(response.id) : undefined;
  const place = secretHashPlace(op, decls);
  const fields: Code[] = [code`name: ${op.name}`];
  if (op.target !== `${protocol.targetPrefix}.${op.name}`) fields.push(code`target: ${op.target}`);
  if (isSigned(service.id, op.name)) {
    imports.runtime.add("sigV4");
    fields.push(code`sign: sigV4`);
  }
  fields.push(code`assert: ${name(request.names.assert)}`, code`wire: ${name(request.names.wire)}`);
  if (response) {
    imports.validators.add(response.names.validate);
    fields.push(code`check: ${name(response.names.validate)}`);
  }
  if (decodeRule) ["mapLeaves", "epochSecondsToDate"].forEach((f) => imports.runtime.add(f));
  if (decodeRule) fields.push(code`decode: (value) => mapLeaves(value, ${callRule(decodeRule)}, epochSecondsToDate) as ${name(n.output)}`);
  if (place) fields.push(code`secretHash: ${place}`);
  out.push(code`const ${name(n.info)}: OperationInfo<${name(n.output)}> = { ${join(fields, ", ")} };`.text);

  const signedNote = isSigned(service.id, op.name) ? "It is signed: `options.signer` is required." : "It is sent unsigned, as the AWS SDK sends it.";
  const errorNote = op.errors.length ? ` Errors it may answer with: ${op.errors.map((id) => decls.get(id)!.title).join(", ")}.` : "";
  const secretNote = place ? ` With \`options.secretHash\` (\`fromClientSecret(secret)\`), its ${place === "SecretHash" ? "SecretHash" : `${place}.SECRET_HASH`} is filled in.` : "";
  out.push({
    kind: StructureKind.Function,
    name: n.send,
    isExported: true,
    docs: [docText(`Sends a ${op.name} request (\`${op.target}\`) and returns its output, checked and decoded. ${signedNote}${secretNote}${errorNote}\n\n${op.doc ?? request.node.doc.description ?? ""}`.trim())],
    parameters: [
      { name: "input", type: `Wire.${request.names.type}` },
      { name: "options", type: "ClientOptions" },
    ],
    returnType: `Promise<${n.output}>`,
    statements: [code`return send(${name(SERVICE)}, ${name(n.info)}, input, options);`.text],
  });

  const token = pageToken(op, decls);
  if (token) {
    imports.runtime.add("paginate");
    out.push({
      kind: StructureKind.Function,
      name: n.paginate,
      isExported: true,
      docs: [docText(`The pages of ${op.name}, one output each, following \`${token}\` until there is none.`)],
      parameters: [
        { name: "input", type: `Wire.${request.names.type}` },
        { name: "options", type: "ClientOptions" },
      ],
      returnType: `AsyncGenerator<${n.output}, void, undefined>`,
      statements: [code`return paginate((page: Wire.${name(request.names.type)}) => ${name(n.send)}(page, options), input, ${token}, ${token});`.text],
    });
  }

  const redactions: [string, Declaration | undefined, string][] = [
    [n.redactRequest, request, `Wire.${request.names.type}`],
    [n.redactOutput, response, n.output],
  ];
  for (const [fn, decl, type] of redactions) {
    if (!decl) continue;
    const rule = secrets.rootRule(decl.id);
    if (rule) ["mapLeaves", "redact"].forEach((f) => imports.runtime.add(f));
    out.push({
      kind: StructureKind.Function,
      name: fn,
      isExported: true,
      docs: [docText(`A copy of a ${op.name} ${decl === request ? "request" : "output"} for logs: its secrets (passwords, tokens, sessions, SECRET_HASH…) masked as the AWS SDK masks them.`)],
      parameters: [{ name: "value", type }],
      returnType: type,
      statements: [rule ? code`return mapLeaves(value, ${callRule(rule)}, redact) as ${new Code(type)};`.text : "return value;"],
    });
  }
  return out;
}

/** A walk rule of a root as the shape itself: a table function is called, an inline thunk too. */
function callRule(rule: Code): Code {
  return code`(${rule})()`;
}
