/**
 * What json.ts is for JSON, for YAML: a plain JSON value and the position of
 * every JSON pointer in it, so a YAML document (an OpenAPI document, most
 * often) reaches the later stages like a JSON file and its messages can name
 * file:line:column.
 *
 * The `yaml` package parses, as YAML 1.2 with the core schema and its YAML 1.1
 * tags off, so `2016-04-18` stays a string and no Date or binary leaks in.
 * This module turns its nodes into JSON and refuses what JSON cannot hold:
 * Infinity and NaN, an alias to no anchor, an alias inside the node it names.
 */
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { Alias, Document, Node, Pair, Scalar, YAMLError } from "yaml";
import type { JsonValue } from "./escape.js";
import { pointerJoin, type Position } from "./json.js";
import { fastYaml } from "./yaml-fast.js";

export interface YamlProblem extends Position {
  readonly severity: "error" | "warning";
  /** Where the walk was, for problems found after parsing; the library's own have none. */
  readonly pointer?: string;
  readonly message: string;
  readonly hint?: string;
}

export interface ParsedYaml {
  /** Undefined when there is any error. */
  readonly value: JsonValue | undefined;
  /**
   * JSON pointer → position: of the key for an object member (a block value
   * starts on the next line, the key is where a reader looks), of the item
   * for an array item, of the node for the root.
   */
  readonly positions: ReadonlyMap<string, Position>;
  readonly problems: readonly YamlProblem[];
}

let library: typeof Yaml | undefined;

/** The `yaml` package, loaded on first use: a document in yaml-fast.ts's subset never needs it (loading it is about 17 ms of a run). */
function yaml(): typeof Yaml {
  return (library ??= createRequire(import.meta.url)("yaml") as typeof Yaml);
}

/** Explicit, so neither a `%YAML 1.1` directive nor a change of defaults brings back 1.1 booleans, dates or merge keys. */
const OPTIONS = {
  version: "1.2",
  schema: "core",
  resolveKnownTags: false,
  merge: false,
  stringKeys: true,
  // checked on the way to JSON instead, where the message can name the key and its pointer
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
} as const;

/** Values an alias may expand to, in all: enough for any real document, too few for a "billion laughs". */
const ALIAS_BUDGET = 100_000;

/**
 * `fast` (the default): a document in the plain block subset OpenAPI documents come in is read by
 * yaml-fast.ts, to the same value and positions; any other by the package.
 */
export function parseYaml(source: string, options: { readonly fast?: boolean } = {}): ParsedYaml {
  // offsets then count from the first real character, as columns in json.ts do
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (options.fast !== false) {
    const fast = fastYaml(text);
    if (fast !== undefined) return { value: fast.value, positions: fast.positions, problems: [] };
  }
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { ...OPTIONS, lineCounter: lines });
  const position = positionOf(lines.lineStarts);
  const problems = [...doc.errors.map((e) => libraryProblem(e, "error", position)), ...doc.warnings.map((w) => libraryProblem(w, "warning", position))];
  if (problems.some((p) => p.severity === "error")) return { value: undefined, positions: new Map(), problems };
  const builder = new JsonBuilder(position);
  const value = builder.root(doc);
  problems.push(...builder.problems);
  return { value: problems.some((p) => p.severity === "error") ? undefined : value, positions: builder.positions, problems };
}

/**
 * Offset → line:column. The walk asks in document order, so a cursor that
 * moves forward is cheaper than a binary search per value; an alias's
 * expansion goes back, and searches.
 */
function positionOf(lineStarts: readonly number[]): (offset: number) => Position {
  let line = 0;
  return (offset) => {
    if (offset < (lineStarts[line] ?? 0)) line = lastAtOrBefore(lineStarts, offset);
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

function libraryProblem(e: YAMLError, severity: YamlProblem["severity"], position: (offset: number) => Position): YamlProblem {
  return severity === "error"
    ? { ...position(e.pos[0]), severity, message: `invalid YAML: ${e.message}`, hint: "fix the YAML at that position" }
    : { ...position(e.pos[0]), severity, message: e.message };
}

/** One walk over the parsed nodes, in document order, recording a position for every pointer. */
class JsonBuilder {
  readonly positions = new Map<string, Position>();
  readonly problems: YamlProblem[] = [];
  /** Anchor → the last node that defined it, so far in document order. */
  private readonly anchors = new Map<string, Node>();
  /** Collections being built: an alias to one of them would make a cycle. */
  private readonly open = new Set<Node>();
  private expanding = 0;
  private budget = ALIAS_BUDGET;

  constructor(private readonly position: (offset: number) => Position) {}

  root(doc: Document.Parsed): JsonValue {
    const node = doc.contents;
    this.positions.set("", this.position(node?.range[0] ?? 0));
    return node === null ? null : this.value(node, "");
  }

  private value(node: Node, pointer: string): JsonValue {
    // anchors met again inside an alias's expansion are not redefinitions
    if (node.anchor !== undefined && this.expanding === 0) this.anchors.set(node.anchor, node);
    if (this.expanding > 0 && --this.budget < 0) return this.budgetSpent(node, pointer);
    if (yaml().isScalar(node)) return this.scalar(node, pointer);
    if (yaml().isAlias(node)) return this.alias(node, pointer);
    if (!yaml().isMap(node) && !yaml().isSeq(node)) return this.fail(node, pointer, "a YAML node JSON cannot hold");
    this.open.add(node);
    try {
      return yaml().isMap(node) ? this.object(node.items, pointer) : this.array(node.items, pointer);
    } finally {
      this.open.delete(node);
    }
  }

  private object(pairs: readonly Pair[], pointer: string): JsonValue {
    const out: Record<string, JsonValue> = {};
    for (const pair of pairs) {
      const key = pair.key;
      // stringKeys has the library reject any other key; this only keeps the types honest
      if (!yaml().isScalar(key) || typeof key.value !== "string") continue;
      const member = pointerJoin(pointer, key.value);
      this.positions.set(member, this.position(key.range?.[0] ?? 0));
      if (Object.prototype.hasOwnProperty.call(out, key.value)) this.fail(key, member, `duplicate key ${JSON.stringify(key.value)}`, "YAML keys must be unique: remove or rename one");
      const value = yaml().isNode(pair.value) ? this.value(pair.value, member) : null;
      // an own member even for `__proto__`, never a prototype
      Object.defineProperty(out, key.value, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private array(items: readonly unknown[], pointer: string): JsonValue {
    return items.map((item, index) => {
      const member = pointerJoin(pointer, index);
      if (!yaml().isNode(item)) {
        // the library wraps a `[key: value]` pair in a mapping; this only keeps the types honest
        this.positions.set(member, this.positions.get(pointer) ?? { line: 1, column: 1 });
        return this.fail(undefined, member, "a sequence item JSON cannot hold");
      }
      this.positions.set(member, this.position(item.range?.[0] ?? 0));
      return this.value(item, member);
    });
  }

  private scalar(node: Scalar, pointer: string): JsonValue {
    const v = node.value;
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (Number.isFinite(v)) return v;
      return this.fail(node, pointer, `${node.source ?? String(v)} is not a finite number: JSON has no Infinity or NaN`, "quote it to keep it as a string");
    }
    return this.fail(node, pointer, `a ${typeof v} value JSON cannot hold`);
  }

  private alias(node: Alias, pointer: string): JsonValue {
    const target = this.anchors.get(node.source);
    if (target === undefined) return this.fail(node, pointer, `alias *${node.source} names no anchor before it`, `define &${node.source} before the alias`);
    if (this.open.has(target)) return this.fail(node, pointer, `alias *${node.source} is inside the node it names: a cycle JSON cannot hold`);
    this.expanding++;
    try {
      return this.value(target, pointer);
    } finally {
      this.expanding--;
    }
  }

  private budgetSpent(node: Node, pointer: string): null {
    // one message, at the value that went over
    if (this.budget === -1) this.fail(node, pointer, `aliases expand to more than ${ALIAS_BUDGET} values`, "write the repeated parts out, or nest fewer aliases");
    return null;
  }

  /** An error at the node (or, without one, at the pointer's recorded position). */
  private fail(node: Node | undefined, pointer: string, message: string, hint?: string): null {
    const offset = node?.range?.[0];
    const p = offset === undefined ? (this.positions.get(pointer) ?? { line: 1, column: 1 }) : this.position(offset);
    const problem = { ...p, pointer, severity: "error" as const, message };
    this.problems.push(hint === undefined ? problem : { ...problem, hint });
    return null;
  }
}
