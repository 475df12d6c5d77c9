/**
 * Values drawn from the IR, near the edges a validator can get wrong:
 * lengths and bounds at and beside their limits, enum members and near
 * misses, required members present and missing, other members, wrong types.
 * Seeded, so that a failing value can be replayed.
 */
import type { JsonValue } from "../generator/escape.js";
import type { Declaration, Node, Service } from "../generator/ir.js";

const ALPHABET = ["a", "Z", "1", "_", "-", "+", "=", "/", ".", " ", "é", "😀", "\u0000", ":"];
const ANY: readonly JsonValue[] = ["", "a", 0, 1.5, -1, true, false, null, [], {}, ["a"], { a: 1 }];

export class Sampler {
  private readonly decls: ReadonlyMap<string, Declaration>;
  private readonly patterns = new Map<string, RegExp>();

  constructor(
    service: Service,
    private readonly r: () => number,
  ) {
    this.decls = new Map(service.declarations.map((d) => [d.id, d]));
  }

  private chance(p: number): boolean {
    return this.r() < p;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }

  /** A value for the node; now and then one of another type. */
  sample(node: Node, depth = 0): unknown {
    if (this.chance(0.04)) return this.pick(ANY);
    switch (node.kind) {
      case "ref":
        return this.sample(this.decls.get(node.target)!.node, depth + 1);
      case "string":
        return this.string(node.minLength ?? 0, node.maxLength, node.pattern);
      case "number": {
        const edges = [node.minimum, node.maximum, node.exclusiveMinimum, node.exclusiveMaximum].filter((x): x is number => x !== undefined);
        const base = edges.length ? this.pick(edges) : this.int(-3, 3);
        const value = base + this.pick([-1, -0.5, 0, 0, 0.5, 1, 0.25]);
        return node.integer && this.chance(0.8) ? Math.round(value) : value;
      }
      case "boolean":
        return this.chance(0.5);
      case "null":
        return null;
      case "enum":
        return node.values.length && this.chance(0.85) ? this.pick(node.values) : this.pick(["X", 42, false, "sms", ""]);
      case "array": {
        const lo = node.minItems ?? 0;
        const hi = node.maxItems ?? lo + 3;
        const length = depth > 3 ? 0 : Math.max(0, this.pick([lo - 1, lo, hi, hi + 1, this.int(lo, Math.min(hi, lo + 3))]));
        return Array.from({ length: Math.min(length, 12) }, () => this.sample(node.items, depth + 1));
      }
      case "object": {
        const out: Record<string, unknown> = {};
        const put = (k: string, v: unknown): void => {
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        };
        for (const p of node.properties) {
          if (depth > 4 && !p.required) continue;
          if (this.chance(p.required ? 0.93 : 0.45)) put(p.name, this.sample(p.node, depth + 1));
        }
        if (this.chance(0.15)) put(this.pick(["Extra", "extra", "a"]), typeof node.additional === "object" ? this.sample(node.additional, depth + 1) : this.pick(ANY));
        return out;
      }
      case "union":
        return this.sample(this.pick(node.members), depth);
      case "intersection":
        return this.sample(node.members[0]!, depth);
      case "unknown":
      case "never":
        return this.pick(ANY);
    }
  }

  private regex(pattern: string): RegExp {
    let re = this.patterns.get(pattern);
    if (!re) {
      re = new RegExp(pattern, "u");
      this.patterns.set(pattern, re);
    }
    return re;
  }

  /** A string at, or just beside, its length limits; made of a character that fits the pattern when one does. */
  private string(min: number, max: number | undefined, pattern: string | undefined): string {
    // edges past a few thousand characters are left out: some corpus patterns backtrack quadratically
    const hi = max !== undefined && max <= 2048 ? max : Math.min(max ?? Infinity, min + 6);
    const length = Math.max(0, this.pick([min - 1, min, hi, hi + 1, this.int(min, Math.min(hi, min + 4))]));
    const fitting = pattern === undefined ? ALPHABET : ALPHABET.filter((c) => this.regex(pattern).test(c.repeat(Math.max(1, Math.min(length, 64)))));
    const c = fitting.length && this.chance(0.85) ? this.pick(fitting) : this.pick(ALPHABET);
    return c.repeat(length);
  }
}
