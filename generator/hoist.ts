/**
 * Deep inline schemas become declarations of their own.
 *
 * Every artifact nests its code as deep as a declaration's inline schemas
 * nest (a type literal in a type literal, a check in a check, a wire-order
 * closure in a closure). Past a few levels that only costs: the code's
 * indentation, and each inline level's paths, grow with the depth, so the
 * output grows with its square, and the formatter recurses once per level.
 * So an inline object, array or union INLINE_DEPTH levels down is moved into a
 * declaration of its own (`<Root>Part<n>`, n in walk order) and referred to:
 * no generated code nests deeper than that, whatever the input's depth
 * (depth.ts has the input's limits).
 *
 * The moved node keeps its `path`, and the new declaration keeps the
 * original's `schemaPath` base, so validation errors name the same schema
 * locations as before. Inputs that nest less (all real ones) are unchanged.
 */
import type { Node, Property } from "./ir.js";

/** Levels of inline objects, arrays and unions one declaration keeps. */
export const INLINE_DEPTH = 8;

export interface HoistedEntry {
  /** The part's id, from its pointer. */
  readonly id: string;
  readonly title: string;
  /** The part's pointer in the original's file (its `source.pointer`). */
  readonly pointer: string;
  readonly node: Node;
}

const composite = (n: Node): boolean => n.kind === "object" || n.kind === "array" || n.kind === "union" || n.kind === "intersection";

/**
 * The declaration's node with every composite at INLINE_DEPTH replaced by a
 * reference, and the parts (which may have parts of their own, in the same
 * list). `id(pointer)` makes a part's id; `title(n)` its title, n counting the
 * parts from 1 in walk order.
 */
export function hoistDeep(root: Node, rootPointer: string, id: (pointer: string) => string, title: (n: number) => string): { node: Node; parts: HoistedEntry[] } {
  const parts: HoistedEntry[] = [];
  const deepest = maxDepth(root);
  if (deepest <= INLINE_DEPTH) return { node: root, parts };
  // a work list of (node to rebuild, its new id, its declaration) instead of a recursion over the levels
  const queue: { node: Node; pointer: string; id: string; title: string }[] = [];
  let count = 0;
  const rewrite = (node: Node): Node =>
    replaceAt(node, INLINE_DEPTH, (deep) => {
      const pointer = rootPointer + deep.path;
      const partId = id(pointer);
      queue.push({ node: deep, pointer, id: partId, title: title(++count) });
      return { kind: "ref", target: partId, path: deep.path, doc: {} };
    });
  const node = rewrite(root);
  for (let item = queue.shift(); item; item = queue.shift()) {
    parts.push({ id: item.id, title: item.title, pointer: item.pointer, node: rewrite(item.node) });
  }
  return { node, parts };
}

/** Children of a node (subschemas that stay inline). */
function children(node: Node): Node[] {
  switch (node.kind) {
    case "object":
      return [...node.properties.map((p) => p.node), ...(typeof node.additional === "object" ? [node.additional] : [])];
    case "array":
      return [node.items];
    case "union":
    case "intersection":
      return [...node.members];
    default:
      return [];
  }
}

/** The deepest composite nesting below a node (iteratively). */
function maxDepth(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const here = composite(node) ? depth + 1 : depth;
    if (here > deepest) deepest = here;
    for (const c of children(node)) stack.push([c, here]);
  }
  return deepest;
}

/**
 * A copy of `node` in which each composite at composite depth `limit` (the
 * root being at depth 1 when composite) is replaced by `replace(it)`. The
 * recursion here is bounded by `limit`: what lies deeper is handed over whole.
 */
function replaceAt(node: Node, limit: number, replace: (deep: Node) => Node, depth = 0): Node {
  const here = composite(node) ? depth + 1 : depth;
  if (composite(node) && here > limit) return replace(node);
  const sub = (n: Node): Node => replaceAt(n, limit, replace, here);
  switch (node.kind) {
    case "object":
      return {
        ...node,
        properties: node.properties.map((p): Property => ({ ...p, node: sub(p.node) })),
        additional: typeof node.additional === "object" ? sub(node.additional) : node.additional,
      };
    case "array":
      return { ...node, items: sub(node.items) };
    case "union":
    case "intersection":
      return { ...node, members: node.members.map(sub) };
    default:
      return node;
  }
}
