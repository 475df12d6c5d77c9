/**
 * How deep the input may nest, and the check of it.
 *
 * - A schema may nest subschemas (through properties, items, allOf, …) up to
 *   MAX_SCHEMA_DEPTH levels; deeper, the file is an error at the pointer of the
 *   first subschema past the limit. Generated code nests with the schema
 *   (types, validators, wire order), and so do the compiler and the
 *   formatter that read it.
 * - A JSON text may nest arrays and objects up to MAX_JSON_DEPTH levels
 *   (json.ts): an error with line:column and pointer, before any stage sees it.
 *
 * Within the limits, an input too deep for the stack of the thread that
 * generates is generated again in a worker thread with a large stack
 * (index.ts), and prettier formats such code in such a worker (format.ts).
 */
import type { JsonValue } from "./escape.js";
import { pointerJoin } from "./json.js";

/** Levels of subschemas one schema may nest. */
export const MAX_SCHEMA_DEPTH = 1_000;

/** What the error past MAX_SCHEMA_DEPTH says, and what to do. */
export const TOO_DEEP = `schemas nest deeper than ${MAX_SCHEMA_DEPTH.toLocaleString("en")} levels here, the generator's limit`;
export const TOO_DEEP_HINT = "flatten the schema: move nested parts into $defs or components of their own and refer to them with $ref";

/** Keywords whose value is a schema, a list of schemas, or a map of schemas. */
const ONE = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems"];
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAP = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

const isObject = (v: JsonValue | undefined): v is { readonly [k: string]: JsonValue } => typeof v === "object" && v !== null && !Array.isArray(v);

/** The pointer of the first subschema deeper than MAX_SCHEMA_DEPTH (an explicit stack: never a recursion), or undefined. */
export function tooDeep(schema: JsonValue, limit = MAX_SCHEMA_DEPTH): string | undefined {
  const stack: [JsonValue, string, number][] = [[schema, "", 0]];
  while (stack.length > 0) {
    const [node, pointer, depth] = stack.pop()!;
    if (!isObject(node)) continue;
    if (depth > limit) return pointer;
    for (const k of ONE) if (isObject(node[k])) stack.push([node[k], pointerJoin(pointer, k), depth + 1]);
    for (const k of LIST) {
      const list = node[k];
      if (Array.isArray(list)) list.forEach((s, i) => stack.push([s, pointerJoin(pointer, k, i), depth + 1]));
    }
    for (const k of MAP) {
      const map = node[k];
      if (isObject(map)) for (const [name, s] of Object.entries(map)) stack.push([s, pointerJoin(pointer, k, name), depth + 1]);
    }
  }
  return undefined;
}
