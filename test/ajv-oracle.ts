/**
 * ajv as an oracle: the input schemas bundled into one document ajv can
 * follow, and a seeded stream of values (random JSON, and mutations of a
 * valid value) on which a generated `is…` and ajv must agree.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { DiagnosticSink } from "../generator/diagnostics.js";
import type { JsonValue } from "../generator/escape.js";
import { isJsonObject, loadSchemaDir, type SchemaFile } from "../generator/load.js";
import { isDiagnostic, Resolver } from "../generator/resolve.js";
import { normalizeSchema } from "../generator/normalize.js";
import { prng } from "./prng.js";

const DATA = new Set(["enum", "const", "default", "examples"]);
const MAPS = new Set(["properties", "$defs", "patternProperties"]);

export const fragment = (title: string, pointer: string): string =>
  `#/$defs/${encodeURIComponent(title.replace(/~/g, "~0").replace(/\//g, "~1"))}${pointer.split("/").map(encodeURIComponent).join("/")}`;

const RESPONSE_DROPPED = new Set(["minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "minProperties", "maxProperties"]);

/**
 * The response reading of a schema, written independently of response-view.ts on the JSON itself:
 * no lengths, patterns, bounds or counts, and an enum of strings becomes `type: string`.
 */
function relaxForResponses(value: JsonValue, isMap = false): JsonValue {
  if (Array.isArray(value)) return value.map((v: JsonValue) => relaxForResponses(v));
  if (!isJsonObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  const e = value["enum"];
  const openEnum = !isMap && Array.isArray(e) && e.length > 0 && e.every((v: JsonValue) => typeof v === "string");
  for (const [k, v] of Object.entries(value)) {
    if (!isMap && (RESPONSE_DROPPED.has(k) || (openEnum && k === "enum"))) continue;
    const next = isMap ? relaxForResponses(v) : DATA.has(k) ? v : relaxForResponses(v, MAPS.has(k));
    Object.defineProperty(out, k, { value: next, enumerable: true, writable: true, configurable: true });
  }
  if (openEnum) out["type"] = "string";
  return out;
}

export interface OracleOptions {
  /** The input is an AWS service's (cognito-idp): ajv reads the schemas as the generator repairs them (normalize.ts). */
  readonly repaired?: boolean;
}

/** Every file under `$defs` by title, each `$ref` rewritten to point into the bundle. */
async function bundle(dir: string, options: OracleOptions, id: string, relax: boolean): Promise<object> {
  const sink = new DiagnosticSink();
  const files = (await loadSchemaDir(dir, sink)).map((f) =>
    options.repaired ? { ...f, schema: normalizeSchema(f.schema, { aws: true, root: true, error: /Exception$/.test(f.title) }) as SchemaFile["schema"] } : f,
  );
  const resolver = new Resolver(files, sink);
  const rewrite = (value: JsonValue, file: SchemaFile, isMap = false): JsonValue => {
    if (Array.isArray(value)) return value.map((v: JsonValue) => rewrite(v, file));
    if (!isJsonObject(value)) return value;
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) {
      let next: JsonValue;
      if (isMap) next = rewrite(v, file);
      else if (k === "$ref" && typeof v === "string") {
        const target = resolver.resolve(v, file, "");
        if (isDiagnostic(target)) throw new Error(target.message);
        next = fragment(target.file.title, target.pointer);
      } else if (k === "$id" || k === "$schema") continue;
      else next = DATA.has(k) ? v : rewrite(v, file, MAPS.has(k));
      Object.defineProperty(out, k, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const defs: Record<string, JsonValue> = {};
  for (const file of files) defs[file.title] = relax ? relaxForResponses(rewrite(file.schema, file)) : rewrite(file.schema, file);
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: id, $defs: defs };
}

const STRINGS = ["", "a", "abc", "abc123", "-a-", "---", "a b", "😀", "😀".repeat(32), "😀".repeat(33), "a".repeat(128), "a".repeat(129), "\ud800", "SMS", "EMAIL", "leaf", "x/y", "é", "a=b+c/d"];
const NUMBERS = [0, 1, -1, 1.5, 3, 10, 12, 100, 101, 0.25, 0.3, 0.75, 1e308, -0];

function randomValue(r: () => number, keys: readonly string[], depth = 0): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  switch (Math.floor(r() * (depth > 2 ? 4 : 6))) {
    case 0:
      return pick(STRINGS);
    case 1:
      return pick(NUMBERS);
    case 2:
      return pick([true, false]);
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(r() * 3) }, () => randomValue(r, keys, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 4); i > 0; i--) Object.defineProperty(o, pick(keys), { value: randomValue(r, keys, depth + 1), enumerable: true, writable: true, configurable: true });
      return o;
    }
  }
}

function mutate(r: () => number, value: unknown, keys: readonly string[], depth = 0): unknown {
  if (depth > 3 || r() < 0.15) return randomValue(r, keys, depth);
  if (Array.isArray(value)) return value.map((v) => (r() < 0.3 ? mutate(r, v, keys, depth + 1) : v));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const roll = r();
    if (roll < 0.1) continue; // dropped
    Object.defineProperty(out, k, { value: roll < 0.4 ? mutate(r, v, keys, depth + 1) : v, enumerable: true, writable: true, configurable: true });
  }
  if (r() < 0.1) Object.defineProperty(out, keys[Math.floor(r() * keys.length)]!, { value: randomValue(r, keys, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}


/** ajv's verdict on a value, and the instance paths of its errors (allErrors). */
export type AjvJudge = (value: unknown) => { readonly valid: boolean; readonly paths: readonly string[] };

/** An ajv judge for each title of the input folder, as a request reads it or (`response`) as a response does. */
export async function ajvJudges(dir: string, options: OracleOptions = {}): Promise<(title: string, response?: boolean) => AjvJudge> {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(await bundle(dir, options, "urn:cognito-codegen:bundle", false));
  ajv.addSchema(await bundle(dir, options, "urn:cognito-codegen:responses", true));
  return (title, response = false) => {
    const validate = ajv.getSchema(`urn:cognito-codegen:${response ? "responses" : "bundle"}${fragment(title, "")}`);
    if (!validate) throw new Error(`ajv has no schema for ${title}`);
    return (value) => {
      const valid = validate(value) as boolean;
      return { valid, paths: valid ? [] : (validate.errors ?? []).map((e) => e.instancePath) };
    };
  };
}

/** An ajv validator for each title of the input folder, as a request reads it or (`response`) as a response does. */
export async function ajvOracle(dir: string, options: OracleOptions = {}): Promise<(title: string, response?: boolean) => (value: unknown) => boolean> {
  const judges = await ajvJudges(dir, options);
  return (title, response) => {
    const judge = judges(title, response);
    return (value) => judge(value).valid;
  };
}

export interface Agreement {
  /** Up to five values on which the two disagree, with ajv's verdict. */
  readonly disagreements: readonly string[];
  readonly invalid: number;
  readonly skipped: number;
  readonly compared: number;
}

/** Runs `count` seeded values through both; values that carry a `__proto__` member are not compared (ajv ignores such an entry of `properties` on purpose). */
export function agreement(oracle: (value: unknown) => boolean, is: (value: unknown) => boolean, valid: unknown, count: number, seed = 0xc0ff1e, extraKeys: readonly string[] = []): Agreement {
  const keys = [...new Set([...(JSON.stringify(valid).match(/"[^"]+"(?=:)/g)?.map((k) => JSON.parse(k) as string) ?? []), ...extraKeys, "extra", "__proto__"])];
  const r = prng(seed);
  let i = 0;
  return agreementOn(oracle, is, () => (i++ % 4 === 0 ? randomValue(r, keys) : mutate(r, valid, keys)), count);
}

/** The same comparison on values drawn from the IR by a Sampler (test/sampler.ts). */
export function agreementOn(oracle: (value: unknown) => boolean, is: (value: unknown) => boolean, draw: () => unknown, count: number): Agreement {
  const disagreements: string[] = [];
  let invalid = 0;
  let skipped = 0;
  for (let i = 0; i < count; i++) {
    const json = JSON.parse(JSON.stringify(draw()) ?? "null") as unknown;
    if (/"__proto__":/.test(JSON.stringify(json))) {
      skipped++;
      continue;
    }
    const want = oracle(json);
    if (!want) invalid++;
    if (is(json) !== want && disagreements.length < 5) disagreements.push(`${JSON.stringify(json)}: ajv says ${want}`);
  }
  return { disagreements, invalid, skipped, compared: count - skipped };
}
