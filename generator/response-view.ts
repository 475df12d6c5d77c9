/**
 * Responses are judged by their shape, not by request-side constraints.
 *
 * AWS returns what its own input constraints would refuse (a standard
 * attribute name longer than the custom-attribute limit, enum values newer
 * than the schemas), and the SDK never rejects them. So a declaration that
 * an operation's output or errors reach gets a response view: the same
 * types and required members, with enums open (any string; the known values
 * kept for editors) and no lengths, patterns, bounds or counts.
 *
 * A declaration only responses reach is replaced by its view. One that
 * requests reach too (or a component no operation reaches) keeps its strict self and gains a view beside it (named
 * `<Type>Output`; its type is the original's when only constraints differ),
 * unless nothing in it or below it is relaxed, when both sides share it.
 */
import { reachableIds, referencedIds, type Declaration, type Node, type ObjectNode, type StringNode } from "./ir.js";
import { NameTable, RUNTIME_TYPE_NAMES } from "./naming.js";
import { compareStrings } from "./order.js";

/** What a response view changes in a node itself (not below its references): its type, or only what it accepts. */
function localChange(node: Node): "type" | "constraints" | "none" {
  switch (node.kind) {
    case "enum":
      return node.keyword === "enum" && openable(node.values) ? "type" : "none";
    case "string":
      return node.minLength !== undefined || node.maxLength !== undefined || node.pattern !== undefined ? "constraints" : "none";
    case "number":
      return [node.minimum, node.maximum, node.exclusiveMinimum, node.exclusiveMaximum, node.multipleOf].some((x) => x !== undefined) ? "constraints" : "none";
    case "array":
      return strongest([node.minItems !== undefined || node.maxItems !== undefined ? "constraints" : "none", localChange(node.items)]);
    case "object":
      return strongest([
        node.minProperties !== undefined || node.maxProperties !== undefined ? "constraints" : "none",
        ...node.properties.map((p) => localChange(p.node)),
        typeof node.additional === "object" ? localChange(node.additional) : "none",
      ]);
    case "union":
    case "intersection":
      return strongest(node.members.map(localChange));
    default:
      return "none";
  }
}

function strongest(changes: readonly ("type" | "constraints" | "none")[]): "type" | "constraints" | "none" {
  return changes.includes("type") ? "type" : changes.includes("constraints") ? "constraints" : "none";
}

/** Only enumerations of strings open up: a response may carry a value newer than the schema. */
function openable(values: readonly unknown[]): values is readonly string[] {
  return values.length > 0 && values.every((v) => typeof v === "string");
}

/** The declarations whose view changes `kind` (type, or anything), by themselves or through what they refer to. */
function changing(decls: readonly Declaration[], byId: ReadonlyMap<string, Declaration>, types: boolean): Set<string> {
  const referrers = new Map<string, string[]>();
  for (const d of decls) for (const t of referencedIds(d.node)) referrers.set(t, [...(referrers.get(t) ?? []), d.id]);
  const changed = new Set<string>();
  const stack = decls.filter((d) => (types ? localChange(d.node) === "type" : localChange(d.node) !== "none")).map((d) => d.id);
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (changed.has(id) || !byId.has(id)) continue;
    changed.add(id);
    stack.push(...(referrers.get(id) ?? []));
  }
  return changed;
}

/** A node's response view; references go to the views of their targets. */
function relax(node: Node, view: (id: string) => string): Node {
  switch (node.kind) {
    case "ref":
      return { ...node, target: view(node.target) };
    case "enum":
      return node.keyword === "enum" && openable(node.values) ? openString(node.path, node.doc, node.values) : node;
    case "string": {
      const { minLength: _min, maxLength: _max, pattern: _pattern, ...rest } = node;
      return rest;
    }
    case "number": {
      const { minimum: _a, maximum: _b, exclusiveMinimum: _c, exclusiveMaximum: _d, multipleOf: _e, ...rest } = node;
      return rest;
    }
    case "array": {
      const { minItems: _min, maxItems: _max, ...rest } = node;
      return { ...rest, items: relax(node.items, view) };
    }
    case "object": {
      const { minProperties: _min, maxProperties: _max, ...rest } = node;
      const object: ObjectNode = {
        ...rest,
        properties: node.properties.map((p) => ({ ...p, node: relax(p.node, view) })),
        additional: typeof node.additional === "object" ? relax(node.additional, view) : node.additional,
      };
      return object;
    }
    case "union":
      return { ...node, members: node.members.map((m) => relax(m, view)) };
    case "intersection":
      return mergeOpenStrings({ ...node, members: node.members.map((m) => relax(m, view)) });
    default:
      return node;
  }
}

function openString(path: string, doc: Node["doc"], values: readonly string[]): StringNode {
  return { kind: "string", path, doc, knownValues: values };
}

/** `type: string` beside an opened enum is one open string: one type check, the known values kept. */
function mergeOpenStrings(node: Node & { kind: "intersection" }): Node {
  const strings = node.members.filter((m): m is StringNode => m.kind === "string");
  if (strings.length !== node.members.length) return node;
  const known = strings.flatMap((m) => m.knownValues ?? []);
  const first = strings[0]!;
  const { knownValues: _known, ...plain } = first;
  const merged: StringNode = known.length ? { ...plain, knownValues: [...new Set(known)] } : plain;
  return { ...merged, doc: { ...merged.doc, ...node.doc } };
}

export interface ViewRoots {
  /** Declarations operation inputs start from. */
  readonly requests: Iterable<string>;
  /** Declarations operation outputs and errors start from. */
  readonly responses: Iterable<string>;
}

export interface WithViews {
  readonly declarations: Declaration[];
  /** The declaration a response uses for a given one: its view, or itself. */
  readonly viewOf: (id: string) => string;
}

/** Adds or substitutes the response views; `strict` keeps every declaration as it is. */
export function withResponseViews(decls: readonly Declaration[], roots: ViewRoots, strict: boolean): WithViews {
  const byId = new Map(decls.map((d) => [d.id, d]));
  if (strict) return { declarations: [...decls], viewOf: (id) => id };
  const responses = reachableIds(roots.responses, byId);
  // what no operation reaches is a component in its own right: strict, like a request
  const reached = reachableIds([...roots.requests, ...roots.responses], byId);
  const requests = reachableIds([...roots.requests, ...decls.filter((d) => d.source.pointer === "" && !reached.has(d.id)).map((d) => d.id)], byId);
  const relaxed = changing(decls, byId, false);
  const retyped = changing(decls, byId, true);
  const views = new Map<string, string>();
  for (const id of responses) {
    if (!relaxed.has(id)) continue;
    views.set(id, requests.has(id) ? `${id}@response` : id);
  }
  const viewOf = (id: string): string => views.get(id) ?? id;

  const names = new NameTable([...RUNTIME_TYPE_NAMES, ...decls.map((d) => d.names.type)]);
  const out: Declaration[] = [];
  const added: Declaration[] = [];
  for (const d of decls) {
    if (!views.has(d.id)) {
      out.push(d);
      continue;
    }
    const node = relax(d.node, viewOf);
    if (!requests.has(d.id)) {
      out.push({ ...d, node, responseView: true });
      continue;
    }
    out.push(d);
    const sharesType = !retyped.has(d.id);
    const type = sharesType ? d.names.type : names.claim(`${d.names.type}Output`);
    const stem = sharesType ? names.claim(`${d.names.type}Output`) : type;
    added.push({
      ...d,
      id: viewOf(d.id),
      node,
      responseView: true,
      viewOf: d.id,
      ...(sharesType ? { sharesType: true } : {}),
      names: { type, validate: `validate${stem}`, is: `is${stem}`, assert: `assert${stem}`, check: `check${stem}`, wire: `wire${stem}` },
    });
  }
  return { declarations: [...out, ...added.sort((a, b) => compareStrings(a.id, b.id))], viewOf };
}
