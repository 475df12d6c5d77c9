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
import { docText, propertyAccess, stringLiteral } from "../generator/escape.js";
import { compareStrings } from "../generator/order.js";
import { declarationMap, objectOf, type Declaration, type Node, type Operation, type Service, type ServiceProtocol } from "../generator/ir.js";
import { jsDoc, typeText } from "./types.js";

/** Fixed code: the request shape and the endpoint rule. */
function runtime(protocol: ServiceProtocol): string {
  return `
/** An HTTP request, ready for fetch() or any HTTP client. */
export interface HttpRequest {
  readonly method: "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HttpRequestOptions {
  /** An AWS region, e.g. "us-east-1". */
  readonly region: string;
  /** Another endpoint (a local emulator, a VPC endpoint); the region is then not used in the URL. */
  readonly endpoint?: string;
}

/** Required members not set yet: an argument nobody can pass until there are none. */
export type MissingMembers<Required extends string, Set extends string> = [Exclude<Required, Set>] extends [never]
  ? []
  : [missingRequiredMembers: Exclude<Required, Set>];

function endpoint(options: HttpRequestOptions): string {
  if (options.endpoint !== undefined) return options.endpoint;
  if (!/^[a-z]{2}(?:-[a-z0-9]+)+-\\d+$/.test(options.region)) throw new RangeError(\`not an AWS region: \${JSON.stringify(options.region)}\`);
  return ${stringLiteral(`https://${protocol.endpointPrefix}.`)} + options.region + ".amazonaws.com/";
}`;
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

function operationStatements(op: Operation, protocol: ServiceProtocol, decls: ReadonlyMap<string, Declaration>, imports: { types: Set<string>; values: Set<string> }): StatementStructures[] {
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
  const copy = join(
    object.properties.map((p) => {
      const access = new Code(propertyAccess(p.name));
      // assigning "__proto__" would set the prototype; define it as an own member instead
      return p.name === "__proto__"
        ? code`if (this.members${access} !== undefined) Object.defineProperty(request, ${p.name}, { value: this.members${access}, enumerable: true, writable: true, configurable: true });`
        : code`if (this.members${access} !== undefined) request${access} = this.members${access};`;
    }),
  );

  const doc = request.node.doc.description ?? `The ${op.name} request.`;
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: builder,
    isExported: true,
    docs: [docText(`Builds a ${op.name} request (\`${op.target}\`).\n\n${doc}`)],
    typeParameters: [{ name: "Set", constraint: "string", default: "never" }],
    properties: [{ name: "members", scope: Scope.Private, isReadonly: true, type: `Partial<${requestType}>`, docs: ["Members set so far."] }],
    ctors: [{ parameters: [{ name: "members", type: `Partial<${requestType}>`, initializer: "{}" }], statements: ["this.members = members;"] }],
    methods: [
      ...setters,
      {
        name: "build",
        docs: [{ description: "The request, in the members' schema order, validated.\n", tags: [{ tagName: "throws", text: "ValidationFailure if a member is invalid." }] }],
        parameters: [{ name: "missing", isRestParameter: true, type: `MissingMembers<${requiredType}, Set>` }],
        returnType: requestType,
        statements: [`void missing;`, `const request: Partial<${requestType}> = {};`, copy.text, `${name(request.names.assert).text}(request);`, `return request;`],
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
    docs: [{ description: docText(`A ${op.name} request as an HTTP request${response ? `; the response body is a ${response.names.type}` : ""}.`) + "\n", tags: [{ tagName: "throws", text: "ValidationFailure if the request is invalid." }] }],
    parameters: [
      { name: "request", type: requestType },
      { name: "options", type: "HttpRequestOptions" },
    ],
    returnType: "HttpRequest",
    statements: [
      `${request.names.assert}(request);`,
      code`return {
        method: "POST",
        url: endpoint(options),
        headers: { "content-type": ${protocol.contentType}, "x-amz-target": ${op.target} },
        body: JSON.stringify(request),
      };`.text,
    ],
  };
  return [cls, start, toHttp];
}

export interface BuildersFile {
  readonly typeImports: readonly string[];
  readonly valueImports: readonly string[];
  readonly statements: (string | StatementStructures)[];
}

/** `undefined` when the service has no operations or no known protocol. */
export function buildersTemplate(service: Service): BuildersFile | undefined {
  if (!service.protocol || service.operations.length === 0) return undefined;
  const decls = declarationMap(service);
  const imports = { types: new Set<string>(), values: new Set<string>() };
  const statements = service.operations.flatMap((op) => operationStatements(op, service.protocol!, decls, imports));
  const sorted = (s: Set<string>): string[] => [...s].sort(compareStrings);
  return { typeImports: sorted(imports.types), valueImports: sorted(imports.values), statements: [runtime(service.protocol).trim(), ...statements] };
}
