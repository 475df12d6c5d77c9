/**
 * Template: TypeScript types, one exported type per declaration.
 *
 * An object with named members becomes an interface; everything else a type
 * alias. Required members are required, the rest optional (and, under
 * `exactOptionalPropertyTypes`, never `undefined`). Doc comments carry the
 * description and the constraints the type system cannot say.
 */
import type { InterfaceDeclarationStructure, JSDocStructure, OptionalKind, PropertySignatureStructure, TypeAliasDeclarationStructure } from "ts-morph";
import { StructureKind } from "../generator/print.js";
import { docComment, docTagText, docText, jsonLiteral, literalType, propertyKey, type JsonValue } from "../generator/escape.js";
import type { Declaration, Doc, Node, ObjectNode, Service } from "../generator/ir.js";
import { declarationMap } from "../generator/ir.js";

type Lookup = ReadonlyMap<string, Declaration>;

/** How type text is written: which declarations there are, how a reference is named, how timestamps are typed. */
export interface TypeScope {
  readonly decls: Lookup;
  /** The name a reference is written with (default: the declaration's type name). */
  readonly refName?: (decl: Declaration) => string;
  /** Epoch-second timestamps as `Date` (the client's decoded values) instead of `number` (the wire's). */
  readonly dates?: boolean;
}

const scopeOf = (decls: Lookup | TypeScope): TypeScope => (decls instanceof Map ? { decls } : (decls as TypeScope));

/** The type expression for a node. */
export function typeText(node: Node, within: Lookup | TypeScope): string {
  const scope = scopeOf(within);
  const decls = scope;
  switch (node.kind) {
    case "ref": {
      const target = scope.decls.get(node.target)!;
      return scope.refName ? scope.refName(target) : target.names.type;
    }
    case "string":
      // an open enumeration: the known values for editors, any other string admitted
      return node.knownValues?.length ? [...node.knownValues.map(literalType), "(string & {})"].join(" | ") : "string";
    case "number":
      return scope.dates && node.timestamp ? "Date" : "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "enum":
      return enumType(node.values);
    case "array": {
      const item = typeText(node.items, decls);
      return /^[\w$.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case "object":
      return objectTypeLiteral(node, decls);
    case "union":
      return unionText(node.members, decls);
    case "intersection":
      return intersectionType(node.members, decls);
    case "unknown":
      return "unknown";
    case "never":
      return "never";
  }
}

/** The members of a union, nested unions and enums flattened (nothing we write binds looser than `|`). */
function unionMembers(node: Node, decls: TypeScope): string[] {
  if (node.kind === "union") return node.members.flatMap((m) => unionMembers(m, decls));
  if (node.kind === "enum" && node.values.length > 0) return node.values.map(jsonValueType);
  return [typeText(node, decls)];
}

function unionText(nodes: readonly Node[], decls: TypeScope): string {
  return unique(nodes.flatMap((n) => unionMembers(n, decls))).join(" | ") || "never";
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** For a member of an intersection: a union inside needs parentheses (extra ones are harmless). */
function parenthesize(t: string): string {
  return t.includes("|") ? `(${t})` : t;
}

function enumType(values: readonly JsonValue[]): string {
  if (values.length === 0) return "never";
  return unique(values.map(jsonValueType)).join(" | ");
}

/** The exact type of a JSON value: `"SMS"`, `-1`, `[1, 2]`, `{ "a": true }`. */
function jsonValueType(v: JsonValue): string {
  if (v === null || typeof v !== "object") return literalType(v);
  if (Array.isArray(v)) return `[${v.map(jsonValueType).join(", ")}]`;
  const entries = Object.entries(v as { [key: string]: JsonValue });
  return entries.length ? `{ ${entries.map(([k, x]) => `${propertyKey(k)}: ${jsonValueType(x)}`).join("; ")} }` : "Record<string, never>";
}

const PRIMITIVE_UNION = /^(?:string|number|boolean|null)(?: \| (?:string|number|boolean|null))*$/;

/**
 * `string & StringType` is `StringType`, `string & ("A" | "B")` is `"A" | "B"`: an intersection drops the
 * plain type members (`string`, `string | null`) that a reference or a list of values already implies.
 */
function intersectionType(members: readonly Node[], decls: TypeScope): string {
  const texts = unique(members.map((m) => typeText(m, decls)));
  const hasRef = members.some((m) => m.kind === "ref" || m.kind === "enum");
  // the values of an enum were filtered to its `type`, so that type adds nothing, even as a union
  const hasValues = members.some((m) => m.kind === "enum");
  const kept = texts.filter((t) => !((hasRef && ["string", "number", "boolean", "null"].includes(t)) || (hasValues && PRIMITIVE_UNION.test(t))));
  return (kept.length ? kept : texts).map(parenthesize).join(" & ");
}

function indexSignatureType(node: ObjectNode, decls: TypeScope): string | undefined {
  if (node.additional === "forbid") return undefined;
  if (node.additional === "allow") return node.properties.length === 0 ? "unknown" : undefined;
  // a signature must admit every named member too
  return unionText([node.additional, ...node.properties.map((p) => p.node)], decls);
}

function objectTypeLiteral(node: ObjectNode, decls: TypeScope): string {
  if (node.properties.length === 0) {
    const index = indexSignatureType(node, decls);
    // an index signature, not Record<string, X>: a type alias may refer to itself through the one, not the other (`type Tree = { [key: string]: Tree }`)
    return index === undefined ? "Record<string, never>" : `{ [key: string]: ${index} }`;
  }
  const members = node.properties.map((p) => {
    const doc = docComment(describe(p.doc, p.node));
    return `${doc ? doc + "\n" : ""}${propertyKey(p.name)}${p.required ? "" : "?"}: ${typeText(p.node, decls)};`;
  });
  const index = indexSignatureType(node, decls);
  if (index !== undefined) members.push(`[key: string]: ${index};`);
  return `{\n${members.join("\n")}\n}`;
}

/** Constraint tags of a node that is not a reference (a reference's constraints are on its target). */
export function constraintTags(node: Node): { tagName: string; text: string }[] {
  const tags: { tagName: string; text: string }[] = [];
  const add = (tagName: string, value: string | number | undefined): void => {
    if (value !== undefined) tags.push({ tagName, text: docTagText(String(value)) });
  };
  switch (node.kind) {
    case "string":
      add("minLength", node.minLength);
      add("maxLength", node.maxLength);
      add("pattern", node.pattern);
      add("format", node.format);
      break;
    case "number":
      add("minimum", node.minimum);
      add("maximum", node.maximum);
      add("exclusiveMinimum", node.exclusiveMinimum);
      add("exclusiveMaximum", node.exclusiveMaximum);
      add("multipleOf", node.multipleOf);
      break;
    case "array":
      add("minItems", node.minItems);
      add("maxItems", node.maxItems);
      break;
    case "union":
      // `type: ["string", "null"]` with `maxLength`: the constraints of the typed members
      if (node.keyword === "type") return node.members.flatMap(constraintTags);
      break;
    default:
      break;
  }
  return tags;
}

function docTags(doc: Doc): { tagName: string; text: string }[] {
  const tags: { tagName: string; text: string }[] = [];
  if (doc.default !== undefined) tags.push({ tagName: "default", text: docTagText(jsonLiteral(doc.default)) });
  if (doc.deprecated) tags.push({ tagName: "deprecated", text: "" });
  return tags;
}

/** Text for an inline `/** … *\/` block: the description and the constraint tags. */
function describe(doc: Doc, node: Node): string {
  const tags = [...constraintTags(node), ...docTags(doc)].map((t) => `@${t.tagName}${t.text ? " " + t.text : ""}`);
  return [doc.description ?? "", ...tags].filter((s) => s !== "").join("\n");
}

export function jsDoc(doc: Doc, node: Node): OptionalKind<JSDocStructure>[] {
  const description = doc.description === undefined ? "" : docText(doc.description);
  const tags = [...constraintTags(node), ...docTags(doc)];
  if (description === "" && tags.length === 0) return [];
  return [{ description: description === "" ? undefined : `${description}${tags.length ? "\n" : ""}`, tags: tags.map((t) => (t.text ? t : { tagName: t.tagName })) } as OptionalKind<JSDocStructure>];
}

/** The exported type of a declaration, named `name` (its type name by default). */
export function declarationStructure(decl: Declaration, within: Lookup | TypeScope, name = decl.names.type): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const decls = scopeOf(within);
  const node = decl.node;
  const docs = jsDoc(node.doc, node);
  if (node.kind === "object" && node.properties.length > 0) {
    const properties: OptionalKind<PropertySignatureStructure>[] = node.properties.map((p) => ({
      name: propertyKey(p.name),
      hasQuestionToken: !p.required,
      type: typeText(p.node, decls),
      docs: jsDoc(p.doc, p.node),
    }));
    const index = indexSignatureType(node, decls);
    return {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs,
      properties,
      ...(index !== undefined ? { indexSignatures: [{ keyName: "key", keyType: "string", returnType: index }] } : {}),
    };
  }
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: typeText(node, decls) };
}

export function typesTemplate(service: Service): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const decls = declarationMap(service);
  // a response view that only relaxes constraints has its original's type
  return service.declarations.filter((d) => !d.sharesType).map((d) => declarationStructure(d, decls));
}
