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

/** What a rule may know beyond the schema itself. */
export interface RuleContext {
  /**
   * The service speaks an AWS wire protocol: its schemas were split out of an
   * AWS model, and the corpus repairs (rules marked `repair`) apply.
   */
  readonly aws: boolean;
  /** This schema is a declaration's root (not a subschema of one). */
  readonly root: boolean;
  /** The root is an error shape: named `…Exception`, or listed as an error by the service's OpenAPI document. */
  readonly error: boolean;
}

export const DEFAULT_CONTEXT: RuleContext = { aws: false, root: true, error: false };

export interface NormalizerRule {
  readonly name: string;
  /** Why the rule exists. */
  readonly why: string;
  /** A repair of the input where it says less or other than the service does: reported once in the run's summary. */
  readonly repair?: boolean;
  apply(schema: JsonObject, context: RuleContext): JsonObject;
}

/** Keywords that only document; they never change what is valid. */
export const ANNOTATIONS = new Set(["title", "description", "$comment", "deprecated", "default", "examples", "readOnly", "writeOnly"]);

/** Keywords that identify a schema without constraining it. */
const IDENTIFIERS = new Set(["$schema", "$id", "$comment"]);

/** YAML 1.1 reads these bare words as booleans; the first one a description names is the word restored, else OFF/ON. */
const YAML_FALSE = ["OFF", "NO", "FALSE", "N", "Off", "No", "False", "off", "no", "false", "n"];
const YAML_TRUE = ["ON", "YES", "TRUE", "Y", "On", "Yes", "True", "on", "yes", "true", "y"];

function yamlWord(value: boolean, description: JsonValue | undefined): string {
  const words = value ? YAML_TRUE : YAML_FALSE;
  const text = typeof description === "string" ? description : "";
  return words.find((w) => new RegExp(`(?<![\\w-])${w}(?![\\w-])`).test(text)) ?? words[0]!;
}

/** The doc line every epoch-seconds timestamp carries. */
export const EPOCH_SECONDS_DOC = "On the wire: seconds since 1970-01-01T00:00:00Z, a JSON number that may be fractional (the AWS JSON protocol's timestamp format).";

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
    name: "yaml-boolean-enum",
    why: "The corpus went through YAML 1.1, which reads the bare enum values OFF and ON as false and true: `type: string, enum: [false, true, \"OPTIONAL\"]` admits only \"OPTIONAL\", so nobody could turn MFA off. The service's values are the words (a description naming another YAML 1.1 boolean word, NO or YES say, picks that one).",
    repair: true,
    apply(schema, context) {
      const values = schema["enum"];
      if (!context.aws || schema["type"] !== "string" || !Array.isArray(values) || !values.some((v: JsonValue) => typeof v === "boolean")) return schema;
      const restored = values.map((v: JsonValue) => (typeof v === "boolean" ? yamlWord(v, schema["description"]) : v));
      return { ...schema, enum: [...new Set(restored)] };
    },
  },
  {
    name: "epoch-seconds-timestamp",
    why: "AWS JSON protocols put a timestamp on the wire as epoch seconds (a JSON number, often fractional: 1.700000000123E9), whatever the schema's `format: date-time` says; a string type would reject every real response.",
    repair: true,
    apply(schema, context) {
      if (!context.aws || schema["format"] !== "date-time" || (schema["type"] !== "string" && schema["type"] !== undefined)) return schema;
      const { format: _format, minLength: _min, maxLength: _max, pattern: _pattern, description, ...rest } = schema;
      const doc = typeof description === "string" && description.trim() !== "" ? `${description}\n\n${EPOCH_SECONDS_DOC}` : EPOCH_SECONDS_DOC;
      return { ...rest, type: "number", "x-timestamp": "epoch-seconds", description: doc };
    },
  },
  {
    name: "empty-exception",
    why: "The corpus gives error shapes no keywords (`{}`: any value). AWS errors are objects with an optional `message` (and `__type`, or more members): typed this way, a caught error has a `message` to read.",
    repair: true,
    apply(schema, context) {
      if (!context.aws || !context.root || !context.error) return schema;
      if (Object.keys(schema).some((k) => !ANNOTATIONS.has(k) && !IDENTIFIERS.has(k))) return schema;
      return { ...schema, type: "object", properties: { message: { type: "string", description: "What went wrong, in the service's words." } } };
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

/** Called with a repair rule's name each time it changes a schema. */
export type RepairListener = (rule: string) => void;

interface Pass {
  readonly rules: readonly NormalizerRule[];
  readonly context: RuleContext;
  readonly onRepair: RepairListener | undefined;
}

function normalizeChildren(schema: JsonObject, pass: Pass): JsonObject {
  let changed = false;
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(schema)) {
    let next: JsonValue = value;
    if (SUBSCHEMA.has(key)) next = normalizeValue(value, pass);
    else if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) next = value.map((v: JsonValue) => normalizeValue(v, pass));
    else if (SUBSCHEMA_MAP.has(key) && isJsonObject(value)) {
      const map: Record<string, JsonValue> = {};
      for (const [name, sub] of Object.entries(value)) Object.defineProperty(map, name, { value: normalizeValue(sub, pass), enumerable: true, writable: true, configurable: true });
      next = map;
    }
    if (next !== value) changed = true;
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : schema;
}

function normalizeValue(schema: JsonValue, pass: Pass): JsonValue {
  if (!isJsonObject(schema)) return schema;
  const inner: Pass = pass.context.root ? { ...pass, context: { ...pass.context, root: false } } : pass;
  let s = normalizeChildren(schema, inner);
  for (const rule of pass.rules) {
    const next = rule.apply(s, pass.context);
    if (next !== s && rule.repair) pass.onRepair?.(rule.name);
    s = next;
  }
  return s;
}

/**
 * Applies the rules to a schema (a declaration's root) and all its subschemas,
 * inner ones first. Returns new objects; the input is not touched.
 */
export function normalizeSchema(schema: JsonValue, context: RuleContext = DEFAULT_CONTEXT, onRepair?: RepairListener, rules: readonly NormalizerRule[] = RULES): JsonValue {
  return normalizeValue(schema, { rules, context: { ...context, root: true }, onRepair });
}
