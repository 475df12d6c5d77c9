/**
 * Template: request builders, one per operation.
 *
 * A builder is immutable and tracks, in its type, which members are set:
 * `build()`, `toHttpRequest()` and `send()` are callable only once every
 * required member is, and the compiler's message names the missing ones
 * (`… "missing required members": "Username"`). Setters of optional members
 * take `undefined` too (the member stays unset). `build()` validates and puts
 * the members in wire order (wire.ts); the HTTP request is the AWS JSON 1.1
 * protocol (POST /, `x-amz-target`, `application/x-amz-json-1.x`), made by
 * runtime/http.ts's `httpRequest` from wire.ts's `SERVICE`; `send()` is the
 * client's `send<Op>` (client.ts), which validates the members itself.
 */
import type { ClassDeclarationStructure, FunctionDeclarationStructure, MethodDeclarationStructure, OptionalKind, StatementStructures } from "ts-morph";
import { Scope, StructureKind } from "../generator/print.js";
import { Code, code, name } from "../generator/code.js";
import { docText, stringLiteral } from "../generator/escape.js";
import { compareStrings } from "../generator/order.js";
import { declarationMap, objectOf, type Declaration, type Node, type Operation, type Service, type ServiceProtocol } from "../generator/ir.js";
import type { ClientOperationNames } from "../generator/naming.js";
import { jsDoc, typeText } from "./types.js";
import { SERVICE } from "./wire.js";

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

interface Imports {
  readonly types: Set<string>;
  readonly validators: Set<string>;
  readonly wire: Set<string>;
  readonly clientValues: Set<string>;
  readonly clientTypes: Set<string>;
}

function operationStatements(op: Operation, protocol: ServiceProtocol, decls: ReadonlyMap<string, Declaration>, client: ClientOperationNames | undefined, imports: Imports): StatementStructures[] {
  const request = decls.get(op.request)!;
  const response = op.response ? decls.get(op.response) : undefined;
  const object = objectOf(request.node, (id) => decls.get(id)?.node);
  if (object === undefined) throw new Error(`internal: operation ${op.name} has no object request`);
  const requestType = request.names.type;
  const builder = op.names.builder;
  const required = object.properties.filter((p) => p.required).map((p) => stringLiteral(p.name));
  const requiredType = required.length ? required.join(" | ") : "never";
  // callable only when every required member is set; else the compiler names the missing ones
  const complete = `${builder}<Set> & MissingMembers<${requiredType}, Set>`;
  imports.types.add(requestType);
  imports.validators.add(request.names.assert);
  imports.wire.add(request.names.wire);

  // the x-amz-target, where it is not the service's prefix and the operation's name
  const targetArgument = new Code(op.target === `${protocol.targetPrefix}.${op.name}` ? "" : `, ${stringLiteral(op.target)}`);
  const setters: OptionalKind<MethodDeclarationStructure>[] = object.properties.map((p) => {
    const type = typeText(p.node, decls);
    referencedTypes(p.node, decls, imports.types);
    const next = p.required ? `${builder}<Set | ${stringLiteral(p.name)}>` : `${builder}<Set>`;
    return {
      name: op.names.setters.get(p.name)!,
      docs: jsDoc(p.doc, p.node),
      // an optional member may be set to undefined: it stays unset (no `if` around a `string | undefined`)
      parameters: [{ name: "value", type: p.required ? type : `${type} | undefined` }],
      returnType: next,
      // a computed key defines an own property even for "__proto__"
      statements: [`return new ${next}({ ...this.members, [${stringLiteral(p.name)}]: value });`],
    };
  });

  const doc = op.doc ?? request.node.doc.description ?? `The ${op.name} request.`;
  const methods: OptionalKind<MethodDeclarationStructure>[] = [
    ...setters,
    {
      name: "build",
      docs: [{ description: "The request, validated, its members in wire order (required ones first, as the AWS SDK sends them).\n", tags: [{ tagName: "throws", text: "ValidationFailure if a member is invalid." }] }],
      parameters: [{ name: "this", type: complete }],
      returnType: requestType,
      statements: [code`${name(request.names.assert)}(this.members);`.text, code`return ${name(request.names.wire)}(this.members) as ${name(requestType)};`.text],
    },
    {
      name: "toHttpRequest",
      docs: ["The validated request as an HTTP request."],
      parameters: [
        { name: "this", type: complete },
        { name: "options", type: "HttpRequestOptions" },
      ],
      returnType: "HttpRequest",
      // built (validated, in wire order) once, then made a request as <op>HttpRequest makes it
      statements: [code`return httpRequest(${name(SERVICE)}, ${op.name}, this.build(), options${targetArgument});`.text],
    },
  ];
  if (client) {
    imports.clientValues.add(client.send);
    imports.clientTypes.add(client.output);
    methods.push({
      name: "send",
      docs: [docText(`Sends the request (see \`${client.send}\`): its output, checked and decoded, or a thrown error (\`${client.error}\`).`)],
      parameters: [
        { name: "this", type: complete },
        { name: "options", type: "ClientOptions" },
      ],
      returnType: `Promise<${client.output}>`,
      // the members as they are: send<Op> fills in the SECRET_HASH, then validates and orders them
      statements: [code`return ${name(client.send)}(this.members as ${name(requestType)}, options);`.text],
    });
  }

  const membersType = `{ [K in keyof ${requestType}]?: ${requestType}[K] | undefined }`;
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: builder,
    isExported: true,
    docs: [docText(`Builds a ${op.name} request (\`${op.target}\`).\n\n${doc}${errorsLine(op, decls)}`)],
    typeParameters: [{ name: "Set", constraint: "string", default: "never" }],
    // declared, set in the constructor: no field initializer in the output
    properties: [{ name: "members", scope: Scope.Private, isReadonly: true, hasDeclareKeyword: true, type: membersType, docs: ["Members set so far (undefined: not set)."] }],
    ctors: [{ parameters: [{ name: "members", type: membersType, initializer: "{}" }], statements: ["this.members = members;"] }],
    methods,
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
      code`${name(request.names.assert)}(request);`.text,
      code`return httpRequest(${name(SERVICE)}, ${op.name}, ${name(request.names.wire)}(request), options${targetArgument});`.text,
    ],
  };
  return [cls, start, toHttp];
}

export interface BuildersFile {
  readonly imports: { readonly [module: string]: { readonly types: readonly string[]; readonly values: readonly string[] } };
  readonly statements: (string | StatementStructures)[];
}

/** `undefined` when the service has no operations or no known protocol; `client` gives the builders `send()`. */
export function buildersTemplate(service: Service, client?: ReadonlyMap<string, ClientOperationNames>): BuildersFile | undefined {
  if (!service.protocol || service.operations.length === 0) return undefined;
  const decls = declarationMap(service);
  const imports: Imports = { types: new Set(), validators: new Set(), wire: new Set(), clientValues: new Set(), clientTypes: new Set() };
  const statements = service.operations.flatMap((op) => operationStatements(op, service.protocol!, decls, client?.get(op.name), imports));
  const sorted = (s: Iterable<string>): string[] => [...s].sort(compareStrings);
  return {
    imports: {
      "./types.js": { types: sorted(imports.types), values: [] },
      "./validators.js": { types: [], values: sorted(imports.validators) },
      "./wire.js": { types: [], values: sorted([SERVICE, ...imports.wire]) },
      "./runtime/http.js": { types: ["HttpRequest", "HttpRequestOptions", "MissingMembers"], values: ["httpRequest"] },
      ...(client ? { "./runtime/send.js": { types: ["ClientOptions"], values: [] }, "./client.js": { types: sorted(imports.clientTypes), values: sorted(imports.clientValues) } } : {}),
    },
    statements,
  };
}
