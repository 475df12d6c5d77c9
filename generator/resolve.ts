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
import { compareStrings } from "./order.js";

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

/** The base URI of a file with no `$id`: its place in the input folder, under a scheme no reference can reach otherwise. */
const INPUT_BASE = "file:///__input__/";

const stripFragment = (uri: string): string => uri.replace(/#.*$/, "");

/** A schema resource a `$id` below a file's root starts: its absolute URI and where it is. */
interface Resource {
  readonly uri: string;
  readonly file: SchemaFile;
  readonly pointer: string;
}

export class Resolver {
  private readonly byServiceTitle = new Map<string, Map<string, SchemaFile>>();
  private readonly byName = new Map<string, SchemaFile>();
  private readonly byId = new Map<string, SchemaFile>();
  /** Resources of `$id`s below the files' roots, by absolute URI (no fragment). */
  private readonly resources = new Map<string, Resource>();
  /** Per file, its embedded resources, deepest last: the base of a reference is the deepest that holds it. */
  private readonly embedded = new Map<SchemaFile, Resource[]>();

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
      this.registerEmbedded(file, sink);
    }
  }

  /** The file's own base URI: its `$id` (made absolute against its place), or its place in the input folder. */
  private rootBase(file: SchemaFile): string {
    const place = INPUT_BASE + file.name.split("/").map(encodeURIComponent).join("/");
    const id = file.schema["$id"];
    try {
      return typeof id === "string" ? stripFragment(new URL(id, place).href) : place;
    } catch {
      return place;
    }
  }

  /** `$id`s below a file's root start resources of their own; each is resolved against the resource around it. */
  private registerEmbedded(file: SchemaFile, sink: DiagnosticSink): void {
    const ids = [...keywordsOf(file.schema)].filter((k) => k.key === "$id" && k.schema !== "" && typeof k.value === "string");
    // outer ones first, so that each $id is resolved against the one around it
    ids.sort((a, b) => a.schema.split("/").length - b.schema.split("/").length);
    const list: Resource[] = [];
    for (const k of ids) {
      const around = this.enclosingIn(list, k.schema);
      try {
        const uri = stripFragment(new URL(k.value as string, around?.uri ?? this.rootBase(file)).href);
        const resource = { uri, file, pointer: k.schema };
        list.push(resource);
        this.resources.set(uri, resource);
      } catch {
        sink.add(error(locate(file, pointerJoin(k.schema, "$id")), `$id ${JSON.stringify(k.value)} is not a URI reference`));
      }
    }
    if (list.length > 0) this.embedded.set(file, list);
  }

  /** The deepest resource of a list that holds a pointer. */
  private enclosingIn(list: readonly Resource[], pointer: string): Resource | undefined {
    let found: Resource | undefined;
    for (const r of list) if ((pointer === r.pointer || pointer.startsWith(r.pointer + "/")) && (!found || r.pointer.length > found.pointer.length)) found = r;
    return found;
  }

  /** A resource by absolute URI: an embedded one, or a file by its `$id`. */
  private byUri(uri: string): { file: SchemaFile; pointer: string } | undefined {
    const embedded = this.resources.get(uri);
    if (embedded) return embedded;
    const file = this.byId.get(uri);
    return file ? { file, pointer: "" } : undefined;
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

    // inside a resource a `$id` below the root starts, references are resolved against that `$id`
    const around = this.enclosingIn(this.embedded.get(from) ?? [], refPointer);
    if (around !== undefined || this.resources.size > 0) {
      if (base === "" && around !== undefined) {
        if (fragment !== "" && !fragment.startsWith("/")) return this.inFile(from, fragment, ref, where);
        return this.inFile(from, around.pointer + fragment, ref, where);
      }
      if (base !== "") {
        let uri: string | undefined;
        try {
          uri = stripFragment(new URL(base, around?.uri ?? this.rootBase(from)).href);
        } catch {
          uri = undefined;
        }
        const target = uri === undefined ? undefined : this.byUri(uri);
        if (target) {
          if (fragment !== "" && !fragment.startsWith("/")) return this.inFile(target.file, fragment, ref, where);
          return this.inFile(target.file, target.pointer + fragment, ref, where);
        }
        if (around !== undefined && uri !== undefined && !uri.startsWith(INPUT_BASE)) {
          return error(where, `$ref ${JSON.stringify(ref)} names ${uri}, which is not among the input files (remote references are not fetched)`, "put that schema in the input folder, with this $id");
        }
      }
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
 * not taken for keywords. An explicit stack, not recursion: any depth.
 */
export function* keywordsOf(root: JsonValue): Generator<{ key: string; value: JsonValue; schema: string }> {
  // a value to enter, or a keyword to yield before its value is entered; pushed in reverse for document order
  type Task = { readonly value: JsonValue; readonly pointer: string; readonly isNameMap: boolean; readonly key?: string; readonly schema?: string };
  const stack: Task[] = [{ value: root, pointer: "", isNameMap: false }];
  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    const { value, pointer } = task;
    if (task.key !== undefined) {
      yield { key: task.key, value, schema: task.schema! };
      if (!DATA_KEYWORDS.has(task.key)) stack.push({ value, pointer, isNameMap: MAP_KEYWORDS.has(task.key) });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as JsonValue, pointer: pointerJoin(pointer, i), isNameMap: false });
    } else if (isJsonObject(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const at = pointerJoin(pointer, key);
        stack.push(task.isNameMap ? { value: value[key]!, pointer: at, isNameMap: false } : { value: value[key]!, pointer: at, isNameMap: false, key, schema: pointer });
      }
    }
  }
}

/** Every `$ref` of a file with the pointer of its `$ref` member, in document order. */
export function* refsOf(value: JsonValue): Generator<{ ref: JsonValue; pointer: string }> {
  for (const k of keywordsOf(value)) if (k.key === "$ref") yield { ref: k.value, pointer: pointerJoin(k.schema, "$ref") };
}

const refKey = (file: SchemaFile, pointer: string): string => `${file.name}#${pointer}`;

/**
 * Checks every reference of every file; all failures are reported, not just the first. Then a cycle
 * of references alone (see checkAliasCycles) is an error at the `$ref` that closes it.
 */
export function checkReferences(resolver: Resolver, sink: DiagnosticSink): void {
  const targets = new Map<string, RefTarget>();
  for (const file of resolver.files) {
    for (const { ref, pointer } of refsOf(file.schema)) {
      if (typeof ref !== "string") {
        sink.add(error(locate(file, pointer), "$ref must be a string"));
        continue;
      }
      const result = resolver.resolve(ref, file, pointer);
      if (isDiagnostic(result)) sink.add(result);
      else targets.set(refKey(file, pointer), result);
    }
  }
  checkAliasCycles(resolver.files, targets, sink);
}

/** Applicators whose subschemas apply to the schema's own value, as its `$ref` does. */
const IN_PLACE_ONE = ["not", "if", "then", "else"] as const;
const IN_PLACE_LIST = ["allOf", "anyOf", "oneOf"] as const;

/** The `$ref` members that apply to the value of the schema at `pointer` itself: its own and its in-place applicators' (not those below a property or an item). */
function inPlaceRefs(file: SchemaFile, pointer: string): string[] {
  const out: string[] = [];
  const root = getAtPointer(file.schema, pointer);
  const stack: { value: JsonValue | undefined; pointer: string }[] = [{ value: root, pointer }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const schema = item.value;
    if (!isJsonObject(schema)) continue;
    if (schema["$ref"] !== undefined) out.push(pointerJoin(item.pointer, "$ref"));
    for (const key of IN_PLACE_ONE) if (schema[key] !== undefined) stack.push({ value: schema[key], pointer: pointerJoin(item.pointer, key) });
    for (const key of IN_PLACE_LIST) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((m, i) => stack.push({ value: m, pointer: pointerJoin(item.pointer, key, i) }));
    }
    const dependent = schema["dependentSchemas"];
    if (isJsonObject(dependent)) for (const name of Object.keys(dependent)) stack.push({ value: dependent[name], pointer: pointerJoin(item.pointer, "dependentSchemas", name) });
  }
  return out;
}

/** A chain of names for a message: a long one keeps its two ends. */
function chainText(chain: readonly string[]): string {
  const keep = 5;
  if (chain.length <= 2 * keep + 1) return chain.join(" → ");
  return [...chain.slice(0, keep), `… (${chain.length - 2 * keep} more) …`, ...chain.slice(-keep)].join(" → ");
}

/**
 * A cycle of references with no property or array item in between (A is B, B is A; or A is anyOf
 * [A, …]) describes no value: checking one against it never ends. Each is an error at the `$ref`
 * member that closes it, in that file, naming the chain. A cycle through a property or an item is a
 * recursive type and stays legal. Depth-first over an explicit stack, from every file's root, then
 * from every reference's target (a cycle among `$defs` nobody uses counts too).
 */
export function checkAliasCycles(files: readonly SchemaFile[], targets: ReadonlyMap<string, RefTarget>, sink: DiagnosticSink): void {
  interface Frame {
    readonly id: string;
    readonly file: SchemaFile;
    readonly pointer: string;
    readonly refs: readonly string[];
    next: number;
  }
  const state = new Map<string, "open" | "done">();
  const name = (file: SchemaFile, pointer: string): string => (pointer === "" ? file.title : `${file.title}#${pointer}`);
  const frame = (file: SchemaFile, pointer: string): Frame => {
    const id = refKey(file, pointer);
    state.set(id, "open");
    return { id, file, pointer, refs: inPlaceRefs(file, pointer), next: 0 };
  };
  // every file's root, then the other targets, file by file, in document order
  const order = new Map(files.map((file, i) => [file, i]));
  const inner = new Map<string, RefTarget>();
  for (const t of targets.values()) if (t.pointer !== "") inner.set(refKey(t.file, t.pointer), t);
  const place = (t: RefTarget): number => {
    const p = t.file.positions.get(t.pointer);
    return p === undefined ? Number.MAX_SAFE_INTEGER : p.line * 1e6 + p.column;
  };
  const starts: RefTarget[] = [
    ...files.map((file) => ({ file, pointer: "" })),
    ...[...inner.values()].sort((x, y) => order.get(x.file)! - order.get(y.file)! || place(x) - place(y) || compareStrings(x.pointer, y.pointer)),
  ];
  for (const start of starts) {
    if (state.has(refKey(start.file, start.pointer))) continue;
    const stack: Frame[] = [frame(start.file, start.pointer)];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next === top.refs.length) {
        state.set(top.id, "done");
        stack.pop();
        continue;
      }
      const refPointer = top.refs[top.next++]!;
      const target = targets.get(refKey(top.file, refPointer));
      if (target === undefined) continue;
      const id = refKey(target.file, target.pointer);
      const seen = state.get(id);
      if (seen === undefined) stack.push(frame(target.file, target.pointer));
      else if (seen === "open") {
        const chain = stack.slice(stack.findIndex((f) => f.id === id)).map((f) => name(f.file, f.pointer));
        chain.push(name(target.file, target.pointer));
        sink.add(
          error(
            locate(top.file, refPointer),
            `the references ${chainText(chain)} form a cycle with no property or array item in between, closed by this $ref: no value can be checked against it (the check would never end)`,
            "break the cycle, or make it go through a property or an array item",
          ),
        );
      }
    }
  }
}
