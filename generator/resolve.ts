/**
 * Stage 2: `$ref` → the file and pointer it names.
 *
 * `#/components/schemas/<Title>` means "the file of the same service whose
 * title is <Title>" (the files were split out of one OpenAPI document).
 * Ordinary references work too: `#`, `#/$defs/X`, `other.json#/…` (relative
 * to the referring file, never outside the input folder) and a loaded
 * file's `$id`. Nothing is fetched from the network.
 */
import path from "node:path";
import type { JsonValue } from "./escape.js";
import { closest, DiagnosticSink, error, type Diagnostic } from "./diagnostics.js";
import { isJsonObject, locate, type SchemaFile } from "./load.js";
import { pointerJoin } from "./json.js";

export interface RefTarget {
  readonly file: SchemaFile;
  /** Pointer inside the target file; "" is the whole file. */
  readonly pointer: string;
}

const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;
/** Keywords whose values are data, not subschemas: no `$ref` inside them is a reference. */
const DATA_KEYWORDS = new Set(["enum", "const", "default", "examples", "example"]);

export function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function getAtPointer(root: JsonValue, pointer: string): JsonValue | undefined {
  if (pointer === "") return root;
  let node: JsonValue | undefined = root;
  for (const raw of pointer.slice(1).split("/")) {
    const key = decodePointerSegment(raw);
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(key) ? (node as JsonValue[])[Number(key)] : undefined;
    else if (isJsonObject(node)) node = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

export class Resolver {
  private readonly byServiceTitle = new Map<string, Map<string, SchemaFile>>();
  private readonly byName = new Map<string, SchemaFile>();
  private readonly byId = new Map<string, SchemaFile>();

  constructor(readonly files: readonly SchemaFile[], sink: DiagnosticSink) {
    for (const file of files) {
      const titles = this.byServiceTitle.get(file.service) ?? new Map<string, SchemaFile>();
      this.byServiceTitle.set(file.service, titles);
      const other = titles.get(file.title);
      if (other) {
        sink.add(error(locate(file, "/title"), `title ${JSON.stringify(file.title)} of service ${file.service} is also the title of ${other.display}`, "each component needs its own title within a service"));
      } else {
        titles.set(file.title, file);
      }
      this.byName.set(file.name, file);
      const id = file.schema["$id"];
      if (typeof id === "string") this.byId.set(id.replace(/#.*$/, ""), file);
    }
  }

  /** Resolves one reference, or says why it cannot be resolved. */
  resolve(ref: string, from: SchemaFile, refPointer: string): RefTarget | Diagnostic {
    const where = locate(from, refPointer);
    const hash = ref.indexOf("#");
    const base = hash < 0 ? ref : ref.slice(0, hash);
    let fragment = hash < 0 ? "" : ref.slice(hash + 1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return error(where, `$ref ${JSON.stringify(ref)} has a malformed %-escape`);
    }

    if (base === "") {
      const component = COMPONENT.exec(`#${fragment}`);
      if (component && !this.existsIn(from, fragment)) {
        const title = decodePointerSegment(component[1]!);
        const titles = this.byServiceTitle.get(from.service) ?? new Map<string, SchemaFile>();
        const file = titles.get(title);
        if (file) return { file, pointer: "" };
        const near = closest(title, titles.keys());
        return error(
          where,
          `$ref ${JSON.stringify(ref)}: no schema of service ${from.service} has the title ${JSON.stringify(title)}`,
          `add a file ${from.service}-<kebab title>-schema.json whose "title" is ${JSON.stringify(title)}${near.length ? `, or refer to one that exists (closest: ${near.join(", ")})` : ""}`,
        );
      }
      return this.inFile(from, fragment, ref, where);
    }

    if (/^[a-z][a-z0-9+.-]*:/i.test(base)) {
      const file = this.byId.get(base);
      if (file) return this.inFile(file, fragment, ref, where);
      return error(where, `$ref ${JSON.stringify(ref)} names a document that is not among the input files (remote references are not fetched)`, "put that schema in the input folder, with this $id, or refer to it by a relative path");
    }

    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from.name), base));
    if (joined.startsWith("../") || joined === ".." || path.posix.isAbsolute(joined)) {
      return error(where, `$ref ${JSON.stringify(ref)} points outside the input folder`, "keep every referenced schema inside the input folder");
    }
    const file = this.byName.get(joined);
    if (!file) {
      const near = closest(joined, this.byName.keys());
      return error(where, `$ref ${JSON.stringify(ref)}: no input file ${joined}`, near.length ? `closest files: ${near.join(", ")}` : undefined);
    }
    return this.inFile(file, fragment, ref, where);
  }

  private existsIn(file: SchemaFile, fragment: string): boolean {
    return getAtPointer(file.schema, fragment) !== undefined;
  }

  private inFile(file: SchemaFile, fragment: string, ref: string, where: ReturnType<typeof locate>): RefTarget | Diagnostic {
    if (fragment !== "" && !fragment.startsWith("/")) {
      return error(where, `$ref ${JSON.stringify(ref)}: anchors (#name) are not supported`, "refer with a JSON pointer (#/$defs/Name)");
    }
    const target = getAtPointer(file.schema, fragment);
    if (target === undefined) {
      return error(where, `$ref ${JSON.stringify(ref)}: ${file.display} has nothing at #${fragment}`);
    }
    if (typeof target !== "boolean" && !isJsonObject(target)) {
      return error(where, `$ref ${JSON.stringify(ref)}: the value at #${fragment} in ${file.display} is not a schema`);
    }
    return { file, pointer: fragment };
  }
}

export function isDiagnostic(x: RefTarget | Diagnostic): x is Diagnostic {
  return "severity" in x;
}

/** Keywords whose value maps names to subschemas. */
const MAP_KEYWORDS = new Set(["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]);

/**
 * Every keyword of every subschema, in document order, with the pointer of
 * the schema it belongs to; the values of data keywords (enum, const, …)
 * are not entered, and the names in name maps (properties, $defs, …) are
 * not taken for keywords.
 */
export function* keywordsOf(value: JsonValue, pointer = "", isNameMap = false): Generator<{ key: string; value: JsonValue; schema: string }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* keywordsOf(value[i] as JsonValue, pointerJoin(pointer, i));
  } else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const at = pointerJoin(pointer, key);
      if (isNameMap) {
        yield* keywordsOf(child, at);
        continue;
      }
      yield { key, value: child, schema: pointer };
      if (!DATA_KEYWORDS.has(key)) yield* keywordsOf(child, at, MAP_KEYWORDS.has(key));
    }
  }
}

/** Every `$ref` of a file with the pointer of its `$ref` member, in document order. */
export function* refsOf(value: JsonValue): Generator<{ ref: JsonValue; pointer: string }> {
  for (const k of keywordsOf(value)) if (k.key === "$ref") yield { ref: k.value, pointer: pointerJoin(k.schema, "$ref") };
}

/** Checks every reference of every file; all failures are reported, not just the first. */
export function checkReferences(resolver: Resolver, sink: DiagnosticSink): void {
  for (const file of resolver.files) {
    for (const k of keywordsOf(file.schema)) {
      if (k.key !== "$id" || k.schema === "") continue;
      sink.add(error(locate(file, pointerJoin(k.schema, "$id")), "a $id inside a schema changes the base of the references below it, which is not supported", "give that subschema a file of its own, or remove its $id"));
    }
    for (const { ref, pointer } of refsOf(file.schema)) {
      if (typeof ref !== "string") {
        sink.add(error(locate(file, pointer), "$ref must be a string"));
        continue;
      }
      const result = resolver.resolve(ref, file, pointer);
      if (isDiagnostic(result)) sink.add(result);
    }
  }
}
