/**
 * The draft 2020-12 meta-schema rules that matter, on every loaded schema,
 * before anything else reads it: every subschema, wherever a keyword applies
 * one (properties, items, prefixItems, allOf/anyOf/oneOf, not, if/then/else,
 * $defs, additionalProperties, patternProperties, propertyNames, contains,
 * dependentSchemas, unevaluated*), whether or not the generator goes on to use
 * it. A keyword value of the wrong kind is an error at its pointer; a schema
 * that is well formed but that no value can pass (an empty enum, a minimum
 * above the maximum, a required member a closed object does not allow) is a
 * warning at the keyword that makes it so.
 *
 * One pass per file over an explicit stack (no recursion, no copies), so a
 * file nested thousands of levels deep is an error at the pointer where it
 * goes past MAX_SCHEMA_DEPTH, not a stack overflow.
 *
 * Keywords the generator does not support are reported by the IR builder;
 * `$ref` and `$id` values by the resolver. Neither is repeated here.
 */
import type { JsonValue } from "./escape.js";
import { closest, DiagnosticSink, error, warning } from "./diagnostics.js";
import { pointerJoin } from "./json.js";
import { isJsonObject, locate, type JsonObject, type SchemaFile } from "./load.js";
import type { AppliedOverride } from "./overrides.js";
import { MAX_SCHEMA_DEPTH, TOO_DEEP, TOO_DEEP_HINT } from "./depth.js";

export { MAX_SCHEMA_DEPTH } from "./depth.js";

const TYPE_NAMES = new Set(["string", "number", "integer", "boolean", "null", "array", "object"]);
const TYPE_LIST = [...TYPE_NAMES].join(", ");

/** Keywords whose value is one subschema. `items` is one too, but an array there gets its own message. */
const SUBSCHEMA = new Set(["additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties"]);
/** Keywords whose value is a non-empty array of subschemas. */
const SUBSCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
/** Keywords whose value maps names to subschemas. */
const SUBSCHEMA_MAP = new Set(["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]);
/** Applicators whose subschemas apply to the same value (a member one of them declares counts as declared). */
const IN_PLACE = new Set(["allOf", "anyOf", "oneOf", "if", "then", "else", "dependentSchemas"]);
const NON_NEGATIVE = new Set(["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"]);
const NUMBERS = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]);
const STRINGS = new Set(["title", "description", "$comment", "format", "$schema", "$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "contentMediaType", "contentEncoding"]);
const BOOLEANS = new Set(["deprecated", "readOnly", "writeOnly", "uniqueItems"]);

/** How a message names a JSON value's kind. */
function kindOf(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (isJsonObject(value)) return "an object";
  if (typeof value === "string") return `a string (${JSON.stringify(value)})`;
  return `${typeof value === "number" ? "a number" : "a boolean"} (${String(value)})`;
}

function compiles(pattern: string): string | undefined {
  try {
    new RegExp(pattern, "u");
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const PATTERN_HINT = "fix the pattern; JSON Schema patterns are ECMA-262 regular expressions";

interface Frame {
  readonly value: JsonValue;
  readonly pointer: string;
  readonly depth: number;
  /** A subschema of an in-place applicator (allOf, anyOf, …): its object's members may be declared around it. */
  readonly inPlace: boolean;
}

/** Checks one file; every finding goes to the sink. */
export function checkSchemaFile(file: SchemaFile, sink: DiagnosticSink): void {
  const at = (pointer: string) => locate(file, pointer);
  const stack: Frame[] = [{ value: file.schema, pointer: "", depth: 0, inPlace: false }];
  let tooDeep = false;
  // children of one schema, in document order; pushed in reverse so that they are checked (and reported) in document order
  const children: Frame[] = [];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value: schema, pointer, depth } = frame;
    if (typeof schema === "boolean") continue;
    if (!isJsonObject(schema)) {
      sink.add(error(at(pointer), `a schema must be an object or a boolean, not ${kindOf(schema)}`, "write the schema as an object ({} accepts any value), or true or false"));
      continue;
    }
    if (depth > MAX_SCHEMA_DEPTH) {
      if (!tooDeep) {
        sink.add(
          error(at(pointer), TOO_DEEP, TOO_DEEP_HINT),
        );
        tooDeep = true;
      }
      continue;
    }
    const child = (value: JsonValue, childPointer: string, inPlace: boolean): void => {
      children.push({ value, pointer: childPointer, depth: depth + 1, inPlace });
    };
    for (const key of Object.keys(schema)) {
      const value = schema[key]!;
      const keyPointer = pointerJoin(pointer, key);
      if (SUBSCHEMA.has(key)) child(value, keyPointer, IN_PLACE.has(key));
      else if (key === "items") {
        if (Array.isArray(value)) sink.add(error(at(keyPointer), "items must be a schema, not an array (draft 2020-12)", "for a list of one kind, write items: {…}; for a tuple, write prefixItems: [{…}, …]"));
        else child(value, keyPointer, false);
      } else if (SUBSCHEMA_LIST.has(key)) {
        if (!Array.isArray(value) || value.length === 0) {
          sink.add(error(at(keyPointer), `${key} must be a non-empty array of schemas`, Array.isArray(value) ? `remove the empty ${key}` : `write ${key}: [{…}, …]`));
        } else for (let i = 0; i < value.length; i++) child(value[i]!, pointerJoin(keyPointer, i), IN_PLACE.has(key));
      } else if (SUBSCHEMA_MAP.has(key)) {
        if (!isJsonObject(value)) {
          sink.add(error(at(keyPointer), `${key} must be an object mapping names to schemas, not ${kindOf(value)}`, `write ${key}: { "<name>": {…} }`));
          continue;
        }
        for (const name of Object.keys(value)) {
          const namePointer = pointerJoin(keyPointer, name);
          if (key === "patternProperties") {
            const why = compiles(name);
            if (why !== undefined) sink.add(error(at(namePointer), `patternProperties name ${JSON.stringify(name)} is not a valid ECMAScript regular expression with the u flag: ${why}`, PATTERN_HINT));
          }
          child(value[name]!, namePointer, IN_PLACE.has(key));
        }
      } else if (key === "required") checkRequired(value, keyPointer, file, sink);
      else if (key === "type") checkType(value, keyPointer, file, sink);
      else if (NON_NEGATIVE.has(key)) {
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) sink.add(error(at(keyPointer), `${key} must be a non-negative integer, not ${kindOf(value)}`, "write a whole number, 0 or more"));
      } else if (NUMBERS.has(key)) {
        if (typeof value !== "number") sink.add(error(at(keyPointer), `${key} must be a number, not ${kindOf(value)}`, "write a JSON number (no quotes)"));
        else if (key === "multipleOf" && value <= 0) sink.add(error(at(keyPointer), `multipleOf must be greater than 0, not ${value}`, "write a positive number"));
      } else if (key === "pattern") {
        if (typeof value !== "string") sink.add(error(at(keyPointer), `pattern must be a string, not ${kindOf(value)}`, "write the regular expression as a JSON string"));
        else {
          const why = compiles(value);
          if (why !== undefined) sink.add(error(at(keyPointer), `pattern ${JSON.stringify(value)} is not a valid ECMAScript regular expression with the u flag: ${why}`, PATTERN_HINT));
        }
      } else if (key === "enum" || key === "examples") {
        if (!Array.isArray(value)) sink.add(error(at(keyPointer), `${key} must be an array, not ${kindOf(value)}`, key === "enum" ? "list the allowed values: enum: [\"A\", \"B\"]" : "list the examples: examples: […]"));
        else if (key === "enum" && value.length === 0) sink.add(warning(at(keyPointer), "enum is empty, so no value passes", "list the allowed values, or remove enum"));
      } else if (STRINGS.has(key)) {
        if (typeof value !== "string") sink.add(error(at(keyPointer), `${key} must be a string, not ${kindOf(value)}`));
      } else if (BOOLEANS.has(key)) {
        if (typeof value !== "boolean") sink.add(error(at(keyPointer), `${key} must be true or false, not ${kindOf(value)}`));
      } else if (key === "dependentRequired") checkDependentRequired(value, keyPointer, file, sink);
    }
    checkSatisfiable(schema, pointer, frame.inPlace, file, sink);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    children.length = 0;
  }
}

/**
 * Checks every file (see checkSchemaFile). A finding at or below the place a schema override
 * changed says so in its hint, since the file alone does not show the value.
 */
export function checkSchemas(files: readonly SchemaFile[], sink: DiagnosticSink, overrides: readonly AppliedOverride[] = []): void {
  for (const file of files) {
    const mine = overrides.filter((o) => o.service === file.service && o.title === file.title);
    if (mine.length === 0) {
      checkSchemaFile(file, sink);
      continue;
    }
    const local = new DiagnosticSink();
    checkSchemaFile(file, local);
    for (const d of local.items) {
      const at = d.location.pointer;
      const o = at === undefined ? undefined : mine.find((o) => at === o.pointer || (o.pointer !== "" && at.startsWith(`${o.pointer}/`)));
      const note = o && `the value comes from the override ${o.origin} (${o.change})`;
      sink.add(note === undefined ? d : { ...d, hint: d.hint === undefined ? note : `${d.hint}; ${note}` });
    }
  }
}

function checkRequired(value: JsonValue, pointer: string, file: SchemaFile, sink: DiagnosticSink): void {
  if (!Array.isArray(value)) {
    sink.add(error(locate(file, pointer), `required must be an array of strings, not ${kindOf(value)}`, 'list the member names: required: ["Name"]'));
    return;
  }
  const first = new Map<string, number>();
  for (let i = 0; i < value.length; i++) {
    const name = value[i]!;
    const itemPointer = pointerJoin(pointer, i);
    if (typeof name !== "string") {
      sink.add(error(locate(file, itemPointer), `required must be an array of strings; this item is ${kindOf(name)}`, "write the member's name as a JSON string"));
      continue;
    }
    const before = first.get(name);
    if (before !== undefined) {
      sink.add(error(locate(file, itemPointer), `required lists ${JSON.stringify(name)} twice (first at #${pointerJoin(pointer, before)})`, "remove the repeated name: draft 2020-12 requires the names in required to be unique"));
    } else first.set(name, i);
  }
}

function checkType(value: JsonValue, pointer: string, file: SchemaFile, sink: DiagnosticSink): void {
  const hint = `use one of ${TYPE_LIST}`;
  if (typeof value === "string") {
    if (!TYPE_NAMES.has(value)) sink.add(error(locate(file, pointer), `unknown type ${JSON.stringify(value)}`, hint));
    return;
  }
  if (!Array.isArray(value)) {
    sink.add(error(locate(file, pointer), `type must be a type name or an array of them, not ${kindOf(value)}`, hint));
    return;
  }
  if (value.length === 0) sink.add(error(locate(file, pointer), "type must not be an empty array (no value would pass)", `name at least one type (${TYPE_LIST}), or remove type`));
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const t = value[i]!;
    const itemPointer = pointerJoin(pointer, i);
    if (typeof t !== "string" || !TYPE_NAMES.has(t)) sink.add(error(locate(file, itemPointer), `unknown type ${JSON.stringify(t)}`, hint));
    else if (seen.has(t)) sink.add(error(locate(file, itemPointer), `type lists ${JSON.stringify(t)} twice`, "remove the repeated name: draft 2020-12 requires the types to be unique"));
    else seen.add(t);
  }
}

function checkDependentRequired(value: JsonValue, pointer: string, file: SchemaFile, sink: DiagnosticSink): void {
  if (!isJsonObject(value)) {
    sink.add(error(locate(file, pointer), `dependentRequired must be an object mapping names to arrays of names, not ${kindOf(value)}`));
    return;
  }
  for (const name of Object.keys(value)) checkRequired(value[name]!, pointerJoin(pointer, name), file, sink);
}

/** A valid non-negative integer keyword's value, or undefined. */
function count(schema: JsonObject, key: string): number | undefined {
  const v = schema[key];
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function numberOf(schema: JsonObject, key: string): number | undefined {
  const v = schema[key];
  return typeof v === "number" ? v : undefined;
}

/**
 * Warnings for a well-formed schema that no value of a type it allows can pass, at the keyword that makes it so;
 * and for a required member an object that lists its members does not list.
 */
function checkSatisfiable(schema: JsonObject, pointer: string, inPlace: boolean, file: SchemaFile, sink: DiagnosticSink): void {
  const warn: Warn = (keys, message, hint) => sink.add(warning(locate(file, pointerJoin(pointer, ...keys)), message, hint));
  const type = schema["type"];
  const allows = (...names: string[]): boolean => type === undefined || (typeof type === "string" ? names.includes(type) : Array.isArray(type) && type.some((t) => typeof t === "string" && names.includes(t)));

  const range = (minKey: string, maxKey: string, what: string): void => {
    const min = count(schema, minKey);
    const max = count(schema, maxKey);
    if (min !== undefined && max !== undefined && min > max) warn([minKey], `${minKey} ${min} is greater than ${maxKey} ${max}, so no ${what} passes`, `lower ${minKey} or raise ${maxKey}`);
  };
  if (allows("string")) range("minLength", "maxLength", "string");
  if (allows("array")) {
    range("minItems", "maxItems", "array");
    if (schema["contains"] !== undefined) range("minContains", "maxContains", "array");
  }
  if (allows("number", "integer")) checkBounds(schema, warn, !allows("number"));
  if (allows("object")) checkObject(schema, warn, inPlace);
}

/** A warning at the keyword (or array item) below the schema that `keys` name. */
type Warn = (keys: readonly (string | number)[], message: string, hint: string) => void;

/** `integers`: the schema allows integers but no other numbers. */
function checkBounds(schema: JsonObject, warn: Warn, integers: boolean): void {
  // the stricter of each pair of bounds
  const bound = (inclusive: string, exclusive: string, lower: boolean): { key: string; value: number; exclusive: boolean } | undefined => {
    const i = numberOf(schema, inclusive);
    const e = numberOf(schema, exclusive);
    if (e !== undefined && (i === undefined || (lower ? e >= i : e <= i))) return { key: exclusive, value: e, exclusive: true };
    return i === undefined ? undefined : { key: inclusive, value: i, exclusive: false };
  };
  const low = bound("minimum", "exclusiveMinimum", true);
  const high = bound("maximum", "exclusiveMaximum", false);
  if (low === undefined || high === undefined) return;
  const strict = low.exclusive || high.exclusive;
  if (strict ? low.value >= high.value : low.value > high.value) {
    warn([low.key], `${low.key} ${low.value} is ${strict ? "not less than" : "greater than"} ${high.key} ${high.value}, so no number passes`, `lower ${low.key} or raise ${high.key}`);
    return;
  }
  if (!integers) return;
  const least = low.exclusive ? Math.floor(low.value) + 1 : Math.ceil(low.value);
  const most = high.exclusive ? Math.ceil(high.value) - 1 : Math.floor(high.value);
  if (least > most) warn([low.key], `no integer lies between ${low.key} ${low.value} and ${high.key} ${high.value}, so no value of type integer passes`, `lower ${low.key} or raise ${high.key}`);
}

function checkObject(schema: JsonObject, warn: Warn, inPlace: boolean): void {
  const properties = isJsonObject(schema["properties"]) ? schema["properties"] : undefined;
  const patternProperties = isJsonObject(schema["patternProperties"]) ? schema["patternProperties"] : undefined;
  const additional = schema["additionalProperties"];
  const closed = additional === false;
  const required = Array.isArray(schema["required"]) ? schema["required"] : [];
  let patterns: RegExp[] | undefined;
  const patternsMatch = (name: string): boolean => {
    if (patternProperties === undefined) return false;
    patterns ??= Object.keys(patternProperties).flatMap((p) => (compiles(p) === undefined ? [new RegExp(p, "u")] : []));
    return patterns.some((p) => p.test(name));
  };
  const declared = (name: string): boolean => properties !== undefined && Object.prototype.hasOwnProperty.call(properties, name);
  // an in-place applicator here (or around here) may declare the member
  const declaredElsewhere = inPlace || Object.keys(schema).some((k) => IN_PLACE.has(k) || k === "$ref" || k === "$dynamicRef");

  const names = new Set<string>();
  for (let i = 0; i < required.length; i++) {
    const name = required[i];
    if (typeof name !== "string" || names.has(name)) continue;
    names.add(name);
    const key = ["required", i];
    if (declared(name)) {
      if (properties![name] === false) warn(key, `required member ${JSON.stringify(name)} has the schema false in properties, so no object passes`, `remove ${JSON.stringify(name)} from required, or give it a schema that some value passes`);
      continue;
    }
    if (patternsMatch(name)) continue;
    const near = properties === undefined ? [] : closest(name, Object.keys(properties), 1);
    const didYouMean = near.length > 0 ? ` (did you mean ${JSON.stringify(near[0])}?)` : "";
    if (closed) {
      warn(key, `required member ${JSON.stringify(name)} is not allowed here: it is not in properties and additionalProperties is false, so no object passes`, `add ${JSON.stringify(name)} to properties, or remove it from required${didYouMean}`);
    } else if (properties !== undefined && (additional === undefined || additional === true) && !declaredElsewhere) {
      warn(key, `required member ${JSON.stringify(name)} is not in properties, so any value of it passes`, `correct the name${didYouMean}, or add ${JSON.stringify(name)} to properties with its schema`);
    }
  }

  const maxProperties = count(schema, "maxProperties");
  const minProperties = count(schema, "minProperties");
  if (minProperties !== undefined && maxProperties !== undefined && minProperties > maxProperties) {
    warn(["minProperties"], `minProperties ${minProperties} is greater than maxProperties ${maxProperties}, so no object passes`, "lower minProperties or raise maxProperties");
  } else if (maxProperties !== undefined && names.size > maxProperties) {
    warn(["maxProperties"], `maxProperties ${maxProperties} is less than the ${names.size} members required, so no object passes`, "raise maxProperties, or require fewer members");
  }
  if (closed && patternProperties === undefined && minProperties !== undefined) {
    const allowed = properties === undefined ? 0 : Object.keys(properties).filter((n) => properties[n] !== false).length;
    if (minProperties > allowed) {
      warn(["minProperties"], `minProperties ${minProperties} is more than the ${allowed} member${allowed === 1 ? "" : "s"} this closed object allows (additionalProperties is false), so no object passes`, "lower minProperties, or add the members to properties");
    }
  }
}
