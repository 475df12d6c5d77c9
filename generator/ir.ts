/**
 * The intermediate representation: what every template reads, and all it
 * reads. It is immutable and free of options; wire names, patterns and doc
 * text are kept raw (templates escape them through escape.ts). Names are
 * decided once, by naming.ts, and stored here.
 */
import type { JsonValue } from "./escape.js";
import type { PatternPlan } from "./regex/safety.js";

export interface Doc {
  /** Plain text (HTML already turned into text), not escaped. */
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly default?: JsonValue;
  readonly examples?: readonly JsonValue[];
}

interface NodeBase {
  /** JSON pointer of this schema inside its declaration: the base of validator `schemaPath`s. */
  readonly path: string;
  readonly doc: Doc;
}

export interface RefNode extends NodeBase {
  readonly kind: "ref";
  /** `Declaration.id` of the target. */
  readonly target: string;
}

export interface StringNode extends NodeBase {
  readonly kind: "string";
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  /**
   * How `pattern` is run in linear time (generator/regex/safety.ts): as it is,
   * an equivalent rewrite, or an automaton. Present with `pattern`.
   */
  readonly patternPlan?: PatternPlan;
  /** Annotation only: recorded in docs, not asserted. */
  readonly format?: string;
  /**
   * An open enumeration (a response's enum): any string is valid, these are
   * the values known when the schema was written; the type lists them for
   * editors and admits any other string.
   */
  readonly knownValues?: readonly string[];
}

export interface NumberNode extends NodeBase {
  readonly kind: "number";
  readonly integer: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  /** A point in time as seconds since the epoch (the AWS JSON wire format of a timestamp). */
  readonly timestamp?: "epoch-seconds";
}

export interface BooleanNode extends NodeBase {
  readonly kind: "boolean";
}

export interface NullNode extends NodeBase {
  readonly kind: "null";
}

/** `enum`, or `const` (one value). Values are compared by JSON equality. */
export interface EnumNode extends NodeBase {
  readonly kind: "enum";
  readonly values: readonly JsonValue[];
  readonly keyword: "enum" | "const";
}

export interface ArrayNode extends NodeBase {
  readonly kind: "array";
  readonly items: Node;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface Property {
  /** The name on the wire, raw. */
  readonly name: string;
  readonly required: boolean;
  /**
   * Listed in `properties`. A member that is only `required` is not: its value
   * is governed by `additionalProperties`, and `node` is that schema (or any
   * value, or none).
   */
  readonly declared: boolean;
  readonly node: Node;
  readonly doc: Doc;
}

export interface ObjectNode extends NodeBase {
  readonly kind: "object";
  readonly properties: readonly Property[];
  /** Members not listed in `properties`: any value, none, or values of a schema. */
  readonly additional: "allow" | "forbid" | Node;
  readonly minProperties?: number;
  readonly maxProperties?: number;
}

/** `anyOf` (exclusive: false) or `oneOf` (exclusive: true), or a list of types. */
export interface UnionNode extends NodeBase {
  readonly kind: "union";
  readonly members: readonly Node[];
  readonly keyword: "anyOf" | "oneOf" | "type";
}

/** A genuine `allOf`, or a reference with constraints beside it. */
export interface IntersectionNode extends NodeBase {
  readonly kind: "intersection";
  readonly members: readonly Node[];
}

/** `true` or `{}`: any value. */
export interface UnknownNode extends NodeBase {
  readonly kind: "unknown";
}

/** `false`: no value. */
export interface NeverNode extends NodeBase {
  readonly kind: "never";
}

export type Node =
  | RefNode
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | EnumNode
  | ArrayNode
  | ObjectNode
  | UnionNode
  | IntersectionNode
  | UnknownNode
  | NeverNode;

export interface DeclarationNames {
  /** The exported type. */
  readonly type: string;
  readonly validate: string;
  readonly is: string;
  readonly assert: string;
  /** The internal checker the others call. */
  readonly check: string;
  /** The builders' function that puts a value in wire order. */
  readonly wire: string;
}

export interface Declaration {
  /** `<file>#<pointer>`: unique and stable. */
  readonly id: string;
  readonly service: string;
  /** The schema's title (or, for a `$defs` entry, its key), raw. */
  readonly title: string;
  readonly source: { readonly file: string; readonly pointer: string };
  /** Where validator `schemaPath`s of this declaration start, e.g. `#/components/schemas/ClientIdType`. */
  readonly schemaPath: string;
  readonly names: DeclarationNames;
  readonly node: Node;
  /** A response view: the shape without the request-side constraints (response-view.ts). */
  readonly responseView?: true;
  /**
   * The response view of the declaration `viewOf`, which requests use too:
   * the same shape without the request-side constraints (see
   * response-view.ts). Absent for every other declaration.
   */
  readonly viewOf?: string;
  /** A view whose type is its original's (only constraints differ): no type of its own is declared. */
  readonly sharesType?: boolean;
}

export interface OperationNames {
  readonly builder: string;
  /** Start a builder: `resendConfirmationCode()`. */
  readonly start: string;
  /** Request object → HTTP request. */
  readonly toHttp: string;
  /** Wire member name → setter method name. */
  readonly setters: ReadonlyMap<string, string>;
}

export interface Operation {
  readonly name: string;
  /** `X-Amz-Target` value, e.g. `AWSCognitoIdentityProviderService.ResendConfirmationCode`. */
  readonly target: string;
  readonly request: string;
  /** The output's declaration (its response view, where it has one). */
  readonly response?: string;
  /** Declarations of the errors the operation may raise (response views), by title. */
  readonly errors: readonly string[];
  /** The operation's own documentation, where a document (OpenAPI) gives it. */
  readonly doc?: string;
  readonly names: OperationNames;
}

export interface ServiceProtocol {
  /** Hostname label: `https://<endpointPrefix>.<region>.amazonaws.com/`. */
  readonly endpointPrefix: string;
  readonly targetPrefix: string;
  readonly contentType: string;
}

export interface Service {
  readonly id: string;
  /** Input files of this service, relative to the input folder, sorted. */
  readonly files: readonly string[];
  readonly declarations: readonly Declaration[];
  readonly operations: readonly Operation[];
  /** Absent for a service the generator has no protocol for: no builders then. */
  readonly protocol?: ServiceProtocol;
}

export interface CodegenIR {
  readonly services: readonly Service[];
}

/** Every declaration a node refers to, through properties, items, additional members, unions and intersections. */
export function referencedIds(node: Node, out: string[] = []): string[] {
  switch (node.kind) {
    case "ref":
      out.push(node.target);
      break;
    case "array":
      referencedIds(node.items, out);
      break;
    case "object":
      for (const p of node.properties) referencedIds(p.node, out);
      if (typeof node.additional === "object") referencedIds(node.additional, out);
      break;
    case "union":
    case "intersection":
      for (const m of node.members) referencedIds(m, out);
      break;
    default:
      break;
  }
  return out;
}

/** The ids reached from `roots` through `next` (by default, what each declaration refers to); unknown ids are left out. */
export function reachableIds(roots: Iterable<string>, byId: ReadonlyMap<string, Declaration>, next: (decl: Declaration) => readonly string[] = (d) => referencedIds(d.node)): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    const d = byId.get(id);
    if (!d) continue;
    seen.add(id);
    stack.push(...next(d));
  }
  return seen;
}

/** The object a node is, following references; undefined when it is not one, or the references go round. */
export function objectOf(node: Node, lookup: (id: string) => Node | undefined): ObjectNode | undefined {
  const seen = new Set<string>();
  let current: Node | undefined = node;
  while (current?.kind === "ref") {
    if (seen.has(current.target)) return undefined;
    seen.add(current.target);
    current = lookup(current.target);
  }
  return current?.kind === "object" ? current : undefined;
}

export function declarationMap(service: Service): ReadonlyMap<string, Declaration> {
  return new Map(service.declarations.map((d) => [d.id, d]));
}
