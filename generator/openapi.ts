/**
 * Reads an AWS-style OpenAPI 3 document: the table of operations (one
 * `/#X-Amz-Target=<Prefix>.<Op>` path each, with the components its request,
 * response and errors name) and every `components.schemas` entry as a
 * SchemaFile, so the resolver sees the document as it sees a folder of
 * one-component schema files, and messages still name the YAML's
 * line:column.
 */
import path from "node:path";
import type { JsonValue } from "./escape.js";
import { closest, error, warning, type DiagnosticSink, type SourceLocation } from "./diagnostics.js";
import type { ServiceProtocol } from "./ir.js";
import { pointerJoin, pointerSegment, type Position } from "./json.js";
import { isJsonObject, locate, type JsonObject, type SchemaFile } from "./load.js";
import { compareStrings } from "./order.js";
import { parseYaml } from "./yaml.js";

export interface OpenApiOperation {
  /** operationId, else the part of the target after the last "." */
  readonly name: string;
  /** The X-Amz-Target value, e.g. "AWSCognitoIdentityProviderService.ResendConfirmationCode". */
  readonly target: string;
  /** Component key (title) of the request body schema; undefined when the operation has no body schema. */
  readonly input?: string;
  /** Component key of the 2xx response's schema; undefined when there is none. */
  readonly output?: string;
  /** Component keys of the error responses (non-2xx), in document order, without duplicates. */
  readonly errors: readonly string[];
  /** The operation's description, raw (HTML), if any. */
  readonly description?: string;
  /** Where the path item is (file, pointer like /paths/~1#X-Amz-Target=…, line:column). */
  readonly location: SourceLocation;
}

export interface OpenApiDocument {
  /** Path relative to the input folder, with "/" (as SchemaFile.name). */
  readonly name: string;
  readonly display: string;
  /** info.x-serviceName; else the host label of the first https server url before ".{region}"; else the file name stem without "-openapi"/".openapi". */
  readonly service: string;
  /** Present when every operation path is an X-Amz-Target one: targetPrefix (the common part before "." — if operations disagree, an error), endpointPrefix (host label from servers; else the service id), contentType "application/x-amz-json-1.1". */
  readonly protocol?: ServiceProtocol;
  /** Sorted by name. */
  readonly operations: readonly OpenApiOperation[];
  /** One SchemaFile per components.schemas entry: name `${docName}#/components/schemas/${key}` (key pointer-escaped), display = the document's display, service as above, title = the key, schema = the component's JSON value, positions = pointer → Position re-based so that "" is the component itself. */
  readonly components: readonly SchemaFile[];
}

/** A top-level `openapi` key: unindented in YAML, or anywhere in a text that starts as a JSON object. */
const OPENAPI_KEY_YAML = /^(?:openapi|"openapi"|'openapi')[ \t]*:/m;
const OPENAPI_KEY_JSON = /^\uFEFF?\s*\{[^]*?"openapi"\s*:/;

/** True when the text looks like an OpenAPI document (a top-level `openapi:` key), cheap check without a full parse. */
export function looksLikeOpenApi(text: string): boolean {
  return OPENAPI_KEY_YAML.test(text) || OPENAPI_KEY_JSON.test(text);
}

/** Strict: bytes that are not UTF-8 are an error, not U+FFFD. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });
const SCHEMAS = "/components/schemas";
const SCHEMA_REF = "#/components/schemas/";
/** The AWS JSON protocol's operation path; the target's prefix is everything before its last ".". */
const TARGET_PATH = /^\/#X-Amz-Target=((.+)\.([^.]+))$/;
/** `https://<label>.{region}.…`: the label is both the endpoint prefix and, failing info.x-serviceName, the service. */
const REGIONAL_URL = /^https:\/\/([^./{}]+)\.\{region\}\./;
const HTTP_METHODS = ["get", "put", "delete", "options", "head", "patch", "trace"] as const;
const JSON_1_1 = "application/x-amz-json-1.1";
/** A key that JavaScript enumerates before the others, in numeric order (an array index). */
const INTEGER_KEY = /^(?:0|[1-9][0-9]{0,9})$/;

/** The document's JSON with positions, and how messages name places in it. */
interface Source {
  readonly name: string;
  readonly display: string;
  readonly positions: ReadonlyMap<string, Position>;
  readonly sink: DiagnosticSink;
}

const at = (src: Source, pointer: string): SourceLocation => locate(src, pointer);

/** Parses bytes (UTF-8, strict: invalid UTF-8 is an error) as a YAML (or JSON, which is YAML) OpenAPI 3 document. Reports problems to the sink with file:line:column and JSON pointer; returns undefined on a fatal error. */
export function loadOpenApiBytes(name: string, display: string, bytes: Uint8Array, sink: DiagnosticSink): OpenApiDocument | undefined {
  const parsed = parseBytes(display, bytes, sink);
  if (parsed === undefined) return undefined;
  const src: Source = { name, display, positions: parsed.positions, sink };
  const root = checkRoot(src, parsed.value);
  if (root === undefined) return undefined;
  const components = memberObject(src, root["components"], "/components", "components");
  const schemas = components === undefined ? undefined : memberObject(src, components["schemas"], SCHEMAS, "components.schemas");
  const paths = memberObject(src, root["paths"], "/paths", "paths");
  if (schemas === undefined || paths === undefined) return undefined;
  const service = serviceOf(name, root);
  const read = readPaths(src, paths, new Set(Object.keys(schemas)));
  const protocol = read.allTargets ? protocolOf(src, read.operations, root, service) : undefined;
  const doc = { name, display, service, operations: read.operations.sort((a, b) => compareStrings(a.name, b.name)), components: componentFiles(src, schemas, service) };
  return protocol === undefined ? doc : { ...doc, protocol };
}

function parseBytes(display: string, bytes: Uint8Array, sink: DiagnosticSink): { value: JsonValue; positions: ReadonlyMap<string, Position> } | undefined {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    sink.add(error({ file: display }, "the file is not valid UTF-8", "save it as UTF-8"));
    return undefined;
  }
  const { value, positions, problems } = parseYaml(text);
  for (const p of problems) {
    const location: SourceLocation = p.pointer === undefined ? { file: display, line: p.line, column: p.column } : { file: display, pointer: p.pointer, line: p.line, column: p.column };
    sink.add(p.severity === "error" ? error(location, p.message, p.hint) : warning(location, p.message, p.hint));
  }
  return value === undefined ? undefined : { value, positions };
}

/** The top level: an object with an OpenAPI 3 version. */
function checkRoot(src: Source, value: JsonValue): JsonObject | undefined {
  if (!isJsonObject(value)) {
    src.sink.add(error(at(src, ""), `an OpenAPI document must be an object at the top level, not ${kindOf(value)}`));
    return undefined;
  }
  const version = value["openapi"];
  if (version === undefined) {
    src.sink.add(error(at(src, ""), "the document has no `openapi` key: it is not an OpenAPI 3 document", 'start it with openapi: "3.0.0" (a Swagger 2 document must be converted first)'));
    return undefined;
  }
  if (typeof version === "number" && version >= 3 && version < 4) {
    // `openapi: 3.1` unquoted is a YAML number; the intent is plain
    src.sink.add(warning(at(src, "/openapi"), `openapi is the number ${version}; read as OpenAPI ${version}`, 'quote it: openapi: "3.1.0"'));
    return value;
  }
  if (typeof version !== "string" || !/^3\.\d+/.test(version)) {
    src.sink.add(error(at(src, "/openapi"), `openapi is ${JSON.stringify(version)}; only OpenAPI 3 documents are read`, 'write the version as a string, e.g. openapi: "3.0.0"'));
    return undefined;
  }
  return value;
}

/** An optional member that must be an object when present; undefined (after an error) when it is something else. */
function memberObject(src: Source, value: JsonValue | undefined, pointer: string, label: string): JsonObject | undefined {
  if (value === undefined) return {};
  if (isJsonObject(value)) return value;
  src.sink.add(error(at(src, pointer), `${label} must be an object, not ${kindOf(value)}`));
  return undefined;
}

function kindOf(value: JsonValue | undefined): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** info.x-serviceName; else the regional server's host label; else the file name. */
function serviceOf(name: string, root: JsonObject): string {
  const info = root["info"];
  const declared = isJsonObject(info) ? info["x-serviceName"] : undefined;
  if (typeof declared === "string" && declared.trim() !== "") return declared;
  return hostLabel(root) ?? serviceFromFileName(name);
}

/** `cognito-idp-openapi.yaml` → `cognito-idp`; a bare `openapi.yaml` is named by its folder. */
function serviceFromFileName(name: string): string {
  const stem = path.posix.basename(name).replace(/\.(?:ya?ml|json)$/i, "");
  const service = stem.replace(/[-.]openapi$/i, "");
  if (service !== "" && service.toLowerCase() !== "openapi") return service;
  return path.posix.basename(path.posix.dirname(name)) || stem;
}

/** The host label of the first https server url of the form https://<label>.{region}.… */
function hostLabel(root: JsonObject): string | undefined {
  const servers = root["servers"];
  if (!Array.isArray(servers)) return undefined;
  for (const server of servers as readonly JsonValue[]) {
    const url = isJsonObject(server) ? server["url"] : undefined;
    const match = typeof url === "string" ? REGIONAL_URL.exec(url) : null;
    if (match) return match[1];
  }
  return undefined;
}

interface ReadPaths {
  readonly operations: OpenApiOperation[];
  /** False when a path was skipped: then the document is not (only) an AWS JSON service. */
  readonly allTargets: boolean;
}

function readPaths(src: Source, paths: JsonObject, keys: ReadonlySet<string>): ReadPaths {
  const operations: OpenApiOperation[] = [];
  const names = new Map<string, string>();
  let allTargets = true;
  for (const [key, item] of Object.entries(paths)) {
    const pointer = pointerJoin("/paths", key);
    const match = TARGET_PATH.exec(key);
    if (!match) {
      src.sink.add(warning(at(src, pointer), "not an AWS JSON operation path; skipped", "operations are read from paths of the form /#X-Amz-Target=<Prefix>.<Operation>"));
      allTargets = false;
      continue;
    }
    const op = readOperation(src, pointer, item, { target: match[1]!, operation: match[3]! }, keys);
    if (op === undefined) continue;
    const first = names.get(op.name);
    if (first !== undefined) {
      src.sink.add(error(op.location, `a second operation named ${op.name} (the first is at ${first})`, "give every operation its own operationId"));
      continue;
    }
    names.set(op.name, key);
    operations.push(op);
  }
  return { operations, allTargets };
}

function readOperation(src: Source, pointer: string, item: JsonValue, target: { target: string; operation: string }, keys: ReadonlySet<string>): OpenApiOperation | undefined {
  const location = at(src, pointer);
  const post = isJsonObject(item) ? item["post"] : undefined;
  if (!isJsonObject(item) || !isJsonObject(post)) {
    const what = isJsonObject(item) ? (post === undefined ? "has no post operation" : "has a post that is not an object") : "is not an object";
    src.sink.add(error(location, `the X-Amz-Target path ${what}`, "AWS JSON operations are POSTs: give the path a post: with its requestBody and responses"));
    return undefined;
  }
  for (const method of HTTP_METHODS) {
    if (item[method] !== undefined) src.sink.add(warning(at(src, pointerJoin(pointer, method)), `${method} on an X-Amz-Target path is ignored; only post is read`));
  }
  const postPointer = pointerJoin(pointer, "post");
  const refs = new ComponentRefs(src, keys);
  const input = refs.requestBody(post["requestBody"], pointerJoin(postPointer, "requestBody"));
  const { output, errors } = refs.responses(post["responses"], pointerJoin(postPointer, "responses"));
  const operationId = post["operationId"];
  const description = post["description"];
  return {
    name: typeof operationId === "string" && operationId !== "" ? operationId : target.operation,
    target: target.target,
    ...(input === undefined ? {} : { input }),
    ...(output === undefined ? {} : { output }),
    errors,
    ...(typeof description === "string" ? { description } : {}),
    location,
  };
}

/** Turns an operation's body and response schemas into component keys, reporting every $ref that is not one. */
class ComponentRefs {
  constructor(
    private readonly src: Source,
    private readonly keys: ReadonlySet<string>,
  ) {}

  requestBody(body: JsonValue | undefined, pointer: string): string | undefined {
    if (body === undefined || !this.notRef(body, pointer)) return undefined;
    return isJsonObject(body) ? this.content(body, pointer) : undefined;
  }

  /** The first 2xx response's schema, and the schemas of the others, in document order, once each. */
  responses(responses: JsonValue | undefined, pointer: string): { output?: string; errors: string[] } {
    const errors = new Set<string>();
    let output: string | undefined;
    if (!isJsonObject(responses)) return { errors: [] };
    for (const [status, response] of inDocumentOrder(this.src, responses, pointer)) {
      const responsePointer = pointerJoin(pointer, status);
      if (!this.notRef(response, responsePointer) || !isJsonObject(response)) continue;
      const key = this.content(response, responsePointer);
      if (key === undefined) continue;
      if (!/^2(?:\d\d|XX)$/.test(status)) errors.add(key);
      else output ??= key;
    }
    return output === undefined ? { errors: [...errors] } : { output, errors: [...errors] };
  }

  /** The component key of content["application/json"] (else the first JSON media type) .schema. */
  private content(holder: JsonObject, pointer: string): string | undefined {
    const content = holder["content"];
    if (!isJsonObject(content)) return undefined;
    const media = Object.prototype.hasOwnProperty.call(content, "application/json") ? "application/json" : Object.keys(content).find((m) => /json/i.test(m));
    const entry = media === undefined ? undefined : content[media];
    if (media === undefined || !isJsonObject(entry) || entry["schema"] === undefined) return undefined;
    return this.schemaRef(entry["schema"], pointerJoin(pointer, "content", media, "schema"));
  }

  private schemaRef(schema: JsonValue, pointer: string): string | undefined {
    const ref = isJsonObject(schema) ? schema["$ref"] : undefined;
    if (typeof ref !== "string") {
      this.src.sink.add(error(at(this.src, pointer), "an operation's schema must be a $ref to #/components/schemas/<Key>", "move the schema into components.schemas and refer to it"));
      return undefined;
    }
    const refPointer = pointerJoin(pointer, "$ref");
    const key = componentKey(ref);
    if (key === undefined) {
      this.src.sink.add(error(at(this.src, refPointer), `$ref ${JSON.stringify(ref)} ${whereRefPoints(ref)}; an operation's schema must be #/components/schemas/<Key>`, "refer to a key of components.schemas"));
      return undefined;
    }
    if (!this.keys.has(key)) {
      const near = closest(key, this.keys);
      this.src.sink.add(error(at(this.src, refPointer), `$ref ${JSON.stringify(ref)}: components.schemas has no ${JSON.stringify(key)}`, near.length > 0 ? `did you mean ${near.join(", ")}?` : "add it to components.schemas"));
      return undefined;
    }
    return key;
  }

  /** False (after an error) for a request body or response given as a $ref: those live outside components.schemas. */
  private notRef(value: JsonValue, pointer: string): boolean {
    const ref = isJsonObject(value) ? value["$ref"] : undefined;
    if (ref === undefined) return true;
    this.src.sink.add(error(at(this.src, pointerJoin(pointer, "$ref")), `$ref ${JSON.stringify(ref)}: only #/components/schemas/<Key> is read, not other components`, "write the request body or response here and $ref its schema"));
    return false;
  }
}

/**
 * Members in the order the document has them: a JS object lists integer-like
 * keys ("200", "480") first and in numeric order, whatever the source order.
 */
function inDocumentOrder(src: Source, object: JsonObject, pointer: string): [string, JsonValue][] {
  const entries = Object.entries(object);
  // members are added in document order, and only integer keys (`"200"`) are enumerated out of it
  if (!entries.some(([key]) => INTEGER_KEY.test(key))) return entries;
  const where = (key: string): Position => src.positions.get(pointerJoin(pointer, key)) ?? { line: 0, column: 0 };
  return entries
    .map((entry) => ({ entry, p: where(entry[0]) }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column)
    .map((x) => x.entry);
}

/** Why a reference is not a schema component, in a few words. */
function whereRefPoints(ref: string): string {
  if (!ref.startsWith("#")) return "points outside this document";
  const section = /^#\/components\/([^/]+)\//.exec(ref)?.[1];
  if (section !== undefined && section !== "schemas") return `points into components.${section}, not components.schemas`;
  return "does not name a schema component";
}

/** `#/components/schemas/<Key>` → Key (unescaped); undefined for any other reference. */
function componentKey(ref: string): string | undefined {
  if (!ref.startsWith(SCHEMA_REF)) return undefined;
  const segment = ref.slice(SCHEMA_REF.length);
  if (segment === "" || segment.includes("/")) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return decoded.replace(/~1/g, "/").replace(/~0/g, "~");
}

function protocolOf(src: Source, operations: readonly OpenApiOperation[], root: JsonObject, service: string): ServiceProtocol | undefined {
  const first = operations[0];
  if (first === undefined) return undefined;
  const prefixOf = (op: OpenApiOperation): string => op.target.slice(0, op.target.lastIndexOf("."));
  const targetPrefix = prefixOf(first);
  const other = operations.find((op) => prefixOf(op) !== targetPrefix);
  if (other !== undefined) {
    src.sink.add(error(other.location, `target prefix ${JSON.stringify(prefixOf(other))} differs from ${JSON.stringify(targetPrefix)} of ${first.name}`, "one service has one X-Amz-Target prefix: fix the path"));
    return undefined;
  }
  return { endpointPrefix: hostLabel(root) ?? service, targetPrefix, contentType: JSON_1_1 };
}

/** One SchemaFile per component, positions re-based so that "" is the component itself. */
function componentFiles(src: Source, schemas: JsonObject, service: string): SchemaFile[] {
  // where a folder's schema files are the service's schemas, the components are never read: their positions are split on first use
  let split: Map<string, Map<string, Position>> | undefined;
  const positionsOf = (segment: string): ReadonlyMap<string, Position> => (split ??= splitPositions(src.positions, SCHEMAS)).get(segment) ?? new Map();
  const files: SchemaFile[] = [];
  for (const [key, schema] of inDocumentOrder(src, schemas, SCHEMAS)) {
    const segment = pointerSegment(key);
    if (!isJsonObject(schema)) {
      src.sink.add(error(at(src, `${SCHEMAS}/${segment}`), `the schema component ${key} must be an object, not ${kindOf(schema)}`));
      continue;
    }
    // the key, not any `title`, is what #/components/schemas/<Key> refers to
    let positions: ReadonlyMap<string, Position> | undefined;
    files.push({
      name: `${src.name}#${SCHEMAS}/${segment}`,
      display: src.display,
      service,
      title: key,
      schema,
      get positions() {
        return (positions ??= positionsOf(segment));
      },
    });
  }
  return files;
}

/** One pass over the document's positions: those below `prefix`, by the segment after it, with pointers relative to it. */
function splitPositions(positions: ReadonlyMap<string, Position>, prefix: string): Map<string, Map<string, Position>> {
  const out = new Map<string, Map<string, Position>>();
  const start = prefix.length + 1;
  for (const [pointer, position] of positions) {
    if (!pointer.startsWith(prefix) || pointer[prefix.length] !== "/") continue;
    const end = pointer.indexOf("/", start);
    const segment = end === -1 ? pointer.slice(start) : pointer.slice(start, end);
    let group = out.get(segment);
    if (group === undefined) out.set(segment, (group = new Map()));
    group.set(end === -1 ? "" : pointer.slice(end), position);
  }
  return out;
}
