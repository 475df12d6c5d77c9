/**
 * Stage 3: normalization, as an ordered table of named rules.
 *
 * Each rule is a pure function from one schema object to another (no
 * mutation); `normalizeSchema` applies the table to every subschema, inner
 * ones first. Each rule's name is also its test case file under
 * test/normalizer/.
 */
import type { JsonValue } from "./escape.js";
import { htmlToText } from "./html.js";
import { isJsonObject, type JsonObject } from "./load.js";

export interface NormalizerRule {
  readonly name: string;
  /** Why the rule exists. */
  readonly why: string;
  apply(schema: JsonObject): JsonObject;
}

/** Keywords that only document; they never change what is valid. */
export const ANNOTATIONS = new Set(["title", "description", "$comment", "deprecated", "default", "examples", "readOnly", "writeOnly"]);

const SUBSCHEMA = new Set(["items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties"]);
const SUBSCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SUBSCHEMA_MAP = new Set(["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]);

function without(schema: JsonObject, key: string): JsonObject {
  const { [key]: _dropped, ...rest } = schema;
  return rest;
}

export const RULES: readonly NormalizerRule[] = [
  {
    name: "html-description",
    why: "AWS descriptions are HTML fragments; doc comments want plain text with light Markdown. It runs before ref-with-doc-override so that no text is converted twice.",
    apply(schema) {
      const d = schema["description"];
      if (typeof d !== "string") return schema;
      const text = htmlToText(d);
      return text === d ? schema : { ...schema, description: text };
    },
  },
  {
    name: "ref-with-doc-override",
    why: "The corpus wraps every property as allOf: [{$ref}, {description}]: a reference plus a documentation override, never an intersection. Read literally it becomes `T & {…}` and the documentation is lost.",
    apply(schema) {
      const all = schema["allOf"];
      if (!Array.isArray(all) || all.length < 2) return schema;
      const members = all as readonly JsonValue[];
      const refs = members.filter((m) => isJsonObject(m) && Object.keys(m).length === 1 && typeof m["$ref"] === "string");
      const docs = members.filter((m) => isJsonObject(m) && !("$ref" in m) && Object.keys(m).every((k) => ANNOTATIONS.has(k)));
      if (refs.length !== 1 || refs.length + docs.length !== members.length) return schema;
      if (typeof schema["$ref"] === "string") return schema;
      const merged: Record<string, JsonValue> = {};
      for (const doc of docs) Object.assign(merged, doc as JsonObject);
      // the outer schema's own annotations win over the wrapped ones
      return { ...merged, ...without(schema, "allOf"), $ref: (refs[0] as JsonObject)["$ref"]! };
    },
  },
  {
    name: "single-type-array",
    why: "`type: [\"string\"]` means `type: \"string\"`; one form is simpler for every later stage.",
    apply(schema) {
      const t = schema["type"];
      return Array.isArray(t) && t.length === 1 ? { ...schema, type: t[0]! } : schema;
    },
  },
  {
    name: "empty-description",
    why: "A description that is empty (or only white space) documents nothing.",
    apply(schema) {
      const d = schema["description"];
      return typeof d === "string" && d.trim() === "" ? without(schema, "description") : schema;
    },
  },
];

function normalizeChildren(schema: JsonObject, rules: readonly NormalizerRule[]): JsonObject {
  let changed = false;
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(schema)) {
    let next: JsonValue = value;
    if (SUBSCHEMA.has(key)) next = normalizeSchema(value, rules);
    else if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) next = value.map((v: JsonValue) => normalizeSchema(v, rules));
    else if (SUBSCHEMA_MAP.has(key) && isJsonObject(value)) {
      const map: Record<string, JsonValue> = {};
      for (const [name, sub] of Object.entries(value)) Object.defineProperty(map, name, { value: normalizeSchema(sub, rules), enumerable: true, writable: true, configurable: true });
      next = map;
    }
    if (next !== value) changed = true;
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : schema;
}

/** Applies the rules to a schema and all its subschemas, inner ones first. Returns new objects; the input is not touched. */
export function normalizeSchema(schema: JsonValue, rules: readonly NormalizerRule[] = RULES): JsonValue {
  if (!isJsonObject(schema)) return schema;
  let s = normalizeChildren(schema, rules);
  for (const rule of rules) s = rule.apply(s);
  return s;
}
