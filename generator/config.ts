/**
 * The config file: `cognito-codegen.config.json` in the working directory (or
 * the file `--config` names), or a `"cognito-codegen"` key in its
 * package.json. Every command-line option has a key; several jobs (inputs,
 * outputs, operation lists, overrides) go in one file:
 *
 * ```json
 * { "$schema": "./node_modules/cognito-codegen/schema/cognito-codegen.config.schema.json",
 *   "jobs": [{ "name": "idp", "schemas": "cognito/idp", "out": "src/cognito", "operations": ["SignUp"] }] }
 * ```
 *
 * or one job's keys at the top level. With `jobs`, the top-level job keys are
 * defaults for every job (a job's own value wins; top-level `overrides` come
 * before a job's own). Paths are relative to the config file's folder.
 *
 * The rules are those of schema/cognito-codegen.config.schema.json (shipped
 * for editors), checked here in code: an unknown key is an error naming the
 * file, its JSON pointer and the closest valid key. Flags override the
 * config (jobsToRun).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { JsonValue } from "./escape.js";
import { closest, CodegenError, error, warning, type Diagnostic, type SourceLocation } from "./diagnostics.js";
import { JsonSyntaxError, parseJson, pointerJoin, type Position } from "./json.js";
import { isJsonObject, type JsonObject } from "./load.js";
import type { Origin } from "./origin.js";
import type { SchemaOverride } from "./overrides.js";
import { JOB_NAME } from "./write.js";

export const CONFIG_FILE = "cognito-codegen.config.json";
export const PACKAGE_KEY = "cognito-codegen";
/** Relative to the working directory (or the config file's folder). */
export const DEFAULT_SCHEMAS = "schemas";
export const DEFAULT_OUT = "output";

type Kind = "path" | "boolean" | "operations" | "name" | "service" | "overrides" | "string" | "layout" | "extension";

/** The values of the keys that are a choice. */
export const CHOICES = { layout: ["nested", "flat"], extension: ["ts", "mts"] } as const;

/** What a job says: its keys, and the command-line option of each. */
export const JOB_KEYS: Readonly<Record<string, { readonly kind: Kind; readonly flag?: string }>> = {
  name: { kind: "name" },
  schemas: { kind: "path", flag: "--schemas" },
  out: { kind: "path", flag: "--out" },
  operations: { kind: "operations", flag: "--operations" },
  strictResponses: { kind: "boolean", flag: "--strict-responses" },
  assertFormats: { kind: "boolean", flag: "--assert-formats" },
  service: { kind: "service", flag: "--service" },
  overrides: { kind: "overrides" },
  layout: { kind: "layout", flag: "--layout" },
  extension: { kind: "extension", flag: "--extension" },
};

/** What a run says (top level only): how it goes and what it prints. */
export const RUN_KEYS: Readonly<Record<string, { readonly kind: Kind; readonly flag: string }>> = {
  check: { kind: "boolean", flag: "--check" },
  watch: { kind: "boolean", flag: "--watch" },
  quiet: { kind: "boolean", flag: "--quiet" },
  verbose: { kind: "boolean", flag: "--verbose" },
  color: { kind: "boolean", flag: "--color" },
  cache: { kind: "boolean", flag: "--cache" },
};

const TOP_KEYS = ["$schema", "jobs", ...Object.keys(JOB_KEYS), ...Object.keys(RUN_KEYS)];
const OVERRIDE_KEYS = ["title", "service", "pointer", "add", "set", "remove", "optional"];
const OVERRIDE_ACTIONS = ["add", "set", "remove", "optional"] as const;

export interface ConfigJob {
  /** JSON pointer of the job in the file: `/jobs/0`, or the base for a top-level job. */
  readonly pointer: string;
  readonly name?: string;
  readonly schemas?: string;
  readonly out?: string;
  readonly operations?: readonly string[];
  /** Where `operations` is in the file. */
  readonly operationsPointer?: string;
  readonly strictResponses?: boolean;
  readonly assertFormats?: boolean;
  readonly service?: string;
  readonly overrides?: readonly SchemaOverride[];
  readonly layout?: "nested" | "flat";
  readonly extension?: "ts" | "mts";
}

export interface RunConfig {
  readonly check?: boolean;
  readonly watch?: boolean;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  readonly color?: boolean;
  readonly cache?: boolean;
}

export interface Config {
  /** The file as messages name it (relative to the working directory). */
  readonly file: string;
  /** Absolute. */
  readonly path: string;
  /** The folder paths in the file are relative to. */
  readonly dir: string;
  /** `""`, or `/cognito-codegen` in a package.json. */
  readonly base: string;
  readonly positions: ReadonlyMap<string, Position>;
  readonly jobs: readonly ConfigJob[];
  readonly run: RunConfig;
  /** Warnings about the config (a package.json key beside a config file, say). */
  readonly warnings: readonly Diagnostic[];
}

function kindOf(value: JsonValue): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : isJsonObject(value) ? "an object" : `a ${typeof value}`;
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly positions: ReadonlyMap<string, Position>,
  ) {}

  at(pointer: string): SourceLocation {
    const p = this.positions.get(pointer);
    return p ? { file: this.file, pointer, line: p.line, column: p.column } : { file: this.file, pointer };
  }

  fail(pointer: string, message: string, hint?: string): void {
    this.diagnostics.push(error(this.at(pointer), message, hint));
  }

  /** Every key of `obj` is one of `allowed`; an unknown one is an error with the closest. */
  keys(obj: JsonObject, pointer: string, allowed: readonly string[], what: string): void {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const near = closest(key, allowed, 1);
      this.fail(pointerJoin(pointer, key), `unknown key ${JSON.stringify(key)} in ${what}`, near.length > 0 ? `did you mean ${JSON.stringify(near[0])}?` : `the keys of ${what}: ${allowed.join(", ")}`);
    }
  }

  value(kind: Kind, value: JsonValue, pointer: string): boolean {
    switch (kind) {
      case "boolean":
        if (typeof value === "boolean") return true;
        this.fail(pointer, `must be true or false, not ${kindOf(value)}`);
        return false;
      case "string":
        if (typeof value === "string") return true;
        this.fail(pointer, `must be a string, not ${kindOf(value)}`);
        return false;
      case "layout":
      case "extension": {
        const allowed: readonly string[] = CHOICES[kind];
        if (typeof value === "string" && allowed.includes(value)) return true;
        this.fail(pointer, `must be ${allowed.map((c) => JSON.stringify(c)).join(" or ")}, not ${typeof value === "string" ? JSON.stringify(value) : kindOf(value)}`);
        return false;
      }
      case "path":
      case "service":
        if (typeof value === "string" && value.trim() !== "") return true;
        this.fail(pointer, typeof value === "string" ? "must not be empty" : `must be a string, not ${kindOf(value)}`, kind === "path" ? "a folder (or an OpenAPI document), relative to the config file's folder" : "a service's name, e.g. cognito-idp");
        return false;
      case "name":
        if (typeof value === "string" && JOB_NAME.test(value)) return true;
        this.fail(pointer, typeof value === "string" ? `job name ${JSON.stringify(value)} has characters other than letters, digits, - and _` : `must be a string, not ${kindOf(value)}`, "a job's name is part of its manifest's file name");
        return false;
      case "operations": {
        if (!Array.isArray(value)) {
          this.fail(pointer, `must be an array of operation names, not ${kindOf(value)}`, 'e.g. ["SignUp", "InitiateAuth"]');
          return false;
        }
        if (value.length === 0) {
          this.fail(pointer, "must name at least one operation", "leave the key out to generate every operation");
          return false;
        }
        let ok = true;
        value.forEach((v, i) => {
          if (typeof v !== "string" || v.trim() === "") {
            this.fail(pointerJoin(pointer, i), typeof v === "string" ? "an operation's name must not be empty" : `must be an operation's name, not ${kindOf(v)}`);
            ok = false;
          }
        });
        return ok;
      }
      case "overrides":
        return this.overrides(value, pointer);
    }
  }

  overrides(value: JsonValue, pointer: string): boolean {
    if (!Array.isArray(value)) {
      this.fail(pointer, `must be an array of overrides, not ${kindOf(value)}`);
      return false;
    }
    const before = this.diagnostics.length;
    value.forEach((o, i) => {
      const at = pointerJoin(pointer, i);
      if (!isJsonObject(o)) {
        this.fail(at, `an override is an object, not ${kindOf(o)}`, '{ "title": "AuthFlowType", "pointer": "/enum", "add": ["USER_AUTH"] }');
        return;
      }
      this.keys(o, at, OVERRIDE_KEYS, "an override");
      if (o["title"] === undefined) this.fail(at, 'an override needs a "title": the schema it changes');
      else if (typeof o["title"] !== "string" || o["title"] === "") this.fail(pointerJoin(at, "title"), "must be a schema's title");
      if (o["service"] !== undefined) this.value("service", o["service"], pointerJoin(at, "service"));
      if (o["pointer"] !== undefined && (typeof o["pointer"] !== "string" || (o["pointer"] !== "" && !o["pointer"].startsWith("/")))) {
        this.fail(pointerJoin(at, "pointer"), typeof o["pointer"] === "string" ? `${JSON.stringify(o["pointer"])} is not a JSON pointer` : "must be a JSON pointer (a string)", 'a JSON pointer starts with "/", e.g. "/enum"');
      }
      const actions = OVERRIDE_ACTIONS.filter((k) => o[k] !== undefined);
      if (actions.length !== 1) {
        this.fail(at, actions.length === 0 ? "the override does nothing" : `the override has ${actions.join(" and ")}; one override makes one change`, 'give it exactly one of "add", "set", "remove" or "optional"');
        return;
      }
      const action = actions[0]!;
      if (action !== "optional" && o["pointer"] === undefined) this.fail(at, `an override with "${action}" needs a "pointer"`, 'e.g. "pointer": "/enum"');
      if (action === "add" && (!Array.isArray(o["add"]) || o["add"].length === 0)) this.fail(pointerJoin(at, "add"), "must be a non-empty array of values", 'e.g. "add": ["USER_AUTH"]');
      if (action === "remove" && o["remove"] !== true) this.fail(pointerJoin(at, "remove"), "must be true", 'write "remove": true');
      if (action === "optional") {
        const names = o["optional"];
        if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === "string" && n !== "")) this.fail(pointerJoin(at, "optional"), "must be a non-empty array of member names", 'e.g. "optional": ["Password"]');
      }
    });
    return this.diagnostics.length === before;
  }
}

/** The job keys of an object, checked; `undefined` values are left out. */
function jobOf(c: Checker, obj: JsonObject, pointer: string, file: string): Omit<ConfigJob, "pointer"> {
  const job: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(JOB_KEYS)) {
    const v = obj[key];
    if (v === undefined || !c.value(spec.kind, v, pointerJoin(pointer, key))) continue;
    if (key === "overrides") {
      job[key] = (v as JsonObject[]).map((o, i) => ({ ...o, origin: { file, pointer: pointerJoin(pointer, key, i), positions: c.positions } }) as unknown as SchemaOverride);
    } else {
      job[key] = v;
    }
    if (key === "operations") job["operationsPointer"] = pointerJoin(pointer, key);
  }
  return job as Omit<ConfigJob, "pointer">;
}

/**
 * Reads a config's text. `base` is the pointer of the config object in the
 * file (`/cognito-codegen` in a package.json). Throws CodegenError with every
 * problem found.
 */
export function parseConfig(text: string, file: string, absolute: string, base = ""): Config {
  let parsed;
  try {
    parsed = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new CodegenError([error({ file, line: e.line, column: e.column }, `invalid JSON: ${e.message}`, "fix the JSON at that position")]);
    throw e;
  }
  const c = new Checker(file, parsed.positions);
  let root: JsonValue | undefined = parsed.value;
  if (base !== "") root = isJsonObject(root) ? root[base.slice(1)] : undefined;
  if (!isJsonObject(root)) {
    c.fail(base, `the config must be an object, not ${root === undefined ? "nothing" : kindOf(root)}`, `e.g. { "schemas": "cognito-schemas", "out": "src/cognito" }`);
    throw new CodegenError(c.diagnostics);
  }
  c.keys(root, base, TOP_KEYS, "the config");
  if (root["$schema"] !== undefined) c.value("string", root["$schema"], pointerJoin(base, "$schema"));
  const run: Record<string, boolean> = {};
  for (const [key, spec] of Object.entries(RUN_KEYS)) {
    const v = root[key];
    if (v !== undefined && c.value(spec.kind, v, pointerJoin(base, key))) run[key] = v as boolean;
  }
  const top = jobOf(c, root, base, file);
  const jobs: ConfigJob[] = [];
  const list = root["jobs"];
  if (list === undefined) {
    jobs.push({ ...top, pointer: base });
  } else if (!Array.isArray(list) || list.length === 0) {
    c.fail(pointerJoin(base, "jobs"), Array.isArray(list) ? "jobs must not be empty" : `jobs must be an array of jobs, not ${kindOf(list)}`, 'e.g. "jobs": [{ "name": "idp", "schemas": "cognito/idp", "out": "src/cognito" }]');
  } else {
    if (root["name"] !== undefined) c.fail(pointerJoin(base, "name"), "a name at the top level, beside jobs", "name each job in its own object");
    const names = new Map<string, number>();
    list.forEach((entry, i) => {
      const at = pointerJoin(base, "jobs", i);
      if (!isJsonObject(entry)) {
        c.fail(at, `a job is an object, not ${kindOf(entry)}`);
        return;
      }
      c.keys(entry, at, Object.keys(JOB_KEYS), "a job");
      const own = jobOf(c, entry, at, file);
      const { overrides: topOverrides, ...defaults } = top;
      const overrides = [...(topOverrides ?? []), ...(own.overrides ?? [])];
      jobs.push({ ...defaults, ...own, ...(overrides.length > 0 ? { overrides } : {}), pointer: at });
      if (own.name === undefined && list.length > 1) c.fail(at, "with several jobs, each job needs a name", 'add "name": it picks the job (--job) and names its manifest');
      if (own.name !== undefined) {
        const other = names.get(own.name);
        if (other !== undefined) c.fail(pointerJoin(at, "name"), `job name ${JSON.stringify(own.name)} is also the name of #${pointerJoin(base, "jobs", other)}`, "give each job its own name");
        else names.set(own.name, i);
      }
    });
  }
  if (c.diagnostics.length > 0) throw new CodegenError(c.diagnostics);
  return { file, path: absolute, dir: path.dirname(absolute), base, positions: parsed.positions, jobs, run, warnings: [] };
}

function display(full: string, cwd: string): string {
  return path.relative(cwd, full) || full;
}

/**
 * The config of a run: the file `explicit` names (relative to `cwd`), else
 * `cognito-codegen.config.json` in `cwd`, else the `"cognito-codegen"` key of
 * `cwd`'s package.json; `undefined` when there is none.
 */
export function loadConfig(cwd: string, explicit?: string): Config | undefined {
  if (explicit !== undefined) {
    const full = path.resolve(cwd, explicit);
    let text: string;
    try {
      text = readFileSync(full, "utf8");
    } catch (e) {
      throw new CodegenError([error({ file: explicit }, `cannot read the config file: ${(e as Error).message}`, "pass an existing file with --config")]);
    }
    return path.basename(full) === "package.json" ? parseConfig(text, display(full, cwd), full, `/${PACKAGE_KEY}`) : parseConfig(text, display(full, cwd), full);
  }
  const file = path.join(cwd, CONFIG_FILE);
  const pkg = path.join(cwd, "package.json");
  const pkgText = existsSync(pkg) ? readFileSync(pkg, "utf8") : undefined;
  let pkgHasKey = false;
  if (pkgText !== undefined) {
    try {
      const value = JSON.parse(pkgText) as unknown;
      pkgHasKey = isJsonObject(value as JsonValue) && (value as JsonObject)[PACKAGE_KEY] !== undefined;
    } catch {
      // not ours to judge, unless it holds our key
    }
  }
  if (existsSync(file)) {
    const config = parseConfig(readFileSync(file, "utf8"), display(file, cwd), file);
    if (!pkgHasKey) return config;
    return { ...config, warnings: [warning({ file: display(pkg, cwd), pointer: `/${PACKAGE_KEY}` }, `ignored: ${CONFIG_FILE} is the config`, `keep the config in one place`)] };
  }
  if (pkgHasKey) return parseConfig(pkgText!, display(pkg, cwd), pkg, `/${PACKAGE_KEY}`);
  return undefined;
}

/** Options given on the command line; each one, when given, wins over the config for every job. */
export interface Flags {
  readonly schemas?: string;
  readonly out?: string;
  readonly operations?: readonly string[];
  readonly strictResponses?: boolean;
  readonly assertFormats?: boolean;
  readonly service?: string;
  readonly layout?: "nested" | "flat";
  readonly extension?: "ts" | "mts";
  /** Only the config's job of this name. */
  readonly job?: string;
}

/** One job to run: where it reads and writes, and its options for generate(). */
export interface Job {
  /** The manifest's key: undefined for a run with no job name. */
  readonly name?: string;
  /** Resolved against the working directory (flags) or the config's folder (config). */
  readonly schemas: string;
  readonly out: string;
  readonly operations?: readonly string[];
  readonly operationsOrigin?: Origin;
  readonly strictResponses: boolean;
  readonly assertFormats?: boolean;
  readonly service?: string;
  readonly overrides?: readonly SchemaOverride[];
  readonly layout?: "nested" | "flat";
  readonly extension?: "ts" | "mts";
  /** `cognito-codegen.config.json#/jobs/0`, for messages; undefined without a config. */
  readonly origin?: string;
}

/** The jobs of a run: the config's (or the one `--job` picks), with the flags over them; without a config, one job of flags. */
export function jobsToRun(config: Config | undefined, flags: Flags, cwd: string): Job[] {
  const fromFlags = (key: "schemas" | "out") => (flags[key] !== undefined ? path.resolve(cwd, flags[key]) : undefined);
  if (config === undefined) {
    if (flags.job !== undefined) throw new CodegenError([error({ file: "--job" }, `there is no config file to pick job ${JSON.stringify(flags.job)} from`, `write ${CONFIG_FILE} (or pass --config)`)]);
    return [
      {
        schemas: fromFlags("schemas") ?? path.resolve(cwd, DEFAULT_SCHEMAS),
        out: fromFlags("out") ?? path.resolve(cwd, DEFAULT_OUT),
        ...(flags.operations !== undefined ? { operations: flags.operations } : {}),
        strictResponses: flags.strictResponses === true,
        ...(flags.assertFormats === true ? { assertFormats: true } : {}),
        ...(flags.service !== undefined ? { service: flags.service } : {}),
        ...(flags.layout !== undefined ? { layout: flags.layout } : {}),
        ...(flags.extension !== undefined ? { extension: flags.extension } : {}),
      },
    ];
  }
  let jobs = config.jobs;
  if (flags.job !== undefined) {
    jobs = jobs.filter((j) => j.name === flags.job);
    if (jobs.length === 0) {
      const names = config.jobs.flatMap((j) => (j.name !== undefined ? [j.name] : []));
      const near = closest(flags.job, names);
      throw new CodegenError([error({ file: "--job" }, `${config.file} has no job ${JSON.stringify(flags.job)}`, near.length > 0 ? `did you mean ${near.join(", ")}?` : names.length > 0 ? `its jobs: ${names.join(", ")}` : "its job has no name")]);
    }
  }
  return jobs.map((j) => {
    const operations = flags.operations ?? j.operations;
    const service = flags.service ?? j.service;
    const layout = flags.layout ?? j.layout;
    const extension = flags.extension ?? j.extension;
    return {
      ...(j.name !== undefined ? { name: j.name } : {}),
      schemas: fromFlags("schemas") ?? path.resolve(config.dir, j.schemas ?? DEFAULT_SCHEMAS),
      out: fromFlags("out") ?? path.resolve(config.dir, j.out ?? DEFAULT_OUT),
      ...(operations !== undefined ? { operations } : {}),
      ...(flags.operations === undefined && j.operationsPointer !== undefined ? { operationsOrigin: { file: config.file, pointer: j.operationsPointer, positions: config.positions } } : {}),
      strictResponses: flags.strictResponses ?? j.strictResponses ?? false,
      ...((flags.assertFormats ?? j.assertFormats) === true ? { assertFormats: true } : {}),
      ...(service !== undefined ? { service } : {}),
      ...(j.overrides !== undefined ? { overrides: j.overrides } : {}),
      ...(layout !== undefined ? { layout } : {}),
      ...(extension !== undefined ? { extension } : {}),
      origin: `${config.file}#${j.pointer}`,
    };
  });
}
