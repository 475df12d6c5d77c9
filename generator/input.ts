/**
 * What `--schemas` names, read: a folder of one-component JSON Schema files,
 * an OpenAPI document, or both (a document in the folder, or `openapi.yaml`
 * beside a folder named `json-schema/`, as AWS-derived corpora come). The
 * JSON-folder reader (load.ts) and the OpenAPI reader (openapi.ts) both give
 * SchemaFiles for the one resolver; a document adds its service's operation
 * table. Where a service has both, the schema files are its schemas and the
 * document gives the operations; a document alone gives both.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DiagnosticSink, error, warning, type Diagnostic } from "./diagnostics.js";
import type { ServiceDocument } from "./build-ir.js";
import { DOCUMENT_EXTENSIONS, siblingDocument } from "./input-files.js";
import { listInputFiles, loadSchemaBytes, type LoadOptions, type SchemaFile } from "./load.js";
import { loadOpenApiBytes, looksLikeOpenApi, type OpenApiDocument } from "./openapi.js";
import type { OperationSpec } from "./operations.js";
import { compareStrings } from "./order.js";
import { fileState, unchangedSince, type FileState } from "./file-state.js";

export interface Input {
  readonly files: readonly SchemaFile[];
  /** Operation tables, by service. */
  readonly documents: ReadonlyMap<string, ServiceDocument>;
}


/**
 * Files read before, by what they were read as and their bytes: what --watch
 * keeps between runs, so that an edit re-reads one file, not all of them. A
 * parsed file is never changed by the stages after this one. Beside them, by
 * path, each file's bytes and the stat they were read under (readBytes).
 */
export type InputCache = Map<string, ParsedInput | ReadBytes>;

interface ParsedInput {
  readonly bytes: Uint8Array;
  readonly value: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

interface ReadBytes {
  /** The stat the bytes were read under (file-state.ts). */
  readonly state: FileState | undefined;
  readonly bytes: Uint8Array;
  /** Whether the file's start reads like an OpenAPI document (asked once). */
  openApi?: boolean;
}

/** A file's bytes: read, or (with a cache) taken from an earlier read when its stat says it is unchanged (file-state.ts). */
function readBytes(full: string, cache: InputCache | undefined): ReadBytes {
  if (cache === undefined) return { state: undefined, bytes: readFileSync(full) };
  const key = `bytes\0${path.resolve(full)}`;
  const state = fileState(statSync(full, { bigint: true }));
  const earlier = cache.get(key);
  if (earlier !== undefined && "state" in earlier && unchangedSince(earlier.state, state)) return earlier;
  const entry: ReadBytes = { state, bytes: readFileSync(full) };
  cache.set(key, entry);
  return entry;
}

/** `read` once per kind, name, display name and bytes (compared, not hashed: equal bytes are the common case); its diagnostics are replayed on a hit. */
function memo<T>(cache: InputCache | undefined, parts: readonly string[], bytes: Uint8Array, sink: DiagnosticSink, read: (sink: DiagnosticSink) => T): T {
  if (cache === undefined) return read(sink);
  const key = parts.join("\0");
  const found = cache.get(key);
  let entry = found !== undefined && "value" in found ? found : undefined;
  if (entry === undefined || (entry.bytes !== bytes && !Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength).equals(bytes))) {
    const own = new DiagnosticSink();
    entry = { bytes, value: read(own), diagnostics: own.items };
    cache.set(key, entry);
  }
  for (const d of entry.diagnostics) sink.add(d);
  return entry.value as T;
}

function display(full: string, cwd: string): string {
  return path.relative(cwd, full) || full;
}

function operationTable(doc: OpenApiDocument, sink: DiagnosticSink): ServiceDocument {
  const operations: OperationSpec[] = [];
  for (const op of doc.operations) {
    if (op.input === undefined) {
      sink.add(warning(op.location, `operation ${op.name} names no request body schema; it gets no builder`, "give it a requestBody whose schema is a $ref to its input component"));
      continue;
    }
    operations.push({
      name: op.name,
      target: op.target,
      input: op.input,
      ...(op.output !== undefined ? { output: op.output } : {}),
      errors: op.errors,
      ...(op.description !== undefined ? { doc: op.description } : {}),
      location: op.location,
    });
  }
  return { ...(doc.protocol ? { protocol: doc.protocol } : {}), operations, display: doc.display };
}

function readDocument(name: string, full: string, cwd: string, sink: DiagnosticSink, cache: InputCache | undefined): OpenApiDocument | undefined {
  const shown = display(full, cwd);
  const { bytes } = readBytes(full, cache);
  return memo(cache, ["openapi", name, shown], bytes, sink, (s) => loadOpenApiBytes(name, shown, bytes, s));
}

/** The documents and schema files of a folder (and the document beside a `json-schema/` folder). */
function readFolder(dir: string, sink: DiagnosticSink, cwd: string, options: LoadOptions, cache: InputCache | undefined): { files: SchemaFile[]; docs: OpenApiDocument[] } {
  const files: SchemaFile[] = [];
  const docs: OpenApiDocument[] = [];
  const names = listInputFiles(dir, [".json", ...DOCUMENT_EXTENSIONS]).sort(compareStrings);
  for (const name of names) {
    const full = path.join(dir, name);
    const read = readBytes(full, cache);
    const { bytes } = read;
    if (name.endsWith(".json") && !(read.openApi ??= looksLikeOpenApi(new TextDecoder().decode(bytes.subarray(0, 4096))))) {
      const shown = display(full, cwd);
      const file = memo(cache, ["schema", name, shown, JSON.stringify(options)], bytes, sink, (s) => loadSchemaBytes(name, shown, bytes, s, options));
      if (file) files.push(file);
      continue;
    }
    if (!looksLikeOpenApi(new TextDecoder().decode(bytes))) {
      sink.add(warning({ file: display(full, cwd) }, "not an OpenAPI document (no top-level `openapi` key); skipped", "a folder of schemas holds .json schema files and OpenAPI documents"));
      continue;
    }
    const shown = display(full, cwd);
    const doc = memo(cache, ["openapi", name, shown], bytes, sink, (s) => loadOpenApiBytes(name, shown, bytes, s));
    if (doc) docs.push(doc);
  }
  const sibling = siblingDocument(dir);
  if (sibling !== undefined) {
    const doc = readDocument(`../${path.basename(sibling)}`, sibling, cwd, sink, cache);
    if (doc) docs.push(doc);
  }
  if (names.length === 0 && docs.length === 0) sink.add(error({ file: dir }, "no .json schema files or OpenAPI documents in this folder", "pass the folder that holds the schemas with --schemas"));
  return { files, docs };
}

/** Reads the input that `target` names (a folder, or an OpenAPI document). */
export function loadInput(target: string, sink: DiagnosticSink, cwd = process.cwd(), options: LoadOptions = {}, cache?: InputCache): Input {
  let isFile: boolean;
  try {
    isFile = statSync(target).isFile();
  } catch (e) {
    sink.add(error({ file: target }, `cannot read the schema folder: ${(e as Error).message}`, "pass an existing folder with --schemas (or an OpenAPI document)"));
    return { files: [], documents: new Map() };
  }
  let files: SchemaFile[] = [];
  let docs: OpenApiDocument[] = [];
  if (isFile) {
    const doc = readDocument(path.basename(target), target, cwd, sink, cache);
    if (doc) docs = [doc];
  } else {
    ({ files, docs } = readFolder(target, sink, cwd, options, cache));
  }
  const documents = new Map<string, ServiceDocument>();
  const withFiles = new Set(files.map((f) => f.service));
  for (const doc of docs) {
    if (documents.has(doc.service)) {
      sink.add(error({ file: doc.display }, `a second OpenAPI document for service ${doc.service}`, "keep one document per service"));
      continue;
    }
    documents.set(doc.service, operationTable(doc, sink));
    // a document alone: its components are the service's schemas
    if (!withFiles.has(doc.service)) files = [...files, ...doc.components];
  }
  return { files, documents };
}
