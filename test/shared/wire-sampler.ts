/**
 * Valid values drawn from the IR, for wire tests: `full` sets every member at
 * every depth, `minimal` only the required ones. Unlike test/sampler.ts (which
 * aims at a validator's edges and draws invalid values on purpose), every value
 * here must pass the generated validator; `sampleDeclaration` checks that and
 * throws with the validator's errors when it does not, since a request that
 * our own validator rejects never reaches the wire.
 *
 * Seeded per declaration and variant, so adding an operation to the corpus
 * does not change the values drawn for the others, and a failure replays.
 */
import type { JsonValue } from "../../generator/escape.js";
import type { Declaration, EnumNode, Node, NumberNode, ObjectNode, Service } from "../../generator/ir.js";
import { prng } from "../prng.js";

export type Variant = "full" | "minimal";
export const VARIANTS: readonly Variant[] = ["full", "minimal"];

/** The part of a generated `validate<Type>` function the sampler relies on. */
type Validate = (value: unknown) => { readonly ok: true } | { readonly ok: false; readonly errors: readonly { readonly instancePath: string; readonly message: string }[] };

export interface WireSamplerOptions {
  /** The generated validators module (`validate<Type>` for every declaration): every sampled value is checked with it. */
  readonly validators: Readonly<Record<string, unknown>>;
  /**
   * Insert the members of each structure in a seeded random order rather than
   * the model's: a wire test then shows that the builder, not the caller,
   * decides the order on the wire. Free-form maps are never reordered here.
   */
  readonly shuffleMembers?: boolean;
}

/** Raised where a reference leads back into itself; caught where the member or item can be left out. */
class Recursion extends Error {
  constructor(readonly target: string) {
    super(`a required member leads back to ${target}: no finite value`);
  }
}

/**
 * Characters to build strings from, tried in a seeded order: plain ASCII, and
 * ones that make serializers differ (a quote and a backslash, two-byte and
 * four-byte UTF-8, a line feed). A pattern picks the ones it admits.
 */
const FILLS = ["a", "Z", "7", '"\\', "é", "😀", "x\n", "-"];

/**
 * Fixed parts that the corpus's structured patterns need around the filler
 * (user pool ids `us-east-1_…`, `import-…` job ids, ARNs, e-mail addresses,
 * message templates with `{####}` or `{##…##}`), tried after the bare filler.
 */
const SHAPES: readonly (readonly [prefix: string, suffix: string])[] = [
  ["", ""],
  ["us-east-1_", ""],
  ["import-", ""],
  ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/", ""],
  ["a@", ""],
  ["{####}", ""],
  ["{##", "##}"],
];

/** Map keys, none of them a declared member's name in the corpus; integer-like ones show how both sides order them. */
const MAP_KEYS = ["zeta", "alpha", "custom:attr", "Key with space", "é", "10", "2"];

/** Epoch seconds between 2020 and 2030, to the millisecond (what a Date can hold). */
const EPOCH_LOW = 1_580_000_000;
const EPOCH_SPAN = 315_000_000;

function codePoints(text: string): number {
  return [...text].length;
}

/** FNV-1a over the text: a seed for each declaration and variant. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A number node flagged as a timestamp by the generator (`timestamp` on NumberNode, whatever its value), or a `date-time` string. */
export function isTimestamp(node: Node): boolean {
  if (node.kind === "string") return node.format === "date-time";
  if (node.kind === "number") return (node as NumberNode & { readonly timestamp?: unknown }).timestamp !== undefined;
  return false;
}

export class WireSampler {
  private readonly decls: ReadonlyMap<string, Declaration>;
  private readonly regexes = new Map<string, { readonly whole: RegExp; readonly search: RegExp }>();
  private r: () => number;
  /** References being sampled, innermost last: the recursion guard enters none twice on one path. */
  private readonly stack: string[] = [];

  constructor(
    service: Service,
    private readonly seed: number,
    private readonly options: WireSamplerOptions,
  ) {
    this.decls = new Map(service.declarations.map((d) => [d.id, d]));
    this.r = prng(seed);
  }

  /** A value of the declaration, checked with its generated validator. */
  sampleDeclaration(decl: Declaration, variant: Variant): JsonValue {
    this.r = prng(hash(`${decl.id}\u0000${variant}`, this.seed));
    const value = this.sample(decl.node, variant);
    const validate = this.options.validators[decl.names.validate];
    if (typeof validate !== "function") throw new Error(`the validators module has no ${decl.names.validate}`);
    const result = (validate as Validate)(value);
    if (!result.ok) {
      const errors = result.errors.map((e) => `${e.instancePath || "(value)"} ${e.message}`).join("; ");
      throw new Error(`wire-sampler drew an invalid ${decl.title} (${variant}): ${errors}\nvalue: ${JSON.stringify(value)}`);
    }
    return value;
  }

  /** Every member at every depth; lists of 1–2 items, maps of 1–2 keys (within their limits). */
  full(node: Node): JsonValue {
    return this.sample(node, "full");
  }

  /**
   * Only required members, at every depth. A list gets its minimum of items
   * and a map its minimum of keys, but at least one, so that the required
   * members of what they hold are on the wire too.
   */
  minimal(node: Node): JsonValue {
    return this.sample(node, "minimal");
  }

  sample(node: Node, variant: Variant): JsonValue {
    this.stack.length = 0;
    try {
      return this.value(node, variant);
    } catch (e) {
      if (e instanceof Recursion) throw new Error(e.message);
      throw e;
    }
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }

  private shuffled<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  private resolve(node: Node): Node {
    const seen = new Set<string>();
    let current = node;
    while (current.kind === "ref" && !seen.has(current.target)) {
      seen.add(current.target);
      current = this.decl(current.target).node;
    }
    return current;
  }

  private decl(id: string): Declaration {
    const decl = this.decls.get(id);
    if (!decl) throw new Error(`internal: no declaration ${id}`);
    return decl;
  }

  private value(node: Node, variant: Variant): JsonValue {
    switch (node.kind) {
      case "ref": {
        if (this.stack.includes(node.target)) throw new Recursion(node.target);
        this.stack.push(node.target);
        try {
          return this.value(this.decl(node.target).node, variant);
        } finally {
          this.stack.pop();
        }
      }
      case "string":
        return this.string(node.minLength, node.maxLength, node.pattern);
      case "number":
        return this.number(node);
      case "boolean":
        return this.r() < 0.5;
      case "null":
        return null;
      case "enum":
        if (node.values.length === 0) throw new Error(`empty enum at ${node.path}: no valid value`);
        return node.values[0]!;
      case "array": {
        const lo = Math.max(node.minItems ?? 0, 1);
        const hi = Math.max(lo, Math.min(node.maxItems ?? 2, 2));
        const length = variant === "full" ? this.int(lo, hi) : lo;
        try {
          return Array.from({ length }, () => this.value(node.items, variant));
        } catch (e) {
          if (e instanceof Recursion && (node.minItems ?? 0) === 0) return [];
          throw e;
        }
      }
      case "object":
        return this.object(node, variant);
      case "union": {
        const member = node.members.find((m) => m.kind !== "never");
        if (!member) throw new Error(`union without a possible member at ${node.path}`);
        return this.value(member, variant);
      }
      case "intersection":
        return this.intersection(node.members, variant, node.path);
      case "unknown":
        return "any value";
      case "never":
        throw new Error(`no value is valid at ${node.path}`);
    }
  }

  private object(node: ObjectNode, variant: Variant): JsonValue {
    const out: Record<string, JsonValue> = {};
    // a computed "__proto__" member must be an own property, not the prototype
    const put = (k: string, v: JsonValue): void => {
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    };
    const members = node.properties.filter((p) => variant === "full" || p.required);
    for (const p of this.options.shuffleMembers ? this.shuffled(members) : members) {
      try {
        put(p.name, this.value(p.node, variant));
      } catch (e) {
        if (!(e instanceof Recursion) || p.required) throw e;
      }
    }
    if (typeof node.additional === "object") {
      // a map: entries in the caller's order, which the wire keeps
      const declared = new Set(node.properties.map((p) => p.name));
      const keys = this.shuffled(MAP_KEYS.filter((k) => !declared.has(k)));
      const lo = Math.max(node.minProperties ?? 0, 1) - Object.keys(out).length;
      const room = (node.maxProperties ?? Infinity) - Object.keys(out).length;
      const wanted = variant === "full" ? this.int(Math.max(lo, 1), Math.max(lo, 2)) : Math.max(lo, 0);
      const count = Math.min(wanted, room, keys.length);
      try {
        for (const k of keys.slice(0, count)) put(k, this.value(node.additional, variant));
      } catch (e) {
        if (!(e instanceof Recursion) || (node.minProperties ?? 0) > Object.keys(out).length) throw e;
      }
    }
    return out;
  }

  /**
   * All members at once. The corpus has two kinds: enum values beside their
   * type (`type: string, enum: […]`), where an enum value that the other
   * members accept is the answer; and objects, which are merged.
   */
  private intersection(members: readonly Node[], variant: Variant, path: string): JsonValue {
    const resolved = members.map((m) => this.resolve(m));
    const enums = resolved.filter((m): m is EnumNode => m.kind === "enum");
    if (enums.length > 0) {
      const value = enums[0]!.values.find((v) => resolved.every((m) => this.accepts(m, v)));
      if (value === undefined) throw new Error(`no enum value at ${path} satisfies every member of the allOf`);
      return value;
    }
    if (resolved.every((m) => m.kind === "object")) {
      const out: Record<string, JsonValue> = {};
      for (const m of members) {
        const part = this.value(m, variant);
        if (part !== null && typeof part === "object" && !Array.isArray(part)) {
          for (const [k, v] of Object.entries(part)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    }
    const value = this.value(members[0]!, variant);
    if (!resolved.every((m) => this.accepts(m, value))) throw new Error(`cannot draw a value for the allOf at ${path}`);
    return value;
  }

  /**
   * Whether a scalar node admits the value: enough to pick an enum value for
   * an intersection. Containers say yes; the validator has the last word.
   */
  private accepts(node: Node, value: JsonValue): boolean {
    switch (node.kind) {
      case "ref":
        return this.accepts(this.resolve(node), value);
      case "string": {
        if (typeof value !== "string") return false;
        const n = codePoints(value);
        if (node.minLength !== undefined && n < node.minLength) return false;
        if (node.maxLength !== undefined && n > node.maxLength) return false;
        return node.pattern === undefined || this.regex(node.pattern).search.test(value);
      }
      case "number":
        return typeof value === "number" && (!node.integer || Number.isInteger(value)) && this.inBounds(node, value);
      case "boolean":
        return typeof value === "boolean";
      case "null":
        return value === null;
      case "enum":
        return node.values.some((v) => JSON.stringify(v) === JSON.stringify(value));
      case "never":
        return false;
      default:
        return true;
    }
  }

  private inBounds(node: NumberNode, value: number): boolean {
    return (
      (node.minimum === undefined || value >= node.minimum) &&
      (node.maximum === undefined || value <= node.maximum) &&
      (node.exclusiveMinimum === undefined || value > node.exclusiveMinimum) &&
      (node.exclusiveMaximum === undefined || value < node.exclusiveMaximum) &&
      (node.multipleOf === undefined || Number.isInteger(value / node.multipleOf))
    );
  }

  private number(node: NumberNode): number {
    if (isTimestamp(node)) {
      const seconds = (EPOCH_LOW * 1000 + Math.floor(this.r() * EPOCH_SPAN * 1000)) / 1000;
      const value = node.integer ? Math.floor(seconds) : seconds;
      if (this.inBounds(node, value)) return value;
    }
    const low = node.minimum ?? node.exclusiveMinimum;
    const high = node.maximum ?? node.exclusiveMaximum;
    const lo = low ?? (high === undefined ? 0 : high - 1000);
    const hi = high ?? lo + 1000;
    let value: number | undefined;
    if (node.integer || node.multipleOf !== undefined) {
      // multiples of the step (1 for an integer) in bounds: a random one, else the first that fits an exclusive bound
      const step = node.multipleOf ?? 1;
      const first = Math.ceil(lo / step);
      const last = Math.floor(hi / step);
      const tries = first <= last ? [this.int(first, last), first, first + 1, last - 1, last] : [];
      value = tries.map((k) => k * step).find((v) => (!node.integer || Number.isInteger(v)) && this.inBounds(node, v));
    } else {
      // a fraction strictly inside the bounds, so that exclusive ones hold too
      value = hi - lo >= 1 ? lo + this.int(0, Math.floor(hi - lo) - 1) + this.int(1, 3) / 4 : lo === hi ? lo : lo + ((hi - lo) * this.int(1, 3)) / 4;
      if (!this.inBounds(node, value)) value = undefined;
    }
    if (value === undefined) throw new Error(`wire-sampler cannot draw a number in bounds at ${node.path}`);
    return value;
  }

  private regex(pattern: string): { readonly whole: RegExp; readonly search: RegExp } {
    let re = this.regexes.get(pattern);
    if (!re) {
      re = { whole: new RegExp(`^(?:${pattern})$`, "u"), search: new RegExp(pattern, "u") };
      this.regexes.set(pattern, re);
    }
    return re;
  }

  /**
   * A string of a length within the limits (kept short: 1 to 16 characters
   * above the minimum), made of a filler and, where the pattern needs one,
   * one of the SHAPES around it. A string the whole pattern matches is
   * preferred to one that merely contains a match (JSON Schema's rule),
   * because the service anchors its patterns.
   */
  private string(minLength: number | undefined, maxLength: number | undefined, pattern: string | undefined): string {
    const lo = Math.max(minLength ?? 0, 1);
    const max = maxLength ?? Infinity;
    const length = this.int(lo, Math.min(max, lo + 16));
    const fills = this.shuffled(FILLS);
    const candidates: string[] = [];
    for (const [prefix, suffix] of SHAPES) {
      const n = Math.max(length, codePoints(prefix) + codePoints(suffix) + 1);
      if (n > max) continue;
      for (const fill of fills) {
        const body = [...fill.repeat(n)].slice(0, n - codePoints(prefix) - codePoints(suffix)).join("");
        candidates.push(prefix + body + suffix);
      }
    }
    if (pattern === undefined) return candidates[0]!;
    const re = this.regex(pattern);
    const found = candidates.find((c) => re.whole.test(c)) ?? candidates.find((c) => re.search.test(c));
    if (found === undefined) throw new Error(`wire-sampler has no string of ${lo}…${max} characters for the pattern ${pattern}: add a SHAPE`);
    return found;
  }
}
