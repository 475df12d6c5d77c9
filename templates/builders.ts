/**
 * Template: request builders, one per operation (a `<Op>Request` component).
 *
 * A builder is immutable and tracks, in its type, which members are set:
 * `build()` and `toHttpRequest()` take an extra argument naming the missing
 * required members until all of them are set, so a forgotten `ClientId` is a
 * compile-time error. `build()` validates; the HTTP request is the AWS JSON
 * 1.1 protocol (POST /, `x-amz-target`, `application/x-amz-json-1.x`).
 */
import { Scope, StructureKind, type ClassDeclarationStructure, type FunctionDeclarationStructure, type MethodDeclarationStructure, type OptionalKind, type StatementStructures } from "ts-morph";
import { Code, code, join, name } from "../generator/code.js";
import { docText, objectLiteralKey, stringLiteral } from "../generator/escape.js";
import { compareStrings } from "../generator/order.js";
import { declarationMap, objectOf, type Declaration, type Node, type ObjectNode, type Operation, type Service, type ServiceProtocol } from "../generator/ir.js";
import { jsDoc, typeText } from "./types.js";

/** What builders.ts imports from the runtime module (templates/runtime/http.ts, written as runtime.ts). */
export const RUNTIME_IMPORTS = { types: ["HttpRequest", "HttpRequestOptions", "MissingMembers"], values: ["eachItem", "eachValue", "endpointUrl", "inOrder"] } as const;

/**
 * The wire order of request values: for each structure, a function that puts
 * its members in the AWS SDK's order (required members first, then the
 * optional ones, each group in model order), at every depth; lists and maps
 * order their items and values, map keys keep the caller's order.
 */
class WireOrders {
  private readonly needed = new Map<string, boolean>();
  /** Declarations whose wire function is used, in the order first met. */
  readonly used: Declaration[] = [];

  /** Runtime functions the wire functions call. */
  readonly runtimeUsed = new Set<string>();

  constructor(private readonly decls: ReadonlyMap<string, Declaration>) {}

  private runtime(fn: (typeof RUNTIME_IMPORTS.values)[number]): Code {
    this.runtimeUsed.add(fn);
    return name(fn);
  }

  /** Whether values of a declaration need ordering (a structure, or a list or map of them). */
  private needs(id: string): boolean {
    const known = this.needed.get(id);
    if (known !== undefined) return known;
    const decl = this.decls.get(id)!;
    // a reference cycle goes through a structure, which needs ordering anyway
    this.needed.set(id, true);
    const result = this.orderOf(decl.node) !== undefined;
    this.needed.set(id, result);
    if (result) this.used.push(decl);
    return result;
  }

  /** A function expression that orders a value of the node, or undefined when its order is the caller's. */
  orderOf(node: Node): Code | undefined {
    switch (node.kind) {
      case "ref":
        return this.needs(node.target) ? name(this.decls.get(node.target)!.names.wire) : undefined;
      case "array": {
        const item = this.orderOf(node.items);
        return item && code`${this.runtime("eachItem")}(${item})`;
      }
      case "object": {
        if (node.properties.length === 0) {
          // a map: its keys in the caller's order, its values in theirs; a free-form object: as it is
          const value = typeof node.additional === "object" ? this.orderOf(node.additional) : undefined;
          return value && code`${this.runtime("eachValue")}(${value})`;
        }
        return code`(value: unknown) => ${this.structure(node, code`value`)}`;
      }
      case "intersection":
        return node.members.map((m) => this.orderOf(m)).find((o) => o !== undefined);
      default:
        return undefined;
    }
  }

  /** `inOrder(value, members, nested)` for a structure. */
  structure(node: ObjectNode, value: Code): Code {
    const members = [...node.properties.filter((p) => p.required), ...node.properties.filter((p) => !p.required)];
    const nested = members.flatMap((p) => {
      const order = this.orderOf(p.node);
      return order ? [code`${new Code(objectLiteralKey(p.name))}: ${order}`] : [];
    });
    const list = members.map((p) => p.name);
    const inOrder = this.runtime("inOrder");
    return nested.length ? code`${inOrder}(${value}, ${list}, { ${join(nested, ", ")} })` : code`${inOrder}(${value}, ${list})`;
  }

  /** The function of a declaration: `function wireX(value: unknown): unknown`. */
  declarationFunction(decl: Declaration): FunctionDeclarationStructure {
    const node = decl.node;
    const body = node.kind === "object" && node.properties.length > 0 ? this.structure(node, code`value`) : code`${this.orderOf(node)!}(value)`;
    return {
      kind: StructureKind.Function,
      name: decl.names.wire,
      docs: [docText(`Puts the members of a ${decl.names.type} value in wire order.`)],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "unknown",
      statements: [code`return ${body};`.text],
    };
  }

  /** The wire functions used so far, and those they use in turn. */
  functions(): FunctionDeclarationStructure[] {
    const out: FunctionDeclarationStructure[] = [];
    for (let i = 0; i < this.used.length; i++) out.push(this.declarationFunction(this.used[i]!));
    return out.sort((a, b) => compareStrings(a.name!, b.name!));
  }
}

/** Type names a node mentions, for the import list. */
function referencedTypes(node: Node, decls: ReadonlyMap<string, Declaration>, out: Set<string>): void {
  switch (node.kind) {
    case "ref":
      out.add(decls.get(node.target)!.names.type);
      return;
    case "array":
      referencedTypes(node.items, decls, out);
      return;
    case "object":
      node.properties.forEach((p) => referencedTypes(p.node, decls, out));
      if (typeof node.additional === "object") referencedTypes(node.additional, decls, out);
      return;
    case "union":
    case "intersection":
      node.members.forEach((m) => referencedTypes(m, decls, out));
      return;
    default:
      return;
  }
}

/** `Errors the service may answer with: …` for the docs, when the operation table lists them. */
function errorsLine(op: Operation, decls: ReadonlyMap<string, Declaration>): string {
  if (op.errors.length === 0) return "";
  return `\n\nErrors it may answer with: ${op.errors.map((e) => decls.get(e)!.title).join(", ")}.`;
}

function operationStatements(op: Operation, protocol: ServiceProtocol, decls: ReadonlyMap<string, Declaration>, wire: WireOrders, imports: { types: Set<string>; values: Set<string> }): StatementStructures[] {
  const request = decls.get(op.request)!;
  const response = op.response ? decls.get(op.response) : undefined;
  const object = objectOf(request.node, (id) => decls.get(id)?.node);
  if (object === undefined) throw new Error(`internal: operation ${op.name} has no object request`);
  const requestType = request.names.type;
  const builder = op.names.builder;
  const required = object.properties.filter((p) => p.required).map((p) => stringLiteral(p.name));
  const requiredType = required.length ? required.join(" | ") : "never";
  imports.types.add(requestType);
  imports.values.add(request.names.assert);
  // the request's own wire function, whatever its shape
  const order = wire.orderOf({ kind: "ref", path: "", doc: {}, target: request.id }) ?? code`(value: unknown) => ${wire.structure(object, code`value`)}`;

  const setters: OptionalKind<MethodDeclarationStructure>[] = object.properties.map((p) => {
    const type = typeText(p.node, decls);
    referencedTypes(p.node, decls, imports.types);
    const next = `${builder}<Set | ${stringLiteral(p.name)}>`;
    return {
      name: op.names.setters.get(p.name)!,
      docs: jsDoc(p.doc, p.node),
      parameters: [{ name: "value", type }],
      returnType: next,
      // a computed key defines an own property even for "__proto__"
      statements: [`return new ${builder}<Set | ${stringLiteral(p.name)}>({ ...this.members, [${stringLiteral(p.name)}]: value });`],
    };
  });

  const doc = op.doc ?? request.node.doc.description ?? `The ${op.name} request.`;
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: builder,
    isExported: true,
    docs: [docText(`Builds a ${op.name} request (\`${op.target}\`).\n\n${doc}${errorsLine(op, decls)}`)],
    typeParameters: [{ name: "Set", constraint: "string", default: "never" }],
    properties: [{ name: "members", scope: Scope.Private, isReadonly: true, type: `Partial<${requestType}>`, docs: ["Members set so far."] }],
    ctors: [{ parameters: [{ name: "members", type: `Partial<${requestType}>`, initializer: "{}" }], statements: ["this.members = members;"] }],
    methods: [
      ...setters,
      {
        name: "build",
        docs: [{ description: "The request, validated, its members in wire order (required ones first, as the AWS SDK sends them).\n", tags: [{ tagName: "throws", text: "ValidationFailure if a member is invalid." }] }],
        parameters: [{ name: "missing", isRestParameter: true, type: `MissingMembers<${requiredType}, Set>` }],
        returnType: requestType,
        statements: [`void missing;`, code`${name(request.names.assert)}(this.members);`.text, code`return ${order}(this.members) as ${name(requestType)};`.text],
      },
      {
        name: "toHttpRequest",
        docs: ["The validated request as an HTTP request."],
        parameters: [
          { name: "options", type: "HttpRequestOptions" },
          { name: "missing", isRestParameter: true, type: `MissingMembers<${requiredType}, Set>` },
        ],
        returnType: "HttpRequest",
        statements: [`return ${op.names.toHttp}(this.build(...missing), options);`],
      },
    ],
  };
  const start: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: op.names.start,
    isExported: true,
    docs: [docText(`Starts a ${op.name} request.`)],
    returnType: `${builder}`,
    statements: [`return new ${builder}();`],
  };
  const toHttp: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: op.names.toHttp,
    isExported: true,
    docs: [{ description: docText(`A ${op.name} request as an HTTP request, its body in wire order${response ? `; the response body is a ${response.names.type}` : ""}.`) + "\n", tags: [{ tagName: "throws", text: "ValidationFailure if the request is invalid." }] }],
    parameters: [
      { name: "request", type: requestType },
      { name: "options", type: "HttpRequestOptions" },
    ],
    returnType: "HttpRequest",
    statements: [
      `${request.names.assert}(request);`,
      code`return {
        method: "POST",
        url: endpointUrl(${protocol.endpointPrefix}, options),
        headers: { "content-type": ${protocol.contentType}, "x-amz-target": ${op.target} },
        body: JSON.stringify(${order}(request)),
      };`.text,
    ],
  };
  return [cls, start, toHttp];
}

export interface BuildersFile {
  readonly typeImports: readonly string[];
  readonly valueImports: readonly string[];
  /** What the file takes from runtime.ts. */
  readonly runtimeImports: readonly string[];
  readonly statements: (string | StatementStructures)[];
}

/** `undefined` when the service has no operations or no known protocol. */
export function buildersTemplate(service: Service): BuildersFile | undefined {
  if (!service.protocol || service.operations.length === 0) return undefined;
  const decls = declarationMap(service);
  const imports = { types: new Set<string>(), values: new Set<string>() };
  const wire = new WireOrders(decls);
  const statements = service.operations.flatMap((op) => operationStatements(op, service.protocol!, decls, wire, imports));
  const sorted = (s: Set<string>): string[] => [...s].sort(compareStrings);
  const functions = wire.functions();
  const runtimeImports = RUNTIME_IMPORTS.values.filter((v) => v === "endpointUrl" || wire.runtimeUsed.has(v));
  return { typeImports: sorted(imports.types), valueImports: sorted(imports.values), runtimeImports, statements: [...functions, ...statements] };
}
