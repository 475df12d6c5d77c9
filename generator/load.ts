/**
 * Stage 1: read schema files, byte for byte, into JSON with positions, and
 * tell each file's service and title.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { JsonValue } from "./escape.js";
import { DiagnosticSink, error, warning, type SourceLocation } from "./diagnostics.js";
import { TOO_DEEP_HINT } from "./depth.js";
import { JsonSyntaxError, parseJson, type Position } from "./json.js";
import { compareStrings } from "./order.js";
import { KNOWN_SERVICES } from "./services.js";

export type JsonObject = { readonly [key: string]: JsonValue };

export interface SchemaFile {
  /** Path relative to the input folder, with `/`: the file's identity, used in ids and banners. */
  readonly name: string;
  /** How messages name the file. */
  readonly display: string;
  readonly service: string;
  readonly title: string;
  readonly schema: JsonObject;
  readonly positions: ReadonlyMap<string, Position>;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The location of a pointer in a file, with line and column where the file has them. */
export function locate(file: Pick<SchemaFile, "display" | "positions">, pointer: string): SourceLocation {
  const p = file.positions.get(pointer);
  return p ? { file: file.display, pointer, line: p.line, column: p.column } : { file: file.display, pointer };
}

const SUFFIX = /(?:[-.]schema)?\.json$/;
/** Strict: bytes that are not UTF-8 are an error, not U+FFFD. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * `<service>-<kebab title>-schema.json` → service. The split is the one whose
 * right side spells the title; `null` when none does.
 */
export function serviceFromFileName(fileName: string, title: string): string | null {
  const stem = path.posix.basename(fileName).replace(SUFFIX, "");
  const want = squash(title);
  if (want === "") return null;
  for (let k = stem.indexOf("-"); k > 0; k = stem.indexOf("-", k + 1)) {
    if (squash(stem.slice(k + 1)) === want) return stem.slice(0, k);
  }
  return null;
}

/** The known services' names, longest first (so `cognito-identity-` is tried before a shorter name it starts with). */
const PREFIXES = [...KNOWN_SERVICES.keys()].sort((a, b) => b.length - a.length || compareStrings(a, b));

/** `cognito-idp-<anything>.json` → `cognito-idp`: a known service's name and a dash begin the file's name. */
export function serviceFromPrefix(fileName: string): string | null {
  const base = path.posix.basename(fileName);
  return PREFIXES.find((p) => base.startsWith(`${p}-`) && base.length > p.length + 1) ?? null;
}

export interface LoadOptions {
  /** The service of a file whose name tells none (`--service`). */
  readonly service?: string;
}

/**
 * A file's service: a known service's prefix on its name (`cognito-idp-…`);
 * else its `$id`'s file name (the same two rules); else the part of its name
 * before its kebab title (`<service>-<kebab title>-schema.json`); else the
 * `service` option; `null` when none of them says.
 */
export function serviceOf(fileName: string, title: string, id: JsonValue | undefined, options: LoadOptions = {}): string | null {
  const idName = typeof id === "string" ? id.replace(/[?#].*$/, "") : undefined;
  return (
    serviceFromPrefix(fileName) ??
    (idName !== undefined ? (serviceFromPrefix(idName) ?? serviceFromFileName(idName, title)) : null) ??
    serviceFromFileName(fileName, title) ??
    options.service ??
    null
  );
}

/** Reads one file's text. Pure apart from the sink, so tests can feed it any bytes. */
export function loadSchemaBytes(name: string, display: string, bytes: Uint8Array, sink: DiagnosticSink, options: LoadOptions = {}): SchemaFile | undefined {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    sink.add(error({ file: display }, "the file is not valid UTF-8", "save it as UTF-8"));
    return undefined;
  }
  let parsed;
  try {
    parsed = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      if (e.pointer !== undefined) {
        sink.add(error({ file: display, pointer: e.pointer, line: e.line, column: e.column }, e.message, TOO_DEEP_HINT));
        return undefined;
      }
      sink.add(error({ file: display, line: e.line, column: e.column }, `invalid JSON: ${e.message}`, "fix the JSON at that position"));
      return undefined;
    }
    throw e;
  }
  for (const w of parsed.warnings) sink.add(warning({ file: display, line: w.line, column: w.column }, w.message));
  const at = (pointer: string): SourceLocation => locate({ display, positions: parsed.positions }, pointer);
  const schema = parsed.value;
  if (!isJsonObject(schema)) {
    sink.add(error(at(""), `a schema file must hold a JSON object, not ${Array.isArray(schema) ? "an array" : typeof schema === "string" ? "a string" : String(schema === null ? "null" : typeof schema)}`));
    return undefined;
  }
  const title = schema["title"];
  if (typeof title !== "string" || title.trim() === "") {
    sink.add(error(at(schema["title"] === undefined ? "" : "/title"), "the schema has no title", "give it a \"title\": the component name that #/components/schemas/<Title> refers to"));
    return undefined;
  }
  const service = serviceOf(name, title, schema["$id"], options);
  if (service === null) {
    const known = PREFIXES.map((p) => `${p}-…`).join(", ");
    sink.add(
      error(
        at("/title"),
        `cannot tell the service of title ${JSON.stringify(title)} from the file name`,
        `begin the file's name with its service (${known}), or name it <service>-<kebab title>-schema.json, or give the service with --service (or "service" in the config)`,
      ),
    );
    return undefined;
  }
  return { name, display, service, title, schema, positions: parsed.positions };
}

/** Folders an input folder never means: dot-folders and installed packages. */
const SKIPPED_FOLDERS = new Set(["node_modules"]);
/** JSON files of a project that are never schemas (so that `--schemas .` reads only schemas). */
const SKIPPED_FILES = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|cognito-codegen\.config\.json|[jt]sconfig(?:\..*)?\.json)$/;

/** Files below `dir` whose names end in one of `extensions`, relative, with `/`; dot-entries, node_modules and a project's own JSON files (package.json, tsconfig.json, the config) are skipped. */
export function listInputFiles(dir: string, extensions: readonly string[], prefix = ""): string[] {
  const entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listInputFiles(dir, extensions, rel));
    else if (entry.isFile() && extensions.some((e) => entry.name.endsWith(e)) && !SKIPPED_FILES.test(entry.name)) out.push(rel);
  }
  return out;
}

/**
 * Reads every `.json` file below `dir`, in name order. Reads are synchronous on purpose: for hundreds of
 * small files they take a fifth of the time that as many concurrent promises do.
 */
export async function loadSchemaDir(dir: string, sink: DiagnosticSink, cwd = process.cwd()): Promise<SchemaFile[]> {
  let names: string[];
  try {
    names = listInputFiles(dir, [".json"]).sort(compareStrings);
  } catch (e) {
    sink.add(error({ file: dir }, `cannot read the schema folder: ${(e as Error).message}`, "pass an existing folder with --schemas"));
    return [];
  }
  if (names.length === 0) sink.add(error({ file: dir }, "no .json schema files in this folder", "pass the folder that holds the schemas with --schemas"));
  const files: SchemaFile[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const file = loadSchemaBytes(name, path.relative(cwd, full) || full, readFileSync(full), sink);
    if (file) files.push(file);
  }
  return files;
}
