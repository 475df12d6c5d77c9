/**
 * How deep the input may nest, and the check of it.
 *
 * - A schema may nest subschemas (through properties, items, allOf, …) up to
 *   MAX_SCHEMA_DEPTH levels; deeper, the file is an error at the pointer of the
 *   first subschema past the limit (meta-check.ts, in its one walk of every
 *   subschema). Generated code nests with the schema
 *   (types, validators, wire order), and so do the compiler and the
 *   formatter that read it.
 * - A JSON text may nest arrays and objects up to MAX_JSON_DEPTH levels
 *   (json.ts): an error with line:column and pointer, before any stage sees it.
 *
 * Within the limits, an input too deep for the stack of the thread that
 * generates is generated again in a worker thread with a large stack
 * (index.ts), and prettier formats such code in such a worker (format.ts).
 */

/** Levels of subschemas one schema may nest. */
export const MAX_SCHEMA_DEPTH = 1_000;

/** `n` with a comma between groups of three digits, as `toLocaleString("en")` writes it, without loading ICU's locale data (about 12 ms of a run). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** What the error past MAX_SCHEMA_DEPTH says, and what to do. */
export const TOO_DEEP = `schemas nest deeper than ${grouped(MAX_SCHEMA_DEPTH)} levels here, the generator's limit`;
export const TOO_DEEP_HINT = "flatten the schema: move nested parts into $defs or components of their own and refer to them with $ref";
