/**
 * Template: wire.ts, the wire order of request values. For each structure a
 * request reaches, a function that puts its members in the AWS SDK's order
 * (required members first, then the optional ones, each group in model
 * order), at every depth; lists and maps order their items and values, map
 * keys keep the caller's order; members the schema does not name are left
 * out. One function per operation input is exported, for the builders and
 * the client, and `SERVICE`, how the service's requests go on the wire (its
 * endpoint's host label, `x-amz-target` prefix, content type); the file is
 * internal (index.ts does not re-export it).
 */
import type { FunctionDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind } from "../generator/print.js";
import { Code, code, join, name } from "../generator/code.js";
import { docText, objectLiteralKey } from "../generator/escape.js";
import { declarationMap, objectOf, type Declaration, type Node, type ObjectNode, type Service } from "../generator/ir.js";
import { compareStrings } from "../generator/order.js";

const RUNTIME = ["eachItem", "eachValue", "inOrder"] as const;

class WireOrders {
  private readonly needed = new Map<string, boolean>();
  /** Declarations whose wire function is used, in the order first met. */
  readonly used: Declaration[] = [];
  /** Runtime functions the wire functions call. */
  readonly runtimeUsed = new Set<string>();

  constructor(private readonly decls: ReadonlyMap<string, Declaration>) {}

  private runtime(fn: (typeof RUNTIME)[number]): Code {
    this.runtimeUsed.add(fn);
    return name(fn);
  }

  /** Whether values of a declaration need ordering (a structure, or a list or map of them). */
  needs(id: string): boolean {
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
  declarationFunction(decl: Declaration, exported: boolean): FunctionDeclarationStructure {
    const node = decl.node;
    let call: Code;
    // an operation's input is a structure even when it has no members: the SDK sends `{}`
    if (node.kind === "object" && (node.properties.length > 0 || exported)) call = this.structure(node, code`value`);
    else {
      const order = this.orderOf(node);
      const object = objectOf(node, (id) => this.decls.get(id)?.node);
      call = order ? code`(${order})(value)` : object ? this.structure(object, code`value`) : code`value`;
    }
    return {
      kind: StructureKind.Function,
      name: decl.names.wire,
      isExported: exported,
      docs: [docText(`Puts the members of a ${decl.names.type} value in wire order.`)],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "unknown",
      statements: [code`return ${call};`.text],
    };
  }
}

export interface WireFile {
  readonly runtimeImports: readonly string[];
  readonly statements: (string | StatementStructures)[];
}

/** The name of the service's protocol constant in wire.ts (reserved in generator/naming.ts). */
export const SERVICE = "SERVICE";

/** Wire functions for every operation input of the service (exported) and what they reach; undefined without operations. */
export function wireTemplate(service: Service): WireFile | undefined {
  if (!service.protocol || service.operations.length === 0) return undefined;
  const decls = declarationMap(service);
  const wire = new WireOrders(decls);
  const roots = new Set(service.operations.map((op) => op.request));
  const functions: FunctionDeclarationStructure[] = [];
  for (const id of [...roots].sort(compareStrings)) functions.push(wire.declarationFunction(decls.get(id)!, true));
  // the structures the inputs reach, including those met while writing these
  for (let i = 0; i < wire.used.length; i++) {
    const decl = wire.used[i]!;
    if (!roots.has(decl.id)) functions.push(wire.declarationFunction(decl, false));
  }
  functions.sort((a, b) => compareStrings(a.name!, b.name!));
  const { endpointPrefix, targetPrefix, contentType } = service.protocol;
  const protocol = code`/** How the service's requests go on the wire (runtime/http.ts's \`ServiceInfo\`). */
export const ${name(SERVICE)} = { hostLabel: ${endpointPrefix}, targetPrefix: ${targetPrefix}, contentType: ${contentType} };`;
  return { runtimeImports: RUNTIME.filter((r) => wire.runtimeUsed.has(r)), statements: [protocol.text, ...functions] };
}
